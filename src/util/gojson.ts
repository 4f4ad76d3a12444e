// JSON bytes exactly as Go's encoding/json writes them, because every digest Cog computes over
// JSON (config blob, manifest, index, weights.lock) is a digest of Go's output.
//
// - Objects keep their insertion order (Go structs serialise fields in declaration order).
//   Go maps sort their keys bytewise: build those with `goMap()`.
// - Strings escape `<`, `>`, `&`, U+2028 and U+2029, and use `\b`/`\f` (Go ≥ 1.22).
// - No whitespace in compact mode; `indent` gives json.MarshalIndent(v, "", indent).

export type GoJson =
  | string
  | number
  | boolean
  | null
  | readonly GoJson[]
  | { readonly [key: string]: GoJson | undefined };

const HEX = '0123456789abcdef';

export function goString(s: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | undefined;
    if (c < 0x20) {
      switch (c) {
        case 0x08:
          esc = '\\b';
          break;
        case 0x0c:
          esc = '\\f';
          break;
        case 0x0a:
          esc = '\\n';
          break;
        case 0x0d:
          esc = '\\r';
          break;
        case 0x09:
          esc = '\\t';
          break;
        default:
          esc = '\\u00' + HEX[c >> 4]! + HEX[c & 0xf]!;
      }
    } else if (c === 0x22) esc = '\\"';
    else if (c === 0x5c) esc = '\\\\';
    else if (c === 0x3c || c === 0x3e || c === 0x26) esc = '\\u00' + HEX[c >> 4]! + HEX[c & 0xf]!;
    else if (c === 0x2028) esc = '\\u2028';
    else if (c === 0x2029) esc = '\\u2029';
    else if (c >= 0xd800 && c <= 0xdfff) {
      // Go writes invalid UTF-8 (a lone surrogate here) as U+FFFD.
      const pair =
        c <= 0xdbff &&
        i + 1 < s.length &&
        s.charCodeAt(i + 1) >= 0xdc00 &&
        s.charCodeAt(i + 1) <= 0xdfff;
      if (pair) {
        i++;
        continue;
      }
      esc = '\ufffd';
    }
    if (esc !== undefined) {
      out += s.slice(start, i) + esc;
      start = i + 1;
    }
  }
  return out + s.slice(start) + '"';
}

/** Compare two strings by their UTF-8 bytes (Go's string order), not by UTF-16 code units. */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // UTF-16 order equals UTF-8 byte order except that surrogates (U+D800–DFFF, i.e. code
    // points above U+FFFF) must sort after U+E000–U+FFFF.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** A Go map: its keys serialise sorted bytewise. Values that are undefined are dropped. */
export function goMap<V extends GoJson>(entries: Record<string, V | undefined>): Record<string, V> {
  const out: Record<string, V> = {};
  for (const key of Object.keys(entries).sort(compareUtf8)) {
    const v = entries[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}

export function goMarshal(value: GoJson, indent?: string): string {
  return encode(value, indent, '');
}

function encode(value: GoJson, indent: string | undefined, prefix: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return goString(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isSafeInteger(value)) throw new Error(`goMarshal: non-integer number ${value}`);
      return String(value);
  }
  const inner = indent === undefined ? '' : prefix + indent;
  const nl = indent === undefined ? '' : '\n';
  const colon = indent === undefined ? ':' : ': ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((v: GoJson) => nl + inner + encode(v, indent, inner));
    return '[' + items.join(',') + nl + prefix + ']';
  }
  const obj = value as { readonly [key: string]: GoJson | undefined };
  const items: string[] = [];
  for (const key of Object.keys(obj)) {
    const v = obj[key];
    if (v === undefined) continue;
    items.push(nl + inner + goString(key) + colon + encode(v, indent, inner));
  }
  if (items.length === 0) return '{}';
  return '{' + items.join(',') + nl + prefix + '}';
}
