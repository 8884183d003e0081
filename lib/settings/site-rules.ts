/** Whether Gloss runs on a page, given the pause switch and the sites the user turned it off for. */
export function isActiveOn(url: string, settings: { paused: boolean; disabledSites: readonly string[] }): boolean {
  if (settings.paused) return false;
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return ruleFor(host, settings.disabledSites) === null;
}

/** Whether a rule for `site` covers `host`: the site itself and its subdomains. */
const covers = (site: string, host: string) => host === site || host.endsWith(`.${site}`);

/**
 * The host name a user means by what they typed: "https://www.bbc.co.uk/news", "BBC.co.uk." and
 * "*.bbc.co.uk" all name a host; a rule for "bbc.co.uk" covers its subdomains (see isActiveOn). Null
 * when it names none.
 */
export function normaliseSite(input: string): string | null {
  let text = input.trim().toLowerCase().replace(/^\*\./, '');
  if (!text) return null;
  if (!/^[a-z][a-z0-9+.-]*:\/\//.test(text)) text = `http://${text}`;
  let host: string;
  try {
    host = new URL(text).hostname;
  } catch {
    return null;
  }
  host = host.replace(/\.$/, '');
  // Letters, digits and hyphens in dot-separated labels (URL has already turned IDNs into xn--), or an
  // IPv6 literal. Browsers' URL parsers differ on what else they let through ("not a site" → "not%20a%20site").
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(host) && !/^\[[0-9a-f:.]+\]$/.test(host)) return null;
  return host;
}

/** The host of a page Gloss can run on (http and https only), or null. */
export function siteOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname : null;
  } catch {
    return null;
  }
}

/** The rule that turns Gloss off on `host`: the rule itself, or the parent domain's rule covering it. */
export function ruleFor(host: string, disabledSites: readonly string[]): string | null {
  return disabledSites.find((site) => covers(site, host)) ?? null;
}

/** The list with Gloss turned on or off for a host; turning on removes whichever rule covered it. */
export function withSite(disabledSites: readonly string[], host: string, off: boolean): string[] {
  if (off) return ruleFor(host, disabledSites) ? [...disabledSites] : [...disabledSites, host].sort();
  return disabledSites.filter((site) => !covers(site, host));
}
