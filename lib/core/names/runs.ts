// Longer than 300 lines: findRuns and splitRun share the connector rules ('and', 'of', 'for', possessives, titles) that decide where a name starts and stops.
import {
  COMMON,
  DAYS,
  DEPARTMENTS,
  DIGIT_RE,
  MONTHS,
  NAME_VERBS,
  NOT_NAMES,
  OF_HEADS,
  ORG_WORDS,
  PARTICLES,
  PLACE_WORDS,
  TITLES,
  TITLE_HEADS,
  COUNTRY_ACRONYMS,
  words,
} from './word-lists';
import { type Token, gapIsAmp, gapIsSpace } from './tokens';
import { type UnknownActorKind } from '../unknown-actors';
import { COUNTRY_LAST_WORDS, DEMONYM_WORDS } from '../demonyms';
import { endBeforeTrailingRole, isTitle, isTitleHead } from './titles';
import { leadingParticles } from './particles';

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

const DOLLAR = 36;

/** DIGIT_RE by codes for ASCII words; nameWord asks it of every capitalised word. */
function hasDigit(word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c >= 128) return DIGIT_RE.test(word);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** Whether a token may be part of a name at all. */
function nameWord(tokens: Token[], i: number, text: string): boolean {
  const t = tokens[i]!;
  if (!t.cap || t.shouted || hasDigit(t.text)) return false;
  // A lone capital that is not an initial ("Mac OS X") says nothing; the Irish "Ó" (Ruairí Ó Brádaigh) is a name's particle.
  if (t.text.length <= 2 && /^\p{Lu}$/u.test(t.text) && t.text !== 'Ó') return false;
  const bare = t.lower;
  const undotted = bare.endsWith('.') ? bare.slice(0, -1) : bare;
  if (DAYS.has(undotted) || NOT_NAMES.has(bare) || NOT_NAMES.has(undotted) || isMonthLike(tokens, i)) {
    return false;
  }
  // "US$ 40": a currency code.
  const dollar = text.charCodeAt(t.end) === DOLLAR || text.charCodeAt(t.end + 1) === DOLLAR;
  if (dollar && /^\s*\$/.test(text.slice(t.end, t.end + 2))) return false;
  return true;
}

export interface Run {
  /** Token indexes [from, to). */
  from: number;
  to: number;
}

