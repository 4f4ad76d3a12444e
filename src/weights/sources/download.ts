// Downloads straight into the local store: streamed through sha256 while written, resumed
// with a Range request after a dropped connection, verified (size and digest) before the file
// is renamed into place. A mismatch deletes the partial file and names both digests.
// Credentials go only to the origin they belong to; a redirect elsewhere drops them.

import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import type { WeightStore } from '../store.js';
import { SourceError } from './uri.js';

export interface DownloadRequest {
  readonly url: string;
  /** Sent only to this origin (e.g. the Hub), never to a redirect target elsewhere. */
  readonly authorization?: { origin: string; header: string } | undefined;
  /** When known, the bytes must hash to this (else it is computed and returned). */
  readonly digest?: string | undefined;
  readonly size?: number | undefined;
  readonly attempts?: number;
}

export interface Downloaded {
  readonly digest: string;
  readonly size: number;
  readonly path: string;
}

const TRANSIENT = new Set([408, 429, 500, 502, 503, 504]);

/** GET with redirects followed by hand, so Authorization never leaves its origin. */
async function get(url: string, req: DownloadRequest, headers: Record<string, string>) {
  let target = new URL(url);
  for (let hop = 0; hop < 8; hop++) {
    const h = { ...headers };
    if (req.authorization && target.origin === req.authorization.origin)
      h['authorization'] = req.authorization.header;
    const res = await request(target, { method: 'GET', headers: h });
    const location = res.headers['location'];
    if (res.statusCode >= 300 && res.statusCode < 400 && location) {
      await res.body.dump();
      target = new URL(String(location), target);
      continue;
    }
    return res;
  }
  throw new SourceError(`${url}: too many redirects`);
}

/** Download `req.url` into the store; returns the verified digest and the stored path. */
export async function downloadToStore(
  store: WeightStore,
  req: DownloadRequest,
): Promise<Downloaded> {
  if (req.digest && req.size !== undefined && (await store.has(req.digest, req.size))) {
    return { digest: req.digest, size: req.size, path: store.path(req.digest) };
  }
  const tmpDir = path.join(store.root, 'tmp');
  await mkdir(tmpDir, { recursive: true });
  const partial = path.join(tmpDir, `${process.pid}-${Math.random().toString(36).slice(2)}.part`);
  const hash = createHash('sha256');
  let written = 0;
  const attempts = req.attempts ?? 5;
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        const headers: Record<string, string> = written > 0 ? { range: `bytes=${written}-` } : {};
        const res = await get(req.url, req, headers);
        if (TRANSIENT.has(res.statusCode)) {
          await res.body.dump();
          throw new RetryableError(`${req.url} answered ${res.statusCode}`);
        }
        if (written > 0 && res.statusCode === 200) {
          // The server ignored the Range: start over.
          written = 0;
          hash.destroy();
          return await restart(store, req, partial);
        }
        if (res.statusCode !== 200 && res.statusCode !== 206) {
          const text = (await res.body.text()).slice(0, 200);
          throw new SourceError(`${req.url} answered ${res.statusCode}${text ? `: ${text}` : ''}`);
        }
        const out = createWriteStream(partial, { flags: written > 0 ? 'a' : 'w' });
        try {
          for await (const chunk of res.body) {
            hash.update(chunk as Buffer);
            written += (chunk as Buffer).length;
            if (!out.write(chunk)) await once(out, 'drain');
          }
        } finally {
          await new Promise<void>((resolve) => out.end(() => resolve()));
        }
        break;
      } catch (e) {
        const retryable = e instanceof RetryableError || !(e instanceof SourceError);
        if (!retryable || attempt >= attempts) {
          throw e instanceof SourceError
            ? e
            : new SourceError(`${req.url}: ${(e as Error).message}`);
        }
        // Keep what arrived; the next attempt asks for the rest.
        written = await stat(partial).then(
          (s) => s.size,
          () => 0,
        );
        if (written === 0) hash.destroy();
        await sleep(Math.min(200 * 2 ** attempt, 5000));
        if (written === 0) return await restart(store, req, partial);
      }
    }
    const digest = `sha256:${hash.digest('hex')}`;
    if (req.size !== undefined && written !== req.size) {
      throw new SourceError(`${req.url}: expected ${req.size} bytes, got ${written}`);
    }
    if (req.digest && digest !== req.digest) {
      throw new SourceError(
        `${req.url}: content is ${digest}, expected ${req.digest}; the partial file was deleted`,
      );
    }
    const final = store.path(digest);
    await mkdir(path.dirname(final), { recursive: true });
    await rename(partial, final);
    return { digest, size: written, path: final };
  } finally {
    await rm(partial, { force: true });
  }
}

class RetryableError extends Error {}

/** Start again from byte 0 (a fresh hash cannot continue an old one). */
async function restart(
  store: WeightStore,
  req: DownloadRequest,
  partial: string,
): Promise<Downloaded> {
  await rm(partial, { force: true });
  return downloadToStore(store, { ...req, attempts: Math.max(1, (req.attempts ?? 5) - 1) });
}
