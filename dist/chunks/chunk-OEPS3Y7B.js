#!/usr/bin/env node
import { createRequire as __cogCreateRequire } from 'node:module';
const require = __cogCreateRequire(import.meta.url);

// src/util/proxy-rules.ts
import net from "node:net";
var ProxyConfigError = class extends Error {
  name = "ProxyConfigError";
};
function proxyUrl(name, value) {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  let url;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ProxyConfigError(`${name} is not a proxy URL: ${JSON.stringify(value)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new ProxyConfigError(
      `${name} names a ${url.protocol.slice(0, -1)}:// proxy; only http:// and https:// proxies are supported`
    );
  return url.href;
}
function proxyFromEnv(env) {
  const pick = (name) => {
    for (const n of [name, name.toUpperCase()]) if (env[n]) return [n, env[n].trim()];
    return void 0;
  };
  const http = pick("http_proxy");
  const https = pick("https_proxy");
  if (!http && !https) return void 0;
  return {
    httpProxy: http && proxyUrl(...http),
    httpsProxy: https && proxyUrl(...https),
    noProxy: pick("no_proxy")?.[1] ?? ""
  };
}
function proxyFor(target, settings) {
  const proxy = target.protocol === "https:" ? settings.httpsProxy : target.protocol === "http:" ? settings.httpProxy : void 0;
  if (!proxy) return void 0;
  const port = Number(target.port) || (target.protocol === "https:" ? 443 : 80);
  return bypassed(target.hostname, port, settings.noProxy ?? "") ? void 0 : proxy;
}
function bypassed(host, port, noProxy) {
  const name = host.replace(/^\[|\]$/g, "").toLowerCase().replace(/\.$/, "");
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === "*") return true;
    const { pattern, entryPort } = splitPort(entry);
    if (entryPort !== void 0 && entryPort !== port) continue;
    if (matches(name, pattern)) return true;
  }
  return false;
}
function splitPort(entry) {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { pattern: bracketed[1], entryPort: portOf(bracketed[2]) };
  if ((entry.match(/:/g) ?? []).length > 1) return { pattern: entry };
  const m = /^(.*):(\d+)$/.exec(entry);
  return m ? { pattern: m[1], entryPort: portOf(m[2]) } : { pattern: entry };
}
var portOf = (s) => s === void 0 ? void 0 : Number(s);
function matches(host, pattern) {
  const slash = pattern.indexOf("/");
  if (slash >= 0) return inRange(host, pattern.slice(0, slash), Number(pattern.slice(slash + 1)));
  if (net.isIP(pattern)) return net.isIP(host) !== 0 && sameAddress(host, pattern);
  const domain = pattern.replace(/^\*?\./, "").replace(/\.$/, "");
  return host === domain || host.endsWith(`.${domain}`);
}
function sameAddress(a, b) {
  const list = new net.BlockList();
  list.addAddress(b, net.isIPv6(b) ? "ipv6" : "ipv4");
  return list.check(a, net.isIPv6(a) ? "ipv6" : "ipv4");
}
function inRange(host, base, bits) {
  const family = net.isIPv6(base) ? "ipv6" : net.isIPv4(base) ? "ipv4" : void 0;
  if (!family || !Number.isInteger(bits)) return false;
  if (bits < 0 || bits > (family === "ipv6" ? 128 : 32)) return false;
  const hostFamily = net.isIPv6(host) ? "ipv6" : net.isIPv4(host) ? "ipv4" : void 0;
  if (hostFamily !== family) return false;
  const list = new net.BlockList();
  list.addSubnet(base, bits, family);
  return list.check(host, family);
}

export {
  proxyFromEnv,
  proxyFor
};
