// Gzip on a worker thread, for digesting a tar+gzip layer: deflate at level 9 is the slowest
// step of packing many small files, so it runs beside the reads, the tar headers and the
// hashes instead of after them, and several bundles compress on several cores. The worker
// feeds pako in the same fixed blocks as GzipEncoder (gzip.ts), with the same options, so the
// bytes are the same; it returns only their digest and length (the blob itself is made again
// from the files when it is uploaded).
//
// The worker runs pako's own standalone deflate build (same package, same version as the
// bundled one). The bundle carries its text (build.mjs defines __PAKO_DEFLATE_SOURCE__);
// from source it is read from node_modules.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { WorkerCalls, type Reply } from '../util/worker-calls.js';
import { GZIP_BLOCK } from './gzip.js';

declare const __PAKO_DEFLATE_SOURCE__: string | undefined;

/** Tar bytes gathered before they are posted: fewer, larger messages. */
const BATCH = 1024 * 1024;
/** Batches posted and not yet compressed: bounds the memory between the two threads. */
const IN_FLIGHT = 2;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const pako = {};
new Function('exports', 'module', 'define', workerData.pako)(pako, {}, undefined);
const BLOCK = workerData.block;
const hash = createHash('sha256');
let size = 0;
const block = new Uint8Array(BLOCK);
let filled = 0;
const deflate = new pako.Deflate({ level: workerData.level, gzip: true, chunkSize: BLOCK });
deflate.onData = (chunk) => { size += chunk.length; hash.update(chunk); };
parentPort.on('message', (m) => {
  if (m.op === 'push') {
    const data = new Uint8Array(m.data);
    for (let at = 0; at < data.length;) {
      const n = Math.min(BLOCK - filled, data.length - at);
      block.set(data.subarray(at, at + n), filled);
      filled += n;
      at += n;
      if (filled === BLOCK) { deflate.push(block, false); filled = 0; }
    }
    parentPort.postMessage({ seq: m.seq });
  } else {
    deflate.push(block.subarray(0, filled), true);
    if (deflate.err) parentPort.postMessage({ seq: m.seq, error: 'gzip failed: ' + deflate.msg });
    else parentPort.postMessage({ seq: m.seq, digest: 'sha256:' + hash.digest('hex'), size });
  }
});
`;

let pakoText: string | undefined;

function pakoSource(): string {
  if (typeof __PAKO_DEFLATE_SOURCE__ === 'string') return __PAKO_DEFLATE_SOURCE__;
  pakoText ??= readFileSync(
    createRequire(import.meta.url).resolve('pako/dist/pako_deflate.js'),
    'utf8',
  );
  return pakoText;
}

/** The gzip stream of what is pushed, compressed on its own thread: its digest and size. */
export class GzipDigest {
  private readonly worker: WorkerCalls<GzipReply>;
  private batch = new Uint8Array(BATCH);
  private filled = 0;
  private readonly posted: Promise<unknown>[] = [];

  constructor(level: 6 | 9) {
    this.worker = new WorkerCalls<GzipReply>(WORKER_SOURCE, 'gzip worker', {
      workerData: { pako: pakoSource(), level, block: GZIP_BLOCK },
    });
  }

  /** Take `data` (copied: the caller may reuse it); waits only when the worker is behind. */
  async push(data: Uint8Array): Promise<void> {
    for (let at = 0; at < data.length;) {
      const n = Math.min(BATCH - this.filled, data.length - at);
      this.batch.set(data.subarray(at, at + n), this.filled);
      this.filled += n;
      at += n;
      if (this.filled === BATCH) await this.post();
    }
  }

  private async post(): Promise<void> {
    const buffer = this.batch.buffer.slice(0, this.filled) as ArrayBuffer;
    this.filled = 0;
    const sent = this.worker.call({ op: 'push', data: buffer }, [buffer]);
    sent.catch(() => undefined); // awaited below or in finish()
    this.posted.push(sent);
    if (this.posted.length >= IN_FLIGHT) await this.posted.shift();
  }

  /** End the stream: the gzip bytes' digest and length. */
  async finish(): Promise<{ digest: string; size: number }> {
    if (this.filled > 0) await this.post();
    await Promise.all(this.posted.splice(0));
    const { digest, size } = await this.worker.call({ op: 'finish' });
    return { digest: digest!, size: size! };
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

interface GzipReply extends Reply {
  readonly digest?: string;
  readonly size?: number;
}
