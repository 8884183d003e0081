import * as v from 'valibot';
import type { RemovalPreview } from '../kb/apply-pack';
import type { SourceRecord } from '../kb/db';
import type { SourcePreview } from '../sync/registry';
import type { LookupCandidate } from '../sync/wikidata-lookup';
import type { ProtocolOf } from './define';

export type { RemovalPreview, SourcePreview };

export type UrlSourceKind = 'pack-url' | 'csv-url';

/** A lookup's answer: `allowed: false` when the reader has not turned lookups on (nothing was sent). */
export type LookupReply = { allowed: false } | { allowed: true; candidates: LookupCandidate[] };

const id = v.pipe(v.string(), v.nonEmpty(), v.maxLength(200));
const url = v.pipe(
  v.string(),
  v.nonEmpty('the address is empty'),
  v.maxLength(2_048, 'the address is longer than 2,048 characters'),
);
const kind = v.picklist(['pack-url', 'csv-url'], 'kind must be "pack-url" or "csv-url"');
const name = v.optional(v.pipe(v.string(), v.maxLength(200, 'the name is longer than 200 characters')));
/** A CSV file's licence or credit as the reader states it: plain text, shown in Sources and About. */
const stated = (what: string) =>
  v.optional(
    v.pipe(
      v.string(),
      v.maxLength(300, `the ${what} is longer than 300 characters`),
      v.check((s) => !/[<>]/.test(s), `the ${what} must be plain text`),
    ),
  );
const intervalHours = v.pipe(
  v.number(),
  v.minValue(1, 'sources are checked at most once an hour'),
  v.maxValue(720, 'at least once every 30 days'),
);

export const SYNC_SCHEMAS = {
  previewSource: v.object({ url, kind, name, license: stated('licence'), attribution: stated('attribution') }),
  addSource: v.variant('kind', [
    v.object({ kind: v.literal('pack-url'), url, name, intervalHours: v.optional(intervalHours) }),
    v.object({
      kind: v.literal('csv-url'),
      url,
      name,
      intervalHours: v.optional(intervalHours),
      license: stated('licence'),
      attribution: stated('attribution'),
    }),
    v.object({ kind: v.literal('wikidata') }),
  ]),
  updateSource: v.object({
    id,
    enabled: v.optional(v.boolean()),
    priority: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000))),
    intervalHours: v.optional(intervalHours),
  }),
  previewRemoval: v.object({ id }),
  removeSource: v.object({ id }),
  syncNow: v.object({ id: v.optional(id) }),
  lookupWikidata: v.object({
    words: v.pipe(v.string(), v.nonEmpty('there are no words to look up'), v.maxLength(200, 'at most 200 characters')),
    lang: v.optional(v.pipe(v.string(), v.regex(/^[a-z]{2,3}$/, 'lang must be a language code like "en"'))),
  }),
  openOptions: v.object({ hash: v.pipe(v.string(), v.regex(/^#/, 'the hash starts with #'), v.maxLength(2_000)) }),
};

/**
 * Managing sources. Only Gloss's own pages may subscribe, remove,
 * reorder or fetch (a web page must never make Gloss download something or drop a source). Reading
 * the list is `listSources` in the KB protocol, which also carries each source's sync progress.
 */
interface SyncReplies {
  /** Downloads and checks a file at an address without subscribing: what it holds, or why it would be refused. */
  previewSource: SourcePreview;
  /** Subscribes to a pack or CSV at an address, or turns on the Wikidata source; the first sync starts at once. */
  addSource: SourceRecord;
  /** Turns a source on or off, moves it to a rank (0 = first), or sets how often it is checked. */
  updateSource: SourceRecord;
  /** What removing a source would take out of the knowledge base. */
  previewRemoval: RemovalPreview;
  /** Removes a source and what only it gave; answers what was removed. */
  removeSource: RemovalPreview;
  /** Syncs one source, or every enabled network source, now; answers their status when done. */
  syncNow: SourceRecord[];
  /**
   * Looks the words of a mention up on Wikidata, from a card, when the reader has allowed it. Open to
   * content scripts: it writes nothing, and the card sends it only on a real click.
   */
  lookupWikidata: LookupReply;
  /** Opens the options page at a section or form (`#sources`, `#add?name=…`): the card cannot open it itself. */
  openOptions: null;
}

export type SyncProtocol = ProtocolOf<typeof SYNC_SCHEMAS, SyncReplies>;
