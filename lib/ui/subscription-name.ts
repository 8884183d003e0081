import type { SourcePreview } from '../sync/registry';

/**
 * The name a new subscription is added under: what the user typed, else a checked pack's own name
 * (its first sync would rename it so anyway), else nothing and the address's file name is used. Without
 * this, "Added "pack"" named the file, not the pack the user had just been shown.
 */
export function subscriptionName(
  kind: 'pack-url' | 'csv-url',
  typed: string,
  preview: Pick<SourcePreview, 'ok' | 'name'> | null,
): string | undefined {
  const own = typed.trim();
  if (own) return own;
  if (kind === 'pack-url' && preview?.ok && preview.name?.trim()) return preview.name.trim();
  return undefined;
}
