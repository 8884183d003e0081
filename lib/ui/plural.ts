/** The browser's interface language, as Intl wants it ("en-GB"); English outside the extension. */
export function uiLocale(): string {
  try {
    const g = globalThis as { browser?: { i18n?: { getUILanguage(): string } }; chrome?: { i18n?: { getUILanguage(): string } } };
    return (g.browser?.i18n ?? g.chrome?.i18n)?.getUILanguage().replace('_', '-') || 'en';
  } catch {
    return 'en';
  }
}

let rules: Intl.PluralRules | undefined;
let rulesLocale = '';

/**
 * A count in words with the right form: "1 note", "2 notes". chrome.i18n has no plurals, so each
 * message has a `_one` and an `_other` key and Intl.PluralRules picks between them; both receive the
 * formatted number, since in some languages "one" also covers 21 or 0.
 */
export function plural(n: number, one: (count: string) => string, other: (count: string) => string): string {
  const locale = uiLocale();
  if (!rules || rulesLocale !== locale) {
    rulesLocale = locale;
    try {
      rules = new Intl.PluralRules(locale);
    } catch {
      rules = new Intl.PluralRules('en');
    }
  }
  const count = n.toLocaleString(locale);
  return rules.select(n) === 'one' ? one(count) : other(count);
}
