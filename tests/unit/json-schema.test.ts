import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packJsonSchema } from '../../lib/pack/json-schema';

describe('docs/pack-format.schema.json', () => {
  it('is the schema generated from the validator (run npm run schema:build after changing it)', () => {
    const committed = JSON.parse(readFileSync(join(import.meta.dirname, '../../docs/pack-format.schema.json'), 'utf8'));
    expect(committed).toEqual(packJsonSchema());
  });

  it('carries the rules authors trip on: kinds, URL schemes, date shapes', () => {
    const text = JSON.stringify(packJsonSchema());
    expect(text).toContain('armed-group');
    expect(text).toContain('^(http|https):\\\\/\\\\/');
    expect(text).toContain('^(https):\\\\/\\\\/');
    expect(text).toContain('^\\\\d{4}');
  });
});
