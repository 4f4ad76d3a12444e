// A blob streamed into the registry as it arrives (RegistryTarget.blobWriter): chunks PATCHed
// as they fill, the digest at the end; a cut between chunks resumes inside the held chunk, a
// Range that disagrees with what was sent (ECR's stale Range) or a lost session asks for the
// blob to start over, and a registry that refuses chunks is remembered.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryTarget } from '../src/oci/registry/client.js';
import {
  ChunksRefusedError,
  RestartBlobError,
  STREAM_CHUNK,
} from '../src/oci/registry/stream-upload.js';
import { startFaultProxy, startRegistry, type Fault, type Registry } from './helpers/registry.js';
import { startFileServer } from './helpers/file-server.js';
import { pseudoRandom, tempDir } from './helpers/tmp.js';
import { downloadToStore } from '../src/weights/sources/download.js';
import { WeightStore } from '../src/weights/store.js';
import { bytesBlob, TargetError } from '../src/oci/target.js';

const MiB = 1024 * 1024;

const root = tempDir('stream-upload-');
const FAST_RETRY = { attempts: 3, baseDelayMs: 10, maxDelayMs: 50 };
const data = Buffer.from(pseudoRandom(2 * STREAM_CHUNK + 12345, 7));
const digest = 'sha256:' + createHash('sha256').update(data).digest('hex');

let registry: Registry;
beforeAll(async () => {
  registry = await startRegistry(path.join(root, 'registry'));
});
afterAll(() => registry.stop());

/** Write `data` through a blob writer of `repo` behind a proxy doing `fault` to PATCH number n. */
async function stream(repo: string, fault: (n: number) => Fault, log: string[] = []) {
  let patches = 0;
  const proxy = await startFaultProxy(registry.host, (req) =>
    req.method === 'PATCH' ? fault(++patches) : { kind: 'pass' },
  );
  const target = new RegistryTarget(proxy.host, repo, {
    retry: FAST_RETRY,
    log: (m) => log.push(m),
  });
  try {
    const writer = (await target.blobWriter())!;
    // In 1 MiB pieces, as a download's slots would come, without waiting for each.
    const writes: Promise<void>[] = [];
    for (let at = 0; at < data.length; at += 1 << 20)
      writes.push(writer.write(data.subarray(at, at + (1 << 20)), at));
    await Promise.all(writes);
    await writer.commit(digest, data.length);
    return { target, patches };
  } finally {
    await proxy.stop();
  }
}

async function stored(repo: string): Promise<Buffer> {
  const res = await fetch(`http://${registry.host}/v2/${repo}/blobs/${digest}`);
  return Buffer.from(await res.arrayBuffer());
}

