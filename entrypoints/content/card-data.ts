import type { SourceNote } from '@/components/EntityCard';
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
  articleDate?: string;
  /** The page's language, for the Wikipedia search link of an unknown actor. */
  pageLang: string;
  /**
   * For an actor the knowledge base lacks: what the article says of them and how often it names them.
   * Counted when the card opens (marks keep coming in idle time), so not part of the prefetch.
   */
  unknownActor?: UnknownActorView;
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
  const base = { mention, note: null, sourceNotes: [], related: [], articleDate: page.articleDate, pageLang: page.lang };
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
  return { ...base, entity, note, sourceNotes, related };
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
