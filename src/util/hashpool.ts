// SHA-256 on worker threads, fed from shared memory.
//
// Packing needs two digests of the same bytes (each file, and the layer that holds it), and
// one SHA-256 stream saturates a core. So the bytes are read once into SharedArrayBuffer
// slots and each digest runs on its own worker; the main thread only reads and dispatches.
// The worker is tiny and dependency-free, so it is started from source text (eval) and works
// the same from the bundle, the CLI and the tests.

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { WorkerCalls, type Reply } from './worker-calls.js';
import { BufferPool } from './pool.js';

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, fstatSync, closeSync } = require('node:fs');
const hashes = new Map();
parentPort.on('message', (m) => {
  if (m.op === 'update') {
    let h = hashes.get(m.id);
    if (!h) { h = createHash('sha256'); hashes.set(m.id, h); }
    h.update(m.sab ? new Uint8Array(m.sab, m.offset, m.length) : m.data);
    parentPort.postMessage({ seq: m.seq });
  } else if (m.op === 'file') {
    // Read the bytes here, on this thread: a second reader of a file the page cache holds
    // costs little, and the thread that hashes needs no hand-off of shared slots.
    let h = hashes.get(m.id);
    if (!h) { h = createHash('sha256'); hashes.set(m.id, h); }
    let fd;
    try {
      fd = openSync(m.path, 'r');
      const buffer = Buffer.allocUnsafe(4 << 20);
      let done = 0;
      while (done < m.size) {
        const n = readSync(fd, buffer, 0, Math.min(buffer.length, m.size - done), done);
        if (n === 0) break;
        h.update(buffer.subarray(0, n));
        done += n;
      }
      const size = fstatSync(fd).size;
      parentPort.postMessage(size === m.size && done === m.size
        ? { seq: m.seq }
        : { seq: m.seq, error: m.path + ' changed while packing: expected ' + m.size + ' bytes, found ' + (done < m.size ? done : size) });
    } catch (e) {
      parentPort.postMessage({ seq: m.seq, error: 'cannot read ' + m.path + ': ' + e.message });
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  } else if (m.op === 'digest') {
    const h = hashes.get(m.id) || createHash('sha256');
    hashes.delete(m.id);
    parentPort.postMessage({ seq: m.seq, hex: h.digest('hex') });
  }
});
`;

/** A pool worker: its calls, and how many hash streams it carries. */
class HashWorker extends WorkerCalls<Reply & { hex?: string }> {
  /** Hash streams currently assigned: used to spread new streams over the workers. */
  active = 0;

  constructor() {
    super(WORKER_SOURCE, 'hash worker');
  }
}

/** One incremental SHA-256 on a pool worker. Updates are applied in call order. */
export interface PooledHash {
  /** Resolves once the worker has consumed `data`: a shared slot can then be reused. */
  update(data: Uint8Array): Promise<void>;
  /**
   * Add the first `size` bytes of the file at `path`, read by the worker itself; fails when the
   * file no longer has exactly `size` bytes (its bytes would not match the plan).
   */
  updateFromFile(path: string, size: number): Promise<void>;
  /** `sha256:<hex>` of everything updated. The hash cannot be used afterwards. */
  digest(): Promise<string>;
  /** Free the worker's state of a hash that will not be digested (a failed pass). */
  dispose(): Promise<void>;
}

/** Below this size a chunk is copied into the message rather than shared. */
const SHARE_MIN = 64 * 1024;

/** Size of one shared read slot. */
export const SLOT_SIZE = 4 * 1024 * 1024;
/** Slots per worker: enough to read ahead while every worker hashes. */
const SLOTS_PER_WORKER = 4;

/**
 * A fixed set of shared buffers to read into; a slot is handed out again only after it is
 * released (every hash consumed it). One set per pool, allocated once: a SharedArrayBuffer
 * that has been posted to a worker lives until both threads collect it, so making a new one
 * per layer would grow memory with the weight size.
 */
export class SlotRing extends BufferPool<Uint8Array> {
  constructor(slots: number, slotSize: number) {
    const sab = new SharedArrayBuffer(slots * slotSize);
    super(slots, (i) => new Uint8Array(sab, i * slotSize, slotSize));
  }
}

export class HashPool {
  private started: HashWorker[] | undefined;
  private nextId = 0;
  private ring: SlotRing | undefined;
  private readonly count: number;

  /** Workers start on the first hash: a run that hashes nothing here (gzip layers) costs none. */
  constructor(size = Math.max(1, Math.min(availableParallelism(), 8))) {
    this.count = size;
  }

  private get workers(): HashWorker[] {
    this.started ??= Array.from({ length: this.count }, () => new HashWorker());
    return this.started;
  }

  /** The shared read buffers of this pool. */
  get slots(): SlotRing {
    this.ring ??= new SlotRing(this.count * SLOTS_PER_WORKER, SLOT_SIZE);
    return this.ring;
  }

  get size(): number {
    return this.count;
  }

  /** Hashes created and not yet digested or disposed, over all workers. */
  get open(): number {
    return (this.started ?? []).reduce((n, w) => n + w.active, 0);
  }

  create(): PooledHash {
    const worker = this.workers.reduce((a, b) => (b.active < a.active ? b : a));
    worker.active++;
    const id = this.nextId++;
    let done = false;
    return {
      update: async (data) => {
        if (done) throw new Error('hash already digested');
        const shared = data.buffer instanceof SharedArrayBuffer && data.length >= SHARE_MIN;
        await worker.call(
          shared
            ? { op: 'update', id, sab: data.buffer, offset: data.byteOffset, length: data.length }
            : { op: 'update', id, data: data.slice() },
        );
      },
      updateFromFile: async (path, size) => {
        if (done) throw new Error('hash already digested');
        await worker.call({ op: 'file', id, path, size });
      },
      digest: async () => {
        if (done) throw new Error('hash already digested');
        done = true;
        try {
          return `sha256:${(await worker.call({ op: 'digest', id })).hex}`;
        } finally {
          worker.active--;
        }
      },
      dispose: async () => {
        if (done) return;
        done = true;
        worker.active--;
        await worker.call({ op: 'digest', id }).catch(() => undefined);
      },
    };
  }

  async close(): Promise<void> {
    await Promise.all((this.started ?? []).map((w) => w.terminate()));
  }
}

/** `sha256:<hex>` of bytes in memory (small things: JSON, headers). */
export function sha256(data: Uint8Array | string): string {
  return 'sha256:' + createHash('sha256').update(data).digest('hex');
}

/** `sha256:<hex>` of a file, or of `range.size` bytes of it from `range.start`, streamed. */
export async function sha256File(
  file: string,
  range?: { start: number; size: number },
): Promise<string> {
  const hash = createHash('sha256');
  if (!range || range.size > 0) {
    const stream = createReadStream(file, {
      highWaterMark: 4 << 20,
      ...(range ? { start: range.start, end: range.start + range.size - 1 } : {}),
    });
    for await (const chunk of stream) hash.update(chunk as Buffer);
  }
  return `sha256:${hash.digest('hex')}`;
}
