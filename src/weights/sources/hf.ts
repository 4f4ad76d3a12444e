// hf://org/repo[@ref] sources through the Hugging Face Hub API (as Cog reads it): the ref is
// pinned to its commit, the tree is listed page by page (`Link: <…>; rel="next"`), LFS files
// take their digest and size from the listing, other files are hashed as they download, and
// every byte comes from `resolve/<commit>/<path>` — the pinned commit, never the moving ref.
// HF_TOKEN goes to the Hub's origin only, never to the CDN it redirects to, never to a log.

import { undici } from '../../util/undici.js';
import { mapLimit } from '../../util/limit.js';
import type { ArrivedFile } from '../layers.js';
import type { PlannedFile } from '../layers.js';
import type { WeightStore } from '../store.js';
import { downloadToStore, type DownloadOptions } from './download.js';
import {
  DOWNLOAD_RETRY,
  retryAfterMs,
  TRANSIENT_STATUS,
  TransientError,
  withRetries,
} from '../../util/retry.js';
import { arrival, type RemoteSource } from './http.js';
import { pathProblem } from '../paths.js';
import { parseHfUri, SourceError } from './uri.js';
import type { HubConfig } from '../../config/env.js';
import {
  BODY_LIMIT,
  BodyTooLargeError,
  describeFetchError,
  isPermanent,
  readLimited,
  stallOptions,
} from '../../util/http.js';

export interface HubOptions {
  /** The Hub and its token (RuntimeEnv.hub). */
  readonly hub: HubConfig;
  /** Which paths to fetch (include/exclude), applied before anything is downloaded. */
  readonly keep?: (path: string) => boolean;
  readonly concurrency?: number;
  readonly download?: DownloadOptions;
}

interface TreeEntry {
  type: string;
  path: string;
  size?: number;
  lfs?: { oid: string; size: number };
}

function nextLink(header: string | string[] | undefined): string | undefined {
  const text = Array.isArray(header) ? header.join(',') : header;
  const m = text ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(text) : null;
  return m?.[1];
}

/** One API GET, asked again (5 attempts) on a dropped connection or a transient answer. */
function hubGet(uri: string, config: HubConfig, url: URL) {
  const origin = new URL(config.endpoint).origin;
  // The token goes to the Hub's own origin only.
  const authorization =
    config.token && url.origin === origin ? `Bearer ${config.token}` : undefined;
  return withRetries(
    DOWNLOAD_RETRY,
    { what: `${uri}: ${url.pathname}`, giveUp: (last) => new SourceError(last.message) },
    async () => {
      const { request } = await undici();
      let res;
      try {
        res = await request(url, {
          headers: authorization ? { authorization } : {},
          ...stallOptions(config.stall),
        });
      } catch (e) {
        const message = `${uri}: cannot reach ${origin} (${url.pathname}): ${describeFetchError(e)}`;
        throw isPermanent(e) ? new SourceError(message) : new TransientError(message);
      }
      if (!TRANSIENT_STATUS.has(res.statusCode)) return res;
      await res.body.dump();
      throw new TransientError(
        `${uri}: ${url.pathname} answered ${res.statusCode}`,
        retryAfterMs(res.headers['retry-after']),
      );
    },
  );
}

function hub(uri: string, config: HubConfig) {
  const endpoint = new URL(config.endpoint);
  const token = config.token;
  const authorization = token ? { origin: endpoint.origin, header: `Bearer ${token}` } : undefined;
  const api = async (url: URL) => {
    const res = await hubGet(uri, config, url);
    if (res.statusCode === 401 || res.statusCode === 403) {
      await res.body.dump();
      throw new SourceError(
        `${uri}: the Hub refused access (${res.statusCode}); ${token ? 'check that HF_TOKEN can read this repository' : 'set HF_TOKEN for a private or gated repository'}`,
      );
    }
    if (res.statusCode === 404) {
      await res.body.dump();
      throw new SourceError(`${uri}: repository or revision not found on ${endpoint.origin}`);
    }
    if (res.statusCode !== 200) {
      await res.body.dump();
      throw new SourceError(`${uri}: ${url.pathname} answered ${res.statusCode}`);
    }
    const what = `${uri}: the Hub's answer to ${url.pathname}`;
    let text: string;
    try {
      text = (await readLimited(res.body, BODY_LIMIT.json, what)).toString('utf8');
    } catch (e) {
      res.body.destroy();
      throw new SourceError(
        e instanceof BodyTooLargeError ? e.message : `${what} was cut: ${describeFetchError(e)}`,
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new SourceError(`${what} is not JSON: ${(e as Error).message}`);
    }
    return { json, link: res.headers['link'] };
  };
  return { endpoint, authorization, api };
}

/** The commit an hf:// ref points at now (one API call). */
export async function hfCommit(uri: string, config: HubConfig): Promise<string> {
  const { repo, ref } = parseHfUri(uri);
  const { endpoint, api } = hub(uri, config);
  const revision = (
    await api(new URL(`/api/models/${repo}/revision/${encodeURIComponent(ref)}`, endpoint))
  ).json as {
    sha?: string;
  };
  const sha = revision.sha;
  if (!sha || !/^[0-9a-f]{40}$/.test(sha))
    throw new SourceError(`${uri}: the Hub gave no commit for ${ref}`);
  return sha;
}

export async function hfSource(
  uri: string,
  store: WeightStore,
  options: HubOptions,
): Promise<RemoteSource> {
  const { endpoint, authorization, api } = hub(uri, options.hub);
  const { repo } = parseHfUri(uri);
  const sha = await hfCommit(uri, options.hub);

  const entries: TreeEntry[] = [];
  let page: string | undefined = new URL(`/api/models/${repo}/tree/${sha}?recursive=true`, endpoint)
    .href;
  for (let n = 0; page && n < 10_000; n++) {
    const { json, link } = await api(new URL(page, endpoint));
    if (!Array.isArray(json))
      throw new SourceError(`${uri}: the Hub's tree listing is not a list of files`);
    entries.push(...(json as TreeEntry[]));
    page = nextLink(link);
  }
  for (const e of entries) {
    const problem = e.type === 'file' ? pathProblem(String(e.path)) : undefined;
    if (problem)
      throw new SourceError(
        `${uri}: the Hub lists a file ${JSON.stringify(e.path)}, whose path ${problem}; refusing to import it`,
      );
  }
  const keep = options.keep ?? (() => true);
  const wanted = entries.filter((e) => e.type === 'file' && keep(e.path));

  const files: PlannedFile[] = [];
  const arrived = new Map<string, ArrivedFile>();
  await mapLimit(wanted, options.concurrency ?? 4, async (e) => {
    const url = new URL(
      `/${repo}/resolve/${sha}/${e.path.split('/').map(encodeURIComponent).join('/')}`,
      endpoint,
    ).href;
    const got = await downloadToStore(
      store,
      {
        url,
        authorization,
        digest: e.lfs ? `sha256:${e.lfs.oid}` : undefined,
        size: e.lfs ? e.lfs.size : e.size,
        weightPath: e.path,
      },
      options.download,
    );
    // An LFS file is known by its oid: packing refuses bytes that hash to anything else.
    files.push({
      path: e.path,
      size: got.size,
      source: got.path,
      known: e.lfs ? `sha256:${e.lfs.oid}` : undefined,
    });
    arrived.set(...arrival(e.path, got));
  });
  return { files, fingerprint: `commit:${sha}`, arrived };
}
