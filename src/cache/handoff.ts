// @actions/cache downloads an entry's archive and then runs `tar -xf <archive> -P -C <dir>`,
// resolving `tar` through PATH. `-P` keeps absolute and `../` names and turns off GNU tar's
// symlink protection, so the library's own extraction would write wherever an entry says.
// During a restore, a `tar` of ours stands first on PATH: asked to extract, it extracts
// nothing. It moves the archive aside (a rename in the same directory, so no copy) and leaves
// a note saying where it went and how it is compressed; the caller then extracts it with
// extractWeightArchive, its one guarded pass. Any other use of tar goes to the real one.

import { removeOnSignal } from '../util/termination.js';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { which } from '@actions/io';
import { parseCompressProgram, type ArchiveCompression } from './extract.js';

/** What the stand-in tar leaves for the caller. */
export interface HandedOff {
  readonly archive: string;
  readonly compression: ArchiveCompression;
  /** The library's `-C`: relative entry names resolve against it. */
  readonly cwd: string;
}

const STAND_IN = (realTar: string, note: string) => `#!${process.execPath}
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');
const args = process.argv.slice(2);
const x = args.indexOf('-xf');
if (x < 0) {
  const r = spawnSync(${JSON.stringify(realTar)}, args, { stdio: 'inherit' });
  process.exit(r.status === null ? 1 : r.status);
}
const archive = args[x + 1];
const c = args.indexOf('-C');
const p = args.indexOf('--use-compress-program');
const moved = archive + '.cog-push-' + process.pid;
fs.renameSync(archive, moved);
fs.writeFileSync(${JSON.stringify(note)}, JSON.stringify({
  archive: moved,
  cwd: c >= 0 ? args[c + 1] : process.cwd(),
  program: p >= 0 ? args[p + 1] : undefined,
  gzip: args.includes('-z'),
}));
`;

/** One restore at a time: PATH is the process's own. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Run `restore` (a call of the cache library) with the stand-in tar first on PATH; returns
 * what it returned and the archive it handed off, if it got that far. The caller owns the
 * archive and must remove it (`discard`).
 */
export function withArchiveHandoff<T>(
  restore: () => Promise<T>,
  /** RuntimeEnv.prependPath: the library finds tar through the process's PATH. */
  prependPath: (dir: string) => () => void,
): Promise<{ result: T; handedOff: HandedOff | undefined }> {
  const run = queue.then(async () => {
    const realTar = await which('tar', true);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cog-push-tar-'));
    const forget = removeOnSignal(dir);
    const note = path.join(dir, 'handoff.json');
    await writeFile(path.join(dir, 'tar'), STAND_IN(realTar, note));
    await chmod(path.join(dir, 'tar'), 0o755);
    const restorePath = prependPath(dir);
    try {
      const result = await restore();
      return { result, handedOff: await readNote(note) };
    } finally {
      restorePath();
      await rm(dir, { recursive: true, force: true });
      forget();
    }
  });
  queue = run.catch(() => undefined);
  return run;
}

async function readNote(note: string): Promise<HandedOff | undefined> {
  let raw: { archive: string; cwd: string; program?: string; gzip: boolean };
  try {
    raw = JSON.parse(await readFile(note, 'utf8'));
  } catch {
    return undefined; // the library never got to extracting
  }
  const compression: ArchiveCompression | undefined = raw.program
    ? parseCompressProgram(raw.program)
    : { kind: raw.gzip ? 'gzip' : 'none' };
  if (!compression) {
    await discard(raw.archive);
    throw new Error(`the cache library asked for an unknown decompressor "${raw.program}"`);
  }
  return { archive: raw.archive, cwd: raw.cwd, compression };
}

/** Remove a handed-off archive. */
export async function discard(archive: string): Promise<void> {
  await rm(archive, { force: true });
}
