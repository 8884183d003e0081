import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { voters } from '../../lib/page/article/voters';
import { ArticleScorer, articleElements, findArticleArea, pickArticle } from '../../lib/page/main-content';
import { runSliced, sliceStats } from '../../lib/page/slices';
import { collectBlocks } from '../../lib/page/walker';

const doc = (html: string) => parseHTML(html).document as unknown as Document;
const para = (text: string, n = 4) =>
  Array.from({ length: n }, (_, i) => `<p>${text} ${i}, with commas, clauses, and more words to read.</p>`).join('');
const LONG = 'Negotiators met in Doha on Monday to discuss the second phase of the ceasefire between Israel and Hamas';

describe('findArticleArea', () => {
  it('finds the body by text density and the headline outside it', () => {
    const d = doc(`<html><head><title>Truce talks resume - News</title></head><body>
      <nav><p>${LONG} in the menu</p></nav>
      <header><h1>Truce talks resume</h1></header>
      <div class="story"><div class="body">${para(LONG)}</div></div>
      <aside class="sidebar">${para('Most read: markets rally', 2)}</aside></body></html>`);
    const area = findArticleArea(d);
    expect(area.how).toBe('density');
    // The story wrapper holds nothing but the body, so it is taken whole (Readability's only-child climb).
    expect(area.roots.map((r) => r.className)).toEqual(['story']);
    expect(area.headline?.textContent).toBe('Truce talks resume');
  });

  it('finds the same area when its paragraphs are read in slices between other tasks (as the content script does)', async () => {
    const d = doc(`<html><body><nav><p>${LONG} in the menu</p></nav><header><h1>Truce talks resume</h1></header>
      <div class="story"><div class="body">${para(LONG, 40)}</div></div><aside class="sidebar">${para('Most read', 9)}</aside></body></html>`);
    // A generator, not a list read in one go: the reading itself is what slices spread out.
    const source = voters(d);
    expect(Array.isArray(source)).toBe(false);
    const scorer = new ArticleScorer(d);
    const before = sliceStats.counts['score-article'] ?? 0;
    const signal = new AbortController().signal;
    await runSliced('score-article', source, (v) => scorer.add(v), { signal, urgent: true, budgetMs: 0.01 });
    expect((sliceStats.counts['score-article'] ?? 0) - before).toBeGreaterThan(5);
    const sliced = pickArticle(d, scorer.scores);
    const whole = findArticleArea(d);
    expect(sliced).toEqual(whole);
    expect(sliced.roots.map((r) => r.className)).toEqual(['story']);
  });

  it('prefers the story to a longer list of teasers whose text is mostly links', () => {
    const teasers = Array.from(
      { length: 12 },
      (_, i) => `<li><a href="#">${LONG} teaser ${i} with a long linked headline, and more</a></li>`,
    ).join('');
    const d = doc(
      `<html><body><ul class="list">${teasers}</ul><article><div class="text">${para(LONG, 3)}</div></article></body></html>`,
    );
    const root = findArticleArea(d).roots[0]!;
    expect(root.contains(d.querySelector('.text'))).toBe(true);
    expect(root.contains(d.querySelector('.list'))).toBe(false);
  });

  it('lifts a body split over several containers to its articleBody landmark', () => {
    const d = doc(`<html><body><article itemprop="articleBody">
      <div class="component"><div class="component-content">${para(LONG, 3)}</div></div>
      <div class="component"><div class="component-content">${para(LONG, 3)}</div></div>
      <div class="component"><div class="component-content">${para(LONG, 3)}</div></div></article></body></html>`);
    expect(findArticleArea(d).roots[0]!.getAttribute('itemprop')).toBe('articleBody');
  });

  it('falls back to a landmark, then the body, on pages with little prose', () => {
    expect(findArticleArea(doc('<html><body><main><p>Short.</p></main></body></html>')).how).toBe('landmark');
    expect(findArticleArea(doc('<html><body><div>Short.</div></body></html>')).how).toBe('body');
  });

  const seed = join(import.meta.dirname, '../../../shared/corpus/seed/article.html');
  it('finds the seed article body and headline, not its comment form or sidebar', (ctx) => {
    if (!existsSync(seed)) {
      console.warn('skipped: seed article absent (../shared/corpus not found)');
      ctx.skip();
    }
    const area = findArticleArea(doc(readFileSync(seed, 'utf8')));
    expect(area.roots.map((r) => r.className)).toEqual(['article-body']);
    expect(area.headline?.tagName).toBe('H1');
  });
});