/** Groups capitalised words into candidate names, across particles, "of" after a head word, and "&". */
export function findRuns(tokens: Token[], text: string): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < tokens.length) {
    // "bin Laden", "von der Leyen": a family name's particle opens the name.
    const isName = nameWord(tokens, i, text);
    const lead = isName ? 0 : leadingParticles(tokens, i, text, (j) => nameWord(tokens, j, text));
    if (!isName && lead === 0) {
      i++;
      continue;
    }
    const from = i;
    let to = i + lead + 1;
    let sawFor = false;
    for (;;) {
      const last = tokens[to - 1]!;
      const next = tokens[to];
      if (!next) break;
      // "People 's Party" and "Workers' Party" with the apostrophe apart from the word, as some text is spaced.
      const apart = POSSESSIVES_IN_NAMES.has(last.lower) ? possessiveApart(tokens, to, text) : 0;
      if (apart > 0) {
        to += apart;
        continue;
      }
      if (last.possessive) {
        // "People's Party", "People's Liberation Army": a common noun's possessive inside a name.
        const inName = POSSESSIVES_IN_NAMES.has(last.lower) && /^['’]s[ \t]+$/.test(text.slice(last.end, next.start));
        if (inName && nameWord(tokens, to, text)) {
          to++;
          continue;
        }
        break;
      }
      // An acronym after a title-case word starts a name of its own: "United States DEA", "Apple TV".
      const acronymAfterWord =
        next.allCaps &&
        !last.allCaps &&
        !next.text.includes('.') &&
        !last.text.includes('.') &&
        !ROMAN_RE.test(next.text) &&
        !ORG_WORDS.has(next.lower) &&
        // "Communist Party USA": a country's acronym closes a party's name.
        !(last.lower === 'party' && COUNTRY_ACRONYMS.has(next.lower));
      if (
        nameWord(tokens, to, text) &&
        (gapIsSpace(text, last, next) || gapIsAmp(text, last, next)) &&
        !next.initial &&
        !acronymAfterWord
      ) {
        to++;
        continue;
      }
      // Lower-case connectors: particles ("Mouvement des Citoyens pour le Changement"), "of (the)", "for (a)",
      // or "and" inside a name.
      let k = to;
      if (PARTICLES.has(next.lower) && gapIsSpace(text, last, next)) {
        k = PARTICLES.has(tokens[to + 1]?.lower ?? '') ? to + 2 : to + 1;
      } else if (
        next.lower === 'of' &&
        // "National Association for the Advancement of Colored People", "Party of Democratic Action of Croatia":
        // once a name has gone on past "of" or "for", a second "of" goes on with it too.
        (OF_HEADS.has(last.lower.replace(/\.$/, '')) || sawFor) &&
        gapIsSpace(text, last, next)
      ) {
        k = tokens[to + 1]?.lower === 'the' ? to + 2 : to + 1;
        sawFor = true;
      } else if ((next.lower === 'on' || next.lower === 'for') && forHead(last, next.lower) && gapIsSpace(text, last, next)) {
        // "Council on Foreign Relations", "Committee on Armed Services".
        // "Organisation for Economic Co-operation and Development", "Centre for Strategic Studies".
        // "Union for a Popular Movement", "Veterans for Peace".
        k = tokens[to + 1]?.lower === 'the' || tokens[to + 1]?.lower === 'a' ? to + 2 : to + 1;
        sawFor = true;
      } else if (
        // "UN agency for Palestine Refugees": an acronym, an organisation word in lower case, then a name in
        // title case is one name ("UN agency for Palestine refugees" is not: one capital says nothing).
        to - from === 1 &&
        last.allCaps &&
        LOWER_ORG_HEADS.has(next.text) &&
        gapIsSpace(text, last, next) &&
        (tokens[to + 1]?.lower === 'for' || tokens[to + 1]?.lower === 'on') &&
        titleCaseWords(tokens, to + 2, text) >= 2
      ) {
        k = to + 2;
      } else if (
        next.lower === 'and' &&
        gapIsSpace(text, last, next) &&
        ((sawFor && andContinues(tokens, from, to, text)) || andJoinsOrg(tokens, from, to + 1, text))
      ) {
        k = to + 1;
      } else if (next.lower === 'the' && to - from === 1 && NAME_VERBS.has(last.lower) && gapIsSpace(text, last, next)) {
        // "Stop the War Coalition", "Rock the Vote", "Save the Children": a campaign named by what it asks.
        k = to + 1;
      }
      // "leave the Quebec Liberal Party for the Parti Québécois": what "for" leads to opens with an organisation
      // word, so it is a second organisation, not the first one's purpose.
      const forAnother =
        (next.lower === 'for' || next.lower === 'on') &&
        ORG_WORDS.has(tokens[k]?.lower ?? '') &&
        tokens[k]!.lower !== 'international';
      if (k > to && tokens[k] && !forAnother && nameWord(tokens, k, text) && gapIsSpace(text, tokens[k - 1]!, tokens[k]!)) {
        to = k + 1;
        continue;
      }
      break;
    }
    // "the Green party", "the Liberal party": a party named in lower case is still the name's head; after an
    // acronym it is a description ("the AfD party").
    const lowerParty = tokens[to]?.lower === 'party' && !ABBREVIATION_RE.test(tokens[to - 1]!.text);
    if (to - from <= 2 && lowerParty && gapIsSpace(text, tokens[to - 1]!, tokens[to]!)) to++;
    runs.push({ from, to });
    i = to;
  }
  return runs;
}

/**
 * After "of" or "for" inside a name, "and" goes on with it ("Party of Socialists and Democrats", "Center for
 * Strategic and International Studies") unless a name of an organisation of its own follows ("Ministry of
 * Defence and Home Office") or a new one opens with "The". An adjective before "and" cannot end a name.
 */
