/**
 * What a sync did, stored as codes and numbers rather than sentences: the options page renders them
 * in the reader's language (status-text.ts, through `_locales`), and tests check the facts, not the
 * wording. Texts that come from outside Gloss (a validator's problem, a server's status text, an
 * exception) ride along as `detail` and are shown as they are.
 */

/** Why a download or a check failed. */
export type SyncFailure =
  | { code: 'unreachable'; host: string; detail?: string }
  /** The connection broke after the server had started sending the file. */
  | { code: 'dropped'; host: string; received: number; total?: number; kept: boolean }
  | { code: 'timeout'; host: string; ms: number }
  | { code: 'stalled'; host: string; ms: number }
  | { code: 'stopped' }
  | { code: 'http'; host: string; status: number; statusText: string }
  | { code: 'unasked-304'; host: string }
  | { code: 'bad-range'; host: string; contentRange: string }
  | { code: 'web-page'; host: string; contentType: string; expect: 'json' | 'csv' }
  | { code: 'csv-not-pack'; host: string; contentType: string }
  | { code: 'wrong-type'; host: string; contentType: string; expect: 'json' | 'csv' }
  | { code: 'too-large'; host: string; limit: number; bytes?: number }
  | { code: 'redirected'; host: string; to: string }
  | { code: 'no-address' }
  | { code: 'not-utf8' }
  | { code: 'empty'; host: string }
  | { code: 'html-body'; host: string }
  | { code: 'json-cut-off'; bytes: number }
  | { code: 'not-json'; detail: string }
  | { code: 'pack-refused'; problems: number; first: string }
  | { code: 'csv-refused'; problems: number; first: string }
  /** The CSV file stops part-way through its last row: a cut-off transfer or file, not a bad row. */
  | { code: 'csv-cut-off'; row: number; bytes: number }
  | { code: 'wikidata-not-json' }
  | { code: 'wikidata-error'; detail: string }
  | { code: 'wikidata-invalid'; detail: string }
  /** A Wikidata request failed: the refresh as a whole stopped, nothing was written. */
  | { code: 'wikidata-stopped'; cause: SyncFailure }
  | { code: 'save-failed'; detail: string }
  | { code: 'crashed'; detail: string };

/** What the latest sync of a source did, or what it waits for. */
export type SourceStatus =
  | { code: 'added' }
  | { code: 'wikidata-on' }
  | { code: 'builtin-imported' }
  | { code: 'offline' }
  | { code: 'not-modified' }
  | {
      code: 'updated';
      version: string;
      added: number;
      changed: number;
      removed: number;
      entities: number;
      notes?: SyncNotes;
    }
  | { code: 'same-content'; entities: number; notes?: SyncNotes }
  /** `kept`: Gloss still holds what an earlier sync gave. */
  | { code: 'failed'; failure: SyncFailure; kept: boolean }
  /** The knowledge base was rebuilt from what could be read; the source is fetched again. */
  | { code: 'rebuilt'; reason: string };

/** Remarks on a sync that worked. */
export interface SyncNotes {
  warnings?: number;
  firstWarning?: string;
  /** Wikidata: none of the other sources' entities links to it. */
  nothingLinked?: boolean;
  /** Wikidata: entities it could not describe in the reader's languages, and positions without a name. */
  skipped?: number;
  unnamed?: number;
  languages?: string[];
}

export const isFailure = (s: SourceStatus | undefined): s is Extract<SourceStatus, { code: 'failed' }> => s?.code === 'failed';
