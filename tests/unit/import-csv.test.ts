// Longer than 300 lines: the good glossary, its problems and the properties test one importer through the same META and helpers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_LIMITS, importCsvGlossary, slug, type CsvImportResult } from '../../lib/pack/import-csv';
import type { Pack } from '../../lib/pack/types';
import { validatePack, type Problem } from '../../lib/pack/validate';

const META = {
  id: 'team-glossary',
  name: 'Team glossary',
  license: 'CC BY 4.0',
  attribution: 'The Gloss team',
  asOf: '2025-02-03',
};

// As a colleague would write it in a spreadsheet: mixed-case headers, a synonym column, a quoted comma.
const GOOD = [
  'Name,Aliases,Kind,Description,Wikipedia,Source',
  'Hamas,Harakat al-Muqawama al-Islamiya;HAMAS,armed group,"Palestinian Islamist group that has governed Gaza since 2007.",https://en.wikipedia.org/wiki/Hamas,',
  'Knesset,,legislature,"Israel\'s parliament, with 120 members.",https://en.wikipedia.org/wiki/Knesset,https://main.knesset.gov.il/en',
  'ethnic cleansing,,,"Forced removal of an ethnic group from a territory.",,https://en.wikipedia.org/wiki/Ethnic_cleansing',
  'Jordan,Hashemite Kingdom of Jordan | Kingdom of Jordan,country,Kingdom in the Middle East.,https://en.wikipedia.org/wiki/Jordan,',
].join('\n');

