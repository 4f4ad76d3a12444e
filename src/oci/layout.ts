// An OCI image layout directory as a Target (image-spec image-layout.md): `oci-layout`,
// `index.json` listing tagged manifests, and `blobs/sha256/<hex>`. Lets every flow above the
// Target seam run with no registry: the README demo, tests, offline publishes.

import { tempName } from '../util/files.js';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { lstat, mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MEDIA_TYPE } from './mediatypes.js';
import { sha256 } from '../util/hashpool.js';
import {
  ArrivedBlobs,
  recordedWriter,
  TargetError,
  bytesBlob,
  type BlobSource,
  type BlobWriter,
  type Descriptor,
  type Manifest,
  type ManifestInfo,
  type PutBlobResult,
  type Target,
} from './target.js';
import { isDigest } from './digest.js';

const REF_NAME = 'org.opencontainers.image.ref.name';

/** An index.json entry: a descriptor with its tag in the ref.name annotation. */
type IndexEntry = Descriptor;

/** index.json's entries, each checked to be a descriptor; `problem` words what is wrong. */
export function parseIndexJson(text: string, problem: (why: string) => Error): IndexEntry[] {
  let index: unknown;
  try {
    index = JSON.parse(text);
  } catch (e) {
    throw problem((e as Error).message);
  }
  const manifests = (index as { manifests?: unknown } | null)?.manifests;
  if (typeof index !== 'object' || index === null || !Array.isArray(manifests))
    throw problem('no "manifests" array');
  for (const [i, m] of manifests.entries()) {
    const e = m as Partial<IndexEntry> | null;
    if (
      typeof e !== 'object' ||
      e === null ||
      typeof e.digest !== 'string' ||
      !isDigest(e.digest) ||
      typeof e.mediaType !== 'string' ||
      typeof e.size !== 'number'
    )
      throw problem(`manifests[${i}] is not a descriptor with mediaType, digest and size`);
  }
  return manifests as IndexEntry[];
}

/** The entry `reference` names: a digest listed, or a tag (the ref.name annotation). */
export function findEntry(entries: readonly IndexEntry[], reference: string): IndexEntry | null {
  return (
    entries.find((e) =>
      isDigest(reference) ? e.digest === reference : e.annotations?.[REF_NAME] === reference,
    ) ?? null
  );
}

/**
 * The manifest a layout spec with no tag or digest means, as skopeo and buildx write them: the
 * only one (untagged, or tagged anything), else the one tagged latest. Else the spec must
 * name one, and the error lists the tags there are.
 */
export function defaultReference(entries: readonly IndexEntry[], name: string): string {
  if (entries.length === 1) return entries[0]!.digest;
  if (entries.some((e) => e.annotations?.[REF_NAME] === 'latest')) return 'latest';
  const tags = entries.map((e) => e.annotations?.[REF_NAME]).filter(Boolean);
  throw new TargetError(
    `${name} holds ${entries.length} manifests${tags.length ? ` (tagged ${tags.join(', ')})` : ''}, none tagged latest: name one, as ${name}:TAG or ${name}@sha256:…`,
  );
}

export class OciLayoutTarget implements Target {
  readonly name: string;
  readonly arrived = new ArrivedBlobs();
  readonly localReads = true;
  private index: Promise<void> = Promise.resolve();

  constructor(readonly dir: string) {
    this.name = `oci-layout:${dir}`;
  }

  private blobPath(digest: string): string {
    if (!isDigest(digest)) throw new TargetError(`${this.name}: invalid digest ${digest}`);
    return path.join(this.dir, 'blobs', 'sha256', digest.slice('sha256:'.length));
  }

  private async init(): Promise<void> {
    await mkdir(path.join(this.dir, 'blobs', 'sha256'), { recursive: true });
    const layout = path.join(this.dir, 'oci-layout');
    try {
      await stat(layout);
    } catch {
      await writeFile(layout, JSON.stringify({ imageLayoutVersion: '1.0.0' }));
    }
  }

  async hasBlob(digest: string): Promise<number | null> {
    try {
      return (await stat(this.blobPath(digest))).size;
    } catch {
      return null;
    }
  }

  /** A local blob is checked again for its size: the check costs a stat, not a round trip. */
  uploadBlob(blob: BlobSource): Promise<PutBlobResult> {
    return this.putBlob(blob);
  }

