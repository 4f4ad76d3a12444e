// The one extraction pass of a restored cache archive into the weight store. What the archive
// says is never trusted: an entry is accepted only when it is a regular file whose name
// resolves to `<store>/sha256/<hex>` for one of the weight's own files, with that file's size;
// its bytes go to a temporary name while they are hashed, and it is renamed into place only
// when its sha256 is its name. Links of either kind, devices, other directories, other names:
// refused, and nothing of them is written. The first refusal ends the pass: a poisoned entry is
// dropped whole, so nothing more of it is worth reading. The archive is decompressed once,
// here, and only as far as the weight's files and their tar framing can reach.

import { tempName } from '../util/files.js';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { extract as tarExtract } from 'tar-stream';
import { DIGEST_HEX_PATTERN } from '../oci/digest.js';
import type { Progress } from '../util/progress.js';

/** How the archive is compressed, as the cache library said when it asked tar to extract it. */
export type ArchiveCompression =
  | { kind: 'gzip' }
  | { kind: 'none' }
  /** A zstd program (unzstd, zstd, zstdmt, with an optional --long=N), run with -d -c. */
  | { kind: 'program'; argv: readonly string[] };

export interface ExtractRequest {
  readonly archive: string;
  readonly compression: ArchiveCompression;
  /** The directory relative names resolve against (the library's `-C`). */
  readonly cwd: string;
  readonly storeRoot: string;
  /** The weight's files: digest → size. Only these may be written. */
  readonly expected: ReadonlyMap<string, number>;
  /** Told the bytes written so far, of all the weight's files. */
  readonly progress?: Progress | undefined;
}

export interface ExtractResult {
  /** Digests written into the store by this pass, each verified. */
  readonly written: readonly string[];
  /** The entry refused, with why: `"name" (reason)`, its name cut short. The pass stopped there. */
  readonly refused?: string | undefined;
}

/**
 * How far past its files' own bytes an archive may go: each entry's headers (PAX ones
 * included) and padding, the store's directories and the end of the archive, with room to
 * spare. Past it, the archive holds something else, and is not read further.
 */
const FRAMING_PER_FILE = 64 * 1024;
const FRAMING_BASE = 1024 * 1024;

/** The longest entry name a refusal shows. */
const NAME_SHOWN = 200;

class OverBudget extends Error {}

/** Passes bytes on until `limit` of them have gone by, then fails with OverBudget. */
function byteBudget(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > limit)
        return done(
          new OverBudget(`it holds more than ${limit} bytes, past its files and their framing`),
        );
      done(null, chunk);
    },
  });
}

/** An entry's name as a refusal shows it: JSON-quoted, cut short. */
function shownName(name: string): string {
  return JSON.stringify(name.length > NAME_SHOWN ? `${name.slice(0, NAME_SHOWN)}…` : name);
}

/** The zstd decompressors the library names (`--use-compress-program`). */
export function parseCompressProgram(program: string): ArchiveCompression | undefined {
  const argv = program.trim().split(/\s+/);
  if (!/^(unzstd|zstd|zstdmt)$/.test(argv[0] ?? '')) return undefined;
  if (!argv.slice(1).every((a) => /^--long=\d+$/.test(a))) return undefined;
  return { kind: 'program', argv };
}

interface Decompressed {
  readonly stream: Readable;
  /** Settles when the decompressor has finished (rejects when it failed). */
  readonly done: Promise<void>;
  stop(): void;
}

/** The decompressed tar stream of the archive. */
function decompressed(archive: string, compression: ArchiveCompression): Decompressed {
  if (compression.kind !== 'program') {
    const file = createReadStream(archive, { highWaterMark: 1 << 20 });
    const stream = compression.kind === 'none' ? file : file.pipe(createGunzip());
    if (stream !== file) file.on('error', (e) => stream.destroy(e));
    return { stream, done: Promise.resolve(), stop: () => file.destroy() };
  }
  const [cmd, ...args] = compression.argv;
  const child = spawn(cmd!, [...args, '-d', '-c', '--', archive], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', (e) => reject(new Error(`${cmd}: ${e.message}`)));
    child.on('close', (code, signal) =>
      code === 0
        ? resolve()
        : reject(
            new Error(
              `${cmd} failed (${signal ?? `exit ${code}`})${stderr ? `: ${stderr.trim()}` : ''}`,
            ),
          ),
    );
  });
  done.catch(() => undefined); // awaited by the caller; never an unhandled rejection
  return { stream: child.stdout, done, stop: () => child.kill('SIGKILL') };
}