function okPack(result: CsvImportResult): Pack {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.problems)}`);
  expect(validatePack(result.pack).ok).toBe(true);
  return result.pack;
}
function problemsOf(result: CsvImportResult): Problem[] {
  if (result.ok) throw new Error('expected problems, got a pack');
  expect(result.problems.length).toBeGreaterThan(0);
  return result.problems;
}

describe('a good glossary', () => {
  it('becomes a valid pack with the meta given and one entity per row', () => {
    const pack = okPack(importCsvGlossary(GOOD, META));
    expect(pack).toMatchObject({ format: 1, ...META, version: '2025-02-03' });
    expect(pack.entities).toEqual([
      {
        id: 'csv:hamas',
        kind: 'armed-group',
        name: 'Hamas',
        alternateName: [{ text: 'Harakat al-Muqawama al-Islamiya' }, { text: 'HAMAS' }],
        description: 'Palestinian Islamist group that has governed Gaza since 2007.',
        links: { wikipedia: 'https://en.wikipedia.org/wiki/Hamas' },
        sources: ['https://en.wikipedia.org/wiki/Hamas'],
      },
      {
        id: 'csv:knesset',
        kind: 'government-body',
        name: 'Knesset',
        description: "Israel's parliament, with 120 members.",
        links: { wikipedia: 'https://en.wikipedia.org/wiki/Knesset' },
        sources: ['https://main.knesset.gov.il/en'],
      },
      {
        id: 'csv:ethnic-cleansing',
        kind: 'term',
        name: 'ethnic cleansing',
        description: 'Forced removal of an ethnic group from a territory.',
        sources: ['https://en.wikipedia.org/wiki/Ethnic_cleansing'],
      },
      {
        id: 'csv:jordan',
        kind: 'country',
        name: 'Jordan',
        alternateName: [{ text: 'Hashemite Kingdom of Jordan' }, { text: 'Kingdom of Jordan' }],
        description: 'Kingdom in the Middle East.',
        links: { wikipedia: 'https://en.wikipedia.org/wiki/Jordan' },
        sources: ['https://en.wikipedia.org/wiki/Jordan'],
      },
    ]);
  });

  it('reads the same with a BOM, with CRLF line ends, and with both', () => {
    const expected = okPack(importCsvGlossary(GOOD, META));
    for (const variant of ['\uFEFF' + GOOD, GOOD.replace(/\n/g, '\r\n'), '\uFEFF' + GOOD.replace(/\n/g, '\r\n') + '\r\n']) {
      expect(okPack(importCsvGlossary(variant, META))).toEqual(expected);
    }
  });

  it.each([
    [
      'semicolons',
      'name;aliases;description;link\nHamas;"HAMAS;Harakat";"Group, in Gaza; armed";https://en.wikipedia.org/wiki/Hamas',
    ],
    [
      'tabs',
      'name\taliases\tdescription\tlink\nHamas\tHAMAS;Harakat\tGroup, in Gaza; armed\thttps://en.wikipedia.org/wiki/Hamas',
    ],
  ])('reads a file separated by %s (decided from the header row)', (_, text) => {
    expect(okPack(importCsvGlossary(text, META)).entities[0]).toMatchObject({
      name: 'Hamas',
      alternateName: [{ text: 'HAMAS' }, { text: 'Harakat' }],
      description: 'Group, in Gaza; armed',
    });
  });

  it('keeps quoted commas, quotes and line breaks inside a value', () => {
    const csv =
      'name,description,link\n"Gaza, Strip","A ""strip"" of land,\nby the sea.",https://en.wikipedia.org/wiki/Gaza_Strip\nBea,b,https://b.org';
    const pack = okPack(importCsvGlossary(csv, META));
    expect(pack.entities[0]).toMatchObject({
      id: 'csv:gaza-strip',
      name: 'Gaza, Strip',
      description: 'A "strip" of land,\nby the sea.',
    });
  });

  it('counts rows as a spreadsheet does, even after a value spanning lines', () => {
    const csv = 'name,description,link\nAda,"two\nlines",https://a.org\n\nBea,b,javascript:void(0)';
    expect(problemsOf(importCsvGlossary(csv, META))[0]?.path).toBe('row 4, column "link"');
  });

  it.each([
    ['people', 'person'],
    ['Person', 'person'],
    ['organisation', 'organization'],
    ['ORG', 'organization'],
    ['Organizations', 'organization'],
    ['armed_group', 'armed-group'],
    ['militia', 'armed-group'],
    ['Government body', 'government-body'],
    ['ministry', 'government-body'],
    ['countries', 'country'],
    ['territory', 'territory'],
    ['city', 'place'],
    ['war', 'event'],
    ['Events', 'event'],
    ['', 'term'],
    ['concept', 'term'],
  ])('kind %j is read as %s', (kind, expected) => {
    const pack = okPack(importCsvGlossary(`name,kind,description,link\nXena,${kind},x,https://x.org`, META));
    expect(pack.entities[0]?.kind).toBe(expected);
  });

  it('uses the id column, the lang column for aliases, several sources and an official site', () => {
    const csv = [
      'id,name,aliases,language,description,link,website,sources',
      'un,United Nations,ONU;Nations unies,fr,Organisation internationale.,https://fr.wikipedia.org/wiki/ONU,https://www.un.org/fr,https://a.org/1 | https://a.org/2',
    ].join('\n');
    expect(okPack(importCsvGlossary(csv, META)).entities[0]).toEqual({
      id: 'un',
      kind: 'term',
      name: 'United Nations',
      alternateName: [
        { text: 'ONU', lang: 'fr' },
        { text: 'Nations unies', lang: 'fr' },
      ],
      description: 'Organisation internationale.',
      links: { wikipedia: 'https://fr.wikipedia.org/wiki/ONU', official: 'https://www.un.org/fr' },
      sources: ['https://a.org/1', 'https://a.org/2'],
    });
  });

  it('names repeated in any spelling get numbered ids in file order, with a warning', () => {
    const csv =
      'name,description,link\nJordan,country,https://a.org\nJordan,river,https://b.org\nJORDAN!,brand,https://c.org\nJordan 2,other,https://d.org';
    const result = importCsvGlossary(csv, META);
    expect(okPack(result).entities.map((e) => e.id)).toEqual(['csv:jordan', 'csv:jordan-2', 'csv:jordan-3', 'csv:jordan-2-2']);
    expect(result.ok && result.warnings).toEqual([
      { path: 'row 3, column "name"', message: '"Jordan" has the same name as row 2, so it gets the id "csv:jordan-2".' },
      { path: 'row 4, column "name"', message: '"JORDAN!" has the same name as row 2, so it gets the id "csv:jordan-3".' },
    ]);
  });

  it('is not fooled by names of Object.prototype members', () => {
    const result = importCsvGlossary('name,description,link,constructor\nAda,a,https://a.org,x', META);
    expect(result.ok && result.warnings.map((w) => w.message)).toEqual([
      'These columns are not used by Gloss and were ignored: "constructor".',
    ]);
    expect(problemsOf(importCsvGlossary('name,kind,description,link\nAda,constructor,a,https://a.org', META))[0]?.path).toBe(
      'row 2, column "kind"',
    );
  });

  it('warns about columns it does not use', () => {
    const result = importCsvGlossary('name,description,link,notes,url\nAda,a,https://a.org,hi,https://b.org', META);
    expect(result.ok && result.warnings.map((w) => w.message)).toEqual([
      'This column is ignored: column "link" already holds the link.',
      'These columns are not used by Gloss and were ignored: "notes".',
    ]);
  });

  it.each([
    ['Hamas', 'hamas'],
    ['Ismail Haniyeh', 'ismail-haniyeh'],
    ['São Tomé & Príncipe', 'sao-tome-principe'],
    ['  --UN--  ', 'un'],
  ])('slug(%j) = %j', (name, expected) => {
    expect(slug(name)).toBe(expected);
  });

  it('gives names without Latin letters a stable id', () => {
    expect(slug('حماس')).toMatch(/^x[0-9a-f]{8}$/);
    expect(slug('حماس')).toBe(slug('حماس'));
    expect(slug('حماس')).not.toBe(slug('حزب الله'));
  });
});

