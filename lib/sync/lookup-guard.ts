/**
 * Keeps card lookups polite to Wikidata and cheap for the reader: an answer is reused for a while,
 * and no more than a few new requests go out per minute (a card is opened by hand; a burst means
 * something is wrong, and the API's etiquette asks clients not to hammer it).
 */
export class LookupGuard<T> {
  private readonly answers = new Map<string, { at: number; value: T }>();
  private sent: number[] = [];

  constructor(
    private readonly now: () => number,
    private readonly perMinute = 10,
    private readonly keepMs = 60 * 60_000,
    private readonly keepCount = 200,
  ) {}

  cached(key: string): T | undefined {
    const hit = this.answers.get(key);
    if (!hit) return undefined;
    if (this.now() - hit.at > this.keepMs) {
      this.answers.delete(key);
      return undefined;
    }
    return hit.value;
  }

  /** Whether one more request may go out now; counts it when it may. */
  admit(): boolean {
    const t = this.now();
    this.sent = this.sent.filter((at) => t - at < 60_000);
    if (this.sent.length >= this.perMinute) return false;
    this.sent.push(t);
    return true;
  }

  remember(key: string, value: T): void {
    this.answers.delete(key);
    this.answers.set(key, { at: this.now(), value });
    // Map order is insertion order: the first key is the oldest answer.
    while (this.answers.size > this.keepCount) this.answers.delete(this.answers.keys().next().value!);
  }
}