/** Why an entry is refused, or undefined when it is one of the weight's files. */
function refusal(
  header: { name: string; type?: string | null; size?: number },
  req: ExtractRequest,
): string | undefined {
  const type = header.type ?? 'file';
  const target = path.resolve(req.cwd, header.name);
  const store = path.resolve(req.storeRoot);
  if (type === 'directory') {
    // The store's own directories may be listed; nothing else, and they are never created
    // from the archive.
    return target === store || target === path.join(store, 'sha256')
      ? 'skip'
      : 'a directory outside the store layout';
  }
  if (type !== 'file' && type !== 'contiguous-file') return `a ${type}, not a regular file`;
  if (path.dirname(target) !== path.join(store, 'sha256')) return 'not in the store';
  const hex = path.basename(target);
  if (!DIGEST_HEX_PATTERN.test(hex)) return 'not named by a sha256 digest';
  const size = req.expected.get(`sha256:${hex}`);
  if (size === undefined) return 'not a file of this weight';
  if (header.size !== size) return `${header.size} bytes where the weight's file has ${size}`;
  return undefined;
}

/** Bytes written to a restored file at a time. */
const WRITE_BATCH = 4 * 1024 * 1024;

/** Stream one accepted entry to a temporary file, hashing it; rename only if it verifies. */
async function writeVerified(
  entry: AsyncIterable<Buffer>,
  final: string,
  digest: string,
  onBytes: (n: number) => void,
): Promise<boolean> {
  const tmp = tempName(`${path.dirname(final)}/.${path.basename(final)}`);
  const hash = createHash('sha256');
  try {
    // 'wx': a fresh file, never through something already at that name.
    const file = await open(tmp, 'wx', 0o644);
    try {
      // Writes go out in batches of 4 MiB while the next batch is hashed: the disk and the
      // hash overlap instead of taking turns, and memory holds at most two batches.
      let writing: Promise<unknown> = Promise.resolve();
      let batch: Buffer[] = [];
      let batched = 0;
      let total = 0;
      for await (const chunk of entry) {
        hash.update(chunk);
        batch.push(chunk);
        batched += chunk.length;
        total += chunk.length;
        onBytes(chunk.length);
        if (batched >= WRITE_BATCH) {
          await writing;
          writing = file.writev(batch);
          batch = [];
          batched = 0;
        }
      }
      await writing;
      if (batch.length > 0) await file.writev(batch);
      // What was hashed is what must be on disk: a short write is refused, never renamed.
      if ((await file.stat()).size !== total) return false;
    } finally {
      await file.close();
    }
    if (`sha256:${hash.digest('hex')}` !== digest) return false;
    await rename(tmp, final);
    return true;
  } finally {
    await rm(tmp, { force: true });
  }
}

/**
 * Extract the weight's files from `req.archive` into the store, refusing everything else; the
 * first refusal ends the pass.
 */
export async function extractWeightArchive(req: ExtractRequest): Promise<ExtractResult> {
  const written: string[] = [];
  const dir = path.join(path.resolve(req.storeRoot), 'sha256');
  await mkdir(dir, { recursive: true });
  const { stream, done, stop } = decompressed(req.archive, req.compression);
  const total = [...req.expected.values()].reduce((a, b) => a + b, 0);
  let restored = 0;
  const onBytes = (n: number) => req.progress?.((restored += n), total);
  const reader = tarExtract();
  const budget = byteBudget(total + FRAMING_BASE + FRAMING_PER_FILE * req.expected.size);
  stream.on('error', (e) => budget.destroy(e));
  budget.on('error', (e) => reader.destroy(e));
  stream.pipe(budget).pipe(reader);
  const end = () => {
    stop();
    stream.destroy();
    budget.destroy();
    reader.destroy();
  };
  try {
    for await (const entry of reader) {
      const why = refusal(entry.header, req);
      if (why === 'skip') {
        entry.resume();
        continue;
      }
      const name = shownName(entry.header.name);
      if (why !== undefined) {
        end();
        return { written, refused: `${name} (${why})` };
      }
      const final = path.join(dir, path.basename(path.resolve(req.cwd, entry.header.name)));
      const digest = `sha256:${path.basename(final)}`;
      if (written.includes(digest)) {
        end();
        return { written, refused: `${name} (a second copy of a file)` };
      }
      if (!(await writeVerified(entry as AsyncIterable<Buffer>, final, digest, onBytes))) {
        end();
        return { written, refused: `${name} (its bytes do not hash to its name)` };
      }
      written.push(digest);
    }
    await done;
  } catch (e) {
    end();
    if (e instanceof OverBudget) return { written, refused: `the archive (${e.message})` };
    throw new Error(`cannot read the cache archive: ${(e as Error).message}`, { cause: e });
  }
  return { written };
}
