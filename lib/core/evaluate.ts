/** Scores predicted mentions against gold ones, as the corpus README describes: spans by overlap. */

interface GoldMention {
  start: number;
  end: number;
  surface?: string;
  type?: string;
  uri?: string;
  alsoAccept?: string[];
}
export interface PredictedMention {
  start: number;
  end: number;
  wikipedia: string | null;
  /** The entity kind, or 'unknown'; exact-boundary scoring leaves news terms out. */
  kind?: string;
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
  /** Predictions linked to an entity with a page, judged where the gold says what is there (link precision). */
  linksJudged: number;
  linksRight: number;
  linkPrecision: number;
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
    linksJudged: 0,
    linksRight: 0,
    notEntityHits: 0,
  };
  for (const { gold, predicted } of docs) {
    s.gold += gold.mentions.length;
    s.predicted += predicted.length;
    s.truePredicted += predicted.filter((p) => gold.mentions.some((g) => overlaps(p, g))).length;
    s.notEntityHits += predicted.filter((p) => gold.notEntities?.some((n) => overlaps(p, n))).length;
    for (const p of predicted) {
      if (!p.wikipedia) continue;
      const under = gold.mentions.filter((g) => overlaps(p, g));
      // A gold span without a page says nothing about the link; a link where gold has no entity is wrong,
      // except a news term's, which this gold does not annotate.
      if (under.length > 0 && under.every((g) => !g.uri)) continue;
      if (under.length === 0 && p.kind === 'term') continue;
      s.linksJudged++;
      const page = normaliseUri(p.wikipedia);
      if (under.some((g) => [g.uri!, ...(g.alsoAccept ?? [])].some((u) => u && normaliseUri(u) === page))) s.linksRight++;
    }
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
    linkPrecision: s.linksJudged ? s.linksRight / s.linksJudged : 0,
  };
}

/** Gold types that name actors; exact-boundary scoring is over these. */
const ACTOR_TYPES = ['PER', 'ORG', 'LOC'] as const;

export interface ExactScores {
  gold: number;
  predicted: number;
  exact: number;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Exact-boundary scoring over named actors (PER/ORG/LOC), for gold that annotates every entity: a
 * prediction counts only if its span is exactly a gold actor span. News terms are not predicted actors,
 * and a prediction lying wholly inside a gold span of another type (MISC: "2001 Italian general
 * election") is neither right nor wrong here, since that gold names no actor.
 */
export function scoreExact(docs: { gold: GoldDocument; predicted: PredictedMention[] }[]): ExactScores {
  let goldCount = 0;
  let predictedCount = 0;
  let exact = 0;
  for (const doc of docs) {
    const j = judgeExact(doc.gold, doc.predicted);
    goldCount += j.gold;
    predictedCount += j.exact + j.spurious.length;
    exact += j.exact;
  }
  const precision = predictedCount ? exact / predictedCount : 0;
  const recall = goldCount ? exact / goldCount : 0;
  return {
    gold: goldCount,
    predicted: predictedCount,
    exact,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
  };
}

/** One document's exact-boundary judgement: the gold actor spans missed and the predicted spans that count as wrong. */
export interface ExactJudgement {
  gold: number;
  exact: number;
  missed: GoldMention[];
  spurious: PredictedMention[];
}

export function judgeExact(gold: GoldDocument, predicted: readonly PredictedMention[]): ExactJudgement {
  const isActor = (g: GoldMention) => (ACTOR_TYPES as readonly string[]).includes(g.type ?? '');
  const actors = gold.mentions.filter(isActor);
  const others = gold.mentions.filter((g) => !isActor(g));
  const keys = new Set(actors.map((g) => `${g.start}:${g.end}`));
  const seen = new Set<string>();
  const hit = new Set<string>();
  const spurious: PredictedMention[] = [];
  for (const p of predicted) {
    if (p.kind === 'term') continue;
    const key = `${p.start}:${p.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (keys.has(key)) hit.add(key);
    else if (!others.some((g) => g.start <= p.start && p.end <= g.end)) spurious.push(p);
  }
  const missed: GoldMention[] = [];
  const missedKeys = new Set<string>();
  for (const g of actors) {
    const key = `${g.start}:${g.end}`;
    if (!hit.has(key) && !missedKeys.has(key)) {
      missedKeys.add(key);
      missed.push(g);
    }
  }
  return { gold: keys.size, exact: hit.size, missed, spurious };
}
