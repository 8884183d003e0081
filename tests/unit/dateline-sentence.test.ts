import { describe, expect, it } from 'vitest';
import { findArticleNames } from '../../lib/core/names/article-names';

const spans = (text: string) => findArticleNames([text])[0]!.map((n) => n.surface);

describe("a wire story's dateline ends before the story's first sentence", () => {
  it('the word after the dateline dash opens a sentence, so an article and a nationality are no name', () => {
    expect(spans('BAGHDAD (Reuters) - An Iranian commander was killed in Iraq on Friday.')).not.toContain('An Iranian');
    expect(spans('MOSCOW, Jan 3 (Reuters) - The Russian army said so.')).not.toContain('The Russian');
    expect(spans('KYIV, Ukraine — Several Ukrainian officials said so.')).not.toContain('Several Ukrainian');
  });

  it('a name that opens the story is still found', () => {
    expect(spans('WASHINGTON (Reuters) - Donald Trump met Benjamin Netanyahu on Monday.')).toEqual(
      expect.arrayContaining(['Donald Trump', 'Benjamin Netanyahu']),
    );
  });

  it('a spaced dash inside a sentence opens nothing', () => {
    expect(spans('He won the riding of Prince Edward - Hastings in 2019.')).toContain('Prince Edward - Hastings');
  });
});
