/** Typing "Netanyahu" a letter at a time, then the spellings, scripts and word orders the popup must understand. */
export const SEARCH_QUERIES = [
  ...[...'netanyahu'].map((_, i) => 'netanyahu'.slice(0, i + 1)),
  'Nétanyahou',
  'bibi',
  'netnayahu',
  'benjamin net',
  'netanyahu benjamin',
  'j',
  'james smi',
  'jmaes smith',
  'müller',
  'muller',
  'democratic par',
  'ceasefire tru',
  'Израиль',
  'إسرائيل',
  'zzzzzz',
];
