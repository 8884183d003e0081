import { t } from './i18n';

/**
 * What the browser says when Gloss's service worker stopped (or restarted after an update) while a
 * page waited for its answer. Chrome: "A listener indicated an asynchronous response by returning true,
 * but the message channel closed before a response was received", "Could not establish connection.
 * Receiving end does not exist."; Firefox: "Promised response from onMessage listener went out of scope".
 */
const WORKER_GONE =
  /message channel closed|message port closed|receiving end does not exist|could not establish connection|extension context invalidated|went out of scope|disconnected port/i;

/** A failed request to the worker, in plain words: never the browser's internal message. */
export function workerErrorText(e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  if (WORKER_GONE.test(raw))
    return t(
      'workerStopped',
      'Gloss’s background worker stopped before it answered (the browser stops it now and then). What you asked for may not have finished: try again.',
    );
  return raw.replace(/^Error:\s*/, '');
}
