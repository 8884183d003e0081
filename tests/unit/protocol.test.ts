import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT_MAY_SEND, REQUEST_SCHEMAS, type MessageType } from '../../lib/messaging/requests';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The message types sent from the files under `dir` (`sendMessage('type', …)`). */
function sentFrom(dir: string): Set<string> {
  const sent = new Set<string>();
  for (const entry of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
    const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    for (const m of text.matchAll(/sendMessage\(\s*'(\w+)'/g)) sent.add(m[1]!);
  }
  return sent;
}

describe('the message protocol', () => {
  it('lets content scripts send every message their code sends, and nothing that writes', () => {
    const sent = sentFrom('entrypoints/content');
    expect(sent.size).toBeGreaterThan(3);
    for (const type of sent) expect(CONTENT_SCRIPT_MAY_SEND.has(type as MessageType), type).toBe(true);
    for (const write of [
      'setNote',
      'deleteNote',
      'savePersonalEntity',
      'importBackup',
      'addSource',
      'removeSource',
      'syncNow',
    ] as const) {
      expect(CONTENT_SCRIPT_MAY_SEND.has(write), write).toBe(false);
    }
  });

  it("lets a card add a new entity of the reader's own, but never name an existing one or add more than the page", () => {
    const schema = REQUEST_SCHEMAS.addEntityFromCard;
    const entity = {
      kind: 'person',
      name: 'Vanessa Hicks',
      description: 'photographer and Navy veteran',
      sources: ['https://news.example/a'],
    };
    const parsed = v.safeParse(schema, { entity: { ...entity, id: 'personal:mine', aliases: ['the'] } });
    expect(parsed.success).toBe(true);
    expect(parsed.output).toEqual({ entity });
    expect(v.safeParse(schema, { entity: { ...entity, sources: ['https://a.example', 'https://b.example'] } }).success).toBe(
      false,
    );
    expect(v.safeParse(schema, { entity: { ...entity, sources: ['javascript:alert(1)'] } }).success).toBe(false);
    expect(v.safeParse(schema, { entity: { ...entity, description: '' } }).success).toBe(false);
  });

  it('names only messages that have a schema', () => {
    for (const type of CONTENT_SCRIPT_MAY_SEND) expect(Object.keys(REQUEST_SCHEMAS)).toContain(type);
  });

  it("checks an annotate request's language and date", () => {
    const schema = REQUEST_SCHEMAS.annotate;
    expect(v.safeParse(schema, { blocks: ['Ada spoke.'], lang: 'en-GB', date: '2025-02-03' }).success).toBe(true);
    expect(v.safeParse(schema, { blocks: ['Ada spoke.'], lang: 'x'.repeat(36) }).success).toBe(false);
    expect(v.safeParse(schema, { blocks: ['Ada spoke.'], date: '3 February' }).success).toBe(false);
  });
});