describe('a streamed blob', () => {
  it('goes up in chunks and is named at the end', async () => {
    const { patches } = await stream('stream/plain', () => ({ kind: 'pass' }));
    expect(patches).toBe(3);
    expect((await stored('stream/plain')).equals(data)).toBe(true);
  });

  it('resumes inside the held chunk after a cut between chunks', async () => {
    const log: string[] = [];
    await stream(
      'stream/cut',
      (n) => (n === 2 ? { kind: 'drop', afterBytes: 0 } : { kind: 'pass' }),
      log,
    );
    const resumed = log.filter((m) => /resuming a streamed blob/.test(m));
    expect(resumed).toHaveLength(1);
    expect(resumed[0]).toMatch(new RegExp(`resuming a streamed blob at byte ${STREAM_CHUNK}$`));
    expect((await stored('stream/cut')).equals(data)).toBe(true);
  });

  it('asks to start over when the session says it holds other bytes than were sent', async () => {
    const got = stream('stream/stale', (n) =>
      n === 2
        ? { kind: 'rewrite', header: 'range', value: `0-${STREAM_CHUNK - 1}` }
        : { kind: 'pass' },
    );
    await expect(got).rejects.toThrow(RestartBlobError);
    await expect(got).rejects.toThrow(
      new RegExp(
        `after a chunk up to byte ${2 * STREAM_CHUNK}, the session says it holds ${STREAM_CHUNK}`,
      ),
    );
  });

  it('asks to start over when a cut in a chunk loses the session', async () => {
    const got = stream('stream/lost', (n) =>
      n === 2 ? { kind: 'drop', afterBytes: 1 << 20 } : { kind: 'pass' },
    );
    await expect(got).rejects.toThrow(RestartBlobError);
  });

  it('remembers a registry that refuses chunks: no blob is streamed to it again', async () => {
    const got = stream('stream/refused', () => ({ kind: 'status', status: 405 })).catch(
      (e: unknown) => e,
    );
    const e = await got;
    expect(e).toBeInstanceOf(ChunksRefusedError);
    // A fresh writer on the same target is refused up front.
    const proxy = await startFaultProxy(registry.host, (req) =>
      req.method === 'PATCH' ? { kind: 'status', status: 405 } : { kind: 'pass' },
    );
    try {
      const target = new RegistryTarget(proxy.host, 'stream/refused', { retry: FAST_RETRY });
      const first = (await target.blobWriter())!;
      await expect(first.write(data.subarray(0, STREAM_CHUNK), 0)).rejects.toThrow(
        ChunksRefusedError,
      );
      expect(await target.blobWriter()).toBeUndefined();
    } finally {
      await proxy.stop();
    }
  });

  it('a download whose layer the registry will not take in chunks keeps a local copy instead', async () => {
    // A plain tar layer of its own (64 MiB and more), so it streams; large enough that what is
    // in flight when the refusal comes (a chunk, the slots, socket buffers) is far from all of it.
    const file = Buffer.from(pseudoRandom(96 * 1024 * 1024, 11));
    // Served with backpressure, counting what went out.
    let served = 0;
    const server = await startFileServer(
      { 'w.safetensors': file },
      { etag: () => undefined, onSent: (n) => (served += n) },
    );
    const proxy = await startFaultProxy(registry.host, (req) =>
      req.method === 'PATCH' ? { kind: 'status', status: 405 } : { kind: 'pass' },
    );
    const target = new RegistryTarget(proxy.host, 'stream/gar', { retry: FAST_RETRY });
    const log: string[] = [];
    try {
      const got = await downloadToStore(
        new WeightStore(path.join(root, 'store')),
        { url: `${server.origin}/w.safetensors`, weightPath: 'w.safetensors' },
        { layerBlobs: () => target.blobWriter(), log: (m) => log.push(m) },
      );
      expect(got.digest).toBe('sha256:' + createHash('sha256').update(file).digest('hex'));
      // Started over once, with no early blob: the file is in the store, for a normal upload.
      expect(got.kept).toBe(true);
      expect(target.arrived.has(got.layer!.digest)).toBe(false);
      expect(log).toEqual([
        expect.stringMatching(/refused a chunked upload.*; downloading it again from the start$/),
      ]);
      // The first download stopped soon after the refusal, not at the end of the file (which
      // would make the server send it twice whole).
      expect(served).toBeLessThan(file.length * 1.8);
    } finally {
      await server.close();
      await proxy.stop();
      await target.close();
    }
  });
});

