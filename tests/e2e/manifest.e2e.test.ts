import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROME_BUILD, FIREFOX_BUILD, requireBuild, ROOT } from './support/paths';

/**
 * The built manifests against what docs/security.md promises: every permission asked for is one the
 * document justifies, nothing is asked up front that should be asked later, and the extension pages'
 * Content Security Policy never allows eval.
 */

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: { extension_pages?: string };
  externally_connectable?: unknown;
  web_accessible_resources?: { resources: string[] }[];
  content_scripts?: { matches: string[]; js?: string[] }[];
}

const documented = [...readFileSync(join(ROOT, 'docs/security.md'), 'utf8').matchAll(/^\| `([A-Za-z_]+)`/gm)].map((m) => m[1]!);

describe.each([
  ['Chromium', CHROME_BUILD],
  ['Firefox', FIREFOX_BUILD],
])('the %s manifest', (_name, dir) => {
  requireBuild(dir);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

  it('asks only for permissions docs/security.md justifies, and no host up front', () => {
    expect(manifest.permissions?.length).toBeGreaterThan(0);
    for (const p of manifest.permissions ?? []) expect(documented, `"${p}" justified in docs/security.md`).toContain(p);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.content_scripts?.map((c) => c.matches)).toEqual([['http://*/*', 'https://*/*']]);
  });

  it('lets no web page talk to the worker, and allows no eval in its pages', () => {
    expect(manifest.externally_connectable).toBeUndefined();
    const csp = manifest.content_security_policy?.extension_pages;
    // Absent means MV3's default, script-src 'self'; present, it must not loosen it.
    if (csp !== undefined) expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|\*/);
  });
});
