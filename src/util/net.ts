// The HTTP proxies of the runner: HTTPS_PROXY / HTTP_PROXY / NO_PROXY (either case), read once
// at the door (RuntimeEnv.proxy) and applied by curl's rules (proxy-rules.ts). Every client
// made here goes through them — the registry's own agents and, through the global
// dispatcher, the token realm, the Hub, URL sources and Replicate — with NO_PROXY's hosts
// reached directly. (@actions/cache's client reads the same variables itself.)

import { Agent, Dispatcher, ProxyAgent, getGlobalDispatcher, setGlobalDispatcher } from 'undici';
import { proxyFor, type ProxySettings } from './proxy-rules.js';

export { proxyFromEnv, type ProxySettings } from './proxy-rules.js';

/** Sends each request direct or through the proxy proxyFor() picks for its origin. */
class ProxySelector extends Dispatcher {
  private readonly direct: Agent;
  private readonly viaHttp: ProxyAgent | undefined;
  private readonly viaHttps: ProxyAgent | undefined;

  constructor(
    options: Agent.Options,
    private readonly settings: ProxySettings,
  ) {
    super();
    this.direct = new Agent(options);
    // An http:// target (an insecure registry) as an absolute-URI request, as curl sends it:
    // proxies commonly allow CONNECT to port 443 only. https:// targets are tunnelled.
    const via = (uri: string | undefined) =>
      uri ? new ProxyAgent({ ...options, uri, proxyTunnel: false }) : undefined;
    this.viaHttp = via(settings.httpProxy);
    this.viaHttps = via(settings.httpsProxy);
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler) {
    const target = new URL(String(options.origin));
    const proxied = proxyFor(target, this.settings) !== undefined;
    const through = proxied
      ? target.protocol === 'https:'
        ? this.viaHttps
        : this.viaHttp
      : undefined;
    return (through ?? this.direct).dispatch(options, handler);
  }

  private all(): Dispatcher[] {
    return [this.direct, this.viaHttp, this.viaHttps].filter(
      (d): d is NonNullable<typeof d> => !!d,
    );
  }

  override close(): Promise<void>;
  override close(callback: () => void): void;
  override close(callback?: () => void): Promise<void> | void {
    const done = Promise.all(this.all().map((d) => d.close())).then(() => undefined);
    if (!callback) return done;
    void done.then(callback);
  }

  override destroy(): Promise<void>;
  override destroy(err: Error | null): Promise<void>;
  override destroy(callback: () => void): void;
  override destroy(err: Error | null, callback: () => void): void;
  override destroy(a?: Error | null | (() => void), b?: () => void): Promise<void> | void {
    const err = typeof a === 'function' ? null : (a ?? null);
    const callback = typeof a === 'function' ? a : b;
    const done = Promise.all(this.all().map((d) => d.destroy(err))).then(() => undefined);
    if (!callback) return done;
    void done.then(callback);
  }
}

/** An agent with `options`, through the proxies when there are some. */
export function agent(options: Agent.Options, proxy: ProxySettings | undefined): Dispatcher {
  return proxy ? new ProxySelector(options, proxy) : new Agent(options);
}

/**
 * Route every request made without an agent of its own through the proxies (the doors call
 * this); returns what puts the dispatcher back, for a door that runs in-process (tests).
 */
export function useProxies(proxy: ProxySettings | undefined): () => void {
  if (!proxy) return () => undefined;
  const before = getGlobalDispatcher();
  setGlobalDispatcher(agent({}, proxy));
  return () => setGlobalDispatcher(before);
}
