// A stand-in Docker daemon on a unix socket: enough of the Engine API for the real docker CLI
// to ping it and push, recording the login the CLI sends with each push (`X-Registry-Auth`,
// base64url JSON). It shows which credentials the CLI picked from a Docker config without a
// registry or the network.
import http from 'node:http';
import path from 'node:path';

export interface PushSeen {
  /** The API path, e.g. `/v1.41/images/someone/model/push?tag=v1`. */
  readonly url: string;
  /** The decoded X-Registry-Auth, when the CLI sent one. */
  readonly auth: { username?: string; password?: string; serveraddress?: string } | undefined;
}

export interface StandInDaemon {
  /** For DOCKER_HOST. */
  readonly host: string;
  readonly pushes: PushSeen[];
  stop(): Promise<void>;
}

export async function startStandInDaemon(dir: string): Promise<StandInDaemon> {
  const socket = path.join(dir, 'docker.sock');
  const pushes: PushSeen[] = [];
  const server = http.createServer((req, res) => {
    const headers = { 'api-version': '1.41', ostype: 'linux', 'docker-experimental': 'false' };
    if (/\/_ping$/.test(req.url ?? '')) return void res.writeHead(200, headers).end('OK');
    if (/\/images\/.+\/push/.test(req.url ?? '')) {
      const raw = req.headers['x-registry-auth'];
      const auth =
        typeof raw === 'string' && raw
          ? (JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as PushSeen['auth'])
          : undefined;
      pushes.push({ url: req.url!, auth });
      res.writeHead(200, { ...headers, 'content-type': 'application/json' });
      return void res.end('{"status":"pushed"}\n');
    }
    res.writeHead(404, headers).end('{"message":"not in the stand-in"}');
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  return {
    host: `unix://${socket}`,
    pushes,
    stop: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}
