// Real peers for registry tests: the CNCF distribution registry (Debian `docker-registry`) on
// 127.0.0.1 with a temp storage dir, optionally behind htpasswd Basic auth or Bearer tokens
// from a small token server of ours; a fault-injecting proxy; skopeo as an independent reader.
// Every process started here is stopped by its PID.

import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash, createPrivateKey, sign, X509Certificate } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';

import { freePort } from './ports.js';

export { freePort };

async function waitForHttp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`registry exited (${child.exitCode}): ${log()}`);
    const ok = await new Promise<boolean>((resolve) => {
      http.get(url, (res) => (res.resume(), resolve(true))).on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`registry did not answer at ${url}: ${log()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  const running = () => child.exitCode === null && child.signalCode === null;
  if (!running() || child.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => running() && process.kill(child.pid!, 'SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    process.kill(child.pid!, 'SIGTERM');
  });
}

export const USER = 'cog';
export const PASSWORD = 'hunter2-not-a-real-secret';

export interface TokenServer {
  readonly realm: string;
  readonly service: string;
  readonly issuer: string;
  readonly certFile: string;
  /** Token requests seen (query strings), for assertions. */
  readonly requests: { scope: string[]; authorized: boolean; authorization?: string }[];
  stop(): Promise<void>;
}

/**
 * A self-signed RSA key and certificate in `dir` (`<name>.key`, `<name>.crt`), made by openssl
 * with `subject` and any more `req` arguments (a subjectAltName, say).
 */
export function selfSignedCert(
  dir: string,
  name: string,
  subject: string,
  extra: readonly string[] = [],
): { keyFile: string; certFile: string } {
  const keyFile = path.join(dir, `${name}.key`);
  const certFile = path.join(dir, `${name}.crt`);
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile].concat([
      '-days',
      '1',
      '-subj',
      subject,
      ...extra,
    ]),
    { stdio: 'ignore' },
  );
  return { keyFile, certFile };
}

/** A Bearer token server: RS256 JWTs with an x5c chain the registry trusts. */
export async function startTokenServer(dir: string, expiresIn = 300): Promise<TokenServer> {
  mkdirSync(dir, { recursive: true });
  const { keyFile, certFile } = selfSignedCert(dir, 'token', '/CN=cog-push-test-token');
  const key = createPrivateKey(readFileSync(keyFile));
  const der = new X509Certificate(readFileSync(certFile)).raw.toString('base64');
  const service = 'cog-push-test-registry';
  const issuer = 'cog-push-test-issuer';
  const requests: TokenServer['requests'] = [];
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const scope = url.searchParams.getAll('scope');
    const basic = req.headers.authorization?.replace(/^Basic /, '');
    const [user, pass] = basic ? Buffer.from(basic, 'base64').toString().split(':') : [];
    const authorized = user === USER && pass === PASSWORD;
    requests.push({ scope, authorized, authorization: req.headers.authorization });
    if (basic && !authorized) {
      res.writeHead(401).end('{"details":"incorrect username or password"}');
      return;
    }
    const access = authorized
      ? scope.map((s) => {
          const [type, name, actions] = s.split(':');
          return { type, name, actions: actions!.split(',') };
        })
      : [];
    const now = Math.floor(Date.now() / 1000);
    const header = b64({ typ: 'JWT', alg: 'RS256', x5c: [der] });
    const claims = b64({
      iss: issuer,
      sub: user ?? '',
      aud: service,
      exp: now + expiresIn,
      nbf: now - 10,
      iat: now,
      jti: createHash('sha256').update(String(Math.random())).digest('hex').slice(0, 16),
      access,
    });
    const signature = sign('RSA-SHA256', Buffer.from(`${header}.${claims}`), key).toString(
      'base64url',
    );
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ token: `${header}.${claims}.${signature}`, expires_in: expiresIn }));
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return {
    realm: `http://127.0.0.1:${port}/token`,
    service,
    issuer,
    certFile,
    requests,
    stop: () => new Promise((r) => server.close(() => r())),
  };
}

export interface Registry {
  /** host:port */
  readonly host: string;
  readonly dataDir: string;
  readonly pid: number;
  stop(): Promise<void>;
  /** Every blob digest the registry stores (whatever repository). */
  blobDigests(): string[];
  /** Every file of the registry's storage, path → sha256: equal snapshots, unchanged registry. */
  snapshot(): Map<string, string>;
}

