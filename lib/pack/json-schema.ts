import { toJsonSchema } from '@valibot/to-json-schema';
import { packSchema } from './validate';

/**
 * The pack format as JSON Schema, generated from the validator so the two cannot drift. Checks that
 * JSON Schema cannot express (URL parsing, no HTML tags, unique ids) are Gloss's own, on top.
 */
export function packJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://gloss.example/schema/pack-format-1.json',
    title: 'Gloss knowledge pack, format 1',
    ...toJsonSchema(packSchema, { errorMode: 'ignore' }),
  };
}
