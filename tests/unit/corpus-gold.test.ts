import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentionsOfArticle } from '../../lib/core/article-mentions';
import { normaliseUri, score, type GoldDocument } from '../../lib/core/evaluate';
import { splitParagraphs } from '../../lib/core/paragraphs';
import { loadPack } from '../../lib/cli/load-pack';

const GOLD = join(import.meta.dirname, '../../../shared/corpus/gold');
const loaded = loadPack();
const annotateDoc = (doc: { text: string; date?: string }, allNames = false) =>
  mentionsOfArticle(loaded.index, splitParagraphs(doc.text), loaded.wikipediaOf, {
    ...(doc.date ? { date: doc.date } : {}),
    allNames,
  });
const readGold = (name: string): GoldDocument[] | null => {
  const path = join(GOLD, name);
  if (!existsSync(path)) {
    console.warn(`skipped: ${path} absent`);
    return null;
  }
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as GoldDocument);
};

describe('the seed article with the default pack', () => {
  const docs = readGold('seed-article.jsonl');
  it('finds every gold mention, links each to its page, and marks no not-entity', () => {
    if (!docs) return;
    const doc = docs[0]!;
    const predicted = annotateDoc(doc);
    for (const g of doc.mentions) {
      const hit = predicted.find((p) => p.start < g.end && g.start < p.end);
      expect(hit, `gold "${g.surface}" at ${g.start}`).toBeDefined();
      if (g.uri) {
        const accepted = [g.uri, ...(g.alsoAccept ?? [])].map(normaliseUri);
        expect(accepted, `link of "${g.surface}" at ${g.start}`).toContain(normaliseUri(hit!.wikipedia ?? 'none'));
      }
    }
    const s = score([{ gold: doc, predicted }]);
    expect(s.notEntityHits).toBe(0);
    expect(s.recall).toBe(1);
  });
});

describe('wikinews NER dev set', () => {
  const docs = readGold('wikinews-ner-dev.jsonl');
  // The name finder's spans (every name it finds): the browser marks only the unknown actors worth a mark.
  it('reaches span F1 ≥ 0.85 with every name found', () => {
    if (!docs) return;
    const s = score(docs.map((gold) => ({ gold, predicted: annotateDoc(gold, true) })));
    console.log(`wikinews-ner-dev: P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}`);
    expect(s.f1).toBeGreaterThanOrEqual(0.85);
  });
});

describe('terms in context', () => {
  it('does not annotate "second phase" in an article about a building project', () => {
    const text = readFileSync(join(import.meta.dirname, '../fixtures/building-project.txt'), 'utf8');
    const surfaces = annotateDoc({ text })
      .filter((m) => m.known)
      .map((m) => m.surface.toLowerCase());
    expect(text).toContain('second phase');
    expect(surfaces).not.toContain('second phase');
  });
});
