/**
 * Finds named actors the knowledge base does not know, in plain text, with rules rather than a model:
 * runs of capitalised words, cut and labelled by cues around them (titles, organisation and place words,
 * prepositions, speech verbs) and by evidence from the rest of the article (a word seen capitalised mid-
 * sentence is a name even where it opens a sentence). Offsets are UTF-16 offsets into `text`.
 */

export type UnknownActorKind = 'person' | 'organization' | 'place' | 'unknown';

export interface UnknownActor {
  start: number;
  end: number;
  surface: string;
  kind: UnknownActorKind;
  /** How the article itself describes the actor: "Iran's foreign ministry spokesman". */
  descriptor?: string;
}

const words = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Words that open sentences without being names. Lower case. */
const COMMON = words(`
  a an the this that these those it its he she they we i you his her their our my your there here
  in on at for from with by of to as into onto upon over under about above below across against among
  between through during before after since until till while when where what which who whom whose why how
  if but and or nor so yet although though because unless whether however meanwhile also then now today
  yesterday tomorrow tonight some many most more much few all both each every other another such no not
  any none one two three four five six seven eight nine ten first second third last next several only just
  even still already again instead thus therefore hence indeed perhaps maybe also according following
  despite amid around near without within beyond toward towards like unlike once twice please yes let
  mr mrs ms dr sir madam earlier later recently finally overall separately similarly meanwhile besides
  moreover furthermore otherwise nevertheless nonetheless elsewhere neither either officials critics
  analysts experts sources residents witnesses police troops soldiers authorities lawmakers voters
  protesters people children women men israelis palestinians americans europeans asked speaking
  under-secretary good great big small old young high low long short top early late full free major minor
  local national international federal global public private foreign domestic former current very
`);

const MONTHS = words(`january february march april june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec`);
const DAYS = words('monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun');
/** Capitalised but never an actor: holidays, eras, time zones, units, common acronyms. */
const NOT_NAMES = words(`christmas easter ramadan eid hanukkah passover thanksgiving diwali
  utc gmt est edt pst pdt cet bst am pm a.m p.m tv sdk vip gb mb kb tb gbp eur usd mp3 pdf url html ok id pc
  dna hiv aids covid ai os cd dvd gps gdp vat faq ceo cfo coo cto cio ps pr hq q&a no. inc. i i'm i've i'd i'll
  internet web c.e.o`);

/** Titles and roles: cues for a person, kept out of the name's span. Lower case, matched per token. */
const TITLES = words(`mr mr. mrs mrs. ms ms. dr dr. sir dame lord lady madam mx
  president vice prime minister ministers premier chancellor secretary deputy foreign defence defense interior
  finance justice king queen prince princess crown emir sheikh sultan pope cardinal archbishop bishop rabbi imam
  ayatollah father reverend rev rev. general gen gen. lt lt. lieutenant col col. colonel major maj maj. captain
  capt capt. admiral commander sergeant sgt sgt. brigadier marshal senator sen sen. representative rep rep.
  congressman congresswoman governor gov gov. mayor judge justice ambassador envoy speaker chairman chairwoman
  chair chief executive officer director spokesman spokeswoman spokesperson commissioner professor prof prof.
  ceo cfo coo cto c.e.o. founder co-founder chairperson attorney saint`);
/** Nouns that end a title phrase: "Chief Operating Officer", "Deputy Foreign Minister". */
const TITLE_HEADS = words(`officer minister president secretary director chairman chairwoman chairperson spokesman
  spokeswoman spokesperson commissioner ambassador envoy executive premier chancellor governor mayor`);
/** Role nouns that, right before a name or in an appositive, describe a person ("spokesman Esmaeil Baqaei"). */
const PERSON_ROLES = words(`spokesman spokeswoman spokesperson minister president chief executive ceo leader
  commander founder co-founder official envoy ambassador director chairman chairwoman secretary analyst
  professor journalist reporter lawyer attorney activist general colonel senator governor mayor judge
  chef author writer singer actor actress player coach striker star premier king queen prince princess head
  boss deputy aide adviser advisor candidate challenger nominee rapper musician artist economist scientist
  researcher historian strategist negotiator mediator prosecutor officer executive`);
/** Role nouns that describe an organisation ("aircraft manufacturer Boeing", "NPD Group, a research firm"). */
const ORG_ROLES = words(`manufacturer maker airframer carrier airline company firm group giant magazine newspaper
  daily broadcaster agency network retailer bank insurer producer developer publisher studio label club team
  party movement militia organisation organization operator conglomerate startup start-up corporation outlet
  channel station ministry department union charity lender automaker carmaker`);
