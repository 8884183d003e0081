import type { Affiliations, SourceNote } from '@/components/EntityCard';
import { sendMessage, type EntityView } from '@/lib/messaging/protocol';
import type { SourceRecord } from '@/lib/messaging/protocol';
import type { PageMention } from '@/lib/page/highlighter';
import type { UnknownActorView } from './unknown-actor-view';

/** Everything the card shows for one mention. */
export interface CardData {
  mention: PageMention;
  entity: EntityView | null;
  note: string | null;
  sourceNotes: SourceNote[];
  /** Related actors that are also mentioned on this page. */
  related: { id: string; name: string }[];
  /** A person's country and party, from the entities the pack relates them to. */
  affiliations?: Affiliations;
  articleDate?: string;
  /** The page's language, for the Wikipedia search link of an unknown actor. */
  pageLang: string;
  /**
   * For an actor the knowledge base lacks: what the article says of them and how often it names them.
   * Counted when the card opens (marks keep coming in idle time), so not part of the prefetch.
   */
  unknownActor?: UnknownActorView;
  /** An unknown actor's fullest name on the page ("Vanessa Hicks" on the card of a later "Hicks"). */
  actorName?: string;
  /** The page's address (http and https only): the source an entity added from the card keeps. */
  pageUrl?: string | null;
  error?: string;
}

export interface CandidateView {
  id: string;
  name: string;
  description: string;
}

let sources: Promise<SourceRecord[]> | null = null;

/** The knowledge sources, read once per page: they say which pack an entity came from and as of when. */
function knownSources(): Promise<SourceRecord[]> {
  sources ??= sendMessage('listSources', {}).then(
    (r) => (r.ok ? r.value : []),
    () => [],
  );
  return sources;
}

async function entityOf(id: string): Promise<{ entity: EntityView | null; error?: string }> {
  try {
    const r = await sendMessage('getEntity', { id });
    return r.ok ? { entity: r.value } : { entity: null, error: r.error };
  } catch (e) {
    return { entity: null, error: String(e) };
  }
}

async function noteOf(id: string): Promise<string | null> {
  try {
    const r = await sendMessage('getNote', { entityId: id });
    return r.ok && r.value ? r.value.text : null;
  } catch {
    return null;
  }
}

/** Loads what the card needs for a mention; several lookups, in parallel. */
export async function loadCardData(
  mention: PageMention,
  page: { articleDate?: string; lang: string; actors: ReadonlyMap<string, string> },
): Promise<CardData> {
  const pageUrl = /^https?:$/.test(location.protocol) ? location.href.split('#')[0]! : null;
  const base = { mention, note: null, sourceNotes: [], related: [], articleDate: page.articleDate, pageLang: page.lang, pageUrl };
  if (!mention.entityId) return { ...base, entity: null };
  const [{ entity, error }, note, all] = await Promise.all([
    entityOf(mention.entityId),
    noteOf(mention.entityId),
    knownSources(),
  ]);
  if (!entity) return { ...base, entity: null, ...(error ? { error } : {}) };
  const sourceIds = entity.sourceIds ?? [];
  const sourceNotes = all
    .filter((s) => sourceIds.includes(s.id))
    .map((s) => ({ name: s.name, ...(s.asOf ? { asOf: s.asOf } : {}) }));
  const related = (entity.related ?? [])
    .filter((id) => id !== entity.id && page.actors.has(id))
    .map((id) => ({ id, name: page.actors.get(id)! }));
  const affiliations = entity.kind === 'person' ? await affiliationsOf(entity) : undefined;
  return { ...base, entity, note, sourceNotes, related, ...(affiliations ? { affiliations } : {}) };
}

/** How many related entities a card reads to find a person's country and party. */
const RELATED_READ = 6;
const PARTY_RE = /\bpolitical party\b/i;

/**
 * A person's country and party: the first related entity that is a country, and the first that the
 * pack describes as a political party (or names a Party).
 */
async function affiliationsOf(entity: EntityView): Promise<Affiliations | undefined> {
  const ids = (entity.related ?? []).filter((id) => id !== entity.id).slice(0, RELATED_READ);
  if (ids.length === 0) return undefined;
  const related = (await Promise.all(ids.map(entityOf))).map((r) => r.entity).filter((e): e is EntityView => e !== null);
  const country = related.find((e) => e.kind === 'country')?.name;
  const party = related.find(
    (e) =>
      (e.kind === 'organization' || e.kind === 'government-body') && (PARTY_RE.test(e.description) || /\bParty\b/.test(e.name)),
  )?.name;
  return country || party ? { ...(country ? { country } : {}), ...(party ? { party } : {}) } : undefined;
}

/** The other entries a mention's words could mean, for "wrong match?". */
export async function loadCandidates(mention: PageMention): Promise<CandidateView[]> {
  const ids = mention.candidates.filter((id) => id !== mention.entityId).slice(0, 6);
  const found = await Promise.all(ids.map((id) => entityOf(id)));
  return found
    .map((f) => f.entity)
    .filter((e): e is EntityView => e !== null)
    .map((e) => ({ id: e.id, name: e.name, description: e.description }));
}
