// Registry authentication: parse WWW-Authenticate, answer Basic challenges with the host's
// credential, and get Bearer tokens from the realm for exactly the scopes an operation needs,
// cached until they expire. Credentials go to the registry host and to the realm it names in
// its own challenge, nowhere else; they are never logged.

import { undici } from '../../util/undici.js';
import type { Credential } from './credentials.js';
import {
  BODY_LIMIT,
  BodyTooLargeError,
  describeFetchError,
  readLimited,
  STALL_MS,
  stallOptions,
  type StallLimits,
} from '../../util/http.js';

export interface Challenge {
  readonly scheme: 'basic' | 'bearer';
  readonly params: Readonly<Record<string, string>>;
}

/** Parse `Bearer realm="…",service="…",scope="…"` (or `Basic realm="…"`). */
export function parseChallenge(header: string | undefined): Challenge | undefined {
  if (!header) return undefined;
  const m = /^\s*(\w+)\s*(.*)$/s.exec(header);
  if (!m) return undefined;
  const scheme = m[1]!.toLowerCase();
  if (scheme !== 'basic' && scheme !== 'bearer') return undefined;
  const params: Record<string, string> = {};
  const re = /([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
  for (const p of m[2]!.matchAll(re))
    params[p[1]!.toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : p[3]!;
  return { scheme, params };
}

export class AuthError extends Error {
  override name = 'AuthError';
}

interface CachedToken {
  readonly token: string;
  readonly expiresAt: number;
}

/** Tokens live at least this long when the realm does not say (the distribution default). */
const DEFAULT_TOKEN_SECONDS = 60;
/** Renew a token this long before it expires, so it does not die mid-request. */
const EXPIRY_MARGIN_MS = 10_000;

export class Authenticator {
  private challenge: Challenge | undefined;
  private readonly tokens = new Map<string, CachedToken>();

  constructor(
    readonly registry: string,
    private readonly credential: Credential | undefined,
    private readonly now: () => number = Date.now,
    private readonly stall: StallLimits = STALL_MS,
    /** Where a login was looked for, when none was found (credentials.ts searchedFor). */
    private readonly searched?: string,
  ) {}

  /** Which credential was offered, for error messages. */
  get credentialSource(): string {
    return (
      this.credential?.source ??
      `anonymous (${this.searched ?? 'no credentials found for this registry'})`
    );
  }

  /** Remember the registry's challenge (from a 401). */
  setChallenge(header: string | undefined): void {
    const parsed = parseChallenge(header);
    if (parsed) this.challenge = parsed;
  }

  /** Forget cached tokens for these scopes (after a 401 with a token that looked valid). */
  invalidate(scopes: readonly string[]): void {
    this.tokens.delete(this.tokenKey(scopes));
  }

  private tokenKey(scopes: readonly string[]): string {
    const c = this.challenge?.params;
    return JSON.stringify([c?.['realm'], c?.['service'], [...scopes].sort()]);
  }

  private basic(): string | undefined {
    const c = this.credential;
    if (!c || c.username === undefined || c.password === undefined) return undefined;
    return 'Basic ' + Buffer.from(`${c.username}:${c.password}`).toString('base64');
  }

  /** The Authorization header for a request needing `scopes`, or undefined (anonymous). */
  async authorization(scopes: readonly string[]): Promise<string | undefined> {
    const challenge = this.challenge;
    if (!challenge) return undefined;
    if (challenge.scheme === 'basic') {
      const basic = this.basic();
      if (!basic) {
        throw new AuthError(
          `${this.registry} asks for a username and password; ${this.credentialSource}`,
        );
      }
      return basic;
    }
    const key = this.tokenKey(scopes);
    const cached = this.tokens.get(key);
    if (cached && cached.expiresAt - EXPIRY_MARGIN_MS > this.now()) return `Bearer ${cached.token}`;
    const fresh = await this.fetchToken(challenge, scopes);
    this.tokens.set(key, fresh);
    return `Bearer ${fresh.token}`;
  }

  private async fetchToken(challenge: Challenge, scopes: readonly string[]): Promise<CachedToken> {
    const realm = challenge.params['realm'];
    if (!realm) throw new AuthError(`${this.registry}: Bearer challenge without a realm`);
    let url: URL;
    try {
      url = new URL(realm);
    } catch {
      throw new AuthError(`${this.registry}: Bearer realm is not a URL: ${realm}`);
    }
    try {
      return await this.askRealm(url, challenge.params['service'], scopes);
    } catch (e) {
      if (e instanceof AuthError) throw e;
      // The realm is another host than the registry: name it, not the registry.
      throw new AuthError(
        `${this.registry}: token realm ${url.origin}${url.pathname}: ${e instanceof BodyTooLargeError ? e.message : describeFetchError(e)}`,
      );
    }
  }

  private async askRealm(
    url: URL,
    service: string | undefined,
    scopes: readonly string[],
  ): Promise<CachedToken> {
    const c = this.credential;
    const { request } = await undici();
    let res;
    if (c?.identityToken) {
      // OAuth2 refresh-token grant, as Docker does with an identity token.
      const form = new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: c.identityToken,
        client_id: 'cog-push',
      });
      if (service) form.set('service', service);
      if (scopes.length) form.set('scope', scopes.join(' '));
      res = await request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
        ...stallOptions(this.stall),
      });
    } else {
      if (service) url.searchParams.set('service', service);
      for (const s of scopes) url.searchParams.append('scope', s);
      const headers: Record<string, string> = {};
      const basic = this.basic();
      if (basic) headers['authorization'] = basic;
      res = await request(url, { method: 'GET', headers, ...stallOptions(this.stall) });
    }
    const text = (
      await readLimited(res.body, BODY_LIMIT.token, 'the answer', res.statusCode !== 200)
    ).toString('utf8');
    res.body.destroy();
    if (res.statusCode !== 200) {
      throw new AuthError(
        `${this.registry}: token request to ${url.origin}${url.pathname} failed with ${res.statusCode}; credentials tried: ${this.credentialSource}`,
      );
    }
    let body: { token?: string; access_token?: string; expires_in?: number };
    try {
      body = JSON.parse(text);
    } catch {
      throw new AuthError(`${this.registry}: token response from ${url.origin} is not JSON`);
    }
    const token = body.token ?? body.access_token;
    if (!token)
      throw new AuthError(`${this.registry}: token response from ${url.origin} has no token`);
    const seconds =
      typeof body.expires_in === 'number' && body.expires_in > 0
        ? body.expires_in
        : DEFAULT_TOKEN_SECONDS;
    return { token, expiresAt: this.now() + seconds * 1000 };
  }
}

/** The scope strings an operation on `repository` needs. */
export function repositoryScope(repository: string, actions: 'pull' | 'pull,push'): string {
  return `repository:${repository}:${actions}`;
}
