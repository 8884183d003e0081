/**
 * Committees of Congress, from data/us-government/committees.2025-02-02.yaml (congress-legislators, CC0): one
 * government body per committee, with the short form news writes ("House Committee on the Judiciary" is the
 * "House Judiciary Committee"), the committee's own jurisdiction sentence as description and its site as source.
 */
import { join } from 'node:path';
import type { Entity } from '../../lib/pack/types';
import { readYaml } from './us-congress';

export interface CommitteeRecord {
  type: 'house' | 'senate' | 'joint';
  name: string;
  thomas_id: string;
  url?: string;
  jurisdiction?: string;
  jurisdiction_source?: string;
}

const FILE = 'data/us-government/committees.2025-02-02.yaml';
const SOURCE = 'https://github.com/unitedstates/congress-legislators/blob/main/committees-current.yaml';

/** The committees' names are American institutions' names; Senates elsewhere have committees of the same name. */
const US_CONTEXT = [
  'U.S.',
  'United States',
  'American',
  'Washington',
  'White House',
  'Trump',
  'Biden',
  'Obama',
  'GOP',
  'Capitol',
  'Pentagon',
];

const CHAMBER = { house: 'House of Representatives', senate: 'Senate', joint: 'Congress' } as const;

/** "House Committee on the Judiciary" → "House Judiciary Committee"; "Senate Select Committee on Intelligence" → "Senate Intelligence Committee". */
export function shortForm(c: CommitteeRecord): string | null {
  const m = /^(House|Senate)(?: Permanent)?(?: Select| Special)? Committee on (?:the )?(.+)$/.exec(c.name);
  if (!m) return null;
  // "Committee on House Administration" is the "House Administration Committee".
  return m[2]!.startsWith(`${m[1]} `) ? `${m[2]} Committee` : `${m[1]} ${m[2]} Committee`;
}

/** The first sentence of the file's jurisdiction text, where it is short enough for a card. */
function firstSentence(text: string | undefined): string | null {
  const s = text?.replace(/\s+/g, ' ').match(/^.+?\.(?=\s|$)/)?.[0];
  return s && s.length <= 240 ? s : null;
}

export function committeeEntity(c: CommitteeRecord): Entity {
  const short = shortForm(c);
  const special = /\b(Select|Special)\b/.exec(c.name)?.[1];
  const kind = special ? `${special} committee` : c.type === 'joint' ? 'Joint committee' : 'Committee';
  const sentence = firstSentence(c.jurisdiction);
  // Only https addresses: a card's links must open safely (some Senate sites are listed as http://).
  const secure = (u: string | undefined): u is string => !!u && u.startsWith('https://');
  const sources = [...new Set([c.url, c.jurisdiction_source, SOURCE].filter(secure))];
  return {
    id: `gloss:us-committee-${c.thomas_id.toLowerCase()}`,
    kind: 'government-body',
    name: c.name,
    alternateName: short && short !== c.name ? [{ text: short }] : [],
    description: `${kind} of the United States ${CHAMBER[c.type]}.${sentence ? ` ${sentence}` : ''}`,
    ...(secure(c.url) ? { links: { official: c.url } } : {}),
    related: ['wd:Q30'],
    context: { anyOf: US_CONTEXT },
    sources,
  };
}

export function buildCommittees(root: string): Entity[] {
  return readYaml<CommitteeRecord[]>(join(root, FILE)).map(committeeEntity);
}
