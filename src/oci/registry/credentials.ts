// Where registry credentials come from, in Docker's order: explicit ones (action inputs or CLI
// flags), then the Docker config (`auths`, `credHelpers`, `credsStore`), else anonymous. Each
// credential is bound to one host; nothing is ever offered to another.

import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export interface Credential {
  readonly username?: string;
  readonly password?: string;
  /** An OAuth2 refresh token (Docker's `identitytoken`). */
  readonly identityToken?: string;
  /** Where it came from, for error messages: never the secret itself. */
  readonly source: string;
}

export interface CredentialOptions {
  /** Explicit credentials, for `host` only. */
  readonly explicit?: { host: string; username: string; password: string } | undefined;
  /** Directory of config.json (RuntimeEnv.dockerConfigDir); none: no Docker config is read. */
  readonly dockerConfigDir?: string | undefined;
  /** Podman's / buildah's auth.json files, in order, read after the Docker config. */
  readonly authFiles?: readonly string[] | undefined;
}

/**
 * The key Docker keeps a Docker Hub login under, in `auths`, `credHelpers` and a helper's
 * answer: the docker CLI and BuildKit look the Hub up by this alone.
 */
export const HUB_CONFIG_KEY = 'https://index.docker.io/v1/';

const DOCKER_HUB_ALIASES = new Set([
  'docker.io',
  'index.docker.io',
  'registry-1.docker.io',
  'https://index.docker.io/v1/',
  'https://index.docker.io/v1',
  'index.docker.io/v1',
]);

/** The key a host is known by: Docker Hub's aliases are one host; others match exactly. */
export function hostKey(host: string): string {
  if (DOCKER_HUB_ALIASES.has(host)) return 'docker.io';
  // Config keys may be written as URLs (`https://ghcr.io`, `https://host:5000/v2/`).
  const bare = host.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  return DOCKER_HUB_ALIASES.has(bare) ? 'docker.io' : bare;
}

/** The key Docker writes a login for `host` under: the Hub's v1 URL, else the host itself. */
export function configKey(host: string): string {
  return hostKey(host) === 'docker.io' ? HUB_CONFIG_KEY : host;
}

interface DockerConfig {
  auths?: Record<
    string,
    { auth?: string; username?: string; password?: string; identitytoken?: string }
  >;
  credHelpers?: Record<string, string>;
  credsStore?: string;
}

async function readConfigFile(file: string): Promise<DockerConfig | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as DockerConfig;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`cannot read ${file}: ${(e as Error).message}`);
  }
}

function helper(name: string, registry: string): Promise<Credential | undefined> {
  // Docker keeps a Hub login under its v1 URL, whatever alias the image names.
  const host = configKey(registry);
  return new Promise((resolve, reject) => {
    const child = execFile(
      `docker-credential-${name}`,
      ['get'],
      { timeout: 30_000 },
      (err, stdout) => {
        if (err) {
          // "credentials not found" is an answer, not a failure: anonymous then.
          if (/not found/i.test(String(stdout)) || /not found/i.test(err.message))
            return resolve(undefined);
          return reject(
            new Error(
              `docker-credential-${name} get failed for ${host}: ${err.message.split('\n')[0]}`,
            ),
          );
        }
        try {
          const r = JSON.parse(stdout) as { Username?: string; Secret?: string };
          if (!r.Secret) return resolve(undefined);
          const source = `docker-credential-${name}`;
          resolve(
            r.Username === '<token>'
              ? { identityToken: r.Secret, source }
              : { username: r.Username ?? '', password: r.Secret, source },
          );
        } catch {
          reject(new Error(`docker-credential-${name} returned malformed JSON for ${host}`));
        }
      },
    );
    child.stdin?.end(host);
  });
}

/** The files a login is looked for in, in order: Docker's config.json, then auth.json files. */
function configFiles(options: CredentialOptions): string[] {
  return [
    ...(options.dockerConfigDir ? [path.join(options.dockerConfigDir, 'config.json')] : []),
    ...(options.authFiles ?? []),
  ];
}

/**
 * The credential for `repository` on `host` (host[:port]), or undefined for anonymous access.
 * Without `repository`, only logins for the whole host count.
 */
