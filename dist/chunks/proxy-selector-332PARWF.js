#!/usr/bin/env node
import { createRequire as __cogCreateRequire } from 'node:module';
const require = __cogCreateRequire(import.meta.url);
import {
  proxyFor
} from "./chunk-OEPS3Y7B.js";
import {
  require_undici
} from "./chunk-DITHVKMJ.js";
import {
  __toESM
} from "./chunk-FBD6DPGT.js";

// src/util/proxy-selector.ts
var import_undici = __toESM(require_undici(), 1);
var ProxySelector = class extends import_undici.Dispatcher {
  constructor(options, settings) {
    super();
    this.settings = settings;
    this.direct = new import_undici.Agent(options);
    const via = (uri) => uri ? new import_undici.ProxyAgent({ ...options, uri, proxyTunnel: false }) : void 0;
    this.viaHttp = via(settings.httpProxy);
    this.viaHttps = via(settings.httpsProxy);
  }
  settings;
  direct;
  viaHttp;
  viaHttps;
  dispatch(options, handler) {
    const target = new URL(String(options.origin));
    const proxied = proxyFor(target, this.settings) !== void 0;
    const through = proxied ? target.protocol === "https:" ? this.viaHttps : this.viaHttp : void 0;
    return (through ?? this.direct).dispatch(options, handler);
  }
  all() {
    return [this.direct, this.viaHttp, this.viaHttps].filter(
      (d) => !!d
    );
  }
  close(callback) {
    const done = Promise.all(this.all().map((d) => d.close())).then(() => void 0);
    if (!callback) return done;
    void done.then(callback);
  }
  destroy(a, b) {
    const err = typeof a === "function" ? null : a ?? null;
    const callback = typeof a === "function" ? a : b;
    const done = Promise.all(this.all().map((d) => d.destroy(err))).then(() => void 0);
    if (!callback) return done;
    void done.then(callback);
  }
};
export {
  ProxySelector
};
