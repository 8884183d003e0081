/**
 * Whether a message comes from one of the extension's own pages (popup, options) rather than from a
 * content script running in a web page. Content scripts report the page's URL as their sender URL.
 */
export function isExtensionPage(sender: { url?: string; id?: string }, extensionOrigin: string, extensionId: string): boolean {
  if (sender.id !== extensionId || !sender.url) return false;
  try {
    return new URL(sender.url).origin === new URL(extensionOrigin).origin;
  } catch {
    return false;
  }
}
