// The Actions cache, for real, on this machine: Azurite (npm) as the blob store, and a small
// stand-in for the cache service's three twirp calls (spec/actions-cache.md §2) handing out
// Azurite SAS URLs. The real @actions/cache library talks to both. Faults can be injected per
// call to test how the publish copes.

import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import {
  BlobSASPermissions,
  BlobServiceClient,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters,
} from '@azure/storage-blob';
import { freePort } from './registry.js';
import { REPO_ROOT } from './conformance.js';

const ACCOUNT = 'devstoreaccount1';
// Azurite's published development key (not a secret).
const KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const CONTAINER = 'actions-cache';
const SERVICE = '/twirp/github.actions.results.api.v1.CacheService/';

export type CacheMethod =
  'GetCacheEntryDownloadURL' | 'CreateCacheEntry' | 'FinalizeCacheEntryUpload';

/** A fault for one call: answer with this status and twirp body instead of serving it. */
export interface CacheFault {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

interface Entry {
  key: string;
  version: string;
  blob: string;
  finalized: boolean;
  created: number;
}

export interface CacheService {
  /** ACTIONS_RESULTS_URL */
  readonly url: string;
  /** Environment for a process that should use this cache. */
  readonly env: Record<string, string>;
  /** Calls seen: method and key. */
  readonly calls: { method: CacheMethod; key: string }[];
  /** Return a fault for the next matching call(s), or undefined to serve it. */
  fault: ((method: CacheMethod, key: string) => CacheFault | undefined) | undefined;
  /** Keys of finalized entries. */
  keys(): string[];
  /** Make entry `key` serve the archive of entry `from` (a corrupt entry, for tests). */
  alias(key: string, from: string): void;
  /** Make entry `key` serve these archive bytes instead (a forged entry, for tests). */
  replaceArchive(key: string, archive: Uint8Array): Promise<void>;
  stop(): Promise<void>;
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`azurite exited: ${log()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const req = http.get(`http://127.0.0.1:${port}/`, (res) => (res.resume(), resolve(true)));
      req.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`azurite did not start: ${log()}`);
}

export async function startCacheService(): Promise<CacheService> {
  const blobPort = await freePort();
  const azurite = spawn(
    process.execPath,
    [
      path.join(REPO_ROOT, 'node_modules/azurite/dist/src/blob/main.js'),
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      String(blobPort),
      '--inMemoryPersistence',
      '--disableTelemetry',
      '--skipApiVersionCheck',
      '--silent',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  azurite.stderr!.on('data', (d) => (stderr += d));
  await waitForPort(blobPort, azurite, () => stderr);

  const credential = new StorageSharedKeyCredential(ACCOUNT, KEY);
  const container = new BlobServiceClient(
    `http://127.0.0.1:${blobPort}/${ACCOUNT}`,
    credential,
  ).getContainerClient(CONTAINER);
  await container.createIfNotExists();
  const sasUrl = (blob: string, permissions: string) => {
    const sas = generateBlobSASQueryParameters(
      {
        containerName: CONTAINER,
        blobName: blob,
        permissions: BlobSASPermissions.parse(permissions),
        startsOn: new Date(Date.now() - 5 * 60_000),
        expiresOn: new Date(Date.now() + 60 * 60_000),
      },
      credential,
    ).toString();
    return `${container.getBlockBlobClient(blob).url}?${sas}`;
  };

  const entries: Entry[] = [];
  const calls: CacheService['calls'] = [];
  let nextId = 1;
  const service: CacheService = {
    url: '',
    env: {},
    calls,
    fault: undefined,
    keys: () => entries.filter((e) => e.finalized).map((e) => e.key),
    alias: (key, from) => {
      const e = entries.find((x) => x.key === key && x.finalized);
      const f = entries.find((x) => x.key === from && x.finalized);
      if (!e || !f) throw new Error(`no entry ${key} or ${from}`);
      e.blob = f.blob;
    },
    replaceArchive: async (key, archive) => {
      const e = entries.find((x) => x.key === key && x.finalized);
      if (!e) throw new Error(`no entry ${key}`);
      const blob = `forged-${nextId++}`;
      await container.getBlockBlobClient(blob).uploadData(archive);
      e.blob = blob;
    },
    stop: async () => undefined,
  };

  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      const method = (req.url ?? '').startsWith(SERVICE)
        ? ((req.url ?? '').slice(SERVICE.length) as CacheMethod)
        : undefined;
      if (!method || req.method !== 'POST')
        return send(404, { code: 'bad_route', msg: 'no such method' });
      const msg = JSON.parse(body || '{}') as {
        key: string;
        version: string;
        restore_keys?: string[];
        size_bytes?: string;
      };
      calls.push({ method, key: msg.key });
      const fault = service.fault?.(method, msg.key);
      if (fault) return send(fault.status, fault.body);
      const finalized = entries.filter((e) => e.finalized && e.version === msg.version);
      switch (method) {
        case 'GetCacheEntryDownloadURL': {
          const hit =
            finalized.find((e) => e.key === msg.key) ??
            [msg.key, ...(msg.restore_keys ?? [])]
              .map(
                (prefix) =>
                  finalized
                    .filter((e) => e.key.startsWith(prefix))
                    .sort((a, b) => b.created - a.created)[0],
              )
              .find(Boolean);
          if (!hit) return send(200, { ok: false });
          return send(200, {
            ok: true,
            signed_download_url: sasUrl(hit.blob, 'r'),
            matched_key: hit.key,
          });
        }
        case 'CreateCacheEntry': {
          if (entries.some((e) => e.key === msg.key && e.version === msg.version)) {
            return send(409, {
              code: 'already_exists',
              msg: 'cache entry with the same key, version, and scope already exists',
            });
          }
          const blob = `entry-${nextId++}`;
          entries.push({
            key: msg.key,
            version: msg.version,
            blob,
            finalized: false,
            created: Date.now(),
          });
          return send(200, { ok: true, signed_upload_url: sasUrl(blob, 'cw') });
        }
        case 'FinalizeCacheEntryUpload': {
          const e = entries.find(
            (x) => x.key === msg.key && x.version === msg.version && !x.finalized,
          );
          if (!e) return send(404, { code: 'not_found', msg: 'no entry to finalize' });
          e.finalized = true;
          return send(200, { ok: true, entry_id: String(nextId++) });
        }
      }
    });
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  const url = `http://127.0.0.1:${port}/`;
  Object.assign(service, {
    url,
    env: {
      ACTIONS_CACHE_SERVICE_V2: 'true',
      ACTIONS_RESULTS_URL: url,
      ACTIONS_RUNTIME_TOKEN: 'test-runtime-token',
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      if (azurite.exitCode === null && azurite.signalCode === null) {
        const exited = new Promise((r) => azurite.once('exit', r));
        process.kill(azurite.pid!, 'SIGTERM');
        await exited;
      }
    },
  });
  return service;
}