describe('problems a spreadsheet author can act on', () => {
  it.each([
    ['an empty file', '', '(file)', 'The file is empty.'],
    ['only blank lines', '\uFEFF \r\n\r\n', '(file)', 'The file is empty.'],
    ['a header and nothing else', 'name,description,link\n', '(file)', 'The file has a header row but no entries below it.'],
    [
      'an HTML page',
      '<!DOCTYPE html>\n<html><head><title>Glossary</title></head><body><table><tr><td>Hamas</td></tr></table></body></html>',
      '(file)',
      /web page \(HTML\), not a CSV file/,
    ],
    ['an HTML page after a BOM and spaces', '\uFEFF  \n<html lang="en">', '(file)', /web page \(HTML\)/],
    ['an Excel workbook', 'PK\u0003\u0004\u0014\u0000\u0006\u0000', '(file)', /Excel workbook/],
    ['a JSON pack', JSON.stringify({ format: 1, entities: [] }), '(file)', /JSON, not CSV/],
    [
      'no name column',
      'term_description,link\nx,https://a.org',
      '(header row)',
      /no "name" column.*first row is: "term_description", "link"/,
    ],
    ['no description column', 'name,link\nx,https://a.org', '(header row)', /no "description" column/],
    ['no link or source column', 'name,description\nx,y', '(header row)', /no "link" or "source" column/],
    ['an empty name', 'name,description,link\n ,y,https://a.org', 'row 2, column "name"', 'The name is empty.'],
    ['an empty description', 'name,description,link\nx,,https://a.org', 'row 2, column "description"', /description is empty/],
    [
      'a kind Gloss does not know',
      'name,kind,description,link\nx,wizard,y,https://a.org',
      'row 2, column "kind"',
      /"wizard" is not a kind Gloss knows\. Use one of: person, organization/,
    ],
    [
      'a javascript: link',
      'name,description,link\nx,y,javascript:alert(document.cookie)',
      'row 2, column "link"',
      /"javascript:alert\(document\.cookie\)" is not a web page address \(it starts with "javascript:"\)/,
    ],
    [
      'a data: source',
      'name,description,source\nx,y,"data:text/html;base64,PHNjcmlwdD4="',
      'row 2, column "source"',
      /starts with "data:"/,
    ],
    [
      'a link without https://',
      'name,description,URL\nx,y,www.example.com',
      'row 2, column "URL"',
      /"www\.example\.com" is not a complete web address/,
    ],
    ['no link and no source', 'name,description,link,source\nx,y,,', 'row 2', /needs a source/],
    [
      'HTML in a description',
      'name,description,link\nx,<b>bold</b>,https://a.org',
      'row 2, column "description"',
      'Description contains HTML tags; write plain text.',
    ],
    [
      'a bad language code',
      'name,description,link,lang\nx,y,https://a.org,English',
      'row 2, column "lang"',
      /not a language code/,
    ],
    [
      'a row with a stray comma',
      'name,description,link\nx,Gaza, a strip,https://a.org',
      'row 2',
      /has 4 values but the header row names only 3 columns/,
    ],
    [
      'an unclosed quote',
      'name,description,link\nx,"never closed,https://a.org\ny,z,https://b.org',
      'row 2',
      /opens a value that never closes/,
    ],
    [
      'the same id twice',
      'id,name,description,link\nun,Ada,a,https://a.org\nun,Bea,b,https://b.org',
      'row 3, column "id"',
      'The id "un" is already used in row 2.',
    ],
    ['an id with spaces', 'id,name,description,link\nmy id,A,a,https://a.org', 'row 2, column "id"', /^Id may hold only letters/],
    [
      'a 10 MB description',
      `name,description,link\nx,"${'<a'.repeat(5_000_000)}",https://a.org`,
      'row 2, column "description"',
      'The description has 10,000,000 characters; at most 2,000 are allowed.',
    ],
    [
      'a 10 MB name',
      `name,description,link\n${'n'.repeat(10_000_000)},y,https://a.org`,
      'row 2, column "name"',
      /at most 200 are allowed/,
    ],
    [
      'a 10 MB link',
      `name,description,link\nx,y,https://a.org/${'a'.repeat(10_000_000)}`,
      'row 2, column "link"',
      /at most 2,048 are allowed/,
    ],
  ])('%s', (_, csv, path, message) => {
    const problems = problemsOf(importCsvGlossary(csv, META));
    expect(problems[0]?.path).toBe(path);
    if (typeof message === 'string') expect(problems[0]?.message).toBe(message);
    else expect(problems[0]?.message).toMatch(message);
  });

  it('lists every bad row, in row order, not only the first', () => {
    const csv =
      'name,kind,description,link\n,term,a,https://a.org\nBea,wizard,b,https://b.org\nC,term,<i>c</i>,https://c.org\nD,term,d,https://d.org';
    expect(problemsOf(importCsvGlossary(csv, META)).map((p) => p.path)).toEqual([
      'row 2, column "name"',
      'row 3, column "kind"',
      'row 4, column "description"',
    ]);
  });

  it('caps a flood of problems and says how many were left out', () => {
    const rows = Array.from({ length: 500 }, (_, i) => `x${i},,https://a.org`);
    const problems = problemsOf(importCsvGlossary(['name,description,link', ...rows].join('\n'), META));
    expect(problems).toHaveLength(CSV_LIMITS.problems + 1);
    expect(problems.at(-1)?.message).toBe('…and 300 more. Fix these first, then import again.');
  });

  it('refuses more than 100,000 rows', () => {
    const rows = Array.from({ length: CSV_LIMITS.rows + 1 }, (_, i) => `n${i},d,https://a.org`);
    expect(problemsOf(importCsvGlossary(['name,description,link', ...rows].join('\n'), META))).toEqual([
      {
        path: '(file)',
        message: 'The file has more than 100,000 rows; Gloss imports at most 100,000 at a time. Split it into smaller files.',
      },
    ]);
  }, 30_000);

  it('reports bad pack details from the caller too', () => {
    const problems = problemsOf(
      importCsvGlossary('name,description,link\nx,y,https://a.org', { ...META, asOf: 'last week', name: 'x'.repeat(1_000_000) }),
    );
    expect(problems).toEqual([
      { path: 'pack "name"', message: "The pack's name is longer than 200 characters." },
      { path: 'pack "asOf"', message: 'AsOf must be a date like 2022, 2022-12 or 2022-12-29.' },
    ]);
  });
});

