import { t } from '../ui/i18n';
import { plural } from '../ui/plural';
import type { SourceStatus, SyncFailure, SyncNotes } from './status';
import { formatBytes } from './words';

const seconds = (ms: number) =>
  ms >= 60_000 && ms % 60_000 === 0
    ? t('sync_minutes', '$1 min', [String(ms / 60_000)])
    : t('sync_seconds', '$1 s', [String(Math.round(ms / 100) / 10)]);

const what = (expect: 'json' | 'csv') => (expect === 'json' ? t('sync_aPack', 'a pack') : t('sync_aCsvFile', 'a CSV file'));

/** How much of a file arrived: "1.3 MB of 2.5 MB", or "1.3 MB" when the server did not say its size. */
export function bytesOf(received: number, total?: number): string {
  return total ? t('sync_bytesOf', '$1 of $2', [formatBytes(received), formatBytes(total)]) : formatBytes(received);
}

/** Why a sync failed, in one or two sentences. */
export function failureText(f: SyncFailure): string {
  switch (f.code) {
    case 'unreachable':
      // The detail goes with the host in one substitution: "$1$2" would read to Chrome as a placeholder "$1$".
      return t('sync_unreachable', 'Could not reach $1. Check the address and your connection.', [
        f.detail ? `${f.host} (${f.detail})` : f.host,
      ]);
    case 'dropped':
      return f.kept
        ? t('sync_droppedKept', 'The connection to $1 broke after $2 had arrived; Gloss goes on from there next time.', [
            f.host,
            bytesOf(f.received, f.total),
          ])
        : t('sync_dropped', 'The connection to $1 broke after $2 had arrived; Gloss downloads the file again next time.', [
            f.host,
            bytesOf(f.received, f.total),
          ]);
    case 'timeout':
      return t('sync_timeout', 'The download from $1 took longer than $2 and was stopped.', [f.host, seconds(f.ms)]);
    case 'stalled':
      return t('sync_stalled', '$1 sent nothing for $2; Gloss stopped waiting.', [f.host, seconds(f.ms)]);
    case 'stopped':
      return t('sync_stopped', 'The sync was stopped.');
    case 'http':
      return httpText(f.host, f.status, f.statusText);
    case 'unasked-304':
      return t('sync_unasked304', '$1 answered “304 Not Modified” to a request that was not conditional.', [f.host]);
    case 'bad-range':
      return t('sync_badRange', '$1 sent part of the file Gloss did not ask for (206 with Content-Range “$2”).', [
        f.host,
        f.contentRange,
      ]);
    case 'web-page':
      return t(
        'sync_webPage',
        '$1 sent a web page ($2), not $3: the address may lead to a page about the file, a login page or an error page. Use the address of the file itself.',
        [f.host, f.contentType, what(f.expect)],
      );
    case 'csv-not-pack':
      return t('sync_csvNotPack', '$1 sent a CSV file ($2), not a JSON pack: add this address as a CSV glossary instead.', [
        f.host,
        f.contentType,
      ]);
    case 'wrong-type':
      return t('sync_wrongType', '$1 sent a file of type $2, not $3.', [f.host, f.contentType, what(f.expect)]);
    case 'too-large':
      return f.bytes !== undefined
        ? t('sync_tooLargeSaid', 'The file at $1 is $2, more than the $3 Gloss accepts for one source. Nothing was downloaded.', [
            f.host,
            formatBytes(f.bytes),
            formatBytes(f.limit),
          ])
        : t(
            'sync_tooLarge',
            'The file at $1 is larger than the $2 Gloss accepts for one source; the download was stopped there.',
            [f.host, formatBytes(f.limit)],
          );
    case 'redirected':
      return t(
        'sync_redirected',
        '$1 sent Gloss on to another site ($2). Gloss reads a source only from the site you added; if that other address is the right one, add it as the source instead.',
        [f.host, f.to],
      );
    case 'no-address':
      return t('sync_noAddress', 'This source has no address.');
    case 'not-utf8':
      return t('sync_notUtf8', 'The file is not UTF-8 text. Save it as UTF-8 and publish it again.');
    case 'empty':
      return t('sync_empty', '$1 sent an empty file.', [f.host]);
    case 'html-body':
      return t(
        'sync_htmlBody',
        '$1 sent a web page (HTML), not a pack: the address may lead to a page about the pack, a login page or an error page. Use the address of the JSON file itself.',
        [f.host],
      );
    case 'json-cut-off':
      return t(
        'sync_jsonCutOff',
        'The pack is cut off: the JSON ends after $1, in the middle of a value. The download was interrupted or the file on the server is incomplete.',
        [formatBytes(f.bytes)],
      );
    case 'not-json':
      return t('sync_notJson', 'The file is not valid JSON ($1).', [f.detail]);
    case 'pack-refused':
      return plural(
        f.problems,
        (n) => t('sync_packRefused_one', 'The pack was refused: $1 problem. First: $2', [n, f.first]),
        (n) => t('sync_packRefused_other', 'The pack was refused: $1 problems. First: $2', [n, f.first]),
      );
    case 'csv-refused':
      return plural(
        f.problems,
        (n) => t('sync_csvRefused_one', 'The CSV glossary was refused: $1 problem. First: $2', [n, f.first]),
        (n) => t('sync_csvRefused_other', 'The CSV glossary was refused: $1 problems. First: $2', [n, f.first]),
      );
    case 'csv-cut-off':
      return t(
        'sync_csvCutOff',
        'The CSV file is cut off: it stops part-way through row $1, after $2. The download was interrupted or the file on the server is incomplete.',
        [String(f.row), formatBytes(f.bytes)],
      );
    case 'wikidata-not-json':
      return t('sync_wikidataNotJson', 'Wikidata sent an answer that is not complete JSON.');
    case 'wikidata-error':
      return t('sync_wikidataError', 'Wikidata answered with an error: $1', [f.detail]);
    case 'wikidata-invalid':
      return t('sync_wikidataInvalid', 'Wikidata’s answer did not make a valid pack: $1', [f.detail]);
    case 'wikidata-stopped':
      return t('sync_wikidataStopped', '$1 The refresh was stopped.', [failureText(f.cause)]);
    case 'save-failed':
      return t('sync_saveFailed', 'Gloss could not save the update ($1).', [f.detail]);
    case 'crashed':
      return t('sync_crashed', 'Gloss failed while syncing: $1', [f.detail]);
  }
}