  async putBlob(blob: BlobSource): Promise<PutBlobResult> {
    if ((await this.hasBlob(blob.digest)) === blob.size) return { bytesWritten: 0 };
    await this.init();
    const final = this.blobPath(blob.digest);
    const partial = tempName(final, '.partial');
    const hash = createHash('sha256');
    let size = 0;
    const out = createWriteStream(partial);
    try {
      for await (const chunk of blob.open()) {
        hash.update(chunk);
        size += chunk.length;
        // A source that gives more than the blob's declared size is wrong already: stop.
        if (size > blob.size)
          throw new TargetError(
            `${this.name}: blob ${blob.digest} is longer than its declared ${blob.size} bytes; refusing the rest`,
          );
        if (!out.write(chunk)) await once(out, 'drain');
      }
      await new Promise<void>((resolve, reject) =>
        out.end((e?: Error | null) => (e ? reject(e) : resolve())),
      );
      const digest = 'sha256:' + hash.digest('hex');
      if (digest !== blob.digest || size !== blob.size) {
        throw new TargetError(
          `${this.name}: blob bytes do not match ${blob.digest} (${blob.size} bytes): got ${digest} (${size} bytes)`,
        );
      }
      await rename(partial, final);
      return { bytesWritten: size };
    } catch (e) {
      out.destroy();
      await rm(partial, { force: true });
      throw e;
    }
  }

  async blobWriter(): Promise<BlobWriter> {
    await this.init();
    const partial = tempName(`${path.join(this.dir, 'blobs', 'sha256')}/`, '.partial');
    const handle = await open(partial, 'w');
    let isOpen = true;
    const close = async () => {
      if (isOpen) await handle.close();
      isOpen = false;
    };
    const writer: BlobWriter = {
      write: async (data, position) => {
        await handle.write(data, 0, data.length, position);
      },
      commit: async (digest, size) => {
        await close();
        const written = (await stat(partial)).size;
        if (written !== size)
          throw new TargetError(`${this.name}: blob ${digest} has ${written} bytes, not ${size}`);
        await rename(partial, this.blobPath(digest));
      },
      abort: async () => {
        await close();
        await rm(partial, { force: true });
      },
    };
    return recordedWriter(writer, this.arrived);
  }

  async *openBlob(digest: string): AsyncIterable<Uint8Array> {
    const file = this.blobPath(digest);
    if ((await this.hasBlob(digest)) === null)
      throw new TargetError(`${this.name}: blob ${digest} is missing`);
    // A blob is a regular file of the layout, not a link to one elsewhere (or to a device).
    if (!(await lstat(file)).isFile())
      throw new TargetError(`${this.name}: blob ${digest} is not a regular file (${file})`);
    yield* createReadStream(file, { highWaterMark: 1 << 20 });
  }

  async mountBlob(): Promise<boolean> {
    return false;
  }

  /** index.json's entries: none when there is no index yet; a malformed one is an error. */
  private async readIndex(): Promise<IndexEntry[]> {
    const file = path.join(this.dir, 'index.json');
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new TargetError(`${file}: cannot read it: ${(e as Error).message}`);
    }
    return parseIndexJson(
      text,
      (why) =>
        new TargetError(
          `${file} is not a valid OCI image index (${why}); refusing to replace it, which would drop every tag it holds: repair it or move it away`,
        ),
    );
  }

  /** The manifest a spec without a tag or digest means (defaultReference). */
  async defaultReference(): Promise<string> {
    return defaultReference(await this.readIndex(), this.name);
  }

  private async find(reference: string): Promise<IndexEntry | null> {
    const entries = await this.readIndex();
    if (isDigest(reference)) {
      const listed = entries.find((e) => e.digest === reference);
      if (listed) return listed;
      // An untagged manifest is a plain blob: its media type is inside it.
      try {
        const bytes = await readFile(this.blobPath(reference));
        return { mediaType: mediaTypeOf(bytes), size: bytes.length, digest: reference };
      } catch {
        return null;
      }
    }
    return findEntry(entries, reference);
  }

  async hasManifest(reference: string): Promise<ManifestInfo | null> {
    const e = await this.find(reference);
    return e && (await this.hasBlob(e.digest)) !== null
      ? { digest: e.digest, mediaType: e.mediaType, size: e.size }
      : null;
  }

  async getManifest(reference: string): Promise<Manifest | null> {
    const e = await this.find(reference);
    if (!e) return null;
    const bytes = new Uint8Array(await readFile(this.blobPath(e.digest)));
    if (sha256(bytes) !== e.digest)
      throw new TargetError(`${this.name}: manifest ${e.digest} is corrupt`);
    return { digest: e.digest, mediaType: e.mediaType, size: bytes.length, bytes };
  }

  async putManifest(bytes: Uint8Array, mediaType: string, reference: string): Promise<string> {
    const digest = sha256(bytes);
    if (isDigest(reference) && reference !== digest) {
      throw new TargetError(`${this.name}: manifest bytes are ${digest}, not ${reference}`);
    }
    await this.putBlob(bytesBlob(digest, bytes));
    if (!isDigest(reference)) {
      // index.json is rewritten whole. Writers are serialised within this process (the chain)
      // and across processes (the lock file); the index is read again once the lock is held.
      const update = this.index.then(() =>
        withLockFile(path.join(this.dir, 'index.json.lock'), async () => {
          const entries = (await this.readIndex()).filter(
            (e) => e.annotations?.[REF_NAME] !== reference,
          );
          entries.push({
            mediaType,
            size: bytes.length,
            digest,
            annotations: { [REF_NAME]: reference },
          });
          const file = path.join(this.dir, 'index.json');
          const tmp = tempName(file);
          try {
            await writeFile(
              tmp,
              JSON.stringify(
                { schemaVersion: 2, mediaType: MEDIA_TYPE.ociIndex, manifests: entries },
                null,
                2,
              ),
            );
            await rename(tmp, file);
          } finally {
            await rm(tmp, { force: true });
          }
        }),
      );
      this.index = update.catch(() => undefined);
      await update;
    }
    return digest;
  }
}

