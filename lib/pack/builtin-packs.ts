/**
 * The packs that ship with Gloss, like uBlock Origin's filter lists: each is a source of its own in the
 * knowledge base, with its licence, attribution and "as of" date, and the user turns each on or off.
 * scripts/pack/catalogue.ts builds them into assets/packs/; wxt.config.ts copies them into the extension.
 */
export interface BuiltinPackEntry {
  /** The pack's `id` field. */
  packId: string;
  /** Short name: the file is assets/packs/<short>.json, its inputs are in data/<short>/. */
  short: string;
  /**
   * The knowledge base's source id. World news keeps "builtin", the id of the only built-in pack before the
   * catalogue, so an update keeps the user's choices for it (on or off, rank).
   */
  sourceId: string;
  /** Imported and turned on at install ("the default set"); the others are imported turned off. */
  defaultOn: boolean;
}

export const BUILTIN_PACKS: readonly BuiltinPackEntry[] = [
  { packId: 'gloss-world-news', short: 'world-news', sourceId: 'builtin', defaultOn: true },
  { packId: 'gloss-us-government', short: 'us-government', sourceId: 'builtin-us-government', defaultOn: true },
  { packId: 'gloss-world-places', short: 'world-places', sourceId: 'builtin-world-places', defaultOn: true },
  { packId: 'gloss-business-media', short: 'business-media', sourceId: 'builtin-business-media', defaultOn: true },
];

/** Where a built-in pack is inside the built extension. */
export const builtinPackFile = (entry: BuiltinPackEntry): string => `packs/${entry.short}.json`;
