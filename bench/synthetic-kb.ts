/**
 * Synthetic knowledge bases with name distributions like real ones: multi-word personal names from
 * many languages with shared surnames, organisations with acronyms, places, and terms. Deterministic
 * for a given size, so runs compare.
 */
import type { Entity } from '../lib/pack/types';

const GIVEN = `James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan
Joseph Jessica Thomas Sarah Charles Karen Mohammed Fatima Ahmed Aisha Ali Omar Hassan Layla Yusuf Mariam
Wei Fang Li Jing Hao Min Yan Jun Hiroshi Yuki Haruto Sakura Kenji Aiko Olga Ivan Dmitri Natalia Sergei
Anastasia Jean Marie Pierre Camille Louis Chloé Hans Greta Klaus Ingrid Jürgen Søren Astrid Björn Giulia
Marco Francesca Luca Sofia José María Carmen Javier Lucía Diego Ana João Beatriz Thiago Priya Rahul Ananya
Arjun Deepika Vikram Kwame Ama Kofi Chinedu Ngozi Amara Tunde Zanele Sipho Mehmet Ayşe Emre Zeynep Reza
Shirin Dariusz Katarzyna Piotr Agnieszka Nguyen Thi Minh Anh Duc Siddharth Oksana Taras Yael Avi Noa Eitan`.split(/\s+/);
const SURNAMES = `Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez
Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez
Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall
Rivera Campbell Mitchell Carter Roberts Haddad Khalil Nasser Mansour Saleh Aziz Karimi Hosseini Rahimi
Tehrani Wang Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto
Ivanov Smirnov Kuznetsov Popov Sokolov Petrov Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker
Dubois Durand Leroy Moreau Lefèvre Rossi Russo Ferrari Esposito Bianchi Romano Silva Santos Oliveira Souza
Pereira Costa Kumar Sharma Singh Patel Gupta Reddy Okafor Adeyemi Mensah Boateng Diallo Traoré Keita Dlamini
Nkosi Yilmaz Kaya Demir Şahin Çelik Kowalski Nowak Wiśniewski Kovalenko Shevchenko Cohen Levi Mizrahi Peretz`.split(/\s+/);
const ORG_HEADS = `National Democratic Popular United Federal Republican Liberal Socialist Green Progressive Islamic
Christian Workers People's Revolutionary Patriotic Independent Civic Free Central`.split(/\s+/);
const ORG_TAILS = `Party Front Movement Alliance Union Council Congress League Bank Agency Commission Authority Institute
Foundation Federation Coalition Army Brigade Committee Assembly`.split(/\s+/);
const PLACE_PARTS = `North South East West New Port Fort Saint San Mount Lake River Upper Lower Great`.split(/\s+/);
const PLACE_ROOTS = `Alder Birch Cedar Maple Oak Willow Ash Elm Pine Rowan Harbor Bridge Field Brook Stone Vale Ridge
Haven Ford Glen Marsh Crest Dale Hollow Meadow`.split(/\s+/);
const TERMS = `ceasefire truce sanctions tariff referendum coalition annexation blockade embargo recession inflation
impeachment filibuster veto summit accord protocol treaty mandate`.split(/\s+/);

/** Mulberry32: small, fast and good enough for benchmark data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticEntities(count: number, seed = 42): Entity[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const out: Entity[] = [];
  const sources = ['https://example.org/synthetic'];
  for (let i = 0; i < count; i++) {
    const roll = r();
    const id = `syn:${i}`;
    if (roll < 0.6) {
      const given = pick(GIVEN);
      const middle = r() < 0.4 ? ` ${pick(GIVEN)}` : '';
      const surname = r() < 0.3 ? `${pick(SURNAMES)}-${pick(SURNAMES)}` : pick(SURNAMES);
      const name = `${given}${middle} ${surname}`;
      out.push({
        id,
        kind: 'person',
        name,
        alternateName: r() < 0.3 ? [{ text: `${given[0]}. ${surname}` }] : [],
        description: 'Synthetic person.',
        sources,
      });
    } else if (roll < 0.8) {
      const words = [
        pick(ORG_HEADS),
        r() < 0.5 ? pick(ORG_HEADS) : '',
        pick(ORG_TAILS),
        r() < 0.3 ? `of ${pick(PLACE_ROOTS)}` : '',
      ]
        .filter(Boolean)
        .join(' ');
      const acronym = words
        .split(' ')
        .filter((w) => /^\p{Lu}/u.test(w))
        .map((w) => w[0])
        .join('');
      out.push({
        id,
        kind: 'organization',
        name: `${words} ${i}`,
        alternateName: acronym.length >= 2 ? [{ text: `${acronym}${i % 97}` }] : [],
        description: 'Synthetic organisation.',
        sources,
      });
    } else if (roll < 0.97) {
      const name = `${r() < 0.5 ? `${pick(PLACE_PARTS)} ` : ''}${pick(PLACE_ROOTS)}${pick(['ton', 'ville', 'burg', 'stad', 'abad', 'pur', 'grad', ''])}${i % 13 === 0 ? '' : ` ${i}`}`;
      out.push({ id, kind: 'place', name, description: 'Synthetic place.', sources });
    } else {
      out.push({ id, kind: 'term', name: `${pick(TERMS)} ${pick(TERMS)} ${i}`, description: 'Synthetic term.', sources });
    }
  }
  return out;
}

/** Every alias of a list of entities, names first. */
export function aliasTexts(entities: readonly Entity[]): string[] {
  return entities.flatMap((e) => [e.name, ...(e.alternateName ?? []).map((a) => a.text)]);
}
