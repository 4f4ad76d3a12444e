// A real Docker engine for the tests (Debian `docker.io`: dockerd 20.10 with BuildKit built in,
// no buildx), started once per run by the global setup and stopped by its pid afterwards.
// Never with dockerd's defaults, which add a bridge, firewall chains and IP forwarding to the
// machine: no bridge, no iptables, its own data root, exec root, pid file and socket. Nothing
// can be pulled here, so the base image is a busybox rootfs imported from a tarball.

import { execFile, spawn } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  symlinkSync,
} from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { onPath } from './peers.js';

const run = promisify(execFile);

/** The base image every test Dockerfile starts FROM. */
export const BASE_IMAGE = 'local/busybox:1';

export interface Engine {
  /** DOCKER_HOST for the engine's socket. */
  readonly host: string;
  /** A directory holding the `docker` CLI that matches the engine: put it first on PATH. */
  readonly bin: string;
  readonly pid: number;
}

/** What the global setup hands the tests: the engine, or why there is none. */
export type EngineInfo = { ok: true; engine: Engine } | { ok: false; reason: string };

/** Every `docker` on PATH, then the Debian package's own. */
function dockerClis(): string[] {
  const dirs = (process.env['PATH'] ?? '').split(path.delimiter).filter(Boolean);
  const found = [...dirs, '/usr/bin']
    .map((d) => path.join(d, 'docker'))
    .filter((f) => onPath(path.basename(f), path.dirname(f)));
  return [...new Set(found.map((f) => realpathSync(f)))];
}

/** Start dockerd under `dir`; resolves once it answers, or says why it could not start. */
export async function startEngine(dir: string): Promise<EngineInfo> {
  if (!onPath('dockerd'))
    return { ok: false, reason: 'dockerd is not installed (Debian docker.io)' };
  if (process.getuid?.() !== 0) return { ok: false, reason: 'dockerd needs root here' };
  mkdirSync(dir, { recursive: true });
  const sock = path.join(dir, 'docker.sock');
  const host = `unix://${sock}`;
  const logFd = openSync(path.join(dir, 'dockerd.log'), 'a');
  const child = spawn(
    'dockerd',
    [
      '--iptables=false',
      '--ip6tables=false',
      '--ip-forward=false',
      '--ip-masq=false',
      '--bridge=none',
      '--storage-driver=overlay2',
      `--data-root=${path.join(dir, 'root')}`,
      `--exec-root=${path.join(dir, 'exec')}`,
      `--pidfile=${path.join(dir, 'dockerd.pid')}`,
      `-H`,
      host,
    ],
    { stdio: ['ignore', logFd, logFd], detached: true },
  );
  closeSync(logFd);
  child.unref();
  const pid = child.pid!;
  const env = { ...process.env, DOCKER_HOST: host };
  const log = () =>
    readFileSync(path.join(dir, 'dockerd.log'), 'utf8').split('\n').slice(-5).join(' | ');
  const clis = dockerClis();
  if (clis.length === 0) return { ok: false, reason: 'no docker CLI on PATH (Debian docker.io)' };
  let server = '';
  for (let i = 0; i < 120 && !server; i++) {
    if (child.exitCode !== null) break;
    server = await run(clis[0]!, ['version', '--format', '{{.Server.Version}}'], { env })
      .then((r) => r.stdout.trim())
      .catch(() => '');
    if (!server) await new Promise((r) => setTimeout(r, 250));
  }
  if (!server) {
    await stopEngine(pid);
    return { ok: false, reason: `dockerd did not start: ${log()}` };
  }
  // The CLI whose version is the engine's: a newer one (say /usr/local/bin/docker) refuses
  // BuildKit without buildx.
  let cli: string | undefined;
  for (const c of clis) {
    const v = await run(c, ['version', '--format', '{{.Client.Version}}'], { env })
      .then((r) => r.stdout.trim())
      .catch(() => '');
    if (v && v === server) cli = c;
  }
  if (!cli) {
    await stopEngine(pid);
    return { ok: false, reason: `no docker CLI of the engine's version ${server} found` };
  }
  const bin = path.join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  symlinkSync(cli, path.join(bin, 'docker'));
  try {
    await importBase(dir, bin, host);
  } catch (e) {
    await stopEngine(pid);
    return { ok: false, reason: `the base image could not be imported: ${(e as Error).message}` };
  }
  return { ok: true, engine: { host, bin, pid } };
}

/** `local/busybox:1`: a static busybox and its applets, imported from a tarball. */
async function importBase(dir: string, bin: string, host: string): Promise<void> {
  const rootfs = path.join(dir, 'rootfs');
  mkdirSync(path.join(rootfs, 'bin'), { recursive: true });
  mkdirSync(path.join(rootfs, 'tmp'), { recursive: true });
  const busybox = (await run('sh', ['-c', 'command -v busybox'])).stdout.trim();
  const { stdout: ldd } = await run('sh', ['-c', `ldd ${busybox} 2>&1 || true`]);
  if (!/not a dynamic executable|statically linked/.test(ldd))
    throw new Error(`${busybox} is not static (Debian busybox-static has a static one)`);
  copyFileSync(busybox, path.join(rootfs, 'bin', 'busybox'));
  for (const applet of ['sh', 'cat', 'ls', 'echo', 'true', 'sleep', 'sha256sum', 'find'])
    symlinkSync('busybox', path.join(rootfs, 'bin', applet));
  const tarball = path.join(dir, 'rootfs.tar');
  await run('tar', ['-C', rootfs, '-cf', tarball, '.']);
  await run(path.join(bin, 'docker'), ['import', '-c', 'ENV PATH=/bin', tarball, BASE_IMAGE], {
    env: { ...process.env, DOCKER_HOST: host },
  });
}

/** Stop dockerd by its pid (it stops its own containerd), SIGKILL after 15 s. */
export async function stopEngine(pid: number): Promise<void> {
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 150 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive()) process.kill(pid, 'SIGKILL');
}

/** The engine's environment for a child: its socket, and its CLI first on PATH. */
export function engineEnv(engine: Engine): Record<string, string> {
  return { DOCKER_HOST: engine.host, PATH: `${engine.bin}${path.delimiter}${process.env['PATH']}` };
}

/** Run the engine's docker CLI; resolves with its stdout, rejects with its stderr. */
export async function docker(
  engine: Engine,
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<string> {
  const r = await run(path.join(engine.bin, 'docker'), args, {
    cwd: options.cwd,
    env: { ...process.env, DOCKER_HOST: engine.host, DOCKER_BUILDKIT: '1', ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  }).catch((e: { stderr?: string; message: string }) => {
    throw new Error(`docker ${args.join(' ')}: ${e.stderr || e.message}`);
  });
  return r.stdout;
}
