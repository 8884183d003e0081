import type { ComponentChildren } from 'preact';
import { safeHttpUrl } from '@/lib/core/safe-url';

/** A link that renders only for http(s) URLs: pack content is untrusted. */
export function SafeLink({ href, children }: { href: string | undefined; children: ComponentChildren }) {
  const url = safeHttpUrl(href);
  if (!url) return null;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  );
}
