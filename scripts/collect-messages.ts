import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export const MESSAGES_FILE = 'public/_locales/en/messages.json';
const SOURCE_DIRS = ['components', 'entrypoints', 'lib'];

export type MessagesFile = Record<string, { message: string; description?: string }>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(d.name) && !d.name.endsWith('.d.ts') ? [path] : [];
  });
}

const literal = (node: ts.Node | undefined): string | null =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : null;

/**
 * Every `t(key, fallback)` call whose key and fallback are literals; keys built at run time (the kind
 * labels) are listed in the file by hand. Read with the TypeScript parser, so calls that span lines count.
 */
export function collectMessages(root: string): { messages: Map<string, string>; conflicts: string[] } {
  const messages = new Map<string, string>();
  const where = new Map<string, string>();
  const conflicts: string[] = [];
  for (const file of SOURCE_DIRS.flatMap((d) => sourceFiles(join(root, d)))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 't') {
        const [key, fallback] = [literal(node.arguments[0]), literal(node.arguments[1])];
        if (key !== null && fallback !== null) {
          const at = `${relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
          const seen = messages.get(key);
          if (seen !== undefined && seen !== fallback) conflicts.push(`${key}: ${where.get(key)} and ${at}`);
          messages.set(key, fallback);
          where.set(key, at);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { messages, conflicts };
}

/** The file with every collected message in it: existing entries keep their place and description. */
export function mergeMessages(
  current: MessagesFile,
  messages: ReadonlyMap<string, string>,
): { merged: MessagesFile; added: string[]; changed: string[] } {
  const merged: MessagesFile = { ...current };
  const added: string[] = [];
  const changed: string[] = [];
  for (const [key, message] of messages) {
    const entry = current[key];
    if (!entry) {
      added.push(key);
      merged[key] = { message };
    } else if (entry.message !== message) {
      changed.push(key);
      merged[key] = { ...entry, message };
    }
  }
  return { merged, added, changed };
}
