// RuntimeEnv: everything this program takes from the environment of its process, read once at a door
// (the action's main.ts, the CLI) and passed down as a value. No module below the doors reads
// the environment for itself.

import os from 'node:os';
import path from 'node:path';
import { proxyFromEnv, type ProxySettings } from '../util/net.js';
import { stallLimits, type StallLimits } from '../util/http.js';

/** Files from this size on are fetched in ranges, unless COG_PUSH_RANGED_MIN says otherwise. */
export const RANGED_MIN = 64 * 1024 * 1024;

/** The Hugging Face Hub: where hf:// sources resolve, and the token sent only to it. */
export interface HubConfig {
  readonly endpoint: string;
  readonly token: string | undefined;
  /** How long the Hub (and the file servers it sends us to) may stall; default STALL_MS. */
  readonly stall?: StallLimits;
}

export interface RuntimeEnv {
  /** The project's workspace: relative working-directory inputs resolve against it. */
  readonly workspace: string;
  /** The local content-addressed weight store. */
  readonly storeDir: string;
  /** Digests of earlier packs, keyed by file identity. */
  readonly packCacheDir: string;
  /** Where scratch directories go (RUNNER_TEMP on a runner). */
  readonly scratchRoot: string;
  /** How often a long transfer logs its progress. */
  readonly progressIntervalMs: number;
  /** How long a peer may stall before it is given up on (COG_PUSH_STALL_SECONDS). */
  readonly stall: StallLimits;
  /** Source files from this many bytes on are fetched over parallel ranges (COG_PUSH_RANGED_MIN). */
  readonly rangedMin: number;
  /** Replicate's registry: the only host a `replicate-token` goes to. */
  readonly replicateRegistryHost: string;
  readonly hub: HubConfig;
  /** Directory of the user's Docker config.json. */
  readonly dockerConfigDir: string;
  /**
   * Podman's and buildah's auth files, read after the Docker config (containers-auth.json(5)):
   * REGISTRY_AUTH_FILE, $XDG_RUNTIME_DIR/containers/auth.json, ~/.config/containers/auth.json.
   */
  readonly containersAuthFiles: readonly string[];
  /** HTTPS_PROXY / HTTP_PROXY / NO_PROXY, when a proxy is set. */
  readonly proxy: ProxySettings | undefined;
  /** The environment builders (cog, docker, buildah) run with. */
  readonly childEnv: Readonly<Record<string, string>>;
  /** The runner's OS, as the Actions cache key names it. */
  readonly platform: string;
  /**
   * The Actions cache service is configured for this process (as @actions/cache's
   * isFeatureAvailable reads it): something will save what the store keeps.
   */
  readonly cacheService: boolean;
  /** The job summary file, when the runner gives one. */
  readonly stepSummary: string | undefined;
  /** The COG_MODEL* variables (action inputs replace them). */
  readonly modelRef: Readonly<Record<string, string | undefined>>;
  /** Values to mask in logs though no input carried them (the Hub tokens). */
  readonly secrets: readonly string[];
  /**
   * Put `dir` first on the process's PATH until the returned function is called. Only the
   * Actions cache restore needs this: the library finds `tar` through PATH.
   */
  prependPath(dir: string): () => void;
}

type Env = Record<string, string | undefined>;

/** A whole number of bytes, or undefined when unset or not one. */
function byteCount(text: string | undefined): number | undefined {
  const n = Number(text);
  return text && Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** Read the environment once. `env` is the process's own at the doors; tests pass a plain map. */
export function readRuntimeEnv(env: Env, cwd: string, platform: string): RuntimeEnv {
  const home = env['HOME'] || os.homedir();
  const cacheHome = env['XDG_CACHE_HOME'] || path.join(home, '.cache');
  const hubToken = env['HF_TOKEN'] || env['HUGGING_FACE_HUB_TOKEN'] || undefined;
  const stallSeconds = env['COG_PUSH_STALL_SECONDS'];
  const stall = stallLimits(stallSeconds ? Number(stallSeconds) : undefined);
  return {
    workspace: env['GITHUB_WORKSPACE'] || cwd,
    storeDir: env['COG_PUSH_STORE_DIR']
      ? path.resolve(cwd, env['COG_PUSH_STORE_DIR'])
      : path.join(cacheHome, 'cog-push', 'store'),
    packCacheDir: env['COG_PUSH_CACHE_DIR']
      ? path.join(env['COG_PUSH_CACHE_DIR'], 'pack')
      : path.join(cacheHome, 'cog-push', 'pack'),
    scratchRoot: env['RUNNER_TEMP'] || env['TMPDIR'] || os.tmpdir(),
    progressIntervalMs: Number(env['COG_PUSH_PROGRESS_SECONDS'] ?? 10) * 1000,
    stall,
    rangedMin: byteCount(env['COG_PUSH_RANGED_MIN']) ?? RANGED_MIN,
    // Replicate's registry, or the one COG_REGISTRY_HOST names, as Cog reads it.
    replicateRegistryHost: env['COG_REGISTRY_HOST'] || 'r8.im',
    hub: { endpoint: env['HF_ENDPOINT'] || 'https://huggingface.co', token: hubToken, stall },
    dockerConfigDir: env['DOCKER_CONFIG'] || path.join(home, '.docker'),
    containersAuthFiles: [
      env['REGISTRY_AUTH_FILE'],
      env['XDG_RUNTIME_DIR'] && path.join(env['XDG_RUNTIME_DIR'], 'containers', 'auth.json'),
      path.join(env['XDG_CONFIG_HOME'] || path.join(home, '.config'), 'containers', 'auth.json'),
    ].filter((f): f is string => Boolean(f)),
    proxy: proxyFromEnv(env),
    childEnv: Object.fromEntries(
      Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined),
    ),
    platform,
    cacheService: Boolean(env['ACTIONS_CACHE_URL'] || env['ACTIONS_RESULTS_URL']),
    stepSummary: env['GITHUB_STEP_SUMMARY'] || undefined,
    modelRef: {
      COG_MODEL: env['COG_MODEL'],
      COG_MODEL_REGISTRY: env['COG_MODEL_REGISTRY'],
      COG_MODEL_REPO: env['COG_MODEL_REPO'],
      COG_MODEL_TAG: env['COG_MODEL_TAG'],
      COG_REGISTRY_HOST: env['COG_REGISTRY_HOST'],
    },
    secrets: [env['HF_TOKEN'], env['HUGGING_FACE_HUB_TOKEN']].filter((s): s is string => !!s),
    prependPath(dir) {
      const previous = env['PATH'];
      env['PATH'] = `${dir}${path.delimiter}${previous ?? ''}`;
      return () => {
        env['PATH'] = previous;
      };
    },
  };
}
