// Which proxy a request goes through, by curl's documented rules (curl(1) ENVIRONMENT, and
// CURLOPT_NOPROXY): `https_proxy` for https:// targets only, `http_proxy` for http:// ones; a
// proxy URL without a scheme is http://; `no_proxy` lists `*`, host names (matching the name
// and every name under it, a leading dot or not), IP addresses and CIDR ranges (curl ≥ 7.86),
// each optionally with a port. Pure: the variables in, a decision out; the agents are net.ts's.

import net from 'node:net';

export interface ProxySettings {
  /** For http:// targets. */
  readonly httpProxy?: string | undefined;
  /** For https:// targets. */
  readonly httpsProxy?: string | undefined;
  readonly noProxy?: string | undefined;
}

/** A proxy variable that cannot be used, named. */
export class ProxyConfigError extends Error {
  override name = 'ProxyConfigError';
}

type Env = Record<string, string | undefined>;

/**
 * A proxy variable's value as a URL: with no scheme, http:// (as curl reads it). Only http://
 * and https:// proxies can be used here: any other scheme is an error naming the variable.
 */
function proxyUrl(name: string, value: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ProxyConfigError(`${name} is not a proxy URL: ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ProxyConfigError(
      `${name} names a ${url.protocol.slice(0, -1)}:// proxy; only http:// and https:// proxies are supported`,
    );
  return url.href;
}

/**
 * The proxy variables, either case (lowercase first, as curl and undici read them); undefined
 * when there is no proxy. `HTTP_PROXY` is for http:// targets only: an https:// target without
 * `HTTPS_PROXY` goes direct, as with curl and Go.
 */
export function proxyFromEnv(env: Env): ProxySettings | undefined {
  const pick = (name: string): [string, string] | undefined => {
    for (const n of [name, name.toUpperCase()]) if (env[n]) return [n, env[n]!.trim()];
    return undefined;
  };
  const http = pick('http_proxy');
  const https = pick('https_proxy');
  if (!http && !https) return undefined;
  return {
    httpProxy: http && proxyUrl(...http),
    httpsProxy: https && proxyUrl(...https),
    noProxy: pick('no_proxy')?.[1] ?? '',
  };
}

/** The proxy URL for `target`, or undefined to reach it directly. */
export function proxyFor(target: URL, settings: ProxySettings): string | undefined {
  const proxy =
    target.protocol === 'https:'
      ? settings.httpsProxy
      : target.protocol === 'http:'
        ? settings.httpProxy
        : undefined;
  if (!proxy) return undefined;
  const port = Number(target.port) || (target.protocol === 'https:' ? 443 : 80);
  return bypassed(target.hostname, port, settings.noProxy ?? '') ? undefined : proxy;
}

/** Does a `no_proxy` list send `host`:`port` direct? */
export function bypassed(host: string, port: number, noProxy: string): boolean {
  const name = host
    .replace(/^\[|\]$/g, '')
    .toLowerCase()
    .replace(/\.$/, '');
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const { pattern, entryPort } = splitPort(entry);
    if (entryPort !== undefined && entryPort !== port) continue;
    if (matches(name, pattern)) return true;
  }
  return false;
}

/** `host:port`, `[v6]:port`, `10.0.0.0/8`, `fd00::/8`: the pattern and its port, if any. */
function splitPort(entry: string): { pattern: string; entryPort?: number } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { pattern: bracketed[1]!, entryPort: portOf(bracketed[2]) };
  // A bare IPv6 address or range has more than one colon: no port.
  if ((entry.match(/:/g) ?? []).length > 1) return { pattern: entry };
  const m = /^(.*):(\d+)$/.exec(entry);
  return m ? { pattern: m[1]!, entryPort: portOf(m[2]) } : { pattern: entry };
}

const portOf = (s: string | undefined) => (s === undefined ? undefined : Number(s));

function matches(host: string, pattern: string): boolean {
  const slash = pattern.indexOf('/');
  if (slash >= 0) return inRange(host, pattern.slice(0, slash), Number(pattern.slice(slash + 1)));
  if (net.isIP(pattern)) return net.isIP(host) !== 0 && sameAddress(host, pattern);
  const domain = pattern.replace(/^\*?\./, '').replace(/\.$/, '');
  return host === domain || host.endsWith(`.${domain}`);
}

function sameAddress(a: string, b: string): boolean {
  const list = new net.BlockList();
  list.addAddress(b, net.isIPv6(b) ? 'ipv6' : 'ipv4');
  return list.check(a, net.isIPv6(a) ? 'ipv6' : 'ipv4');
}

function inRange(host: string, base: string, bits: number): boolean {
  const family = net.isIPv6(base) ? 'ipv6' : net.isIPv4(base) ? 'ipv4' : undefined;
  if (!family || !Number.isInteger(bits)) return false;
  if (bits < 0 || bits > (family === 'ipv6' ? 128 : 32)) return false;
  const hostFamily = net.isIPv6(host) ? 'ipv6' : net.isIPv4(host) ? 'ipv4' : undefined;
  if (hostFamily !== family) return false;
  const list = new net.BlockList();
  list.addSubnet(base, bits, family);
  return list.check(host, family);
}
