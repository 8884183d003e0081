import { workerErrorText } from '../ui/worker-error';
import { sendMessage } from './protocol';
import type { MessageType, ReplyOf, RequestOf } from './requests';
import type { Result } from './result';

/**
 * Asks the worker from one of Gloss's pages; a request the browser could not deliver or answer (the
 * worker stopped mid-way) becomes an error in plain words, like any refusal, instead of a rejection
 * that would surface the browser's own message.
 */
export async function askWorker<K extends MessageType>(type: K, data: RequestOf<K>): Promise<Result<ReplyOf<K>>> {
  try {
    return (await (sendMessage as (t: K, d: RequestOf<K>) => Promise<unknown>)(type, data)) as Result<ReplyOf<K>>;
  } catch (e) {
    return { ok: false, error: workerErrorText(e) };
  }
}
