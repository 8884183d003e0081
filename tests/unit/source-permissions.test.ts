import { describe, expect, it } from 'vitest';
import { coversOrigin } from '../../lib/sync/source-permissions';

describe('which granted patterns open a source to the worker', () => {
  it.each([
    ['http://*/*', 'http://127.0.0.1:8123/pack.json', true],
    ['http://*/*', 'https://example.org/pack.json', false],
    ['https://*/*', 'https://example.org/pack.json', true],
    ['*://*/*', 'https://example.org/x', true],
    ['<all_urls>', 'http://example.org/x', true],
    ['https://example.org/*', 'https://example.org/a/b.json', true],
    ['https://example.org/*', 'https://evil.example/a.json', false],
    ['https://*.example.org/*', 'https://data.example.org/a.json', true],
    ['https://*.example.org/*', 'https://example.org/a.json', true],
    ['https://*.example.org/*', 'https://badexample.org/a.json', false],
    ['https://example.org/packs/*', 'https://example.org/packs/a.json', false],
  ])('%s covers %s: %s', (pattern, url, expected) => {
    expect(coversOrigin(pattern, new URL(url))).toBe(expected);
  });
});
