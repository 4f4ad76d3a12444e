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
import { pseudoRandom, tempDir } from './helpers/tmp.js';
import http from 'node:http';
import { downloadToStore } from '../src/weights/sources/download.js';
import { WeightStore } from '../src/weights/store.js';
import { freePort } from './helpers/registry.js';

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
      /after a chunk up to byte 33554432, the session says it holds 16777216/,
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
    // Served in 1 MiB pieces with backpressure, counting what went out.
    let served = 0;
    const server = http.createServer((_, res) => {
      res.writeHead(200, { 'content-length': String(file.length) });
      let at = 0;
      const pump = () => {
        while (at < file.length) {
          const piece = file.subarray(at, (at += 1 << 20));
          served += piece.length;
          if (!res.write(piece)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => undefined);
      pump();
    });
    const port = await freePort();
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
    const proxy = await startFaultProxy(registry.host, (req) =>
      req.method === 'PATCH' ? { kind: 'status', status: 405 } : { kind: 'pass' },
    );
    const target = new RegistryTarget(proxy.host, 'stream/gar', { retry: FAST_RETRY });
    const log: string[] = [];
    try {
      const got = await downloadToStore(
        new WeightStore(path.join(root, 'store')),
        { url: `http://127.0.0.1:${port}/w.safetensors`, weightPath: 'w.safetensors' },
        { layerBlobs: () => target.blobWriter(), log: (m) => log.push(m) },
      );
      expect(got.digest).toBe('sha256:' + createHash('sha256').update(file).digest('hex'));
      // Started over once, with no early blob: the file is in the store, for a normal upload.
      expect(got.kept).toBe(true);
      expect(got.layer?.written).toBe(false);
      expect(log).toEqual([
        expect.stringMatching(/refused a chunked upload.*; downloading it again from the start$/),
      ]);
      // The first download stopped soon after the refusal, not at the end of the file (which
      // would make the server send it twice whole).
      expect(served).toBeLessThan(file.length * 1.8);
    } finally {
      server.closeAllConnections();
      server.close();
      await proxy.stop();
      await target.close();
    }
  });
});
