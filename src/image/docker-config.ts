// The Docker configuration a builder runs with when the action has a login for the
// destination: the user's own (their other logins — a private base image, nvcr.io — their
// credential helpers, proxies, and the buildx builder docker/setup-buildx-action made), with
// the destination's login added. It is a temporary DOCKER_CONFIG: config.json is the user's
// plus our entry; everything else in the user's directory (buildx/, cli-plugins/, contexts/)
// is linked, not copied, so the builder's state stays the user's. Removed afterwards.

import { chmod, mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { configKey, hostKey } from '../oci/registry/credentials.js';

export interface RegistryLogin {
  readonly host: string;
  readonly username: string;
  readonly password: string;
}

interface ConfigJson {
  auths?: Record<string, unknown>;
  credHelpers?: Record<string, string>;
  credsStore?: string;
  [key: string]: unknown;
}

/** The name of the helper that answers for the destination when a credential store is set. */
const HELPER = 'cog-push-login';

/** Where that helper lives in our config directory: a name the user's directory cannot take. */
const HELPER_DIR = 'cog-push-bin';

export interface BuilderConfig {
  /** The DOCKER_CONFIG directory. */
  readonly dir: string;
  /** A directory to put first on PATH (it holds our credential helper), when one is needed. */
  readonly binDir: string | undefined;
}

async function userConfig(dir: string | undefined): Promise<ConfigJson> {
  if (!dir) return {};
  try {
    const parsed: unknown = JSON.parse(await readFile(path.join(dir, 'config.json'), 'utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as ConfigJson)
      : {};
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new Error(
      `cannot read ${path.join(dir, 'config.json')} to give the builder: ${(e as Error).message}`,
    );
  }
}

/**
 * A Docker config directory under `workDir`: the user's (`userDir`, RuntimeEnv.dockerConfigDir)
 * with `login` added. With a credential store configured, Docker would ask the store even for
 * the destination (and find nothing there), so the destination gets a helper of its own.
 */
export async function builderDockerConfig(
  workDir: string,
  login: RegistryLogin,
  userDir: string | undefined,
): Promise<BuilderConfig> {
  const dir = await mkdtemp(path.join(workDir, 'docker-config-'));
  await chmod(dir, 0o700);
  const config = await userConfig(userDir);
  const auth = Buffer.from(`${login.username}:${login.password}`).toString('base64');
  // Keyed as Docker keys it (the Hub under its v1 URL); the user's entries for any alias of
  // the same host go, so another login of theirs cannot answer for the destination.
  const key = configKey(login.host);
  const sameHost = (h: string) => hostKey(h) === hostKey(login.host);
  const auths = Object.fromEntries(
    Object.entries(config.auths ?? {}).filter(([h]) => !sameHost(h)),
  );
  const merged: ConfigJson = { ...config, auths: { ...auths, [key]: { auth } } };
  const helpers = Object.fromEntries(
    Object.entries(config.credHelpers ?? {}).filter(([h]) => !sameHost(h)),
  );
  let binDir: string | undefined;
  if (config.credsStore) {
    binDir = path.join(dir, HELPER_DIR);
    await writeHelper(binDir, key, login);
    helpers[key] = HELPER;
  }
  if (Object.keys(helpers).length > 0) merged.credHelpers = helpers;
  else delete merged.credHelpers;
  await writeFile(path.join(dir, 'config.json'), JSON.stringify(merged), { mode: 0o600 });
  await linkTheRest(userDir, dir);
  return { dir, binDir };
}

/** Everything of the user's config directory but config.json, linked into `dir`. */
async function linkTheRest(userDir: string | undefined, dir: string): Promise<void> {
  if (!userDir) return;
  let entries: string[];
  try {
    entries = await readdir(userDir);
  } catch {
    return;
  }
  for (const name of entries)
    if (name !== 'config.json' && name !== HELPER_DIR)
      await symlink(path.join(path.resolve(userDir), name), path.join(dir, name));
}

/** `docker-credential-cog-push-login`: answers `get` for the destination (`key`) only. */
async function writeHelper(binDir: string, key: string, login: RegistryLogin): Promise<void> {
  await mkdir(binDir, { mode: 0o700 });
  const answer = JSON.stringify({
    ServerURL: key,
    Username: login.username,
    Secret: login.password,
  });
  // The secret is in a file only the runner's user reads, as config.json's auth is.
  const script = `#!/bin/sh
[ "$1" = get ] || exit 0
read host
[ "$host" = '${key}' ] || { echo "credentials not found in native keychain"; exit 1; }
cat <<'COG_PUSH_EOF'
${answer}
COG_PUSH_EOF
`;
  await writeFile(path.join(binDir, `docker-credential-${HELPER}`), script, { mode: 0o700 });
}
