// An http(s):// source: one file, named by the last segment of the URL's path, downloaded into
// the store. Its fingerprint is the strong ETag (`etag:"…"`) of the answer whose bytes were
// kept, else the sha256 of the body (a weak ETag says nothing about the bytes). A HEAD's ETag
// is only for the import's fast path: the file may change between a HEAD and the GET.

import path from 'node:path';
import { undici } from '../../util/undici.js';
import type { ArrivedFile } from '../layers.js';
import type { PlannedFile } from '../layers.js';
import type { WeightStore } from '../store.js';
import { downloadToStore, type Downloaded, type DownloadOptions } from './download.js';
import { pathProblem } from '../paths.js';
import { SourceError } from './uri.js';
import { strongEtagOf } from './representation.js';
import { stallOptions } from '../../util/http.js';

export interface RemoteSource {
  readonly files: PlannedFile[];
  readonly fingerprint: string;
  /** What was learnt of each file as it downloaded, by store path. */
  readonly arrived: Map<string, ArrivedFile>;
}

/** A downloaded file as the packer sees it, placed at `filePath` in its weight. */
export function arrival(filePath: string, got: Downloaded): [string, ArrivedFile] {
  return [got.path, { path: filePath, size: got.size, digest: got.digest, layer: got.layer }];
}

/** The URL's strong ETag from a HEAD, or undefined (weak, missing, or no HEAD). */
export async function strongEtag(uri: string): Promise<string | undefined> {
  const { request } = await undici();
  try {
    const head = await request(uri, { method: 'HEAD', ...stallOptions() });
    await head.body.dump();
    if (head.statusCode === 200) return strongEtagOf(head.headers);
  } catch {
    // no HEAD: fingerprint by content
  }
  return undefined;
}

export async function httpSource(
  uri: string,
  store: WeightStore,
  options: DownloadOptions = {},
): Promise<RemoteSource> {
  const url = new URL(uri);
  const name = path.posix.basename(decodeURIComponent(url.pathname));
  if (!name) throw new SourceError(`http source "${uri}" names no file (the URL path ends in /)`);
  const problem = pathProblem(name);
  if (problem)
    throw new SourceError(`http source "${uri}": its file name ${JSON.stringify(name)} ${problem}`);
  const got = await downloadToStore(store, { url: uri, weightPath: name }, options);
  return {
    files: [{ path: name, size: got.size, source: got.path }],
    fingerprint: got.etag ? `etag:${got.etag}` : got.digest,
    arrived: new Map([arrival(name, got)]),
  };
}
