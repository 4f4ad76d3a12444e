// The dispatcher that sends each request direct or through one of the runner's proxies, by
// curl's rules (proxy-rules.ts). util/net.ts loads it when there are proxies.

import { Agent, Dispatcher, ProxyAgent } from 'undici';
import { proxyFor, type ProxySettings } from './proxy-rules.js';

/** Sends each request direct or through the proxy proxyFor() picks for its origin. */
export class ProxySelector extends Dispatcher {
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
