/** Whether Gloss runs on a page, given the pause switch and the sites the user turned it off for. */
export function isActiveOn(url: string, settings: { paused: boolean; disabledSites: readonly string[] }): boolean {
  if (settings.paused) return false;
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return !settings.disabledSites.some((site) => host === site || host.endsWith(`.${site}`));
}