describe('findArticleArea on articles in parts and on fronts', () => {
  const walked = (d: Document) =>
    articleElements(findArticleArea(d))
      .flatMap((r) => collectBlocks(r))
      .map((b) => b.text)
      .join('\n');

  it('takes every part of an article split into sections of equal weight', () => {
    const parts = Array.from(
      { length: 4 },
      (_, i) => `<div class="step"><h2>Step ${i}</h2><div class="step-text">${para(`Part ${i}: ${LONG}`, 2)}</div></div>`,
    ).join('');
    const d = doc(`<html><body><nav><a href="/">Home</a></nav><div class="col">${parts}</div>
      <div class="rail"><ul><li><a href="/x">Other story</a></li></ul></div></body></html>`);
    const text = walked(d);
    for (let i = 0; i < 4; i++) expect(text).toContain(`Part ${i}:`);
    expect(text).not.toContain('Other story');
  });

  it('keeps a "read more" continuation, a lead paragraph beside the body, and drops furniture inside it', () => {
    const d = doc(`<html><head><title>Truce talks resume</title></head><body>
      <div class="story"><h1>Truce talks resume</h1>
        <p class="standfirst">The lead: ${LONG}, said officials on Monday.</p>
        <div class="story-body">${para(`First half. ${LONG}`, 3)}
          <div class="byline">By A. Reporter</div>
          <div class="newsletter-signup"><p>Sign up for our newsletter, the best of the news, every morning.</p></div>
          <div id="read-more">${para(`Second half. ${LONG}`, 4)}</div>
          <aside class="related"><h3><a href="/y">Related: markets rally</a></h3></aside>
        </div></div></body></html>`);
    const text = walked(d);
    expect(text).toContain('Truce talks resume');
    expect(text).toContain('The lead:');
    expect(text).toContain('First half.');
    expect(text).toContain('Second half.');
    expect(text).not.toContain('By A. Reporter');
    expect(text).not.toContain('Sign up for our newsletter');
    expect(text).not.toContain('markets rally');
  });

  it('takes a "read more" container holding a short paragraph of prose, not one holding a "Read more:" link', () => {
    const d = doc(`<html><body><div class="story-body">${para(`First half. ${LONG}`, 3)}
      <div class="read-more"><p>Second half. ${LONG}, a spokesman said.</p></div>
      <div class="read-more"><p>Read more: <a href="/z">Markets rally as ${LONG}</a></p></div>
      </div></body></html>`);
    const text = walked(d);
    expect(text).toContain('Second half.');
    expect(text).not.toContain('Markets rally');
  });

  it('reads an article set straight in <body> beside a table whole, not only the table', () => {
    const d = doc(`<html><head><title>linux video</title></head><body>
      <p align="center"><b>linux usability</b></p>
      <div align="center"><table><tbody><tr><td>${para(`In the table. ${LONG}`, 3)}</td>
        <td>${para(`Second cell. ${LONG}`, 2)}</td></tr></tbody></table></div>
      ${para(`After the table. ${LONG}`, 8)}
      <p align="center"><a href="../">up</a></p></body></html>`);
    const text = walked(d);
    expect(text).toContain('In the table.');
    expect(text).toContain('Second cell.');
    expect(text).toContain('After the table.');
  });

  it('finds no article on a front, a list of teasers', () => {
    const teasers = Array.from(
      { length: 12 },
      (_, i) =>
        `<article class="story"><h3><a href="/s${i}">Headline ${i} of the day</a></h3><p>${LONG}, and more.</p></article>`,
    ).join('');
    const area = findArticleArea(doc(`<html><body><main>${teasers}</main></body></html>`));
    expect(area.how).toBe('front');
    expect(area.roots).toEqual([]);
  });
});
