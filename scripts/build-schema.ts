/** Writes docs/pack-format.schema.json from the validator (`npm run schema:build`). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packJsonSchema } from '../lib/pack/json-schema';

const out = join(import.meta.dirname, '../docs/pack-format.schema.json');
writeFileSync(out, JSON.stringify(packJsonSchema(), null, 2) + '\n');
console.log(`Wrote ${out}`);