const ROLE_NOUNS = new Set([...PERSON_ROLES, ...ORG_ROLES, 'rival']);
/** Organisation words, anywhere in a name ("Ministry of Defence", "Qatar Airways", "Apple Inc."). */
const ORG_WORDS = words(`ministry department party council army navy force forces guard guards brigade brigades
  corps bank university college school institute academy inc inc. corp corp. corporation company co co. ltd
  ltd. plc llc llp gmbh ag sa nv n.v. s.a. group holdings airlines airline airways agency office commission
  committee association society foundation federation league union court courts parliament congress senate
  assembly government administration authority police service services systems technologies technology
  motors media news times post journal network studios records club fc bureau board fund organization
  organisation movement front church hospital museum trust partners capital industries international
  electric energy pharmaceuticals labs laboratories press television radio channel broadcasting cabinet
  caucus tribunal secretariat alliance coalition command regiment battalion division guardian telegraph herald tribune gazette université universidad universidade università universität
  ministère ministerio ministero ministerium banco banque banca partido parti partei partito instituto institut
  società sociedad société gesellschaft stiftung fundación fondation`);
/** Place words ("Gaza City", "Jordan River", "Sichuan Province", "Heathrow Airport"). */
const PLACE_WORDS = words(`city river province county state region district territory island islands isle
  mountains mountain mount valley desert sea ocean gulf lake bay strait straits peninsula strip coast
  heights plateau canal airport square street avenue road bridge park camp village town capital
  governorate prefecture oblast republic kingdom emirates emirate borough harbour harbor port beach
  falls basin highlands delta center centre tower towers building plaza hall palace stadium arena`);
/** First words of multi-word place names. */
const PLACE_PREFIXES = words(
  'new san santa são sao rio los las el port fort saint st st. mount lake cape north south east west upper lower greater',
);
const COMPASS = words('east west north south eastern western northern southern central middle far');
const COUNTRY_ACRONYMS = words('us usa uk uae drc prc rok dprk');
/** Departments after "Secretary of": part of the title, not a place. */
const DEPARTMENTS = words(`state defense defence energy labor labour commerce health education justice transport
  transportation agriculture interior treasury finance security homeland veterans war navy army housing`);
/** Words before a capitalised name that make it a place. */
const PLACE_PREPS = words('in near across throughout outside inside around towards toward');
/** Connectors inside names: "Osama bin Laden", "Ludwig van Beethoven", "Charles de Gaulle". */
const PARTICLES = words('de del della der den di da dos das du van von le la bin ibn bint al el abu ben ter ten y');
/** Words before "of" that keep a name going ("Bank of England", "Republic of Korea", "Court of Justice"). */
const OF_HEADS = words(`${[...ORG_WORDS].join(' ')} ${[...PLACE_WORDS].join(' ')} ${[...TITLES].join(' ')}
  house houses order sisters brothers friends people children institute chamber department bank`);
/** Verbs that follow a person's name. */
const SPEECH_VERBS = words(`said says told added stated wrote explained noted argued asked replied insisted warned
  claimed announced confirmed denied declared tweeted posted admitted recalled urged believes believed thinks
  thought hopes hoped`);
/** Words that show a lone capitalised word is an adjective of nationality ("German airline"). */
const DEMONYMS = words(`french dutch welsh swiss greek thai british irish scottish english danish swedish finnish
  polish turkish spanish israeli iraqi saudi pakistani qatari yemeni kuwaiti emirati bangladeshi somali
  afghan nepali omani bahraini german american korean mexican african cuban moroccan tibetan venezuelan
  dominican jamaican puerto`);
const DEMONYM_RE = /(?:ian|ean|ese|ic)$/;
/** A lone word that opens a sentence and ends like this is more likely a verb, adverb or plural noun. */
const COMMON_SUFFIX_RE = /(?:ing|ed|ly|ness|ments?|ity|ities|ions|ers|ings|ists|al|als|ive|ous|ful|less|able|ible)$/;
/** Words after a lone capitalised word that show it is the subject of a sentence, so a name. */
const SUBJECT_VERBS = words(`has have had is was are were will would can could may might should must did does do
  said says told announced`);
