import type { PageActor } from '../messaging/tab-protocol';
import type { PageMention } from './highlighter';
import { mentionKey } from './mention-filter';

/** The actors and terms on a page with how often each is mentioned, most mentioned first. */
export function summariseActors(mentions: readonly PageMention[]): PageActor[] {
  const byKey = new Map<string, PageActor>();
  for (const m of mentions) {
    const key = mentionKey(m);
    const actor = byKey.get(key);
    if (actor) actor.count++;
    else byKey.set(key, { entityId: m.entityId, name: m.entityId ? m.name : m.surface, kind: m.kind, count: 1 });
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
