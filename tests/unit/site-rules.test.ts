import { describe, expect, it } from 'vitest';
import { isActiveOn, normaliseSite, ruleFor, siteOf, withSite } from '../../lib/settings/site-rules';

describe('normaliseSite', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  Example.COM. ', 'example.com'],
    ['https://www.bbc.co.uk/news/world', 'www.bbc.co.uk'],
    ['*.bbc.co.uk', 'bbc.co.uk'],
    ['localhost', 'localhost'],
    ['127.0.0.1:8080', '127.0.0.1'],
    ['', null],
    ['   ', null],
    ['exa mple.com', null],
    ['a..b', null],
    ['not a site/', null],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['[::1]', '[::1]'],
  ])('%j → %j', (input, host) => {
    expect(normaliseSite(input)).toBe(host);
  });
});

describe('site rules', () => {
  it('covers subdomains, and turning a site back on removes the rule that covered it', () => {
    const off = withSite([], 'bbc.co.uk', true);
    expect(ruleFor('www.bbc.co.uk', off)).toBe('bbc.co.uk');
    expect(isActiveOn('https://www.bbc.co.uk/x', { paused: false, disabledSites: off })).toBe(false);
    expect(withSite(off, 'www.bbc.co.uk', true)).toEqual(off); // already covered: no duplicate
    expect(withSite(off, 'www.bbc.co.uk', false)).toEqual([]);
    expect(ruleFor('notbbc.co.uk', off)).toBeNull();
  });

  it('keeps the list sorted', () => {
    expect(withSite(['b.org'], 'a.org', true)).toEqual(['a.org', 'b.org']);
  });

  it('names the site of web pages only', () => {
    expect(siteOf('https://news.example/a')).toBe('news.example');
    expect(siteOf('chrome://extensions')).toBeNull();
    expect(siteOf(undefined)).toBeNull();
  });
});