/** A model number or code after a name makes the whole a product: "Boeing 787", "Airbus A380". */
const MODEL_RE = /^(?:\p{Lu}{0,3}\d[\p{L}\d-]*)$/u;
/** Before a name, only a model-like token marks a product ("787 Dreamliner", "A350 XWB"), not a count ("60 Boeing"). */
const PRECEDING_MODEL_RE = /^(?:\d{3}|\p{Lu}+\d+\p{Lu}*|\d+\p{Lu}+)$/u;
/** camelCase product words ("iTunes", "eBay"): capitalised words right after them belong to a product name. */
const CAMEL_RE = /^\p{Ll}+\p{Lu}/u;
const QUOTE_BEFORE_RE = /["“‘`']\s*$/;
const QUOTE_AFTER_RE = /^\s*["”’'](?!\p{L})/u;
/** Heads of numbered things: the name before them is the operator ("Air France Flight 447" → "Air France"). */
const NUMBERED_HEADS = words('flight flights');
/** Event and law heads: not actors. */
const EVENT_WORDS = words(`conference summit show expo festival games olympics cup championship championships
  awards award prize war wars act treaty accord accords agreement protocol election elections day week
  convention year`);

const UPPER_RE = /^\p{Lu}/u;
const LETTER_RE = /\p{L}/u;
const LOWER_RE = /\p{Ll}/u;
const DIGIT_RE = /\p{N}/u;
const TOKEN_RE = /[\p{L}\p{N}\p{M}]+(?:(?:['’]|[.&-](?=[\p{L}\p{N}]))[\p{L}\p{N}\p{M}]+)*/gu;
/** Arabic and similar particles glued to a name with a hyphen: "al-Assad", "bin-Salman". */
const GLUED_PARTICLE_RE = /^(?:al|el|ad|ash|as|at|an|ar|az|ud|ul|bin|ibn|abu|d|l)[-'’]\p{Lu}/u;
const ABBREVIATIONS = words(`mr mrs ms dr st jr sr inc corp co ltd gen lt col sgt capt sen rep gov prof rev mt ft
  no vs etc maj adm cmdr gov jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u d.c n.v s.a`);

interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** Starts with a capital (or is a glued particle before one): a candidate name word. */
  cap: boolean;
  allCaps: boolean;
  /** "Iran's", or a compound like "Iran-backed": the name ends with this word. */
  possessive: boolean;
  /** First word of a sentence, where capitals say nothing. */
  initial: boolean;
  /** On a line written all in capitals (a shouted headline), where capitals say nothing either. */
  shouted: boolean;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index;
    let end = start + m[0].length;
    let raw = m[0];
    let possessive = false;
    const poss = /^(.+)['’]s$/u.exec(raw);
    if (poss && UPPER_RE.test(raw)) {
      raw = poss[1]!;
      end = start + raw.length;
      possessive = true;
    }
    // "Iran-backed", "EADS-led": the name is the capitalised part, and nothing after it joins the name.
    const compound = /^(\p{Lu}[\p{L}\p{M}.&]+(?:-\p{Lu}[\p{L}\p{M}.&]*)*)-(?:\p{Ll}+ed|born|led|run|made|style|era|wide)$/u.exec(
      raw,
    );
    if (compound) {
      raw = compound[1]!;
      end = start + raw.length;
      possessive = true;
    }
    // The trailing dot of an abbreviation or initial belongs to the word ("Inc.", "U.S.", "J.").
    const lowerRaw = raw.toLowerCase();
    if (text[end] === '.' && !possessive && (ABBREVIATIONS.has(lowerRaw) || /^\p{Lu}$/u.test(raw) || raw.includes('.'))) {
      end += 1;
      raw += '.';
    }
    const letters = raw.replace(/[^\p{L}]/gu, '');
    tokens.push({
      start,
      end,
      text: raw,
      lower: raw.toLowerCase(),
      cap: (UPPER_RE.test(raw) && LETTER_RE.test(raw)) || GLUED_PARTICLE_RE.test(raw),
      allCaps: letters.length >= 2 && !LOWER_RE.test(letters),
      possessive,
      initial: false,
      shouted: false,
    });
  }
  markSentences(text, tokens);
  markShoutedLines(text, tokens);
  return tokens;
}

function markSentences(text: string, tokens: Token[]): void {
  let prevEnd = 0;
  let prev: Token | undefined;
  for (const t of tokens) {
    const gap = text.slice(prevEnd, t.start);
    const abbrevEnd = prev !== undefined && prev.text.endsWith('.') && !/[.!?]/.test(gap);
    // A sentence ends at . ! ? or a line break; a quote or colon opens a new one ("said: `` We want").
    t.initial = prev === undefined || /[.!?:;\n"“‘`]/.test(gap) || (abbrevEnd && !ABBREVIATIONS.has(prev.lower.slice(0, -1)));
    prevEnd = t.end;
    prev = t;
  }
}

function markShoutedLines(text: string, tokens: Token[]): void {
  let line: Token[] = [];
  const close = (): void => {
    const wordsOnLine = line.filter((t) => /\p{L}{3}/u.test(t.text));
    if (wordsOnLine.length >= 4 && wordsOnLine.filter((t) => t.allCaps).length / wordsOnLine.length > 0.6) {
      for (const t of wordsOnLine) t.shouted = true;
    }
    line = [];
  };
  let prevEnd = 0;
  for (const t of tokens) {
    if (text.slice(prevEnd, t.start).includes('\n')) close();
    line.push(t);
    prevEnd = t.end;
  }
  close();
}

const isMonthLike = (tokens: Token[], i: number): boolean => {
  const t = tokens[i]!;
  const bare = t.lower.replace(/\.$/, '');
  if (!MONTHS.has(bare) && bare !== 'may') return false;
  if (bare !== 'may') return true;
  // "May" is a month next to a number or after a time word, otherwise perhaps a name (Theresa May).
  const next = tokens[i + 1];
  const before = tokens[i - 1];
  return (
    (next !== undefined && DIGIT_RE.test(next.text[0]!)) ||
    (before !== undefined &&
      (DIGIT_RE.test(before.text[0]!) || words('in of since until by early late mid last next this').has(before.lower)))
  );
};

/** Whether a token may be part of a name at all. */
function nameWord(tokens: Token[], i: number, text: string): boolean {
  const t = tokens[i]!;
  if (!t.cap || t.shouted || DIGIT_RE.test(t.text)) return false;
  // A lone capital that is not an initial ("Mac OS X") says nothing.
  if (/^\p{Lu}$/u.test(t.text)) return false;
  const bare = t.lower;
  if (
    DAYS.has(bare.replace(/\.$/, '')) ||
    NOT_NAMES.has(bare) ||
    NOT_NAMES.has(bare.replace(/\.$/, '')) ||
    isMonthLike(tokens, i)
  ) {
    return false;
  }
  // "US$ 40": a currency code.
  if (/^\s*\$/.test(text.slice(t.end, t.end + 2))) return false;
  return true;
}

interface Run {
  /** Token indexes [from, to). */
  from: number;
  to: number;
}

const gapIsSpace = (text: string, a: Token, b: Token): boolean => /^[ \t\u00a0]+$/.test(text.slice(a.end, b.start));
const gapIsAmp = (text: string, a: Token, b: Token): boolean => /^\s*&\s*$/.test(text.slice(a.end, b.start));

/** Groups capitalised words into candidate names, across particles, "of" after a head word, and "&". */
function findRuns(tokens: Token[], text: string): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!nameWord(tokens, i, text)) {
      i++;
      continue;
    }
    const from = i;
    let to = i + 1;
    let sawFor = false;
    for (;;) {
      const last = tokens[to - 1]!;
      if (last.possessive) break;
      const next = tokens[to];
      if (!next) break;
      if (nameWord(tokens, to, text) && (gapIsSpace(text, last, next) || gapIsAmp(text, last, next)) && !next.initial) {
        to++;
        continue;
      }
      // Lower-case connectors: particle, "of (the)", or "and" before an organisation word.
      let k = to;
      if (PARTICLES.has(next.lower) && gapIsSpace(text, last, next)) k = to + 1;
      else if (next.lower === 'of' && OF_HEADS.has(last.lower.replace(/\.$/, '')) && gapIsSpace(text, last, next)) {
        k = tokens[to + 1]?.lower === 'the' ? to + 2 : to + 1;
      } else if (next.lower === 'for' && ORG_WORDS.has(last.lower) && gapIsSpace(text, last, next)) {
        // "Organisation for Economic Co-operation and Development", "Centre for Strategic Studies".
        k = tokens[to + 1]?.lower === 'the' ? to + 2 : to + 1;
        sawFor = true;
      } else if (next.lower === 'and' && gapIsSpace(text, last, next) && (sawFor || andJoinsOrg(tokens, from, to + 1, text))) {
        k = to + 1;
      }
      if (k > to && tokens[k] && nameWord(tokens, k, text) && gapIsSpace(text, tokens[k - 1]!, tokens[k]!)) {
        to = k + 1;
        continue;
      }
      break;
    }
    runs.push({ from, to });
    i = to;
  }
  return runs;
}

/** "Defence and Space Company": join across "and" only where the words after it end in an org word. */
function andJoinsOrg(tokens: Token[], from: number, after: number, text: string): boolean {
  for (let j = from; j < after - 1; j++) if (ORG_WORDS.has(tokens[j]!.lower)) return false;
  for (let j = after; j < after + 4 && j < tokens.length && nameWord(tokens, j, text); j++) {
    if (ORG_WORDS.has(tokens[j]!.lower)) return true;
  }
  return false;
}

const isTitle = (t: Token): boolean => TITLES.has(t.lower) && (!t.allCaps || /^(ceo|cfo|coo|cto)$/.test(t.lower));

interface Candidate {
  from: number;
  to: number;
  kind: UnknownActorKind;
  /** Title tokens just before the name inside the capitalised run ("Prime Minister"). */
  titleFrom?: number;
  /** An affiliation before the title inside the run ("Apple" in "Apple CEO Steve Jobs"). */
  affiliation?: boolean;
  /** Where the capitalised run began, affiliation included: the start of a descriptor. */
  runFrom?: number;
}

/** Splits a run at titles: [affiliation] [title…] [name]. */
function splitRun(tokens: Token[], run: Run): Candidate[] {
  const whole: Candidate[] = [{ from: run.from, to: run.to, kind: 'unknown' }];
  const hasPlaceOrOrg = (from: number, to: number): boolean =>
    tokens.slice(from, to).some((t) => ORG_WORDS.has(t.lower) || PLACE_WORDS.has(t.lower));
  let j = run.from;
  while (j < run.to && !isTitle(tokens[j]!)) j++;
  if (j === run.to) return whole;
  // "Chief Operating Officer", "Deputy Foreign Minister": a bare title.
  if (isTitle(tokens[run.from]!) && TITLE_HEADS.has(tokens[run.to - 1]!.lower)) return [];
  let k = j;
  while (
    k < run.to &&
    (isTitle(tokens[k]!) ||
      (k > j && (tokens[k]!.lower === 'of' || (tokens[k]!.lower === 'the' && tokens[k - 1]!.lower === 'of'))))
  )
    k++;
  // Titles at the end: "Chief Operating Officer" is a bare title, "Apple Chief Executive" an affiliation and a
  // title, but "Martin Luther King" and "Stephen King" are names whose last word happens to be a title.
  if (k === run.to) {
    if (TITLE_HEADS.has(tokens[run.to - 1]!.lower)) return [{ from: run.from, to: j, kind: 'unknown', affiliation: true }];
    return whole;
  }
  const restLength = run.to - k;
  // A title word inside an organisation's name: "Ministry of Foreign Affairs", "General Motors",
  // "Prince Edward Island", and after "the", "the General Staff".
  if (j > run.from && (tokens[j - 1]!.lower === 'of' || hasPlaceOrOrg(run.from, j)) && restLength < 2) return whole;
  const out: Candidate[] = [];
  if (j > run.from) out.push({ from: run.from, to: j, kind: 'unknown', affiliation: true });
  if (tokens[k - 1]!.lower === 'of' || tokens[k - 1]!.lower === 'the') {
    // "Prime Minister of Singapore" names a place; "Secretary of State Marco Rubio" and "President of
    // Ghana John Mahama" go on to a person, after a department (not an actor) or a place.
    const ofAgain = tokens.slice(k, run.to).some((t) => t.lower === 'of');
    if (!ofAgain && (restLength >= 3 || (restLength === 2 && DEPARTMENTS.has(tokens[k]!.lower)))) {
      if (!DEPARTMENTS.has(tokens[k]!.lower)) out.push({ from: k, to: k + 1, kind: 'place' });
      out.push({ from: k + 1, to: run.to, kind: 'person', titleFrom: j, runFrom: run.from });
    } else {
      out.push({ from: k, to: run.to, kind: 'place' });
    }
    return out;
  }
  if (hasPlaceOrOrg(k, run.to)) return whole;
  if (tokens[run.from - 1]?.lower === 'the' && j === run.from && restLength === 1) return whole;
  out.push({ from: k, to: run.to, kind: 'person', titleFrom: j, runFrom: run.from });
  return out;
}

function lowerOf(tokens: Token[], c: Candidate): string[] {
  return tokens.slice(c.from, c.to).map((t) => t.lower.replace(/\.$/, ''));
}

function classify(tokens: Token[], c: Candidate, text: string): UnknownActorKind {
  if (c.kind !== 'unknown') return c.kind;
  const ws = lowerOf(tokens, c);
  if (ws.some((w) => ORG_WORDS.has(w) || ORG_WORDS.has(`${w}.`))) return 'organization';
  if (/&/.test(text.slice(tokens[c.from]!.start, tokens[c.to - 1]!.end))) return 'organization';
  if (ws.slice(1).some((w) => PLACE_WORDS.has(w)) || (ws.length > 1 && PLACE_PREFIXES.has(ws[0]!))) return 'place';
  if (ws.length > 1 && ws.some((w) => COMPASS.has(w))) return 'place';
  const before = tokens[c.from - 1];
  const after = tokens[c.to];
  if (before && PLACE_PREPS.has(before.lower)) return 'place';
  const first = tokens[c.from]!;
  // Acronyms are organisations, except the few that name countries.
  if (ws.length === 1 && first.allCaps) return COUNTRY_ACRONYMS.has(ws[0]!.replace(/\./g, '')) ? 'place' : 'organization';
  // "Iran's foreign ministry spokesman", "Apple CEO": an affiliation, a country or an organisation.
  if (c.affiliation) return 'unknown';
  // "Prime Minister of Singapore", "minister of transport for Indonesia".
  if (before && (before.lower === 'of' || before.lower === 'for') && tokens[c.from - 2] && isTitle(tokens[c.from - 2]!)) {
    return 'place';
  }
  if (before && HONORIFIC_RE.test(before.lower)) return 'person';
  const titleCase = tokens.slice(c.from, c.to).every((t) => !t.allCaps);
  // Given and family name; "the Joint Strike Fighter", "the Long Beach plant" are things and places.
  if (ws.length >= 2 && ws.length <= 4 && titleCase && before?.lower !== 'the') return 'person';
  if (after && SPEECH_VERBS.has(after.lower) && ws.length >= 2 && before?.lower !== 'the') return 'person';
  if (before && ROLE_NOUNS.has(before.lower) && gapIsSpace(text, before, first) && ws.length >= 2) return 'person';
  return 'unknown';
}

/** Lone words that open a sentence are names only with evidence; common words and verb-like forms are not. */
function dropSentenceStarts(tokens: Token[], c: Candidate, evidence: Set<string>, text: string): Candidate | null {
  let from = c.from;
  while (from < c.to && tokens[from]!.initial && COMMON.has(tokens[from]!.lower) && !evidence.has(tokens[from]!.lower)) {
    from++;
  }
  // Particles and connectors left at the front after a cut.
  while (from < c.to && !tokens[from]!.cap) from++;
  if (from >= c.to) return null;
  const first = tokens[from]!;
  if (c.to - from === 1 && first.initial && !first.allCaps && !evidence.has(first.lower)) {
    const next = tokens[from + 1];
    // A one-word sentence or interjection: "Done?", "Still, …".
    if (/^[?!.;:]/.test(text.slice(first.end, first.end + 1)) && !first.possessive) return null;
    const spoken = next !== undefined && (SUBJECT_VERBS.has(next.lower) || SPEECH_VERBS.has(next.lower) || first.possessive);
    if (!spoken && (COMMON_SUFFIX_RE.test(first.lower) || /s$/.test(first.lower))) return null;
  }
  return { ...c, from };
}

/** A lone nationality adjective before a lower-case noun ("German airline", "European leaders"). */
function isDemonym(tokens: Token[], c: Candidate, text: string): boolean {
  if (c.to - c.from !== 1) return false;
  const t = tokens[c.from]!;
  // Plural nationality nouns name groups, not actors: "Singaporeans", "Indonesians".
  if (/(?:ians|eans)$/.test(t.lower) || (t.lower.length >= 6 && t.lower.endsWith('ans'))) return true;
  // "Israeli-American": every part a nationality.
  if (t.text.includes('-') && t.lower.split('-').every((p) => DEMONYMS.has(p) || DEMONYM_RE.test(p))) return true;
  // "Israeli Prime Minister …": a nationality before a title is not an actor of its own.
  if (c.affiliation && (DEMONYMS.has(t.lower) || DEMONYM_RE.test(t.lower))) return true;
  const next = tokens[c.to];
  if (!next || next.cap || COMMON.has(next.lower) || SPEECH_VERBS.has(next.lower) || t.possessive) return false;
  if (!gapIsSpace(text, t, next)) return false;
  // "-an" is too common an ending for names (Jordan, Sudan, Milan), so it counts only before a role: "Kenyan runner".
  const role = ROLE_NOUNS.has(next.lower) || isAgentNoun(next.lower);
  return DEMONYMS.has(t.lower) || (t.lower.length >= 6 && DEMONYM_RE.test(t.lower)) || (/an$/.test(t.lower) && role);
}

/** Names seen capitalised mid-sentence, and the words of longer names: evidence for the same word elsewhere. */
function collectEvidence(tokens: Token[], runs: Run[]): Set<string> {
  const evidence = new Set<string>();
  for (const r of runs) {
    for (let j = r.from; j < r.to; j++) {
      const t = tokens[j]!;
      if ((!t.initial || r.to - r.from > 1) && !COMMON.has(t.lower) && !TITLES.has(t.lower)) evidence.add(t.lower);
    }
  }
  return evidence;
}

/** Products, quoted titles and bare title phrases are not actors. */
function notAnActor(tokens: Token[], c: Candidate, text: string): boolean {
  const before = tokens[c.from - 1];
  const after = tokens[c.to];
  const first = tokens[c.from]!;
  const last = tokens[c.to - 1]!;
  if (after && !last.possessive && gapIsSpace(text, last, after) && MODEL_RE.test(after.text)) return true;
  if (before && gapIsSpace(text, before, first) && (PRECEDING_MODEL_RE.test(before.text) || CAMEL_RE.test(before.text)))
    return true;
  const quoted =
    QUOTE_BEFORE_RE.test(text.slice(Math.max(0, first.start - 3), first.start)) &&
    !last.possessive &&
    QUOTE_AFTER_RE.test(text.slice(last.end, last.end + 3));
  if (quoted) {
    return true;
  }
  // "Chief Operating Officer", "Prime Minister": a title with no name.
  if (TITLE_HEADS.has(last.lower) && (isTitle(first) || c.to - c.from === 1)) return true;
  return false;
}

/** Cuts organisation and model tails that are not actors: "Air France Flight 447" → "Air France". */
function trimTail(tokens: Token[], c: Candidate): Candidate | null {
  const ws = lowerOf(tokens, c);
  const numbered = ws.findIndex((w) => NUMBERED_HEADS.has(w));
  if (numbered > 0) return { ...c, to: c.from + numbered };
  if (numbered === 0) return null;
  if (EVENT_WORDS.has(ws[ws.length - 1]!)) return null;
  return c;
}

const FUNCTION_WORDS = words(
  'the a an this that these those his her its their our my your of for in on at to with by and or from as',
);
/** Common adjectives that do belong in a descriptor ("former foreign minister"). */
const MODIFIERS = words(`good great big small old young high low long short top early late full free major minor
  local national international federal global public private foreign domestic former current first new`);
const HONORIFIC_RE = /^(?:mr|mrs|ms|dr|mx|sir|dame)\.?$/;
const CLAUSE_WORDS = words('who which that whose whom where when');
const PAST_VERBS = words(`met saw told beat named hit led won lost left took gave made sent called held kept
  became joined replaced succeeded visited thanked praised criticised criticized accused urged welcomed`);
const VERBS = words(`is was are were be been has have had will would can could should may might did does do said says
  told announced`);

/** "runner", "director", "activist", "consultant": nouns for someone who does something. */
function isAgentNoun(lower: string): boolean {
  if (lower.length < 5 || COMMON.has(lower) || FUNCTION_WORDS.has(lower) || MODIFIERS.has(lower)) return false;
  return /(?:er|or|ist|ian|ant|ent)$/.test(lower);
}

/** Pre-modifier: "Iran's foreign ministry spokesman [Name]", "aircraft manufacturer [Name]". */
function preDescriptor(tokens: Token[], c: Candidate, text: string): string | undefined {
  const titled = c.titleFrom !== undefined && c.titleFrom < c.from;
  let first: number;
  if (titled) {
    first = c.runFrom ?? c.titleFrom!;
    // Not the word that opened the sentence: "Yesterday Prime Minister …".
    while (first < c.titleFrom! && tokens[first]!.initial && COMMON.has(tokens[first]!.lower)) first++;
  } else {
    const head = tokens[c.from - 1];
    const role = head !== undefined && !head.cap && (ROLE_NOUNS.has(head.lower) || isAgentNoun(head.lower));
    if (!role || !gapIsSpace(text, head, tokens[c.from]!)) return undefined;
    first = c.from - 1;
  }
  // Walk back over modifiers: content words, names and possessives, no punctuation, at most five words.
  for (let j = first - 1; j >= 0 && c.from - j <= 6; j--) {
    const t = tokens[j]!;
    const gap = text.slice(t.end, tokens[j + 1]!.start);
    if (!(/^[ \t\u00a0]+$/.test(gap) || (t.possessive && /^['’]s[ \t\u00a0]+$/.test(gap)))) break;
    if (FUNCTION_WORDS.has(t.lower) || VERBS.has(t.lower) || PAST_VERBS.has(t.lower) || DIGIT_RE.test(t.text)) break;
    if (COMMON.has(t.lower) && !MODIFIERS.has(t.lower)) break;
    // Lower-case words in -s, -ed or -ing right before a title are most likely verbs: "he meets President …".
    if (!t.cap && (/[^su]s$/.test(t.lower) || /(?:ed|ing)$/.test(t.lower)) && !ROLE_NOUNS.has(t.lower)) break;
    first = j;
    if (t.initial) break;
  }
  const phrase = text.slice(tokens[first]!.start, tokens[c.from - 1]!.end);
  // An honorific alone describes nothing; an appositive may.
  if (HONORIFIC_RE.test(phrase.toLowerCase())) return undefined;
  return phrase.replace(/\s+/g, ' ').replace(/\s+(['’]s)\b/g, '$1') || undefined;
}

/** Appositive: "[Name], Iran's foreign ministry spokesman, said" or "[Name], the Airbus chief executive, said". */
function appositive(tokens: Token[], c: Candidate, text: string): string | undefined {
  const last = tokens[c.to - 1]!;
  const after = text.slice(last.end, last.end + 3);
  if (!/^\s*,/.test(after)) return undefined;
  const first = tokens[c.to];
  if (!first || CLAUSE_WORDS.has(first.lower)) return undefined;
  // It starts like a noun phrase: not with a preposition, adverb or verb ("…, according to", "…, meanwhile,").
  const opener = first.lower;
  if (
    !/^(the|a|an)$/.test(opener) &&
    (FUNCTION_WORDS.has(opener) || (COMMON.has(opener) && !MODIFIERS.has(opener)) || /(?:ing|ed|ly)$/.test(opener))
  ) {
    return undefined;
  }
  let j = c.to;
  let sawRole = false;
  while (j < tokens.length && j - c.to < 12) {
    const t = tokens[j]!;
    if (VERBS.has(t.lower) || CLAUSE_WORDS.has(t.lower)) return undefined;
    if ((ROLE_NOUNS.has(t.lower) || TITLES.has(t.lower)) && !HONORIFIC_RE.test(t.lower)) sawRole = true;
    if (j === c.to && HONORIFIC_RE.test(t.lower)) return undefined;
    const gap = text.slice(t.end, tokens[j + 1]?.start ?? text.length);
    if (/[,;.!?()\n]/.test(gap.replace(/^\.$/, ''))) break;
    j++;
  }
  if (!sawRole || j >= tokens.length || j - c.to >= 12) return undefined;
  const endGap = text.slice(tokens[j]!.end, tokens[j + 1]?.start ?? text.length);
  if (!/^\s*[,.;\n]|^\s*$/.test(endGap)) return undefined;
  const phrase = text
    .slice(first.start, tokens[j]!.end)
    .replace(/\s+/g, ' ')
    .replace(/\s+(['’]s)\b/g, '$1');
  return phrase.replace(/^(?:the|a|an)\s+/i, '');
}

/** An all-capitals place opening the text or a paragraph: "JERUSALEM:", "GAZA CITY, Gaza Strip —". */
function datelines(text: string): UnknownActor[] {
  const out: UnknownActor[] = [];
  const re =
    /(?:^|\n)[ \t]*(\p{Lu}[\p{Lu}\p{M}'’.-]*(?: \p{Lu}[\p{Lu}\p{M}'’.-]*){0,3})(?=(?:,[^\n:(—–]{1,40})?\s*(?::|\(|—|–|--|-\s))/gu;
  for (const m of text.matchAll(re)) {
    const surface = m[1]!;
    if (!/\p{Lu}{3}/u.test(surface) || DAYS.has(surface.toLowerCase()) || MONTHS.has(surface.toLowerCase())) continue;
    const start = m.index + m[0].length - surface.length;
    out.push({ start, end: start + surface.length, surface, kind: 'place' });
  }
  return out;
}

/** The descriptor's head noun settles person against organisation: "airline Aer Lingus", "a research firm". */
function kindFromDescriptor(kind: UnknownActorKind, descriptor: string | undefined, strongPerson: boolean): UnknownActorKind {
  if (!descriptor || kind === 'place' || kind === 'organization' || strongPerson) return kind;
  const head =
    /([\p{L}-]+)\W*$/u.exec(descriptor.replace(/\s+(?:of|for|at|in|with|from|to|and)\s.*$/, ''))?.[1]?.toLowerCase() ?? '';
  if (ORG_ROLES.has(head)) return 'organization';
  if (PERSON_ROLES.has(head) || TITLES.has(head)) return 'person';
  return kind;
}

/** Named actors in `text` that are not inside any `known` span. */
export function findUnknownActors(text: string, known: readonly { start: number; end: number }[]): UnknownActor[] {
  const tokens = tokenize(text);
  const dated = datelines(text);
  for (const d of dated) for (const t of tokens) if (t.start >= d.start && t.end <= d.end) t.cap = false;
  const runs = findRuns(tokens, text);
  const evidence = collectEvidence(tokens, runs);

  const found: UnknownActor[] = [...dated];
  const persons = new Set<string>();
  const orgs = new Set<string>();
  const pending: { c: Candidate; kind: UnknownActorKind }[] = [];
  // Token index where the last rejected name ended: a bracket right after it spells out or shortens the same
  // thing ("Worldwide Developers Conference ( WWDC )"), so it is rejected too.
  let rejectedEnd = -1;
  for (const run of runs) {
    const explains = rejectedEnd >= 0 && /^\s*\(\s*$/.test(text.slice(tokens[rejectedEnd - 1]!.end, tokens[run.from]!.start));
    if (explains) {
      rejectedEnd = -1;
      continue;
    }
    for (const part of splitRun(tokens, run)) {
      const trimmedStart = dropSentenceStarts(tokens, part, evidence, text);
      const c = trimmedStart && trimTail(tokens, trimmedStart);
      if (!c || c.to <= c.from || isDemonym(tokens, c, text) || notAnActor(tokens, c, text)) {
        if (part.to === run.to && (!c || c.to === part.to)) rejectedEnd = run.to;
        continue;
      }
      rejectedEnd = -1;
      const kind = classify(tokens, c, text);
      if (kind === 'person' && c.to - c.from > 1) persons.add(tokens[c.to - 1]!.lower);
      if (kind === 'organization' && c.to - c.from > 1) orgs.add(tokens[c.from]!.lower);
      pending.push({ c, kind });
    }
  }
  for (const { c, kind: k } of pending) {
    // A lone family name already seen in a person's full name ("Papermaster" after "Mark Papermaster").
    // Likewise a short form of an organisation's name ("Meridian" after "Meridian Capital Partners").
    const lone = k === 'unknown' && c.to - c.from === 1 ? tokens[c.from]!.lower : '';
    const kind = persons.has(lone) ? 'person' : orgs.has(lone) ? 'organization' : k;
    const start = tokens[c.from]!.start;
    const end = tokens[c.to - 1]!.end;
    const descriptor = preDescriptor(tokens, c, text) ?? (kind === 'place' ? undefined : appositive(tokens, c, text));
    found.push({
      start,
      end,
      surface: text.slice(start, end),
      kind: kindFromDescriptor(kind, descriptor, c.titleFrom !== undefined || HONORIFIC_RE.test(tokens[c.from - 1]?.lower ?? '')),
      ...(descriptor ? { descriptor } : {}),
    });
  }
  return found.filter((a) => !known.some((k) => k.start < a.end && a.start < k.end)).sort((a, b) => a.start - b.start);
}
