import type { DownloadRecord, GlossDb } from '../kb/db';
import type { ResponseInfo } from './fetch-body';
import { concatBytes } from './bytes';

/**
 * A download written to IndexedDB in chunks as it arrives, as jpdict-idb does for dictionary files:
 * a service worker the browser stops mid-transfer leaves the bytes so far, and the next run asks the
 * server only for the rest (`Range` with `If-Range`, so a file that changed meanwhile starts over).
 * The staged bytes are never read as knowledge until the whole file is in and has been validated.
 */
export class StagedDownload {
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private persist = false;

  private constructor(
    private readonly db: GlossDb,
    private readonly sourceId: string,
    private readonly url: string,
    private record: DownloadRecord | undefined,
    private readonly flushBytes: number,
  ) {}

  static async open(db: GlossDb, sourceId: string, url: string, flushBytes: number): Promise<StagedDownload> {
    let record = await db.downloads.get(sourceId);
    if (record && record.url !== url) {
      await clearStaging(db, sourceId);
      record = undefined;
    }
    return new StagedDownload(db, sourceId, url, record, flushBytes);
  }

  /** Where an interrupted download can go on from, if the server can be asked for "the same file, from byte n". */
  resumeFrom(): { offset: number; ifRange: string } | undefined {
    const r = this.record;
    if (!r || r.received <= 0) return undefined;
    const strongEtag = r.etag && !r.etag.startsWith('W/') ? r.etag : undefined;
    const ifRange = strongEtag ?? r.lastModified;
    return ifRange ? { offset: r.received, ifRange } : undefined;
  }

  /** The response is accepted: keep the staged bytes if it continues them, otherwise start over. */
  async start(info: ResponseInfo): Promise<void> {
    const continues = info.resumed && this.record !== undefined;
    if (!continues) await clearStaging(this.db, this.sourceId);
    const strong = info.etag && !info.etag.startsWith('W/');
    // Only a file the server can name (strong ETag or Last-Modified) and sends uncompressed can be
    // resumed by offset; a continued one already was.
    this.persist = continues || (info.resumable && (Boolean(strong) || Boolean(info.lastModified)));
    const etag = info.etag ?? (continues ? this.record!.etag : undefined);
    const lastModified = info.lastModified ?? (continues ? this.record!.lastModified : undefined);
    this.record = {
      sourceId: this.sourceId,
      url: this.url,
      ...(etag && { etag }),
      ...(lastModified && { lastModified }),
      ...(info.contentType && { contentType: info.contentType }),
      received: continues ? this.record!.received : 0,
      chunks: continues ? this.record!.chunks : 0,
      ...(info.total !== undefined && { total: info.total }),
      startedAt: continues ? this.record!.startedAt : Date.now(),
    };
    if (this.persist) await this.db.downloads.put(this.record);
  }

  /** Adds bytes; every `flushBytes` they go to IndexedDB with the progress, in one transaction. */
  async push(chunk: Uint8Array, received: number, progress: (received: number) => Promise<void>): Promise<void> {
    this.pending.push(chunk);
    this.pendingBytes += chunk.byteLength;
    if (this.pendingBytes >= this.flushBytes) {
      if (this.persist) await this.flush();
      await progress(received);
    }
  }

  private async flush(): Promise<void> {
    const r = this.record;
    if (!r || this.pendingBytes === 0) return;
    const data = concatBytes(this.pending);
    const next: DownloadRecord = { ...r, received: r.received + data.byteLength, chunks: r.chunks + 1 };
    await this.db.transaction('rw', this.db.downloads, this.db.downloadChunks, async () => {
      await this.db.downloadChunks.put({ sourceId: this.sourceId, seq: r.chunks, data });
      await this.db.downloads.put(next);
    });
    this.record = next;
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** The whole file: staged chunks from earlier runs and this one, then what is still in memory. */
  async bytes(): Promise<Uint8Array> {
    const stored = this.persist
      ? (await this.db.downloadChunks.where('sourceId').equals(this.sourceId).sortBy('seq')).map((c) => c.data)
      : [];
    const parts = [...stored, ...this.pending];
    return concatBytes(parts);
  }

  /** Keeps what arrived for a later resume (the download was cut off, e.g. by a time limit); false when it cannot be resumed. */
  async keepForResume(): Promise<boolean> {
    if (this.persist) await this.flush();
    return this.persist;
  }

  async discard(): Promise<void> {
    this.pending = [];
    this.pendingBytes = 0;
    await clearStaging(this.db, this.sourceId);
  }
}

export async function clearStaging(db: GlossDb, sourceId: string): Promise<void> {
  await db.transaction('rw', db.downloads, db.downloadChunks, async () => {
    await db.downloads.delete(sourceId);
    await db.downloadChunks.where('sourceId').equals(sourceId).delete();
  });
}