function andContinues(tokens: Token[], from: number, and: number, text: string): boolean {
  const after = tokens[and + 1];
  if (!after || after.lower === 'the' || !nameWord(tokens, and + 1, text)) return false;
  // "… Nuclear Disarmament and Rock the Vote": a campaign's name opens after "and".
  if (NAME_VERBS.has(after.lower) && tokens[and + 2]?.lower === 'the') return false;
  // "Liberal Party of Australia and Nationals": a country closes the name its "of" opened; and the name's first
  // word again opens a second name ("Principality of Svaneti and Principality of Abkhazia").
  if (COUNTRY_LAST_WORDS.has(tokens[and - 1]!.lower) || after.lower === tokens[from]!.lower) return false;
  if (/(?:ic|al)$/.test(tokens[and - 1]!.lower)) return true;
  // "Ministry of Defence and Home Office": the words after "and" end in an organisation word of their own.
  // ("Belfer Center for Science and International Affairs" goes on: "International" does not end it.)
  let j = and + 1;
  // "Secretary of State Marco Rubio and Defense Secretary Pete Hegseth": a title after "and" opens a second person.
  let titled = false;
  for (; j < tokens.length && j < and + 5 && nameWord(tokens, j, text); j++) if (TITLE_HEADS.has(tokens[j]!.lower)) titled = true;
  return !titled && !ORG_WORDS.has(tokens[j - 1]!.lower);
}

/** A word "for" or "on" continues: an organisation word, or a plural noun naming members ("Veterans for Peace"). */
function forHead(t: Token, connector: string): boolean {
  // "Member of Parliament for Niagara Falls": a seat, not a body's purpose.
  if (t.lower === 'parliament') return false;
  if (FOR_HEADS.has(t.lower)) return true;
  // Not "on" ("Talks on the Middle East"), and not a word that opens a sentence, where capitals say nothing.
  return (
    connector === 'for' &&
    !t.initial &&
    t.cap &&
    !t.possessive &&
    !t.allCaps &&
    t.lower.length >= 5 &&
    /[^su]s$/.test(t.lower) &&
    !/(?:ians|eans|ese)$/.test(t.lower)
  );
}

/** "Defence and Space Company": join across "and" only where the words after it end in an org word. */
function andJoinsOrg(tokens: Token[], from: number, after: number, text: string): boolean {
  for (let j = from; j < after - 1; j++) if (ORG_WORDS.has(tokens[j]!.lower)) return false;
  // The organisation word must close the words after "and": "Harvard and University of North Carolina" is two names.
  let j = after;
  // Only the words of this name: "Labour Party ( SDLP )" ends at "Party".
  while (
    j < after + 4 &&
    j < tokens.length &&
    nameWord(tokens, j, text) &&
    (j === after || gapIsSpace(text, tokens[j - 1]!, tokens[j]!))
  )
    j++;
  // "Conservative Review and Club for Growth": an organisation word that "of" or "for" goes on from opens a name.
  const goesOn = tokens[j]?.lower;
  return j > after && ORG_WORDS.has(tokens[j - 1]!.lower) && goesOn !== 'of' && goesOn !== 'for' && goesOn !== 'on';
}

/** Organisation words that a name may carry in lower case after an acronym: "UN agency for …". */
const LOWER_ORG_HEADS = new Set([
  'agency',
  'commission',
  'committee',
  'council',
  'office',
  'fund',
  'programme',
  'program',
  'mission',
]);

/** How many name words follow one another from token `at`, each after a space. */
function titleCaseWords(tokens: Token[], at: number, text: string): number {
  let j = at;
  while (j < tokens.length && nameWord(tokens, j, text) && (j === at || gapIsSpace(text, tokens[j - 1]!, tokens[j]!))) j++;
  return j - at;
}

const ROMAN_RE = /^[IVXLC]+$/;
/** "ANC", "AfD", "PvdA": two capitals or more in a short word. */
const ABBREVIATION_RE = /^(?=.{2,6}$)(?:[^\p{Lu}]*\p{Lu}){2}/u;
const POSSESSIVES_IN_NAMES = new Set(['people', 'women', 'children', 'workers']);

