import type { MatchIndex } from '../core/match-index';
import type { KbChange } from './apply-pack';

export interface MatcherDeps {
  /** Loads the stored matcher or builds one from the entities (with whatever repair that needs). */
  load(): Promise<MatchIndex>;
  /** Replaces a changed entity's entries in place; false when the change needs a rebuild. */
  patch(index: MatchIndex, change: KbChange): Promise<boolean>;
  /** Forgets the stored matcher, so the next worker does not load one that no longer fits. */
  dropStored(): Promise<void>;
  onError(e: unknown): void;
}

/**
 * The matcher's life in the worker: built once, then kept up to date while lookups go on.
 * - Lookups use the latest complete matcher, even while a newer one is being built (pages never wait
 *   on a sync); with none yet, they share the one build under way.
 * - Writes are followed one after another, in the order they were written: patched in place when only
 *   what the matcher knows of an entity changed, rebuilt otherwise.
 * - A build that started before a write may have read the entities from before it: it is built again.
 * - A build that was overtaken (by `invalidate`, or by a newer build) never becomes the current one.
 * - A failed build does not poison later lookups: the next one tries again.
 */
export class MatcherKeeper {
  private ready: MatchIndex | null = null;
  private pending: Promise<MatchIndex> | null = null;
  private following: Promise<void> = Promise.resolve();

  constructor(private readonly deps: MatcherDeps) {}

  /** The matcher over everything in the knowledge base. */
  get(): Promise<MatchIndex> {
    if (this.ready) return Promise.resolve(this.ready);
    return this.pending ?? this.build();
  }

  /** Forgets the matcher: the next lookup waits for a fresh one (after a restore, which replaces everything). */
  invalidate(): void {
    this.ready = null;
    this.pending = null;
  }

  /** Makes the matcher follow a write; resolves when it has (tests and callers that must see the result). */
  changed(change: KbChange): Promise<void> {
    this.following = this.following.then(() => this.follow(change)).catch((e: unknown) => this.deps.onError(e));
    return this.following;
  }

  private async follow(change: KbChange): Promise<void> {
    const base = this.ready;
    if (this.pending || !base) {
      // A build under way may have read the entities from before this write: build again. With no
      // matcher at all, the first lookup builds one from the current data.
      if (this.pending) await this.build().catch(() => undefined);
      return;
    }
    if (!change.reranked && (await this.deps.patch(base, change))) return;
    // The stored matcher is keyed by a stamp of source versions and counts, which a new order does not
    // change (lib/kb/stored-index.ts): drop it so the next worker does not load a stale one.
    if (change.reranked) await this.deps.dropStored();
    await this.build().catch(() => undefined);
  }

  private build(): Promise<MatchIndex> {
    const run = this.deps.load();
    this.pending = run;
    run.then(
      (index) => {
        if (this.pending === run) {
          this.ready = index;
          this.pending = null;
        }
      },
      () => {
        if (this.pending === run) this.pending = null;
      },
    );
    return run;
  }
}
