/**
 * The "Business and media" pack: the companies world news names most, their chief executives in office on
 * 2025-02-03, and the news agencies and major outlets. All hand-written in data/business-media/ (companies,
 * media, executives), each entity with the English Wikipedia page or dated news item that states its facts.
 *
 * The build checks what hand-written data gets wrong: a person without a dated role and its source, a
 * relation to an entity that is not in the pack, a company name that is a common word without a context rule.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Entity } from '../../lib/pack/types';
import { canonical } from './merge';

const BUSINESS_MEDIA_FILES = ['companies.json', 'media.json', 'executives.json', 'markets.json'] as const;

/**
 * Names that are English words or other things ("Apple", "Shell", "Amazon" the river): an entity named so
 * must carry a context rule, so it is marked only where the article is about the company.
 */
const COMMON_WORD_NAMES = [
  'Apple',
  'Meta',
  'Shell',
  'Amazon',
  'Alphabet',
  'Oracle',
  'Visa',
  'Chevron',
  'Ford',
  'Telegram',
  'Intel',
  'Guardian',
  'Economist',
  'Independent',
  'Bloomberg',
  'Bild',
  'Axios',
  'Blackstone',
  'Coke',
  'Eni',
  'Honda',
  'Renault',
  'RT',
  'Uber',
];

/** Problems of hand-written entities that the pack validator does not see. */
export function businessMediaProblems(entities: readonly Entity[]): string[] {
  const problems: string[] = [];
  const ids = new Set(entities.map((e) => e.id));
  const common = new Set(COMMON_WORD_NAMES.map((n) => n.toLowerCase()));
  for (const e of entities) {
    if (e.sources.length === 0) problems.push(`${e.id}: no source`);
    for (const r of e.related ?? []) {
      if (!ids.has(r) && !r.startsWith('wd:')) problems.push(`${e.id}: related ${r} is not in the pack`);
    }
    if (e.kind === 'person') {
      if (!e.roles?.length) problems.push(`${e.id}: a person without a dated role`);
      for (const role of e.roles ?? []) {
        if (!role.from || !role.source) problems.push(`${e.id}: role "${role.label}" lacks its start or its source`);
      }
    }
    const names = [e.name, ...(e.alternateName ?? []).map((a) => a.text)];
    const word = names.find((n) => common.has(n.toLowerCase()));
    if (word !== undefined && !e.context) problems.push(`${e.id}: "${word}" is a common word and needs a context rule`);
  }
  return problems;
}

/** Every entity of the Business and media pack, from data/business-media/. */
export function buildBusinessMedia(root: string): Entity[] {
  const entities = BUSINESS_MEDIA_FILES.flatMap(
    (f) => JSON.parse(readFileSync(join(root, 'data/business-media', f), 'utf8')) as Entity[],
  ).map(canonical);
  const problems = businessMediaProblems(entities);
  if (problems.length > 0) throw new Error(`data/business-media:\n  ${problems.join('\n  ')}`);
  return entities;
}