export async function findCredential(
  host: string,
  options: CredentialOptions = {},
  repository?: string,
): Promise<Credential | undefined> {
  const key = hostKey(host);
  if (options.explicit && hostKey(options.explicit.host) === key) {
    return {
      username: options.explicit.username,
      password: options.explicit.password,
      source: 'explicit username/password',
    };
  }
  const files = configFiles(options);
  for (const file of files) {
    const config = await readConfigFile(file);
    const scope = options.authFiles?.includes(file) ? { repository } : undefined;
    const found = config && (await fromConfig(config, file, host, scope));
    if (found) return found;
  }
  return undefined;
}

/**
 * `host`'s credential in one config file: Docker's config.json (`namespaced` undefined), or a
 * containers auth.json, whose `host/namespace` keys hold for that namespace only.
 */
async function fromConfig(
  config: DockerConfig,
  file: string,
  host: string,
  namespaced?: { repository: string | undefined },
): Promise<Credential | undefined> {
  const key = hostKey(host);
  const helperName = Object.entries(config.credHelpers ?? {}).find(
    ([h]) => hostKey(h) === key,
  )?.[1];
  if (helperName) return helper(helperName, host);

  const entries = Object.entries(config.auths ?? {});
  const entry = namespaced
    ? containersEntry(entries, key, namespaced.repository)
    : entries.find(([h]) => hostKey(h) === key)?.[1];
  if (entry) {
    if (entry.identitytoken)
      return { identityToken: entry.identitytoken, source: `${file} (identitytoken)` };
    if (entry.auth) {
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 0)
        throw new Error(`${file}: auths["${host}"].auth is not base64 of user:password`);
      return {
        username: decoded.slice(0, colon),
        password: decoded.slice(colon + 1),
        source: `${file} (auths)`,
      };
    }
    if (entry.username && entry.password) {
      return { username: entry.username, password: entry.password, source: `${file} (auths)` };
    }
  }
  if (config.credsStore) return helper(config.credsStore, host);
  return undefined;
}

/**
 * The auth.json entry for `repository` on the host `key` (containers-auth.json(5)): a key
 * `host/namespace[/…]` holds for the repositories under that namespace only, and the most
 * specific key that holds wins over the host's own.
 */
function containersEntry<T>(
  entries: [string, T][],
  key: string,
  repository: string | undefined,
): T | undefined {
  let best: { rank: number; value: T } | undefined;
  for (const [name, value] of entries) {
    const bare = name.replace(/^https?:\/\//, '');
    const slash = bare.indexOf('/');
    const host = slash < 0 ? bare : bare.slice(0, slash);
    if (hostKey(host) !== key) continue;
    // A URL-form key (`https://host/v2/`) names the host alone, as Docker wrote it.
    const namespace = slash < 0 || name.includes('://') ? '' : bare.slice(slash + 1);
    const holds =
      namespace === '' ||
      (repository !== undefined &&
        (repository === namespace || repository.startsWith(`${namespace}/`)));
    if (holds && (!best || namespace.length + 1 > best.rank))
      best = { rank: namespace.length + 1, value };
  }
  return best?.value;
}

/**
 * Where a login for `host` was looked for, and which hosts those files do hold: for the error
 * when a registry refuses anonymous access (a login kept as `localhost:5001` is not one for
 * `127.0.0.1:5001`).
 */
export async function searchedFor(host: string, options: CredentialOptions = {}): Promise<string> {
  const files = configFiles(options);
  const seen: string[] = [];
  for (const file of files) {
    const config = await readConfigFile(file).catch(() => undefined);
    if (!config) {
      seen.push(`${file} (not there)`);
      continue;
    }
    const hosts = [...Object.keys(config.auths ?? {}), ...Object.keys(config.credHelpers ?? {})];
    const store = config.credsStore ? `; credsStore ${config.credsStore} had none` : '';
    seen.push(`${file} (${hosts.length ? `logins for ${hosts.join(', ')}` : 'no logins'}${store})`);
  }
  const explicit = options.explicit
    ? `; the username/password inputs are for ${options.explicit.host}`
    : '';
  return `no login for ${host}: looked in ${seen.join(', ') || 'no Docker config'}${explicit}`;
}
