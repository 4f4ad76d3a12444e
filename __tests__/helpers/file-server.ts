// Our own HTTP(S) servers, for tests and benches alike. One way to listen (127.0.0.1, a free
// port, every request recorded, every connection cut on close) and one file server that
// answers as a model hub's CDN does: Content-Length, an ETag, HEAD, byte ranges with If-Range,
// and, when asked, a cap on each connection's rate (hubs cap a connection well below the link).
import { createReadStream, statSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly range?: string | undefined;
  readonly ifRange?: string | undefined;
  readonly authorization?: string | undefined;
}

export interface TestServer {
  /** `http://127.0.0.1:PORT` (https with `tls`). */
  readonly origin: string;
  /** Every request, in the order it came. */
  readonly seen: SeenRequest[];
  close(): Promise<void>;
}

export interface ListenOptions {
  /** Serve https with this key and certificate. */
  readonly tls?: { key: Buffer | string; cert: Buffer | string } | undefined;
}

/** Listen on 127.0.0.1 at a free port, recording each request before `handler` answers it. */
export async function listen(
  handler: (req: http.IncomingMessage, res: http.ServerResponse, seen: SeenRequest[]) => void,
  options: ListenOptions = {},
): Promise<TestServer> {
  const seen: SeenRequest[] = [];
  const listener: http.RequestListener = (req, res) => {
    seen.push({
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      range: req.headers.range,
      ifRange: req.headers['if-range'] as string | undefined,
      authorization: req.headers.authorization,
    });
    handler(req, res, seen);
  };
  const server = options.tls
    ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, listener)
    : http.createServer(listener);
  // Port 0: the kernel picks a free port as the server binds, so two servers never race.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A file's bytes: in memory, or a file on disk read in place (benches serve GBs). */
export type ServedFile = Uint8Array | { readonly path: string };

export interface FileServerOptions extends ListenOptions {
  /** The ETag of a file; undefined for none. Default `"<name>-<size>"`. */
  readonly etag?: (name: string, size: number) => string | undefined;
  /** Honour Range requests (default); false answers every GET with the whole file. */
  readonly ranges?: boolean;
  /** Each response at most this many bytes a second: a hub's per-connection cap. */
  readonly bytesPerSecond?: number;
  /** Told of each piece of a body as it is written: what went out, for tests of backpressure. */
  readonly onSent?: (bytes: number) => void;
}

/**
 * The file server's answer, to use inside a handler of a test's own: `name` is the file the
 * request names, `file` its bytes (undefined: 404).
 */
export function serveFile(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  name: string,
  file: ServedFile | undefined,
  options: FileServerOptions = {},
): void {
  if (!file) return void res.writeHead(404).end();
  const size = file instanceof Uint8Array ? file.length : statSync(file.path).size;
  const etag = options.etag ? options.etag(name, size) : `"${name}-${size}"`;
  const range = options.ranges === false ? undefined : wantedRange(req, size, etag);
  if (range === 'unsatisfiable')
    return void res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
  const [start, end] = range ?? [0, size - 1];
  res.writeHead(range ? 206 : 200, {
    'content-type': 'application/octet-stream',
    'content-length': String(end - start + 1),
    ...(etag ? { etag } : {}),
    ...(options.ranges === false ? {} : { 'accept-ranges': 'bytes' }),
    ...(range ? { 'content-range': `bytes ${start}-${end}/${size}` } : {}),
  });
  if (req.method === 'HEAD' || end < start) return void res.end();
  void pump(res, chunksOf(file, start, end), options);
}

/** Serve `files` by path (`/name`, percent-decoded), as a model hub's CDN does. */
export function startFileServer(
  files: Readonly<Record<string, ServedFile>>,
  options: FileServerOptions = {},
): Promise<TestServer> {
  return listen((req, res) => {
    const name = fileName(req);
    serveFile(req, res, name, Object.hasOwn(files, name) ? files[name] : undefined, options);
  }, options);
}

/** The file a request names: its path without the leading slash and the query, decoded. */
export function fileName(req: http.IncomingMessage): string {
  return decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.slice(1));
}

/** `bytes=a-`, `bytes=a-b`, `bytes=-n`, unless If-Range names another version. */
function wantedRange(
  req: http.IncomingMessage,
  size: number,
  etag: string | undefined,
): [number, number] | 'unsatisfiable' | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  const ifRange = req.headers['if-range'];
  if (ifRange !== undefined && ifRange !== etag) return undefined;
  if (m[1] === '') return [Math.max(0, size - Number(m[2])), size - 1];
  const start = Number(m[1]);
  if (start >= size) return 'unsatisfiable';
  return [start, m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1)];
}

async function* chunksOf(file: ServedFile, start: number, end: number): AsyncIterable<Uint8Array> {
  if (file instanceof Uint8Array) {
    for (let at = start; at <= end; at += 64 * 1024)
      yield file.subarray(at, Math.min(at + 64 * 1024, end + 1));
    return;
  }
  yield* createReadStream(file.path, { start, end, highWaterMark: 1 << 20 });
}

/** Write the chunks, waiting for the client to drain and, with a rate, for the clock. */
async function pump(
  res: http.ServerResponse,
  chunks: AsyncIterable<Uint8Array>,
  { bytesPerSecond, onSent }: FileServerOptions,
): Promise<void> {
  const began = Date.now();
  let sent = 0;
  try {
    for await (const chunk of chunks) {
      if (res.destroyed) return;
      onSent?.(chunk.length);
      if (!res.write(chunk)) await drained(res);
      sent += chunk.length;
      if (bytesPerSecond) {
        const due = began + (sent / bytesPerSecond) * 1000;
        if (due > Date.now()) await sleep(due - Date.now());
      }
    }
    res.end();
  } catch {
    res.destroy();
  }
}

/** Until the client has taken what is buffered, or gone. */
function drained(res: http.ServerResponse): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
