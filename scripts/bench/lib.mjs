// Shared bits of the benchmarks: timing a child process, its peak RSS, test data on disk.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, writeSync, closeSync, statSync } from 'node:fs';
import { randomFillSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import { rmSync } from 'node:fs';
import { startRegistry } from '../../__tests__/helpers/registry.ts';
import { writeProject } from '../../__tests__/helpers/project.ts';
import path from 'node:path';

export const MiB = 1024 * 1024;
export const GiB = 1024 * MiB;

/** Run a command; returns wall seconds, stdout, and peak RSS in MB when it reports maxrss_kb. */
export function timed(cmd, args, options = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * MiB, ...options });
  return finished(cmd, args, start, r.status, r.stdout, r.stderr);
}

/** The result of a timed run: wall seconds since `start`, stdout, peak RSS from `maxrss_kb`. */
function finished(cmd, args, start, code, stdout, stderr) {
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${stderr}`);
  const rss = /maxrss_kb=(\d+)/.exec(stderr);
  const cpu = /cpu_user_s=([\d.]+) cpu_sys_s=([\d.]+)/.exec(stderr);
  return {
    seconds,
    stdout,
    rssMB: rss ? Number(rss[1]) / 1024 : undefined,
    // CPU seconds of the process, user + system, where measure.mjs reports them.
    cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : undefined,
  };
}

/**
 * A directory of `count` random files of `size` bytes each, named `model-NNNNN-of-NNNNN.<ext>`,
 * kept between runs in the temp directory (generation is not what is measured).
 */
export function weightFiles(name, count, size, ext = 'safetensors') {
  const dir = path.join(tmpdir(), 'cog-push-bench', name);
  mkdirSync(dir, { recursive: true });
  const block = Buffer.alloc(4 * MiB);
  for (let i = 0; i < count; i++) {
    const file = path.join(
      dir,
      `model-${String(i + 1).padStart(5, '0')}-of-${String(count).padStart(5, '0')}.${ext}`,
    );
    if (existsSync(file) && statSync(file).size === size) continue;
    const fd = openSync(file, 'w');
    for (let done = 0; done < size; done += block.length) {
      randomFillSync(block);
      writeSync(fd, block, 0, Math.min(block.length, size - done));
    }
    closeSync(fd);
  }
  return dir;
}

/** The median of some numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** `min–max` of some timed runs' seconds. */
export function spread(runs) {
  const s = runs.map((r) => r.seconds);
  return `${Math.min(...s).toFixed(2)}–${Math.max(...s).toFixed(2)}`;
}

export function ratio(a, b) {
  return (a / b).toFixed(2);
}

/**
 * Best of `runs` runs of `fn(dir)`, each with a fresh scratch dir (a fresh registry), so one
 * disturbed run (disk flush, a neighbour) does not decide a ratio.
 */
export async function bestOf(runs, fn) {
  let best;
  for (let i = 0; i < runs; i++) {
    const r = await fn(i);
    if (!best || r.seconds < best.seconds) best = r;
  }
  return best;
}

/** Run `run(registry)` against a fresh local registry in `work/name`, stopped and removed after. */
export async function withRegistry(work, name, run) {
  const dir = path.join(work, name);
  const registry = await startRegistry(dir);
  try {
    return await run(registry);
  } finally {
    await registry.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `timed`, without blocking this process (for benches whose servers live in it). */
export async function timedAsync(cmd, args, options = {}) {
  const { spawn } = await import('node:child_process');
  const start = process.hrtime.bigint();
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise((resolve) => child.on('exit', resolve));
  return finished(cmd, args, start, code, stdout, stderr);
}

/** A project in `dir` whose one weight `w` is `names`, each from its URL under `origin`. */
export function urlProject(dir, origin, names) {
  return writeProject(dir, {
    model: '127.0.0.1:1/bench/model',
    weights: [{ name: 'w', uri: names.map((n) => `${origin}/${n}`) }],
  });
}

/** `cog-push weights import` of `project` into `to`, measured (peak RSS on stderr). */
export function measuredImportArgs(project, to, ...extra) {
  return [
    'scripts/bench/measure.mjs',
    'dist/cli.js',
    'weights',
    'import',
    '--project',
    project,
    '--to',
    to,
    ...extra,
  ];
}

/** `cog-push weights push` of `dir` as weight `w` (the benches' projects name it so) into `to`. */
export function weightPushArgs(dir, to, ...extra) {
  return [
    'weights',
    'push',
    dir,
    '--name',
    'w',
    '--target',
    '/src/weights/w',
    '--to',
    to,
    ...extra,
  ];
}

/** A publish that writes weights.lock (and warms the pack cache) into a throwaway layout `to`. */
export function lockArgs(project, layout, to) {
  return [
    'publish',
    '--project',
    project,
    '--import-weights',
    '--image',
    `oci-layout:${layout}`,
    '--to',
    `oci-layout:${to}`,
  ];
}
