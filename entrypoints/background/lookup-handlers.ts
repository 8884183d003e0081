import { browser } from 'wxt/browser';
import { readOptionsHash } from '@/lib/ui/routes';
import { WIKIDATA_INSTANCE } from '@/lib/pack/import-wikidata';
import { wikidataLookup } from '@/lib/settings/items';
import { DEFAULT_LIMITS } from '@/lib/sync/limits';
import { LookupGuard } from '@/lib/sync/lookup-guard';
import { lookupOnWikidata, type LookupCandidate } from '@/lib/sync/wikidata-lookup';
import type { LookupReply } from '@/lib/messaging/sync-protocol';
import type { Handlers } from './handle';
import { readerLanguages } from '@/lib/ui/reader-languages';

const guard = new LookupGuard<LookupCandidate[]>(Date.now);
/** A lookup waits for a person reading a card: give up well before a sync would. */
const LOOKUP_LIMITS = { ...DEFAULT_LIMITS, timeLimitMs: 15_000, maxBytes: 2 * 1024 * 1024 };

async function mayReadWikidata(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [`${WIKIDATA_INSTANCE}/*`] });
  } catch {
    return false;
  }
}

/** What a card asks of the network and the browser: a Wikidata lookup, the options page. */
export const lookupHandlers: Handlers<'lookupWikidata' | 'openOptions'> = {
  lookupWikidata: async ({ words, lang }): Promise<LookupReply> => {
    // Checked on every request, not cached: turning lookups off takes effect at once.
    if (!(await wikidataLookup.getValue())) return { allowed: false };
    if (!(await mayReadWikidata()))
      throw new Error(
        'Gloss has no permission to read www.wikidata.org. Turn lookups off and on again in the options to grant it.',
      );
    const languages = readerLanguages(lang);
    const key = `${languages.join('|')}\n${words.trim().toLowerCase()}`;
    const cached = guard.cached(key);
    if (cached) return { allowed: true, candidates: cached };
    if (!guard.admit()) throw new Error('Too many lookups in a minute; wait a moment and try again.');
    const result = await lookupOnWikidata(
      { limits: LOOKUP_LIMITS, now: Date.now, instance: WIKIDATA_INSTANCE, languages },
      words,
    );
    if (!result.ok) throw new Error(result.message);
    guard.remember(key, result.candidates);
    return { allowed: true, candidates: result.candidates };
  },
  openOptions: async ({ hash }) => {
    if (readOptionsHash(hash) === null) throw new Error(`"${hash.slice(0, 40)}" is not a place in Gloss's options`);
    await browser.tabs.create({ url: browser.runtime.getURL(`/options.html${hash}`) });
    return null;
  },
};
