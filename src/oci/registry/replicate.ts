// Replicate's registry (r8.im) takes a username and an API token as basic credentials; the
// username comes from the token, as `cog login` gets it: POST the token to
// <registry>/cog/v1/verify-token and read {"username"}.

import { undici } from '../../util/undici.js';
import { registryScheme } from './client.js';
import {
  BODY_LIMIT,
  BodyTooLargeError,
  describeFetchError,
  readLimited,
  stallOptions,
} from '../../util/http.js';

export async function replicateUsername(
  host: string,
  token: string,
  insecure: readonly string[] = [],
): Promise<string> {
  const url = `${registryScheme(host, insecure)}://${host}/cog/v1/verify-token`;
  let text: string;
  let status: number;
  const { request } = await undici();
  try {
    const res = await request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }).toString(),
      ...stallOptions(),
    });
    status = res.statusCode;
    text = (await readLimited(res.body, BODY_LIMIT.token, 'the answer', status !== 200)).toString();
    res.body.destroy();
  } catch (e) {
    throw new Error(
      `${host}: verify-token: ${e instanceof BodyTooLargeError ? e.message : describeFetchError(e)}`,
    );
  }
  if (status !== 200) {
    throw new Error(`${host} did not accept the replicate-token (verify-token answered ${status})`);
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
