import { expect } from 'vitest';
import type { Box } from './gloss-page';

/** The card and the line of the mention it explains share no pixel row: the line stays readable. */
export async function expectCardBesideLine(card: { boundingBox(): Promise<Box | null> }, line: Box): Promise<void> {
  const box = (await card.boundingBox())!;
  const apart = box.y >= line.y + line.height || box.y + box.height <= line.y;
  expect(apart, `card ${JSON.stringify(box)} covers the line ${JSON.stringify(line)}`).toBe(true);
}