describe('a chunked upload (a blob read again from its source)', () => {
  const blob = Buffer.from(pseudoRandom(3 * MiB + 17, 31));
  const blobDigest = 'sha256:' + createHash('sha256').update(blob).digest('hex');
  const small = { chunkThreshold: MiB, chunkSize: MiB };

  async function putThrough(repo: string, fault: (n: number) => Fault, options = {}) {
    let patches = 0;
    const proxy = await startFaultProxy(registry.host, (req) =>
      req.method === 'PATCH' ? fault(++patches) : { kind: 'pass' },
    );
    const log: string[] = [];
    const target = new RegistryTarget(proxy.host, repo, {
      retry: FAST_RETRY,
      log: (m) => log.push(m),
      ...small,
      ...options,
    });
    const started = Date.now();
    try {
      const got = await target.putBlob(bytesBlob(blobDigest, blob)).catch((e: unknown) => e);
      return { got, patches: () => patches, log, ms: Date.now() - started };
    } finally {
      await target.close();
      await proxy.stop();
    }
  }

  it('gives up on a session whose Range never advances, naming the byte', async () => {
    // From the second PATCH on, the registry says it holds the first chunk only, and nothing
    // it is sent changes that (the 420 PATCHes for one blob).
    const { got, patches } = await putThrough('chunked/stale', (n) =>
      n >= 2
        ? { kind: 'status', status: 202, headers: { range: `0-${MiB - 1}` } }
        : { kind: 'pass' },
    );
    expect(got).toBeInstanceOf(TargetError);
    expect((got as Error).message).toMatch(
      new RegExp(
        `the upload of ${blobDigest} got no further than byte ${MiB} in 3 PATCHes in a row \\(the session's Range stayed at ${MiB}\\)`,
      ),
    );
    expect(patches()).toBe(4); // the first, then three that did not advance
  });

  it('tries a stalled PATCH twice in all, as the README says', async () => {
    const { got, patches } = await putThrough(
      'chunked/stall',
      (n) => (n >= 2 ? { kind: 'stall' } : { kind: 'pass' }),
      {
        retry: { attempts: 5, baseDelayMs: 10, maxDelayMs: 50 },
        stall: { headers: 300, body: 300, connect: 300 },
      },
    );
    expect(got).toBeInstanceOf(TargetError);
    expect((got as Error).message).toMatch(/PATCH stalled 2 times/);
    expect(patches()).toBe(3);
  });
});

describe('the last chunk of a streamed file', () => {
  it('starts the file over when the session answers it with a stale Range', async () => {
    const file = Buffer.from(pseudoRandom(64 * MiB, 12));
    const server = await startFileServer({ 'w.safetensors': file }, { etag: () => '"w"' });
    // The full chunks go up as the file arrives; the one after them, the layer's tail, at the
    // commit (the layer is 64 MiB and its framing, under a chunk more).
    const full = (64 * MiB) / STREAM_CHUNK;
    let patches = 0;
    const proxy = await startFaultProxy(registry.host, (req) =>
      req.method === 'PATCH' && ++patches === full + 1
        ? { kind: 'rewrite', header: 'range', value: `0-${STREAM_CHUNK - 1}` }
        : { kind: 'pass' },
    );
    const target = new RegistryTarget(proxy.host, 'stream/last', { retry: FAST_RETRY });
    const log: string[] = [];
    try {
      const got = await downloadToStore(
        new WeightStore(path.join(root, 'store-last')),
        { url: `${server.origin}/w.safetensors`, weightPath: 'w.safetensors' },
        { layerBlobs: () => target.blobWriter(), log: (m) => log.push(m) },
      );
      expect(got.digest).toBe('sha256:' + createHash('sha256').update(file).digest('hex'));
      expect(target.arrived.has(got.layer!.digest)).toBe(true);
      expect(log).toEqual([
        expect.stringMatching(
          new RegExp(
            `the session says it holds ${STREAM_CHUNK}.*downloading it again from the start$`,
          ),
        ),
      ]);
      expect(patches).toBe(2 * (full + 1));
      // The layer is in the registry, whole: its bytes hash to its digest.
      const res = await fetch(`http://${registry.host}/v2/stream/last/blobs/${got.layer!.digest}`);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect('sha256:' + createHash('sha256').update(bytes).digest('hex')).toBe(got.layer!.digest);
      expect(bytes.length).toBe(got.layer!.size);
    } finally {
      await server.close();
      await proxy.stop();
      await target.close();
    }
  });
});