describe('properties', () => {
  const settles = (csv: string) => {
    const result = importCsvGlossary(csv, META);
    if (result.ok) return validatePack(result.pack).ok && result.pack.entities.length > 0;
    return result.problems.length > 0 && result.problems.every((p) => p.path !== '' && p.message !== '');
  };

  it('arbitrary text: never throws; either a valid pack or problems', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), settles), { numRuns: 10_000 });
  }, 120_000);

  // Text that looks like a glossary gets past the header checks, so the row checks get exercised too:
  // mostly plausible cells, some hostile or random ones.
  const plausible: Record<string, string[]> = {
    name: ['Hamas', 'Jordan', 'UN', 'حماس'],
    Aliases: ['', 'HAMAS;Harakat', 'a|b'],
    kind: ['', 'person', 'people', 'armed group'],
    description: ['A group.', '"Quoted, with a comma"', '"Two\nlines"'],
    link: ['https://en.wikipedia.org/wiki/X', ''],
    source: ['https://s.org', 'https://s.org/1 | https://s.org/2'],
    id: ['', 'x1', 'x2'],
    lang: ['', 'en', 'pt-BR'],
    notes: ['hi'],
  };
  const noise = fc.oneof(
    fc.constantFrom('javascript:x', '<b>x</b>', ' ', '"', 'wizard', 'a,b'),
    fc.string({ unit: 'binary', maxLength: 20 }),
  );
  const cellFor = (col: string) => fc.oneof({ arbitrary: fc.constantFrom(...(plausible[col] ?? [''])), weight: 12 }, noise);
  const header = fc
    .tuple(fc.shuffledSubarray(['Aliases', 'kind', 'source', 'id', 'lang', 'notes']), fc.boolean())
    .chain(([extra, dropOne]) =>
      fc.shuffledSubarray(['name', 'description', 'link', ...extra], { minLength: 3 + extra.length - (dropOne ? 1 : 0) }),
    );
  const glossary = header
    .chain((cols) =>
      fc.tuple(
        fc.constant(cols),
        fc.array(fc.tuple(...cols.map(cellFor)), { maxLength: 6 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
      ),
    )
    .map(([cols, rows, eol, bom]) => (bom ? '\uFEFF' : '') + [cols.join(','), ...rows.map((r) => r.join(','))].join(eol));

  it('glossary-shaped text: never throws; either a valid pack or problems', () => {
    fc.assert(fc.property(glossary, settles), { numRuns: 10_000 });
  }, 120_000);
});
