/** Scores predicted mentions against gold ones, as the corpus README describes: spans by overlap. */

export interface GoldMention {
  start: number;
  end: number;
  surface?: string;
  uri?: string;
  alsoAccept?: string[];
}
export interface PredictedMention {
  start: number;
  end: number;
  wikipedia: string | null;
}
export interface GoldDocument {
  id: string;
  text: string;
  date?: string;
  mentions: GoldMention[];
  notEntities?: { start: number; end: number }[];
}

export interface Scores {
  documents: number;
  gold: number;
  predicted: number;
  /** Predicted spans that overlap a gold span. */
  truePredicted: number;
  /** Gold spans that some predicted span overlaps. */
  foundGold: number;
  precision: number;
  recall: number;
  f1: number;
  /** Gold mentions with a uri, and how many of them the overlapping prediction links right. */
  linkable: number;
  linkedRight: number;
  linkAccuracy: number;
  /** Predictions overlapping a span marked as not an entity. */
  notEntityHits: number;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** DBpedia resources name the same pages as English Wikipedia. */
export function normaliseUri(uri: string): string {
  const m = /^https?:\/\/dbpedia\.org\/resource\/(.+)$/.exec(uri);
  const url = m ? `https://en.wikipedia.org/wiki/${m[1]}` : uri.replace(/^http:\/\//, 'https://');
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

export function score(docs: { gold: GoldDocument; predicted: PredictedMention[] }[]): Scores {
  const s = {
    documents: docs.length,
    gold: 0,
    predicted: 0,
    truePredicted: 0,
    foundGold: 0,
    linkable: 0,
    linkedRight: 0,
    notEntityHits: 0,
  };
  for (const { gold, predicted } of docs) {
    s.gold += gold.mentions.length;
    s.predicted += predicted.length;
    s.truePredicted += predicted.filter((p) => gold.mentions.some((g) => overlaps(p, g))).length;
    s.notEntityHits += predicted.filter((p) => gold.notEntities?.some((n) => overlaps(p, n))).length;
    for (const g of gold.mentions) {
      const hits = predicted.filter((p) => overlaps(p, g));
      if (hits.length > 0) s.foundGold++;
      if (!g.uri) continue;
      s.linkable++;
      const accepted = new Set([g.uri, ...(g.alsoAccept ?? [])].map(normaliseUri));
      if (hits.some((p) => p.wikipedia && accepted.has(normaliseUri(p.wikipedia)))) s.linkedRight++;
    }
  }
  const precision = s.predicted ? s.truePredicted / s.predicted : 0;
  const recall = s.gold ? s.foundGold / s.gold : 0;
  return {
    ...s,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    linkAccuracy: s.linkable ? s.linkedRight / s.linkable : 0,
  };
}