function httpText(host: string, status: number, statusText: string): string {
  const code = `${status}${statusText ? ` ${statusText}` : ''}`;
  if (status === 404 || status === 410)
    return t('sync_http404', '$1 answered $2: there is no file at this address. Check it.', [host, code]);
  if (status === 401 || status === 403)
    return t('sync_http403', '$1 refused access ($2). Gloss sends no cookies or passwords, so the file must be public.', [
      host,
      code,
    ]);
  if (status === 429 || status === 503) return t('sync_httpBusy', '$1 is busy ($2); Gloss will try again later.', [host, code]);
  if (status >= 500) return t('sync_http5xx', '$1 had a server error ($2); Gloss will try again later.', [host, code]);
  return t('sync_httpOther', '$1 answered $2 instead of the file.', [host, code]);
}

const entities = (n: number) =>
  plural(
    n,
    (c) => t('sync_entities_one', '$1 entity', [c]),
    (c) => t('sync_entities_other', '$1 entities', [c]),
  );

function notesText(notes: SyncNotes | undefined): string {
  if (!notes) return '';
  const languages = (notes.languages ?? []).join(', ');
  return [
    notes.nothingLinked
      ? t('sync_nothingLinked', 'No entity in your other sources is linked to Wikidata, so there was nothing to refresh.')
      : '',
    notes.skipped
      ? plural(
          notes.skipped,
          (n) =>
            t('sync_skipped_one', '$1 entity could not be refreshed (for example no description in $2); its pack’s text stays.', [
              n,
              languages,
            ]),
          (n) =>
            t(
              'sync_skipped_other',
              '$1 entities could not be refreshed (for example no description in $2); their packs’ text stays.',
              [n, languages],
            ),
        )
      : '',
    notes.unnamed
      ? plural(
          notes.unnamed,
          (n) => t('sync_unnamed_one', '$1 position without a name in $2 left out.', [n, languages]),
          (n) => t('sync_unnamed_other', '$1 positions without a name in $2 left out.', [n, languages]),
        )
      : '',
    notes.warnings
      ? plural(
          notes.warnings,
          (n) => t('sync_warnings_one', '$1 warning: $2', [n, notes.firstWarning ?? '']),
          (n) => t('sync_warnings_other', '$1 warnings: $2', [n, notes.firstWarning ?? '']),
        )
      : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** What the latest sync did, as a sentence or two (without the time of the next check). */
export function statusText(s: SourceStatus): string {
  switch (s.code) {
    case 'added':
      return t('sync_added', 'Added; waiting for its first sync.');
    case 'wikidata-on':
      return t('sync_wikidataOn', 'Turned on; waiting for its first refresh.');
    case 'builtin-imported':
      return t('sync_builtinImported', 'Imported from the copy that ships with Gloss.');
    case 'offline':
      return t('sync_offline', 'Waiting for a network connection: the browser says it is offline.');
    case 'not-modified':
      return t('sync_notModified', 'No change: the server says the file is the same as before.');
    case 'same-content':
      return join(
        t('sync_sameContent', 'Checked: the content is the same as before ($1).', [entities(s.entities)]),
        notesText(s.notes),
      );
    case 'updated':
      return join(
        t('sync_updated', 'Updated to version $1: $2 added, $3 changed, $4 removed ($5).', [
          s.version,
          s.added.toLocaleString(),
          s.changed.toLocaleString(),
          s.removed.toLocaleString(),
          entities(s.entities),
        ]),
        notesText(s.notes),
      );
    case 'failed':
      return join(
        failureText(s.failure),
        s.kept
          ? t('sync_keptOld', 'Gloss keeps what it had from this source.')
          : t('sync_nothingYet', 'Nothing from this source is in the knowledge base yet.'),
      );
    case 'rebuilt':
      return t('sync_rebuilt', 'Gloss rebuilt its knowledge base ($1); this source is fetched again.', [s.reason]);
  }
}

const join = (...parts: string[]) => parts.filter(Boolean).join(' ');
