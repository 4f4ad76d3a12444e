// The HTTP proxies of the runner: HTTPS_PROXY / HTTP_PROXY / NO_PROXY (either case), read once
// at the door (RuntimeEnv.proxy) and applied by curl's rules (proxy-rules.ts). Every client
// made here goes through them — the registry's own agents and, through the global
// dispatcher, the token realm, the Hub, URL sources and Replicate — with NO_PROXY's hosts
// reached directly. (@actions/cache's client reads the same variables itself.) Like undici
// itself (util/undici.ts), the proxy selector is loaded on the first request that needs it.

import type { Agent, Dispatcher } from 'undici';
import type { ProxySettings } from './proxy-rules.js';
import { undici } from './undici.js';

export { proxyFromEnv, type ProxySettings } from './proxy-rules.js';

/** An agent with `options`, through the proxies when there are some. */
export async function agent(
  options: Agent.Options,
  proxy: ProxySettings | undefined,
): Promise<Dispatcher> {
  if (!proxy) return new (await undici()).Agent(options);
  const { ProxySelector } = await import('./proxy-selector.js');
  return new ProxySelector(options, proxy);
}

/**
 * Route every request made without an agent of its own through the proxies (the doors call
 * this); returns what puts the dispatcher back, for a door that runs in-process (tests).
 */
export async function useProxies(proxy: ProxySettings | undefined): Promise<() => void> {
  if (!proxy) return () => undefined;
  const { getGlobalDispatcher, setGlobalDispatcher } = await undici();
  const before = getGlobalDispatcher();
  setGlobalDispatcher(await agent({}, proxy));
  return () => setGlobalDispatcher(before);
}
