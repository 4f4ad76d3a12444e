// Replicate's registry (r8.im) takes a username and an API token as basic credentials; the
// username comes from the token, as `cog login` gets it: POST the token to
// <registry>/cog/v1/verify-token and read {"username"}.

import { request } from 'undici';
import { registryScheme } from './client.js';

export const REPLICATE_REGISTRY = 'r8.im';

/** Is `host` Replicate's registry (RuntimeEnv.replicateRegistryHost: r8.im, or COG_REGISTRY_HOST)? */
export function isReplicateRegistry(host: string, replicateHost: string): boolean {
  return host === replicateHost;
}

export async function replicateUsername(
  host: string,
  token: string,
  insecure: readonly string[] = [],
): Promise<string> {
  const url = `${registryScheme(host, insecure)}://${host}/cog/v1/verify-token`;
  const res = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }).toString(),
  });
  const text = await res.body.text();
  if (res.statusCode !== 200) {
    throw new Error(
      `${host} did not accept the replicate-token (verify-token answered ${res.statusCode})`,
    );
  }
  let username: unknown;
  try {
    username = JSON.parse(text).username;
  } catch {
    // fall through
  }
  if (typeof username !== 'string' || username === '') {
    throw new Error(`${host}: verify-token answered without a username`);
  }
  return username;
}