/** Tokens to take after `to - 1` for a possessive written apart ("People 's Party", "Workers' Party"), or 0. */
function possessiveApart(tokens: Token[], to: number, text: string): number {
  const last = tokens[to - 1]!;
  const next = tokens[to];
  if (!next) return 0;
  const gap = text.slice(last.end, next.start);
  if (next.lower === 's' && /^\s+['’]$/.test(gap)) {
    const after = tokens[to + 1];
    return after && nameWord(tokens, to + 1, text) && gapIsSpace(text, next, after) ? 2 : 0;
  }
  return /^\s*['’]\s+$/.test(gap) && last.lower.endsWith('s') && nameWord(tokens, to, text) ? 1 : 0;
}

/** Heads that "for" or "on" continues: "Centre for Strategic Studies", "Council on Foreign Relations". */
const FOR_HEADS = new Set([...ORG_WORDS, 'center', 'centre', 'forum', 'campaign', 'women', 'men', 'people', 'children']);

/** Party labels said of a politician before the name: "Democrat Jimmy Carter", "Liberal Stephen Owen". */
const POLITICAL_LABELS = new Set([
  'republican',
  'democrat',
  'liberal',
  'conservative',
  'labour',
  'socialist',
  'communist',
  'tory',
]);
/** Heads of a party's name that a candidate's name may follow in a run: "… Liberal Party Joe Dickson". */
const PARTY_HEADS = new Set(['party', 'front', 'alliance', 'movement', 'union', 'league', 'coalition']);

/**
 * Where a person's name starts after a party label or a party's name in one capitalised run, or null: the
 * last two or three words are plain name words (no organisation, place or title word, no acronym).
 */
function personTail(tokens: Token[], run: Run): { at: number; labelled: boolean } | null {
  for (const size of [2, 3]) {
    const at = run.to - size;
    if (at <= run.from) continue;
    const head = tokens[at - 1]!.lower;
    // The label opens the run, or follows a sentence's common first word ("Although Republican Dwight D. Eisenhower").
    const opener = tokens[run.from]!;
    const labelStart = at === run.from + 2 && opener.initial && COMMON.has(opener.lower) ? run.from + 1 : run.from;
    const labelled = at === labelStart + 1 && POLITICAL_LABELS.has(head);
    // "Liberal Party of Canada Frank Oliver": the party's country closes its name (not "Party of the United States").
    const ofCountry =
      tokens[at - 1]!.cap && tokens[at - 2]?.lower === 'of' && PARTY_HEADS.has(tokens[at - 3]?.lower ?? '') && at - 3 >= run.from;
    // "Coalition Avenir Québec": a party head that opens the run is the party's own first word, not its end.
    if (!labelled && !ofCountry && !(PARTY_HEADS.has(head) && at - 1 > run.from)) continue;
    const plain = tokens.slice(at, run.to).every(
      (t) =>
        t.cap &&
        !t.allCaps &&
        !ORG_WORDS.has(t.lower) &&
        !PLACE_WORDS.has(t.lower) &&
        !TITLES.has(t.lower) &&
        !POLITICAL_LABELS.has(t.lower) &&
        !PARTICLES.has(t.lower) &&
        // "League of United Latin American Citizens": a nationality is no given or family name here.
        !DEMONYM_WORDS.has(t.lower),
    );
    if (plain) return { at, labelled };
  }
  return null;
}

export interface Candidate {
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
export function splitRun(tokens: Token[], found: Run): Candidate[] {
  const run = { from: found.from, to: endBeforeTrailingRole(tokens, found.from, found.to) };
  const whole: Candidate[] = [{ from: run.from, to: run.to, kind: 'unknown' }];
  const hasPlaceOrOrg = (from: number, to: number): boolean =>
    tokens.slice(from, to).some((t) => ORG_WORDS.has(t.lower) || PLACE_WORDS.has(t.lower));
  const tail = personTail(tokens, run);
  if (tail !== null) {
    // "Republican Dwight Eisenhower": a party label is said of the person, not part of the name.
    // "Ontario Liberal Party Joe Dickson": a party, then its candidate.
    const out: Candidate[] = [{ from: tail.at, to: run.to, kind: 'person' }];
    if (!tail.labelled) out.unshift({ from: run.from, to: tail.at, kind: 'organization' });
    return out;
  }
  let j = run.from;
  while (j < run.to && !isTitle(tokens[j]!)) j++;
  if (j === run.to) return whole;
  // "Chief Operating Officer", "Deputy Foreign Minister": a bare title.
  if (isTitle(tokens[run.from]!) && isTitleHead(tokens[run.to - 1]!.lower)) return [];
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
    if (isTitleHead(tokens[run.to - 1]!.lower)) return [{ from: run.from, to: j, kind: 'unknown', affiliation: true }];
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