/** A lock older than this is taken to be left by a writer that died (a rewrite takes ms). */
const STALE_LOCK_MS = 30_000;
/** How long a writer waits for the lock before it gives up. */
const LOCK_WAIT_MS = 120_000;

/**
 * Run `fn` holding `lock`, a file created with O_EXCL: one holder at a time across processes
 * (and hosts sharing the directory, as matrix jobs on one self-hosted runner or an NFS cache do).
 * A lock whose holder is gone (same host, dead pid) or that is older than STALE_LOCK_MS is
 * broken; waiting is bounded, and a timeout names the lock file.
 */
async function withLockFile<T>(lock: string, fn: () => Promise<T>): Promise<T> {
  const me = `${os.hostname()} ${process.pid} ${Math.random().toString(36).slice(2)}`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let wait = 5; ; wait = Math.min(wait * 2, 200)) {
    try {
      await writeFile(lock, me, { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    if (await isStale(lock)) {
      await breakStale(lock, me);
      continue;
    }
    if (Date.now() > deadline)
      throw new TargetError(
        `${lock}: another writer has held this lock for over ${LOCK_WAIT_MS / 1000} s; if none is running, remove the file`,
      );
    await new Promise((r) => setTimeout(r, wait + Math.random() * wait));
  }
  try {
    return await fn();
  } finally {
    // Remove it only while it is still ours.
    if ((await readFile(lock, 'utf8').catch(() => '')) === me) await rm(lock, { force: true });
  }
}

/** A break lock older than this was left by a breaker that died (breaking takes ms). */
const STALE_BREAK_MS = 10_000;

/**
 * Remove `lock` if it is still stale. Judging a lock stale and removing it are two steps: a
 * writer that judged it, then lost the race, would remove the live lock another writer made
 * in between (a lost tag). So breaking takes a lock of its own, and the lock is judged again
 * under it: only a breaker removes a lock not its own, and there is one breaker at a time.
 */
async function breakStale(lock: string, me: string): Promise<void> {
  const breaker = `${lock}.break`;
  try {
    await writeFile(breaker, me, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const age = await stat(breaker).then(
      (st) => Date.now() - st.mtimeMs,
      () => 0,
    );
    if (age > STALE_BREAK_MS) await rm(breaker, { force: true });
    return;
  }
  try {
    if (await isStale(lock)) await rm(lock, { force: true });
  } finally {
    await rm(breaker, { force: true });
  }
}

async function isStale(lock: string): Promise<boolean> {
  let holder: string;
  let age: number;
  try {
    [holder, age] = [await readFile(lock, 'utf8'), Date.now() - (await stat(lock)).mtimeMs];
  } catch {
    return false; // gone already: the next try takes it
  }
  if (age > STALE_LOCK_MS) return true;
  const [host, pid] = holder.split(' ');
  if (host !== os.hostname() || !pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function mediaTypeOf(bytes: Uint8Array): string {
  try {
    const m = JSON.parse(Buffer.from(bytes).toString('utf8'));
    if (typeof m.mediaType === 'string') return m.mediaType;
  } catch {
    // not JSON: fall through
  }
  return MEDIA_TYPE.ociManifest;
}
