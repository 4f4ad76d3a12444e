// The HTTP proxies of the runner: HTTPS_PROXY / HTTP_PROXY / NO_PROXY (either case), read once
// at the door (RuntimeEnv.proxy). Every client made here goes through them — the registry's
// own agents and, through the global dispatcher, the token realm, the Hub, URL sources and
// Replicate — with NO_PROXY's hosts reached directly. (@actions/cache's client reads the same
// variables itself.)

import { Agent, EnvHttpProxyAgent, setGlobalDispatcher, type Dispatcher } from 'undici';

export interface ProxySettings {
  readonly httpProxy?: string | undefined;
  readonly httpsProxy?: string | undefined;
  readonly noProxy?: string | undefined;
}

type Env = Record<string, string | undefined>;

/** The proxy variables as curl and undici read them (lowercase first); none: undefined. */
export function proxyFromEnv(env: Env): ProxySettings | undefined {
  const pick = (name: string) => env[name.toLowerCase()] || env[name.toUpperCase()] || undefined;
  const httpProxy = pick('http_proxy');
  const httpsProxy = pick('https_proxy') ?? httpProxy;
  if (!httpProxy && !httpsProxy) return undefined;
  return { httpProxy, httpsProxy, noProxy: pick('no_proxy') ?? '' };
}

/** An agent with `options`, through the proxies when there are some. */
export function agent(options: Agent.Options, proxy: ProxySettings | undefined): Dispatcher {
  if (!proxy) return new Agent(options);
  return new EnvHttpProxyAgent({
    ...options,
    httpProxy: proxy.httpProxy,
    httpsProxy: proxy.httpsProxy,
    noProxy: proxy.noProxy ?? '',
    // An http:// target (an insecure registry) as an absolute-URI request, as curl sends it:
    // proxies commonly allow CONNECT to port 443 only. https:// targets are tunnelled.
    proxyTunnel: false,
  } as EnvHttpProxyAgent.Options);
}

/** Route every request made without an agent of its own through the proxies (the doors call this). */
export function useProxies(proxy: ProxySettings | undefined): void {
  if (proxy) setGlobalDispatcher(agent({}, proxy));
}