export async function startRegistry(
  dir: string,
  auth: { htpasswd: true; password?: string } | { token: TokenServer } | null = null,
): Promise<Registry> {
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const dataDir = path.join(dir, 'data');
  let authConfig = '';
  if (auth && 'htpasswd' in auth) {
    const file = path.join(dir, 'htpasswd');
    writeFileSync(file, execFileSync('htpasswd', ['-Bbn', USER, auth.password ?? PASSWORD]));
    authConfig = `auth:\n  htpasswd:\n    realm: cog-push-test\n    path: ${file}\n`;
  } else if (auth && 'token' in auth) {
    const t = auth.token;
    authConfig = `auth:\n  token:\n    realm: ${t.realm}\n    service: ${t.service}\n    issuer: ${t.issuer}\n    rootcertbundle: ${t.certFile}\n`;
  }
  const config = path.join(dir, 'config.yml');
  writeFileSync(
    config,
    `version: 0.1\nlog:\n  level: error\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n    rootdirectory: ${dataDir}\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:${port}\n${authConfig}`,
  );
  const child = spawn('docker-registry', ['serve', config], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  await waitForHttp(`http://127.0.0.1:${port}/v2/`, child, () => stderr);
  return {
    host: `127.0.0.1:${port}`,
    dataDir,
    pid: child.pid!,
    stop: () => stopChild(child),
    blobDigests() {
      const root = path.join(dataDir, 'docker/registry/v2/blobs/sha256');
      try {
        return readdirSync(root)
          .flatMap((p) => readdirSync(path.join(root, p)).map((h) => `sha256:${h}`))
          .sort();
      } catch {
        return [];
      }
    },
    snapshot() {
      const files = new Map<string, string>();
      try {
        for (const e of readdirSync(dataDir, { recursive: true, withFileTypes: true })) {
          if (e.isDirectory()) continue;
          const file = path.join(e.parentPath, e.name);
          const hash = createHash('sha256').update(readFileSync(file)).digest('hex');
          files.set(path.relative(dataDir, file), hash);
        }
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
      return files;
    },
  };
}

/** What the fault proxy does with one request. */
export type Fault =
  | { kind: 'pass' }
  /** Answer at once with this status (the request is not forwarded). */
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  /** Forward, but cut both connections after this many request body bytes. */
  | { kind: 'drop'; afterBytes: number }
  /** Forward, then replace a response header. */
  | { kind: 'rewrite'; header: string; value: string }
  /** Forward, then point the response's Location at another host:port. */
  | { kind: 'rewrite-location'; host: string }
  /** A hostile peer: take the request and never answer. */
  | { kind: 'stall' }
  /** Forward, send `afterBytes` of the response body, then go silent (the socket stays open). */
  | { kind: 'stall-body'; afterBytes: number }
  /** Forward, send `afterBytes` of the response body, then cut the connection. */
  | { kind: 'cut-body'; afterBytes: number }
  /** Hold the request until `until()` is true (polled), then forward it (or do `then`); a 503
   * after `ms`. */
  | { kind: 'hold'; until: () => boolean; ms: number; then?: Fault }
  /** Answer with a body of `bytes` bytes, streamed (an oversized manifest, token or error page). */
  | { kind: 'huge'; status: number; bytes: number; headers?: Record<string, string> };

export interface FaultProxy {
  readonly host: string;
  /** Requests seen, as `METHOD path`. */
  readonly seen: string[];
  stop(): Promise<void>;
}

/** An HTTP proxy in front of the registry that injects `decide(req, n)` faults. */
export async function startFaultProxy(
  upstream: string,
  decide: (req: http.IncomingMessage, seq: number) => Fault,
): Promise<FaultProxy> {
  const seen: string[] = [];
  const [upHost, upPort] = upstream.split(':');
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push(`${req.method} ${url.pathname}`);
    const fault = decide(req, seen.length);
    if (fault.kind === 'stall') return void req.resume();
    if (fault.kind === 'hold') {
      req.pause();
      const start = Date.now();
      const poll = setInterval(() => {
        if (fault.until()) {
          clearInterval(poll);
          return void forward(req, res, fault.then ?? { kind: 'pass' });
        }
        if (Date.now() - start < fault.ms) return;
        clearInterval(poll);
        req.resume();
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end('{"errors":[{"code":"UNAVAILABLE","message":"held too long by the test proxy"}]}');
      }, 20);
      req.on('close', () => clearInterval(poll));
      return;
    }
    forward(req, res, fault);
  });
  function forward(req: http.IncomingMessage, res: http.ServerResponse, fault: Fault): void {
    if (fault.kind === 'huge') {
      req.resume();
      res.writeHead(fault.status, { 'content-length': String(fault.bytes), ...fault.headers });
      const block = Buffer.alloc(1 << 20, 0x7b); // '{' over and over: neither JSON nor small
      let left = fault.bytes;
      const pump = () => {
        while (left > 0) {
          const n = Math.min(left, block.length);
          left -= n;
          if (!res.write(block.subarray(0, n))) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => undefined);
      return pump();
    }
    if (fault.kind === 'status') {
      req.resume();
      res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
      res.end(
        fault.body ??
          '{"errors":[{"code":"INJECTED","message":"fault injected by the test proxy"}]}',
      );
      return;
    }
    const up = http.request(
      {
        host: upHost,
        port: Number(upPort),
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (upRes) => {
        const headers = { ...upRes.headers };
        if (fault.kind === 'rewrite') headers[fault.header.toLowerCase()] = fault.value;
        if (fault.kind === 'rewrite-location' && headers.location) {
          const moved = new URL(headers.location, `http://${req.headers.host}`);
          moved.host = fault.host;
          headers.location = moved.href;
        }
        res.writeHead(upRes.statusCode ?? 502, headers);
        if (fault.kind === 'stall-body' || fault.kind === 'cut-body') {
          let sent = 0;
          upRes.on('data', (chunk: Buffer) => {
            if (sent >= fault.afterBytes) return;
            const part = chunk.subarray(0, fault.afterBytes - sent);
            sent += part.length;
            res.write(part);
            if (sent >= fault.afterBytes) {
              upRes.pause();
              if (fault.kind === 'cut-body') setTimeout(() => res.socket?.destroy(), 20);
            }
          });
          upRes.on('end', () => sent < fault.afterBytes && res.end());
          return;
        }
        upRes.pipe(res);
      },
    );
    up.on('error', () => res.destroy());
    if (fault.kind === 'drop' && fault.afterBytes === 0) {
      // Nothing reaches the registry: the connection dies as the request is sent.
      up.destroy();
      req.socket.destroy();
    } else if (fault.kind === 'drop') {
      let n = 0;
      req.on('data', (chunk: Buffer) => {
        if (n >= fault.afterBytes) return;
        const part = chunk.subarray(0, fault.afterBytes - n);
        n += part.length;
        up.write(part);
        if (n >= fault.afterBytes) {
          // Give the registry the partial body, then cut both sides mid-request.
          setTimeout(() => {
            up.destroy();
            req.socket.destroy();
          }, 50);
        }
      });
    } else {
      req.pipe(up);
    }
  }
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return {
    host: `127.0.0.1:${port}`,
    seen,
    stop: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

const execFileAsync = promisify(execFile);

// skopeo runs asynchronously: the token server lives in the test process, and a synchronous
// child would block the very event loop that has to answer skopeo's token request.

/** `skopeo inspect --raw`: the exact manifest bytes a registry serves. */
export async function skopeoRaw(ref: string, creds?: string): Promise<Buffer> {
  const args = [
    'inspect',
    '--raw',
    '--tls-verify=false',
    ...(creds ? ['--creds', creds] : []),
    `docker://${ref}`,
  ];
  const { stdout } = await execFileAsync('skopeo', args, {
    encoding: 'buffer',
    maxBuffer: 64 << 20,
  });
  return stdout;
}

/**
 * Resolves when the registry answers that nothing is at `ref` (distribution's MANIFEST_UNKNOWN,
 * or NAME_UNKNOWN for a repository never pushed to); any other failure of skopeo rejects.
 */
export async function expectNoManifest(ref: string, creds?: string): Promise<void> {
  let message = '';
  try {
    await skopeoRaw(ref, creds);
  } catch (e) {
    message = String((e as { stderr?: Buffer }).stderr ?? (e as Error).message);
  }
  if (!/manifest unknown|name unknown/i.test(message))
    throw new Error(`expected no manifest at ${ref}; skopeo said: ${message || 'found one'}`);
}

/** `skopeo copy` into an OCI layout; returns the blob files it fetched (digest → path). */
export async function skopeoCopy(
  ref: string,
  dir: string,
  creds?: string,
): Promise<Map<string, string>> {
  const args = [
    'copy',
    '--quiet',
    '--src-tls-verify=false',
    ...(creds ? ['--src-creds', creds] : []),
    `docker://${ref}`,
    `oci:${dir}:copy`,
  ];
  await execFileAsync('skopeo', args);
  const blobs = path.join(dir, 'blobs/sha256');
  return new Map(readdirSync(blobs).map((h) => [`sha256:${h}`, path.join(blobs, h)]));
}
