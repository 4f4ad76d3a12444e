#!/usr/bin/env node
import { createRequire as __cogCreateRequire } from 'node:module';
const require = __cogCreateRequire(import.meta.url);
import {
  proxyFromEnv
} from "./chunk-OEPS3Y7B.js";
import {
  which
} from "./chunk-IYUSMWNQ.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-FBD6DPGT.js";

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar;
    exports.isSeq = isSeq;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path25) {
      const ctrl = callVisitor(key, node, visitor, path25);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path25, ctrl);
        return visit_(key, ctrl, visitor, path25);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path25 = Object.freeze(path25.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path25);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path25 = Object.freeze(path25.concat(node));
          const ck = visit_("key", node.key, visitor, path25);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path25);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path25) {
      const ctrl = await callVisitor(key, node, visitor, path25);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path25, ctrl);
        return visitAsync_(key, ctrl, visitor, path25);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path25 = Object.freeze(path25.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path25);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path25 = Object.freeze(path25.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path25);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path25);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path25) {
      if (typeof visitor === "function")
        return visitor(key, node, path25);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path25);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path25);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path25);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path25);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path25);
      return void 0;
    }
    function replaceNode(key, path25, node) {
      const parent = path25[path25.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines3 = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines3.push(`%TAG ${handle} ${prefix}`);
        }
        return lines3.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path25, value) {
      let v = value;
      for (let i = path25.length - 1; i >= 0; --i) {
        const k = path25[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path25) => path25 == null || typeof path25 === "object" && !!path25[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path25, value) {
        if (isEmptyPath(path25))
          this.add(value);
        else {
          const [key, ...rest] = path25;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path25) {
        const [key, ...rest] = path25;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path25, keepScalar) {
        const [key, ...rest] = path25;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path25) {
        const [key, ...rest] = path25;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path25, value) {
        const [key, ...rest] = path25;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str2) => str2.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str2, indent, comment) => str2.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str2.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str2) => /^(%|---|\.\.\.)/m.test(str2);
    function lineLengthOverLimit(str2, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str2.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str2[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str2 = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str2 += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str2 += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str2 += "\\0";
                    break;
                  case "0007":
                    str2 += "\\a";
                    break;
                  case "000b":
                    str2 += "\\v";
                    break;
                  case "001b":
                    str2 += "\\e";
                    break;
                  case "0085":
                    str2 += "\\N";
                    break;
                  case "00a0":
                    str2 += "\\_";
                    break;
                  case "2028":
                    str2 += "\\L";
                    break;
                  case "2029":
                    str2 += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str2 += "\\x" + code.substr(2);
                    else
                      str2 += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str2 += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str2 += "\n";
                  i += 2;
                }
                str2 += indent;
                if (json[i + 2] === " ")
                  str2 += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str2 = start ? str2 + json.slice(start) : json;
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header2 = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header2 += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header2}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header2}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str2 = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str2);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str2 = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str2;
      return identity.isScalar(node) || str2[0] === "{" || str2[0] === "[" ? `${props} ${str2}` : `${props}
${ctx.indent}${str2}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str2 = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str2.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str2 === "" ? "?" : explicitKey ? `? ${str2}` : str2;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str2 = `? ${str2}`;
        if (keyComment && !keyCommentDone) {
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str2;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        str2 = `? ${str2}
${indent}:`;
      } else {
        str2 = `${str2}:`;
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str2.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str2 += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str2;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages2) {
      if (logLevel === "debug")
        console.log(...messages2);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines3 = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines3.push("");
          addCommentBefore(ctx, lines3, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines3.push("");
            addCommentBefore(ctx, lines3, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str3 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str3 += stringifyComment.lineComment(str3, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines3.push(blockItemPrefix + str3);
      }
      let str2;
      if (lines3.length === 0) {
        str2 = flowChars.start + flowChars.end;
      } else {
        str2 = lines3[0];
        for (let i = 1; i < lines3.length; ++i) {
          const line = lines3[i];
          str2 += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str2 += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str2;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines3 = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines3.push("");
          addCommentBefore(ctx, lines3, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines3.push("");
            addCommentBefore(ctx, lines3, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str2 = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines3.length > linesAtValue || str2.includes("\n"));
        if (i < items.length - 1) {
          str2 += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines3.reduce((sum, line) => sum + line.length + 2, 2) + (str2.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str2 += ",";
          }
        }
        if (comment)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment));
        lines3.push(str2);
        linesAtValue = lines3.length;
      }
      const { start, end } = flowChars;
      if (lines3.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines3.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str2 = start;
          for (const line of lines3)
            str2 += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str2}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines3.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines3, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines3.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str2) => str2,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str2) => new Scalar.Scalar(str2[0] === "t" || str2[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str2) {
        const node = new Scalar.Scalar(parseFloat(str2));
        const dot = str2.indexOf(".");
        if (dot !== -1 && str2[str2.length - 1] === "0")
          node.minFractionDigits = str2.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str2, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int2 = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int2;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool2 = require_bool();
    var float = require_float();
    var int2 = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool2.boolTag,
      int2.intOct,
      int2.int,
      int2.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str2) => str2,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str2) => str2 === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str2, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str2) => parseFloat(str2),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str2, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str2)}`);
        return str2;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str2 = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str2.length);
          for (let i = 0; i < str2.length; ++i)
            buffer[i] = str2.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str2;
        if (typeof node_buffer.Buffer === "function") {
          str2 = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str2 = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str2.length / lineWidth);
          const lines3 = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines3[i] = str2.substr(o, lineWidth);
          }
          str2 = lines3.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str2 }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs3 = new YAMLSeq.YAMLSeq(schema);
      pairs3.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs3.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs3;
    }
    var pairs2 = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs2;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs2 = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs2.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs2.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str2) {
        const node = new Scalar.Scalar(parseFloat(str2.replace(/_/g, "")));
        const dot = str2.indexOf(".");
        if (dot !== -1) {
          const f = str2.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str2, offset, radix, { intAsBigInt }) {
      const sign = str2[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str2 = str2.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str2 = `0b${str2}`;
            break;
          case 8:
            str2 = `0o${str2}`;
            break;
          case 16:
            str2 = `0x${str2}`;
            break;
        }
        const n2 = BigInt(str2);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str2, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str2 = value.toString(radix);
        return value < 0 ? "-" + prefix + str2.substr(1) : prefix + str2;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int2 = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int2;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str2, asBigInt) {
      const sign = str2[0];
      const parts = sign === "-" || sign === "+" ? str2.substring(1) : str2;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str2, _onError, { intAsBigInt }) => parseSexagesimal(str2, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str2) => parseSexagesimal(str2, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str2) {
        const match = str2.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool2 = require_bool2();
    var float = require_float2();
    var int2 = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs2 = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool2.trueTag,
      bool2.falseTag,
      int2.intBin,
      int2.intOct,
      int2.int,
      int2.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs2.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool2 = require_bool();
    var float = require_float();
    var int2 = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs2 = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool2.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int2.int,
      intHex: int2.intHex,
      intOct: int2.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs2.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs2.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines3 = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines3.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines3.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines3.length !== 1)
          lines3.unshift("");
        const cs = commentString(doc.commentBefore);
        lines3.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines3.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines3.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines3[lines3.length - 1] === "---") {
          lines3[lines3.length - 1] = `--- ${body}`;
        } else
          lines3.push(body);
      } else {
        lines3.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines3.push("...");
            lines3.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines3.push(`... ${cs}`);
          }
        } else {
          lines3.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines3[lines3.length - 1] !== "")
            lines3.push("");
          lines3.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines3.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path25, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path25, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path25) {
        if (Collection.isEmptyPath(path25)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path25) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path25, keepScalar) {
        if (Collection.isEmptyPath(path25))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path25, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path25) {
        if (Collection.isEmptyPath(path25))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path25) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path25, value) {
        if (Collection.isEmptyPath(path25)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path25), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path25, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap = fc.start.source === "{";
      const fcName = isMap ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap && !sep && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap && !props.found && ctx.options.strict) {
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header2 = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header2)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header2.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines3 = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines3.length;
      for (let i = lines3.length - 1; i >= 0; --i) {
        const content = lines3[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header2.chomp === "+" && lines3.length > 0 ? "\n".repeat(Math.max(1, lines3.length - 1)) : "";
        let end2 = start + header2.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header2.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header2.indent;
      let offset = scalar.offset + header2.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines3[i];
        if (content === "" || content === "\r") {
          if (header2.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header2.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines3.length - 1; i >= chompStart; --i) {
        if (lines3[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines3[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines3[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header2.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value += "\n";
          else
            sep = "\n";
        } else {
          value += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header2.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines3.length; ++i)
            value += "\n" + lines3[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header2.length + scalar.source.length;
      return { value, type, comment: header2.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines3 = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines3.push([split[i], split[i + 1]]);
      return lines3;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header2 = token.props[0];
            if (header2.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header2.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header2 = token.props[0];
        if (header2.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header2.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep)
        for (const st of sep)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path25) => {
      let item = cst;
      for (const [field2, index] of path25) {
        const tok = item?.[field2];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path25) => {
      const parent = visit.itemAtPath(cst, path25.slice(0, -1));
      const field2 = path25[path25.length - 1][0];
      const coll = parent?.[field2];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path25, item, visitor) {
      let ctrl = visitor(item, path25);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field2 of ["key", "value"]) {
        const token = item[field2];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path25.concat([[field2, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field2 === "key")
            ctrl = ctrl(item, path25);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path25) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter2 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter2;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list2, type) {
      for (let i = 0; i < list2.length; ++i)
        if (list2[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list2) {
      for (let i = 0; i < list2.length; ++i) {
        switch (list2[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep;
          if (scalar.end) {
            sep = scalar.end;
            sep.push(this.sourceToken);
            delete scalar.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse2(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument2(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse2;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument2;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// node_modules/events-universal/default.js
var require_default = __commonJS({
  "node_modules/events-universal/default.js"(exports, module) {
    module.exports = __require("events");
  }
});

// node_modules/fast-fifo/fixed-size.js
var require_fixed_size = __commonJS({
  "node_modules/fast-fifo/fixed-size.js"(exports, module) {
    module.exports = class FixedFIFO {
      constructor(hwm) {
        if (!(hwm > 0) || (hwm - 1 & hwm) !== 0) throw new Error("Max size for a FixedFIFO should be a power of two");
        this.buffer = new Array(hwm);
        this.mask = hwm - 1;
        this.top = 0;
        this.btm = 0;
        this.next = null;
      }
      clear() {
        this.top = this.btm = 0;
        this.next = null;
        this.buffer.fill(void 0);
      }
      push(data) {
        if (this.buffer[this.top] !== void 0) return false;
        this.buffer[this.top] = data;
        this.top = this.top + 1 & this.mask;
        return true;
      }
      shift() {
        const last = this.buffer[this.btm];
        if (last === void 0) return void 0;
        this.buffer[this.btm] = void 0;
        this.btm = this.btm + 1 & this.mask;
        return last;
      }
      peek() {
        return this.buffer[this.btm];
      }
      isEmpty() {
        return this.buffer[this.btm] === void 0;
      }
    };
  }
});

// node_modules/fast-fifo/index.js
var require_fast_fifo = __commonJS({
  "node_modules/fast-fifo/index.js"(exports, module) {
    var FixedFIFO = require_fixed_size();
    module.exports = class FastFIFO {
      constructor(hwm) {
        this.hwm = hwm || 16;
        this.head = new FixedFIFO(this.hwm);
        this.tail = this.head;
        this.length = 0;
      }
      clear() {
        this.head = this.tail;
        this.head.clear();
        this.length = 0;
      }
      push(val) {
        this.length++;
        if (!this.head.push(val)) {
          const prev = this.head;
          this.head = prev.next = new FixedFIFO(2 * this.head.buffer.length);
          this.head.push(val);
        }
      }
      shift() {
        if (this.length !== 0) this.length--;
        const val = this.tail.shift();
        if (val === void 0 && this.tail.next) {
          const next = this.tail.next;
          this.tail.next = null;
          this.tail = next;
          return this.tail.shift();
        }
        return val;
      }
      peek() {
        const val = this.tail.peek();
        if (val === void 0 && this.tail.next) return this.tail.next.peek();
        return val;
      }
      isEmpty() {
        return this.length === 0;
      }
    };
  }
});

// node_modules/b4a/index.js
var require_b4a = __commonJS({
  "node_modules/b4a/index.js"(exports, module) {
    function isBuffer(value) {
      return Buffer.isBuffer(value) || value instanceof Uint8Array;
    }
    function isEncoding(encoding) {
      return Buffer.isEncoding(encoding);
    }
    function alloc(size, fill2, encoding) {
      return Buffer.alloc(size, fill2, encoding);
    }
    function allocUnsafe(size) {
      return Buffer.allocUnsafe(size);
    }
    function allocUnsafeSlow(size) {
      return Buffer.allocUnsafeSlow(size);
    }
    function byteLength(string, encoding) {
      return Buffer.byteLength(string, encoding);
    }
    function compare(a, b) {
      return Buffer.compare(a, b);
    }
    function concat2(buffers, totalLength) {
      return Buffer.concat(buffers, totalLength);
    }
    function copy(source, target, targetStart, start, end) {
      return toBuffer(source).copy(target, targetStart, start, end);
    }
    function equals(a, b) {
      return toBuffer(a).equals(b);
    }
    function fill(buffer, value, offset, end, encoding) {
      return toBuffer(buffer).fill(value, offset, end, encoding);
    }
    function from(value, encodingOrOffset, length) {
      return Buffer.from(value, encodingOrOffset, length);
    }
    function includes(buffer, value, byteOffset, encoding) {
      return toBuffer(buffer).includes(value, byteOffset, encoding);
    }
    function indexOf(buffer, value, byfeOffset, encoding) {
      return toBuffer(buffer).indexOf(value, byfeOffset, encoding);
    }
    function lastIndexOf(buffer, value, byteOffset, encoding) {
      return toBuffer(buffer).lastIndexOf(value, byteOffset, encoding);
    }
    function swap16(buffer) {
      return toBuffer(buffer).swap16();
    }
    function swap32(buffer) {
      return toBuffer(buffer).swap32();
    }
    function swap64(buffer) {
      return toBuffer(buffer).swap64();
    }
    function toBuffer(buffer) {
      if (Buffer.isBuffer(buffer)) return buffer;
      return Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    }
    function toString2(buffer, encoding, start, end) {
      return toBuffer(buffer).toString(encoding, start, end);
    }
    function toHex(buffer, start, end) {
      return toBuffer(buffer).toString("hex", start, end);
    }
    function write(buffer, string, offset, length, encoding) {
      return toBuffer(buffer).write(string, offset, length, encoding);
    }
    function readDoubleBE(buffer, offset) {
      return toBuffer(buffer).readDoubleBE(offset);
    }
    function readDoubleLE(buffer, offset) {
      return toBuffer(buffer).readDoubleLE(offset);
    }
    function readFloatBE(buffer, offset) {
      return toBuffer(buffer).readFloatBE(offset);
    }
    function readFloatLE(buffer, offset) {
      return toBuffer(buffer).readFloatLE(offset);
    }
    function readInt32BE(buffer, offset) {
      return toBuffer(buffer).readInt32BE(offset);
    }
    function readInt32LE(buffer, offset) {
      return toBuffer(buffer).readInt32LE(offset);
    }
    function readUInt32BE(buffer, offset) {
      return toBuffer(buffer).readUInt32BE(offset);
    }
    function readUInt32LE(buffer, offset) {
      return toBuffer(buffer).readUInt32LE(offset);
    }
    function writeDoubleBE(buffer, value, offset) {
      return toBuffer(buffer).writeDoubleBE(value, offset);
    }
    function writeDoubleLE(buffer, value, offset) {
      return toBuffer(buffer).writeDoubleLE(value, offset);
    }
    function writeFloatBE(buffer, value, offset) {
      return toBuffer(buffer).writeFloatBE(value, offset);
    }
    function writeFloatLE(buffer, value, offset) {
      return toBuffer(buffer).writeFloatLE(value, offset);
    }
    function writeInt32BE(buffer, value, offset) {
      return toBuffer(buffer).writeInt32BE(value, offset);
    }
    function writeInt32LE(buffer, value, offset) {
      return toBuffer(buffer).writeInt32LE(value, offset);
    }
    function writeUInt32BE(buffer, value, offset) {
      return toBuffer(buffer).writeUInt32BE(value, offset);
    }
    function writeUInt32LE(buffer, value, offset) {
      return toBuffer(buffer).writeUInt32LE(value, offset);
    }
    module.exports = {
      isBuffer,
      isEncoding,
      alloc,
      allocUnsafe,
      allocUnsafeSlow,
      byteLength,
      compare,
      concat: concat2,
      copy,
      equals,
      fill,
      from,
      includes,
      indexOf,
      lastIndexOf,
      swap16,
      swap32,
      swap64,
      toBuffer,
      toString: toString2,
      toHex,
      write,
      readDoubleBE,
      readDoubleLE,
      readFloatBE,
      readFloatLE,
      readInt32BE,
      readInt32LE,
      readUInt32BE,
      readUInt32LE,
      writeDoubleBE,
      writeDoubleLE,
      writeFloatBE,
      writeFloatLE,
      writeInt32BE,
      writeInt32LE,
      writeUInt32BE,
      writeUInt32LE
    };
  }
});

// node_modules/text-decoder/lib/pass-through-decoder.js
var require_pass_through_decoder = __commonJS({
  "node_modules/text-decoder/lib/pass-through-decoder.js"(exports, module) {
    var b4a = require_b4a();
    module.exports = class PassThroughDecoder {
      constructor(encoding) {
        this.encoding = encoding;
      }
      get remaining() {
        return 0;
      }
      decode(data) {
        return b4a.toString(data, this.encoding);
      }
      flush() {
        return "";
      }
    };
  }
});

// node_modules/text-decoder/lib/utf8-decoder.js
var require_utf8_decoder = __commonJS({
  "node_modules/text-decoder/lib/utf8-decoder.js"(exports, module) {
    var b4a = require_b4a();
    module.exports = class UTF8Decoder {
      constructor() {
        this._reset();
      }
      get remaining() {
        return this.bytesSeen;
      }
      decode(data) {
        if (data.byteLength === 0) return "";
        if (this.bytesNeeded === 0 && trailingIncomplete(data, 0) === 0) {
          this.bytesSeen = trailingBytesSeen(data);
          return b4a.toString(data, "utf8");
        }
        let result2 = "";
        let start = 0;
        if (this.bytesNeeded > 0) {
          while (start < data.byteLength) {
            const byte = data[start];
            if (byte < this.lowerBoundary || byte > this.upperBoundary) {
              result2 += "\uFFFD";
              this._reset();
              break;
            }
            this.lowerBoundary = 128;
            this.upperBoundary = 191;
            this.codePoint = this.codePoint << 6 | byte & 63;
            this.bytesSeen++;
            start++;
            if (this.bytesSeen === this.bytesNeeded) {
              result2 += String.fromCodePoint(this.codePoint);
              this._reset();
              break;
            }
          }
          if (this.bytesNeeded > 0) return result2;
        }
        const trailing = trailingIncomplete(data, start);
        const end = data.byteLength - trailing;
        if (end > start) result2 += b4a.toString(data, "utf8", start, end);
        for (let i = end; i < data.byteLength; i++) {
          const byte = data[i];
          if (this.bytesNeeded === 0) {
            if (byte <= 127) {
              this.bytesSeen = 0;
              result2 += String.fromCharCode(byte);
            } else if (byte >= 194 && byte <= 223) {
              this.bytesNeeded = 2;
              this.bytesSeen = 1;
              this.codePoint = byte & 31;
            } else if (byte >= 224 && byte <= 239) {
              if (byte === 224) this.lowerBoundary = 160;
              else if (byte === 237) this.upperBoundary = 159;
              this.bytesNeeded = 3;
              this.bytesSeen = 1;
              this.codePoint = byte & 15;
            } else if (byte >= 240 && byte <= 244) {
              if (byte === 240) this.lowerBoundary = 144;
              else if (byte === 244) this.upperBoundary = 143;
              this.bytesNeeded = 4;
              this.bytesSeen = 1;
              this.codePoint = byte & 7;
            } else {
              this.bytesSeen = 1;
              result2 += "\uFFFD";
            }
            continue;
          }
          if (byte < this.lowerBoundary || byte > this.upperBoundary) {
            result2 += "\uFFFD";
            i--;
            this._reset();
            continue;
          }
          this.lowerBoundary = 128;
          this.upperBoundary = 191;
          this.codePoint = this.codePoint << 6 | byte & 63;
          this.bytesSeen++;
          if (this.bytesSeen === this.bytesNeeded) {
            result2 += String.fromCodePoint(this.codePoint);
            this._reset();
          }
        }
        return result2;
      }
      flush() {
        const result2 = this.bytesNeeded > 0 ? "\uFFFD" : "";
        this._reset();
        return result2;
      }
      _reset() {
        this.codePoint = 0;
        this.bytesNeeded = 0;
        this.bytesSeen = 0;
        this.lowerBoundary = 128;
        this.upperBoundary = 191;
      }
    };
    function trailingIncomplete(data, start) {
      const len = data.byteLength;
      if (len <= start) return 0;
      const limit = Math.max(start, len - 4);
      let i = len - 1;
      while (i > limit && (data[i] & 192) === 128) i--;
      if (i < start) return 0;
      const byte = data[i];
      let needed;
      if (byte <= 127) return 0;
      if (byte >= 194 && byte <= 223) needed = 2;
      else if (byte >= 224 && byte <= 239) needed = 3;
      else if (byte >= 240 && byte <= 244) needed = 4;
      else return 0;
      const available = len - i;
      return available < needed ? available : 0;
    }
    function trailingBytesSeen(data) {
      const len = data.byteLength;
      if (len === 0) return 0;
      const last = data[len - 1];
      if (last <= 127) return 0;
      if ((last & 192) !== 128) return 1;
      const limit = Math.max(0, len - 4);
      let i = len - 2;
      while (i >= limit && (data[i] & 192) === 128) i--;
      if (i < 0) return 1;
      const first = data[i];
      let needed;
      if (first >= 194 && first <= 223) needed = 2;
      else if (first >= 224 && first <= 239) needed = 3;
      else if (first >= 240 && first <= 244) needed = 4;
      else return 1;
      if (len - i !== needed) return 1;
      if (needed >= 3) {
        const second = data[i + 1];
        if (first === 224 && second < 160) return 1;
        if (first === 237 && second > 159) return 1;
        if (first === 240 && second < 144) return 1;
        if (first === 244 && second > 143) return 1;
      }
      return 0;
    }
  }
});

// node_modules/text-decoder/index.js
var require_text_decoder = __commonJS({
  "node_modules/text-decoder/index.js"(exports, module) {
    var PassThroughDecoder = require_pass_through_decoder();
    var UTF8Decoder = require_utf8_decoder();
    module.exports = class TextDecoder {
      constructor(encoding = "utf8") {
        this.encoding = normalizeEncoding(encoding);
        switch (this.encoding) {
          case "utf8":
            this.decoder = new UTF8Decoder();
            break;
          case "utf16le":
          case "base64":
            throw new Error("Unsupported encoding: " + this.encoding);
          default:
            this.decoder = new PassThroughDecoder(this.encoding);
        }
      }
      get remaining() {
        return this.decoder.remaining;
      }
      push(data) {
        if (typeof data === "string") return data;
        return this.decoder.decode(data);
      }
      // For Node.js compatibility
      write(data) {
        return this.push(data);
      }
      end(data) {
        let result2 = "";
        if (data) result2 = this.push(data);
        result2 += this.decoder.flush();
        return result2;
      }
    };
    function normalizeEncoding(encoding) {
      encoding = encoding.toLowerCase();
      switch (encoding) {
        case "utf8":
        case "utf-8":
          return "utf8";
        case "ucs2":
        case "ucs-2":
        case "utf16le":
        case "utf-16le":
          return "utf16le";
        case "latin1":
        case "binary":
          return "latin1";
        case "base64":
        case "ascii":
        case "hex":
          return encoding;
        default:
          throw new Error("Unknown encoding: " + encoding);
      }
    }
  }
});

// node_modules/streamx/lib/errors.js
var require_errors2 = __commonJS({
  "node_modules/streamx/lib/errors.js"(exports, module) {
    module.exports = class StreamError extends Error {
      constructor(msg, code, fn = StreamError) {
        super(msg);
        this.code = code;
        if (Error.captureStackTrace) {
          Error.captureStackTrace(this, fn);
        }
      }
      static isStreamDestroyed(err2) {
        return err2 && err2.code === "STREAM_DESTROYED";
      }
      static isPrematureClose(err2) {
        return err2 && err2.code === "PREMATURE_CLOSE";
      }
      static isAborted(err2) {
        return err2 && err2.code === "ABORTED";
      }
      static isBadArgument(err2) {
        return err2 && err2.code === "BAD_ARGUMENT";
      }
      get name() {
        return "StreamError";
      }
      static STREAM_DESTROYED() {
        return new StreamError("Stream was destroyed", "STREAM_DESTROYED", StreamError.STREAM_DESTROYED);
      }
      static PREMATURE_CLOSE(msg = "Premature close") {
        return new StreamError(msg, "PREMATURE_CLOSE", StreamError.PREMATURE_CLOSE);
      }
      static ABORTED() {
        return new StreamError("Stream aborted", "ABORTED", StreamError.ABORTED);
      }
      static BAD_ARGUMENT(msg = "Bad argument") {
        return new StreamError(msg, "BAD_ARGUMENT", StreamError.BAD_ARGUMENT);
      }
    };
  }
});

// node_modules/streamx/index.js
var require_streamx = __commonJS({
  "node_modules/streamx/index.js"(exports, module) {
    var { EventEmitter } = require_default();
    var FIFO = require_fast_fifo();
    var TextDecoder2 = require_text_decoder();
    var StreamError = require_errors2();
    var qmt = typeof queueMicrotask === "undefined" ? (fn) => global.process.nextTick(fn) : queueMicrotask;
    var MAX = (1 << 29) - 1;
    var OPENING = 1;
    var PREDESTROYING = 2;
    var DESTROYING = 4;
    var DESTROYED = 8;
    var NOT_OPENING = MAX ^ OPENING;
    var NOT_PREDESTROYING = MAX ^ PREDESTROYING;
    var READ_ACTIVE = 1 << 4;
    var READ_UPDATING = 2 << 4;
    var READ_PRIMARY = 4 << 4;
    var READ_QUEUED = 8 << 4;
    var READ_RESUMED = 16 << 4;
    var READ_PIPE_DRAINED = 32 << 4;
    var READ_ENDING = 64 << 4;
    var READ_EMIT_DATA = 128 << 4;
    var READ_EMIT_READABLE = 256 << 4;
    var READ_EMITTED_READABLE = 512 << 4;
    var READ_DONE = 1024 << 4;
    var READ_NEXT_TICK = 2048 << 4;
    var READ_NEEDS_PUSH = 4096 << 4;
    var READ_READ_AHEAD = 8192 << 4;
    var READ_FLOWING = READ_RESUMED | READ_PIPE_DRAINED;
    var READ_ACTIVE_AND_NEEDS_PUSH = READ_ACTIVE | READ_NEEDS_PUSH;
    var READ_PRIMARY_AND_ACTIVE = READ_PRIMARY | READ_ACTIVE;
    var READ_EMIT_READABLE_AND_QUEUED = READ_EMIT_READABLE | READ_QUEUED;
    var READ_RESUMED_READ_AHEAD = READ_RESUMED | READ_READ_AHEAD;
    var READ_NOT_ACTIVE = MAX ^ READ_ACTIVE;
    var READ_NON_PRIMARY = MAX ^ READ_PRIMARY;
    var READ_NON_PRIMARY_AND_PUSHED = MAX ^ (READ_PRIMARY | READ_NEEDS_PUSH);
    var READ_PUSHED = MAX ^ READ_NEEDS_PUSH;
    var READ_PAUSED = MAX ^ READ_RESUMED;
    var READ_NOT_QUEUED = MAX ^ (READ_QUEUED | READ_EMITTED_READABLE);
    var READ_NOT_ENDING = MAX ^ READ_ENDING;
    var READ_PIPE_NOT_DRAINED = MAX ^ READ_FLOWING;
    var READ_NOT_NEXT_TICK = MAX ^ READ_NEXT_TICK;
    var READ_NOT_UPDATING = MAX ^ READ_UPDATING;
    var READ_NO_READ_AHEAD = MAX ^ READ_READ_AHEAD;
    var READ_PAUSED_NO_READ_AHEAD = MAX ^ READ_RESUMED_READ_AHEAD;
    var WRITE_ACTIVE = 1 << 18;
    var WRITE_UPDATING = 2 << 18;
    var WRITE_PRIMARY = 4 << 18;
    var WRITE_QUEUED = 8 << 18;
    var WRITE_UNDRAINED = 16 << 18;
    var WRITE_DONE = 32 << 18;
    var WRITE_EMIT_DRAIN = 64 << 18;
    var WRITE_NEXT_TICK = 128 << 18;
    var WRITE_WRITING = 256 << 18;
    var WRITE_FINISHING = 512 << 18;
    var WRITE_CORKED = 1024 << 18;
    var WRITE_NOT_ACTIVE = MAX ^ (WRITE_ACTIVE | WRITE_WRITING);
    var WRITE_NON_PRIMARY = MAX ^ WRITE_PRIMARY;
    var WRITE_NOT_FINISHING = MAX ^ (WRITE_ACTIVE | WRITE_FINISHING);
    var WRITE_DRAINED = MAX ^ WRITE_UNDRAINED;
    var WRITE_NOT_QUEUED = MAX ^ WRITE_QUEUED;
    var WRITE_NOT_NEXT_TICK = MAX ^ WRITE_NEXT_TICK;
    var WRITE_NOT_UPDATING = MAX ^ WRITE_UPDATING;
    var WRITE_NOT_CORKED = MAX ^ WRITE_CORKED;
    var ACTIVE = READ_ACTIVE | WRITE_ACTIVE;
    var NOT_ACTIVE = MAX ^ ACTIVE;
    var DONE2 = READ_DONE | WRITE_DONE;
    var DESTROY_STATUS = DESTROYING | DESTROYED | PREDESTROYING;
    var OPEN_STATUS = DESTROY_STATUS | OPENING;
    var AUTO_DESTROY = DESTROY_STATUS | DONE2;
    var NON_PRIMARY = WRITE_NON_PRIMARY & READ_NON_PRIMARY;
    var ACTIVE_OR_TICKING = WRITE_NEXT_TICK | READ_NEXT_TICK;
    var TICKING = ACTIVE_OR_TICKING & NOT_ACTIVE;
    var IS_OPENING = OPEN_STATUS | TICKING;
    var READ_PRIMARY_STATUS = OPEN_STATUS | READ_ENDING | READ_DONE;
    var READ_STATUS = OPEN_STATUS | READ_DONE | READ_QUEUED;
    var READ_ENDING_STATUS = OPEN_STATUS | READ_ENDING | READ_QUEUED;
    var READ_READABLE_STATUS = OPEN_STATUS | READ_EMIT_READABLE | READ_QUEUED | READ_EMITTED_READABLE;
    var SHOULD_NOT_READ = OPEN_STATUS | READ_ACTIVE | READ_ENDING | READ_DONE | READ_NEEDS_PUSH | READ_READ_AHEAD;
    var READ_BACKPRESSURE_STATUS = DESTROY_STATUS | READ_ENDING | READ_DONE;
    var READ_UPDATE_SYNC_STATUS = READ_UPDATING | OPEN_STATUS | READ_NEXT_TICK | READ_PRIMARY;
    var READ_NEXT_TICK_OR_OPENING = READ_NEXT_TICK | OPENING;
    var WRITE_PRIMARY_STATUS = OPEN_STATUS | WRITE_FINISHING | WRITE_DONE;
    var WRITE_QUEUED_AND_UNDRAINED = WRITE_QUEUED | WRITE_UNDRAINED;
    var WRITE_QUEUED_AND_ACTIVE = WRITE_QUEUED | WRITE_ACTIVE;
    var WRITE_DRAIN_STATUS = WRITE_QUEUED | WRITE_UNDRAINED | OPEN_STATUS | WRITE_ACTIVE;
    var WRITE_STATUS = OPEN_STATUS | WRITE_ACTIVE | WRITE_QUEUED | WRITE_CORKED;
    var WRITE_PRIMARY_AND_ACTIVE = WRITE_PRIMARY | WRITE_ACTIVE;
    var WRITE_ACTIVE_AND_WRITING = WRITE_ACTIVE | WRITE_WRITING;
    var WRITE_FINISHING_STATUS = OPEN_STATUS | WRITE_FINISHING | WRITE_QUEUED_AND_ACTIVE | WRITE_DONE;
    var WRITE_BACKPRESSURE_STATUS = WRITE_UNDRAINED | DESTROY_STATUS | WRITE_FINISHING | WRITE_DONE;
    var WRITE_UPDATE_SYNC_STATUS = WRITE_UPDATING | OPEN_STATUS | WRITE_NEXT_TICK | WRITE_PRIMARY;
    var WRITE_DROP_DATA = WRITE_FINISHING | WRITE_DONE | DESTROY_STATUS;
    var asyncIterator = Symbol.asyncIterator || /* @__PURE__ */ Symbol("asyncIterator");
    var WritableState = class {
      constructor(stream, { highWaterMark = 16384, map = null, mapWritable, byteLength, byteLengthWritable } = {}) {
        this.stream = stream;
        this.queue = new FIFO();
        this.highWaterMark = highWaterMark;
        this.buffered = 0;
        this.error = null;
        this.pipeline = null;
        this.drains = null;
        this.byteLength = byteLengthWritable || byteLength || defaultByteLength;
        this.map = mapWritable || map;
        this.afterWrite = afterWrite.bind(this);
        this.afterUpdateNextTick = updateWriteNT.bind(this);
      }
      get ending() {
        return (this.stream._duplexState & WRITE_FINISHING) !== 0;
      }
      get ended() {
        return (this.stream._duplexState & WRITE_DONE) !== 0;
      }
      push(data) {
        if ((this.stream._duplexState & WRITE_DROP_DATA) !== 0) return false;
        if (this.map !== null) data = this.map(data);
        this.buffered += this.byteLength(data);
        this.queue.push(data);
        if (this.buffered < this.highWaterMark) {
          this.stream._duplexState |= WRITE_QUEUED;
          return true;
        }
        this.stream._duplexState |= WRITE_QUEUED_AND_UNDRAINED;
        return false;
      }
      shift() {
        const data = this.queue.shift();
        this.buffered -= this.byteLength(data);
        if (this.buffered === 0) this.stream._duplexState &= WRITE_NOT_QUEUED;
        return data;
      }
      end(data) {
        if (typeof data === "function") {
          this.stream.once("finish", data);
        } else if (data !== void 0 && data !== null) {
          this.push(data);
        }
        this.stream._duplexState = (this.stream._duplexState | WRITE_FINISHING) & WRITE_NON_PRIMARY;
      }
      autoBatch(data, cb) {
        const buffer = [];
        const stream = this.stream;
        buffer.push(data);
        while ((stream._duplexState & WRITE_STATUS) === WRITE_QUEUED_AND_ACTIVE) {
          buffer.push(stream._writableState.shift());
        }
        if ((stream._duplexState & OPEN_STATUS) !== 0) return cb(null);
        stream._writev(buffer, cb);
      }
      update() {
        const stream = this.stream;
        stream._duplexState |= WRITE_UPDATING;
        do {
          while ((stream._duplexState & WRITE_STATUS) === WRITE_QUEUED) {
            const data = this.shift();
            stream._duplexState |= WRITE_ACTIVE_AND_WRITING;
            stream._write(data, this.afterWrite);
          }
          if ((stream._duplexState & WRITE_PRIMARY_AND_ACTIVE) === 0) this.updateNonPrimary();
        } while (this.continueUpdate() === true);
        stream._duplexState &= WRITE_NOT_UPDATING;
      }
      updateNonPrimary() {
        const stream = this.stream;
        if ((stream._duplexState & WRITE_FINISHING_STATUS) === WRITE_FINISHING) {
          stream._duplexState = stream._duplexState | WRITE_ACTIVE;
          stream._final(afterFinal.bind(this));
          return;
        }
        if ((stream._duplexState & DESTROY_STATUS) === DESTROYING) {
          if ((stream._duplexState & ACTIVE_OR_TICKING) === 0) {
            stream._duplexState |= ACTIVE;
            stream._destroy(afterDestroy.bind(this));
          }
          return;
        }
        if ((stream._duplexState & IS_OPENING) === OPENING) {
          stream._duplexState = (stream._duplexState | ACTIVE) & NOT_OPENING;
          stream._open(afterOpen.bind(this));
        }
      }
      continueUpdate() {
        if ((this.stream._duplexState & WRITE_NEXT_TICK) === 0) return false;
        this.stream._duplexState &= WRITE_NOT_NEXT_TICK;
        return true;
      }
      updateCallback() {
        if ((this.stream._duplexState & WRITE_UPDATE_SYNC_STATUS) === WRITE_PRIMARY) {
          this.update();
        } else {
          this.updateNextTick();
        }
      }
      updateNextTick() {
        if ((this.stream._duplexState & WRITE_NEXT_TICK) !== 0) return;
        this.stream._duplexState |= WRITE_NEXT_TICK;
        if ((this.stream._duplexState & WRITE_UPDATING) === 0) qmt(this.afterUpdateNextTick);
      }
    };
    var ReadableState = class {
      constructor(stream, { highWaterMark = 16384, map = null, mapReadable, byteLength, byteLengthReadable } = {}) {
        this.stream = stream;
        this.queue = new FIFO();
        this.highWaterMark = highWaterMark === 0 ? 1 : highWaterMark;
        this.buffered = 0;
        this.readAhead = highWaterMark > 0;
        this.error = null;
        this.pipeline = null;
        this.byteLength = byteLengthReadable || byteLength || defaultByteLength;
        this.map = mapReadable || map;
        this.pipeTo = null;
        this.afterRead = afterRead.bind(this);
        this.afterUpdateNextTick = updateReadNT.bind(this);
      }
      get ending() {
        return (this.stream._duplexState & READ_ENDING) !== 0;
      }
      get ended() {
        return (this.stream._duplexState & READ_DONE) !== 0;
      }
      pipe(pipeTo, cb) {
        if (this.pipeTo !== null) throw StreamError.BAD_ARGUMENT("Can only pipe to one destination");
        if (typeof cb !== "function") cb = null;
        this.stream._duplexState |= READ_PIPE_DRAINED;
        this.pipeTo = pipeTo;
        this.pipeline = new Pipeline(this.stream, pipeTo, cb);
        if (cb) this.stream.on("error", noop);
        if (isStreamx(pipeTo)) {
          pipeTo._writableState.pipeline = this.pipeline;
          if (cb) pipeTo.on("error", noop);
          pipeTo.on("finish", this.pipeline.finished.bind(this.pipeline));
        } else {
          const onerror = this.pipeline.done.bind(this.pipeline, pipeTo);
          const onclose = this.pipeline.done.bind(this.pipeline, pipeTo, null);
          pipeTo.on("error", onerror);
          pipeTo.on("close", onclose);
          pipeTo.on("finish", this.pipeline.finished.bind(this.pipeline));
        }
        pipeTo.on("drain", afterDrain.bind(this));
        this.stream.emit("piping", pipeTo);
        pipeTo.emit("pipe", this.stream);
      }
      push(data) {
        const stream = this.stream;
        if (data === null) {
          this.highWaterMark = 0;
          stream._duplexState = (stream._duplexState | READ_ENDING) & READ_NON_PRIMARY_AND_PUSHED;
          return false;
        }
        if (this.map !== null) {
          data = this.map(data);
          if (data === null) {
            stream._duplexState &= READ_PUSHED;
            return this.buffered < this.highWaterMark;
          }
        }
        this.buffered += this.byteLength(data);
        this.queue.push(data);
        stream._duplexState = (stream._duplexState | READ_QUEUED) & READ_PUSHED;
        return this.buffered < this.highWaterMark;
      }
      shift() {
        const data = this.queue.shift();
        this.buffered -= this.byteLength(data);
        if (this.buffered === 0) {
          this.stream._duplexState &= READ_NOT_QUEUED;
        }
        return data;
      }
      unshift(data) {
        const pending = [this.map !== null ? this.map(data) : data];
        while (this.buffered > 0) pending.push(this.shift());
        for (let i = 0; i < pending.length - 1; i++) {
          const data2 = pending[i];
          this.buffered += this.byteLength(data2);
          this.queue.push(data2);
        }
        this.push(pending[pending.length - 1]);
      }
      read() {
        const stream = this.stream;
        if ((stream._duplexState & READ_STATUS) === READ_QUEUED) {
          const data = this.shift();
          if (this.pipeTo !== null && this.pipeTo.write(data) === false) {
            stream._duplexState &= READ_PIPE_NOT_DRAINED;
          }
          if ((stream._duplexState & READ_EMIT_DATA) !== 0) {
            stream.emit("data", data);
          }
          return data;
        }
        if (this.readAhead === false) {
          stream._duplexState |= READ_READ_AHEAD;
          this.updateNextTick();
        }
        return null;
      }
      drain() {
        const stream = this.stream;
        while ((stream._duplexState & READ_STATUS) === READ_QUEUED && (stream._duplexState & READ_FLOWING) !== 0) {
          const data = this.shift();
          if (this.pipeTo !== null && this.pipeTo.write(data) === false) {
            stream._duplexState &= READ_PIPE_NOT_DRAINED;
          }
          if ((stream._duplexState & READ_EMIT_DATA) !== 0) {
            stream.emit("data", data);
          }
        }
      }
      update() {
        const stream = this.stream;
        stream._duplexState |= READ_UPDATING;
        do {
          this.drain();
          while (this.buffered < this.highWaterMark && (stream._duplexState & SHOULD_NOT_READ) === READ_READ_AHEAD) {
            stream._duplexState |= READ_ACTIVE_AND_NEEDS_PUSH;
            stream._read(this.afterRead);
            this.drain();
          }
          if ((stream._duplexState & READ_READABLE_STATUS) === READ_EMIT_READABLE_AND_QUEUED) {
            stream._duplexState |= READ_EMITTED_READABLE;
            stream.emit("readable");
          }
          if ((stream._duplexState & READ_PRIMARY_AND_ACTIVE) === 0) {
            this.updateNonPrimary();
          }
        } while (this.continueUpdate() === true);
        stream._duplexState &= READ_NOT_UPDATING;
      }
      updateNonPrimary() {
        const stream = this.stream;
        if ((stream._duplexState & READ_ENDING_STATUS) === READ_ENDING) {
          stream._duplexState = (stream._duplexState | READ_DONE) & READ_NOT_ENDING;
          stream.emit("end");
          if ((stream._duplexState & AUTO_DESTROY) === DONE2) {
            stream._duplexState |= DESTROYING;
          }
          if (this.pipeTo !== null) {
            this.pipeTo.end();
          }
        }
        if ((stream._duplexState & DESTROY_STATUS) === DESTROYING) {
          if ((stream._duplexState & ACTIVE_OR_TICKING) === 0) {
            stream._duplexState |= ACTIVE;
            stream._destroy(afterDestroy.bind(this));
          }
          return;
        }
        if ((stream._duplexState & IS_OPENING) === OPENING) {
          stream._duplexState = (stream._duplexState | ACTIVE) & NOT_OPENING;
          stream._open(afterOpen.bind(this));
        }
      }
      continueUpdate() {
        if ((this.stream._duplexState & READ_NEXT_TICK) === 0) return false;
        this.stream._duplexState &= READ_NOT_NEXT_TICK;
        return true;
      }
      updateCallback() {
        if ((this.stream._duplexState & READ_UPDATE_SYNC_STATUS) === READ_PRIMARY) {
          this.update();
        } else {
          this.updateNextTick();
        }
      }
      updateNextTickIfOpen() {
        if ((this.stream._duplexState & READ_NEXT_TICK_OR_OPENING) !== 0) return;
        this.stream._duplexState |= READ_NEXT_TICK;
        if ((this.stream._duplexState & READ_UPDATING) === 0) qmt(this.afterUpdateNextTick);
      }
      updateNextTick() {
        if ((this.stream._duplexState & READ_NEXT_TICK) !== 0) return;
        this.stream._duplexState |= READ_NEXT_TICK;
        if ((this.stream._duplexState & READ_UPDATING) === 0) qmt(this.afterUpdateNextTick);
      }
    };
    var TransformState = class {
      constructor(stream) {
        this.data = null;
        this.afterTransform = afterTransform.bind(stream);
        this.afterFinal = null;
      }
    };
    var Pipeline = class {
      constructor(src, dst, cb) {
        this.from = src;
        this.to = dst;
        this.afterPipe = cb;
        this.error = null;
        this.pipeToFinished = false;
      }
      finished() {
        this.pipeToFinished = true;
      }
      done(stream, err2) {
        if (err2) this.error = err2;
        if (stream === this.to) {
          this.to = null;
          if (this.from !== null) {
            if ((this.from._duplexState & READ_DONE) === 0 || !this.pipeToFinished) {
              this.from.destroy(this.error || StreamError.PREMATURE_CLOSE("Writable stream closed"));
            }
            return;
          }
        }
        if (stream === this.from) {
          this.from = null;
          if (this.to !== null) {
            if ((stream._duplexState & READ_DONE) === 0) {
              this.to.destroy(this.error || StreamError.PREMATURE_CLOSE("Readable stream closed"));
            }
            return;
          }
        }
        if (this.afterPipe !== null) this.afterPipe(this.error);
        this.to = this.from = this.afterPipe = null;
      }
    };
    function afterDrain() {
      this.stream._duplexState |= READ_PIPE_DRAINED;
      this.updateCallback();
    }
    function afterFinal(err2) {
      const stream = this.stream;
      if (err2) stream.destroy(err2);
      if ((stream._duplexState & DESTROY_STATUS) === 0) {
        stream._duplexState |= WRITE_DONE;
        stream.emit("finish");
      }
      if ((stream._duplexState & AUTO_DESTROY) === DONE2) {
        stream._duplexState |= DESTROYING;
      }
      stream._duplexState &= WRITE_NOT_FINISHING;
      if ((stream._duplexState & WRITE_UPDATING) === 0) {
        this.update();
      } else {
        this.updateNextTick();
      }
    }
    function afterDestroy(err2) {
      const stream = this.stream;
      if (!err2 && !StreamError.isStreamDestroyed(this.error)) err2 = this.error;
      if (err2) stream.emit("error", err2);
      stream._duplexState |= DESTROYED;
      stream.emit("close");
      const rs = stream._readableState;
      const ws = stream._writableState;
      if (rs !== null && rs.pipeline !== null) {
        rs.pipeline.done(stream, err2);
      }
      if (ws !== null) {
        while (ws.drains !== null && ws.drains.length > 0) {
          ws.drains.shift().resolve(false);
        }
        if (ws.pipeline !== null) {
          ws.pipeline.done(stream, err2);
        }
      }
    }
    function afterWrite(err2) {
      const stream = this.stream;
      if (err2) stream.destroy(err2);
      stream._duplexState &= WRITE_NOT_ACTIVE;
      if (this.drains !== null) tickDrains(this.drains);
      if ((stream._duplexState & WRITE_DRAIN_STATUS) === WRITE_UNDRAINED) {
        stream._duplexState &= WRITE_DRAINED;
        if ((stream._duplexState & WRITE_EMIT_DRAIN) === WRITE_EMIT_DRAIN) {
          stream.emit("drain");
        }
      }
      this.updateCallback();
    }
    function afterRead(err2) {
      if (err2) this.stream.destroy(err2);
      this.stream._duplexState &= READ_NOT_ACTIVE;
      if (this.readAhead === false && (this.stream._duplexState & READ_RESUMED) === 0) {
        this.stream._duplexState &= READ_NO_READ_AHEAD;
      }
      this.updateCallback();
    }
    function updateReadNT() {
      if ((this.stream._duplexState & READ_UPDATING) === 0) {
        this.stream._duplexState &= READ_NOT_NEXT_TICK;
        this.update();
      }
    }
    function updateWriteNT() {
      if ((this.stream._duplexState & WRITE_UPDATING) === 0) {
        this.stream._duplexState &= WRITE_NOT_NEXT_TICK;
        this.update();
      }
    }
    function tickDrains(drains) {
      for (let i = 0; i < drains.length; i++) {
        if (--drains[i].writes === 0) {
          drains.shift().resolve(true);
          i--;
        }
      }
    }
    function afterOpen(err2) {
      const stream = this.stream;
      if (err2) stream.destroy(err2);
      if ((stream._duplexState & DESTROYING) === 0) {
        if ((stream._duplexState & READ_PRIMARY_STATUS) === 0) {
          stream._duplexState |= READ_PRIMARY;
        }
        if ((stream._duplexState & WRITE_PRIMARY_STATUS) === 0) {
          stream._duplexState |= WRITE_PRIMARY;
        }
        stream.emit("open");
      }
      stream._duplexState &= NOT_ACTIVE;
      if (stream._writableState !== null) {
        stream._writableState.updateCallback();
      }
      if (stream._readableState !== null) {
        stream._readableState.updateCallback();
      }
    }
    function afterTransform(err2, data) {
      if (data !== void 0 && data !== null) this.push(data);
      this._writableState.afterWrite(err2);
    }
    function newListener(name) {
      if (this._readableState !== null) {
        if (name === "data") {
          this._duplexState |= READ_EMIT_DATA | READ_RESUMED_READ_AHEAD;
          this._readableState.updateNextTick();
        }
        if (name === "readable") {
          this._duplexState |= READ_EMIT_READABLE;
          this._readableState.updateNextTick();
        }
      }
      if (this._writableState !== null) {
        if (name === "drain") {
          this._duplexState |= WRITE_EMIT_DRAIN;
          this._writableState.updateNextTick();
        }
      }
    }
    var Stream = class extends EventEmitter {
      constructor(opts) {
        super();
        this._duplexState = 0;
        this._readableState = null;
        this._writableState = null;
        if (opts) {
          if (opts.open) this._open = opts.open;
          if (opts.destroy) this._destroy = opts.destroy;
          if (opts.predestroy) this._predestroy = opts.predestroy;
          if (opts.signal) opts.signal.addEventListener("abort", abort.bind(this));
        }
        this.on("newListener", newListener);
      }
      _open(cb) {
        cb(null);
      }
      _destroy(cb) {
        cb(null);
      }
      _predestroy() {
      }
      get readable() {
        return this._readableState !== null ? true : void 0;
      }
      get writable() {
        return this._writableState !== null ? true : void 0;
      }
      get destroyed() {
        return (this._duplexState & DESTROYED) !== 0;
      }
      get destroying() {
        return (this._duplexState & DESTROY_STATUS) !== 0;
      }
      destroy(err2) {
        if ((this._duplexState & DESTROY_STATUS) === 0) {
          if (!err2) err2 = StreamError.STREAM_DESTROYED();
          this._duplexState = (this._duplexState | DESTROYING) & NON_PRIMARY;
          if (this._readableState !== null) {
            this._readableState.highWaterMark = 0;
            this._readableState.error = err2;
          }
          if (this._writableState !== null) {
            this._writableState.highWaterMark = 0;
            this._writableState.error = err2;
          }
          this._duplexState |= PREDESTROYING;
          this._predestroy();
          this._duplexState &= NOT_PREDESTROYING;
          if (this._readableState !== null) {
            this._readableState.updateNextTick();
          }
          if (this._writableState !== null) {
            this._writableState.updateNextTick();
          }
        }
      }
    };
    var Readable4 = class _Readable extends Stream {
      constructor(opts) {
        super(opts);
        this._duplexState |= OPENING | WRITE_DONE | READ_READ_AHEAD;
        this._readableState = new ReadableState(this, opts);
        if (opts) {
          if (this._readableState.readAhead === false) this._duplexState &= READ_NO_READ_AHEAD;
          if (opts.read) this._read = opts.read;
          if (opts.eagerOpen) this._readableState.updateNextTick();
          if (opts.encoding) this.setEncoding(opts.encoding);
        }
      }
      static deferred(fn, opts) {
        const out = new PassThrough(opts);
        fn().then((src) => {
          if (src === null) return out.end();
          if (out.destroying) return;
          pipeline(src, out, noop);
        }).catch((err2) => out.destroy(err2));
        return out;
      }
      setEncoding(encoding) {
        const dec = new TextDecoder2(encoding);
        const map = this._readableState.map || echo;
        this._readableState.map = mapOrSkip;
        return this;
        function mapOrSkip(data) {
          const next = dec.push(data);
          return next === "" && (data.byteLength !== 0 || dec.remaining > 0) ? null : map(next);
        }
      }
      _read(cb) {
        cb(null);
      }
      pipe(dest, cb) {
        this._readableState.updateNextTick();
        this._readableState.pipe(dest, cb);
        return dest;
      }
      read() {
        this._readableState.updateNextTick();
        return this._readableState.read();
      }
      push(data) {
        this._readableState.updateNextTickIfOpen();
        return this._readableState.push(data);
      }
      unshift(data) {
        this._readableState.updateNextTickIfOpen();
        return this._readableState.unshift(data);
      }
      resume() {
        this._duplexState |= READ_RESUMED_READ_AHEAD;
        this._readableState.updateNextTick();
        return this;
      }
      pause() {
        this._duplexState &= this._readableState.readAhead === false ? READ_PAUSED_NO_READ_AHEAD : READ_PAUSED;
        return this;
      }
      static _fromAsyncIterator(ite, opts) {
        let destroy;
        const rs = new _Readable({
          ...opts,
          read(cb) {
            ite.next().then(push).then(cb.bind(null, null)).catch(cb);
          },
          predestroy() {
            destroy = ite.return();
          },
          destroy(cb) {
            if (!destroy) return cb(null);
            destroy.then(cb.bind(null, null)).catch(cb);
          }
        });
        return rs;
        function push(data) {
          if (data.done) rs.push(null);
          else rs.push(data.value);
        }
      }
      static from(data, opts) {
        if (isReadStreamx(data)) return data;
        if (data[asyncIterator]) return this._fromAsyncIterator(data[asyncIterator](), opts);
        if (!Array.isArray(data)) data = data === void 0 ? [] : [data];
        let i = 0;
        return new _Readable({
          ...opts,
          read(cb) {
            this.push(i === data.length ? null : data[i++]);
            cb(null);
          }
        });
      }
      static isBackpressured(rs) {
        return (rs._duplexState & READ_BACKPRESSURE_STATUS) !== 0 || rs._readableState.buffered >= rs._readableState.highWaterMark;
      }
      static isPaused(rs) {
        return (rs._duplexState & READ_RESUMED) === 0;
      }
      [asyncIterator]() {
        const stream = this;
        let error = null;
        let promiseResolve = null;
        let promiseReject = null;
        this.on("error", (err2) => {
          error = err2;
        });
        this.on("readable", onreadable);
        this.on("close", onclose);
        return {
          [asyncIterator]() {
            return this;
          },
          next() {
            return new Promise(function(resolve, reject) {
              promiseResolve = resolve;
              promiseReject = reject;
              const data = stream.read();
              if (data !== null) ondata(data);
              else if ((stream._duplexState & DESTROYED) !== 0) ondata(null);
            });
          },
          return() {
            return destroy(null);
          },
          throw(err2) {
            return destroy(err2);
          }
        };
        function onreadable() {
          if (promiseResolve !== null) ondata(stream.read());
        }
        function onclose() {
          if (promiseResolve !== null) ondata(null);
        }
        function ondata(data) {
          if (promiseReject === null) return;
          if (error) {
            promiseReject(error);
          } else if (data === null && (stream._duplexState & READ_DONE) === 0) {
            promiseReject(StreamError.STREAM_DESTROYED());
          } else {
            promiseResolve({ value: data, done: data === null });
          }
          promiseReject = promiseResolve = null;
        }
        function destroy(err2) {
          stream.destroy(err2);
          return new Promise((resolve, reject) => {
            if (stream._duplexState & DESTROYED) return resolve({ value: void 0, done: true });
            stream.once("close", function() {
              if (err2) reject(err2);
              else resolve({ value: void 0, done: true });
            });
          });
        }
      }
    };
    var Writable4 = class extends Stream {
      constructor(opts) {
        super(opts);
        this._duplexState |= OPENING | READ_DONE;
        this._writableState = new WritableState(this, opts);
        if (opts) {
          if (opts.writev) this._writev = opts.writev;
          if (opts.write) this._write = opts.write;
          if (opts.final) this._final = opts.final;
          if (opts.eagerOpen) this._writableState.updateNextTick();
        }
      }
      cork() {
        this._duplexState |= WRITE_CORKED;
      }
      uncork() {
        this._duplexState &= WRITE_NOT_CORKED;
        this._writableState.updateNextTick();
      }
      _writev(batch, cb) {
        cb(null);
      }
      _write(data, cb) {
        this._writableState.autoBatch(data, cb);
      }
      _final(cb) {
        cb(null);
      }
      static isBackpressured(ws) {
        return (ws._duplexState & WRITE_BACKPRESSURE_STATUS) !== 0;
      }
      static drained(ws) {
        if (ws.destroyed) return Promise.resolve(false);
        const state = ws._writableState;
        const pending = isWritev(ws) ? Math.min(1, state.queue.length) : state.queue.length;
        const writes = pending + (ws._duplexState & WRITE_WRITING ? 1 : 0);
        if (writes === 0) return Promise.resolve(true);
        if (state.drains === null) state.drains = [];
        return new Promise((resolve) => {
          state.drains.push({ writes, resolve });
        });
      }
      write(data) {
        this._writableState.updateNextTick();
        return this._writableState.push(data);
      }
      end(data) {
        this._writableState.updateNextTick();
        this._writableState.end(data);
        return this;
      }
    };
    var Duplex = class extends Readable4 {
      // and Writable
      constructor(opts) {
        super(opts);
        this._duplexState = OPENING | this._duplexState & READ_READ_AHEAD;
        this._writableState = new WritableState(this, opts);
        if (opts) {
          if (opts.writev) this._writev = opts.writev;
          if (opts.write) this._write = opts.write;
          if (opts.final) this._final = opts.final;
        }
      }
      cork() {
        this._duplexState |= WRITE_CORKED;
      }
      uncork() {
        this._duplexState &= WRITE_NOT_CORKED;
        this._writableState.updateNextTick();
      }
      _writev(batch, cb) {
        cb(null);
      }
      _write(data, cb) {
        this._writableState.autoBatch(data, cb);
      }
      _final(cb) {
        cb(null);
      }
      write(data) {
        this._writableState.updateNextTick();
        return this._writableState.push(data);
      }
      end(data) {
        this._writableState.updateNextTick();
        this._writableState.end(data);
        return this;
      }
    };
    var Transform2 = class extends Duplex {
      constructor(opts) {
        super(opts);
        this._transformState = new TransformState(this);
        if (opts) {
          if (opts.transform) this._transform = opts.transform;
          if (opts.flush) this._flush = opts.flush;
        }
      }
      _write(data, cb) {
        if (this._readableState.buffered >= this._readableState.highWaterMark) {
          this._transformState.data = data;
        } else {
          this._transform(data, this._transformState.afterTransform);
        }
      }
      _read(cb) {
        if (this._transformState.data !== null) {
          const data = this._transformState.data;
          this._transformState.data = null;
          cb(null);
          this._transform(data, this._transformState.afterTransform);
        } else {
          cb(null);
        }
      }
      destroy(err2) {
        super.destroy(err2);
        if (this._transformState.data !== null) {
          this._transformState.data = null;
          this._transformState.afterTransform();
        }
      }
      _transform(data, cb) {
        cb(null, data);
      }
      _flush(cb) {
        cb(null);
      }
      _final(cb) {
        this._transformState.afterFinal = cb;
        this._flush(transformAfterFlush.bind(this));
      }
    };
    var PassThrough = class extends Transform2 {
    };
    function transformAfterFlush(err2, data) {
      const cb = this._transformState.afterFinal;
      if (err2) return cb(err2);
      if (data !== null && data !== void 0) this.push(data);
      this.push(null);
      cb(null);
    }
    function pipelinePromise(...streams) {
      return new Promise((resolve, reject) => {
        return pipeline(...streams, (err2) => {
          if (err2) return reject(err2);
          resolve();
        });
      });
    }
    function pipeline(stream, ...streams) {
      const all = Array.isArray(stream) ? [...stream, ...streams] : [stream, ...streams];
      const done = all.length && typeof all[all.length - 1] === "function" ? all.pop() : null;
      if (all.length < 2) throw StreamError.BAD_ARGUMENT("Pipeline requires at least 2 streams");
      let src = all[0];
      let dest = null;
      let error = null;
      for (let i = 1; i < all.length; i++) {
        dest = all[i];
        if (isStreamx(src)) {
          src.pipe(dest, onerror);
        } else {
          errorHandle(src, true, i > 1, onerror);
          src.pipe(dest);
        }
        src = dest;
      }
      if (done) {
        let fin = false;
        const autoDestroy = isStreamx(dest) || !!(dest._writableState && dest._writableState.autoDestroy);
        dest.on("error", (err2) => {
          if (error === null) error = err2;
        });
        dest.on("finish", () => {
          fin = true;
          if (!autoDestroy) done(error);
        });
        if (autoDestroy) {
          dest.on("close", () => done(error || (fin ? null : StreamError.PREMATURE_CLOSE())));
        }
      }
      return dest;
      function errorHandle(s, rd, wr, onerror2) {
        s.on("error", onerror2);
        s.on("close", onclose);
        function onclose() {
          if (rd && s._readableState && !s._readableState.ended) {
            return onerror2(StreamError.PREMATURE_CLOSE());
          }
          if (wr && s._writableState && !s._writableState.ended) {
            return onerror2(StreamError.PREMATURE_CLOSE());
          }
        }
      }
      function onerror(err2) {
        if (!err2 || error) return;
        error = err2;
        for (const s of all) {
          s.destroy(err2);
        }
      }
    }
    function echo(s) {
      return s;
    }
    function isStream(stream) {
      return !!stream._readableState || !!stream._writableState;
    }
    function isStreamx(stream) {
      return typeof stream._duplexState === "number" && isStream(stream);
    }
    function isEnding(stream) {
      return !!stream._readableState && stream._readableState.ending;
    }
    function isEnded(stream) {
      return !!stream._readableState && stream._readableState.ended;
    }
    function isFinishing(stream) {
      return !!stream._writableState && stream._writableState.ending;
    }
    function isFinished(stream) {
      return !!stream._writableState && stream._writableState.ended;
    }
    function getStreamError(stream, opts = {}) {
      const err2 = stream._readableState && stream._readableState.error || stream._writableState && stream._writableState.error;
      return !opts.all && StreamError.isStreamDestroyed(err2) ? null : err2;
    }
    function isReadStreamx(stream) {
      return isStreamx(stream) && stream.readable;
    }
    function isDisturbed(stream) {
      return (stream._duplexState & OPENING) !== OPENING || (stream._duplexState & DESTROYING) === DESTROYING || (stream._duplexState & ACTIVE_OR_TICKING) !== 0;
    }
    function isTypedArray(data) {
      return typeof data === "object" && data !== null && typeof data.byteLength === "number";
    }
    function defaultByteLength(data) {
      return isTypedArray(data) ? data.byteLength : 1024;
    }
    function noop() {
    }
    function abort() {
      this.destroy(StreamError.ABORTED());
    }
    function isWritev(s) {
      return s._writev !== Writable4.prototype._writev && s._writev !== Duplex.prototype._writev;
    }
    module.exports = {
      pipeline,
      pipelinePromise,
      isStream,
      isStreamx,
      isEnding,
      isEnded,
      isFinishing,
      isFinished,
      isDisturbed,
      getStreamError,
      Stream,
      Writable: Writable4,
      Readable: Readable4,
      Duplex,
      Transform: Transform2,
      // Export PassThrough for compatibility with Node.js core's stream module
      PassThrough
    };
  }
});

// node_modules/tar-stream/headers.js
var require_headers = __commonJS({
  "node_modules/tar-stream/headers.js"(exports) {
    var b4a = require_b4a();
    var ZEROS = "0000000000000000000";
    var SEVENS = "7777777777777777777";
    var ZERO_OFFSET = "0".charCodeAt(0);
    var USTAR_MAGIC = b4a.from([117, 115, 116, 97, 114, 0]);
    var USTAR_VER = b4a.from([ZERO_OFFSET, ZERO_OFFSET]);
    var GNU_MAGIC = b4a.from([117, 115, 116, 97, 114, 32]);
    var GNU_VER = b4a.from([32, 0]);
    var MASK = 4095;
    var MAGIC_OFFSET = 257;
    var VERSION_OFFSET = 263;
    exports.decodeLongPath = function decodeLongPath(buf, encoding) {
      return decodeStr(buf, 0, buf.length, encoding);
    };
    exports.encodePax = function encodePax(opts) {
      let result2 = "";
      if (opts.name) result2 += addLength(" path=" + opts.name + "\n");
      if (opts.linkname) result2 += addLength(" linkpath=" + opts.linkname + "\n");
      const pax = opts.pax;
      if (pax) {
        for (const key in pax) {
          result2 += addLength(" " + key + "=" + pax[key] + "\n");
        }
      }
      return b4a.from(result2);
    };
    exports.decodePax = function decodePax(buf) {
      const result2 = {};
      while (buf.length) {
        let i = 0;
        while (i < buf.length && buf[i] !== 32) i++;
        const len = parseInt(b4a.toString(buf.subarray(0, i)), 10);
        if (!len) return result2;
        const b = b4a.toString(buf.subarray(i + 1, len - 1));
        const keyIndex = b.indexOf("=");
        if (keyIndex === -1) return result2;
        result2[b.slice(0, keyIndex)] = b.slice(keyIndex + 1);
        buf = buf.subarray(len);
      }
      return result2;
    };
    exports.encode = function encode2(opts) {
      const buf = b4a.alloc(512);
      let name = opts.name;
      let prefix = "";
      if (opts.typeflag === 5 && name[name.length - 1] !== "/") name += "/";
      if (b4a.byteLength(name) !== name.length) return null;
      while (b4a.byteLength(name) > 100) {
        const i = name.indexOf("/");
        if (i === -1) return null;
        prefix += prefix ? "/" + name.slice(0, i) : name.slice(0, i);
        name = name.slice(i + 1);
      }
      if (b4a.byteLength(name) > 100 || b4a.byteLength(prefix) > 155) return null;
      if (opts.linkname && b4a.byteLength(opts.linkname) > 100) return null;
      b4a.write(buf, name);
      b4a.write(buf, encodeOct(opts.mode & MASK, 6), 100);
      b4a.write(buf, encodeOct(opts.uid, 6), 108);
      b4a.write(buf, encodeOct(opts.gid, 6), 116);
      encodeSize(opts.size, buf, 124);
      b4a.write(buf, encodeOct(opts.mtime.getTime() / 1e3 | 0, 11), 136);
      buf[156] = ZERO_OFFSET + toTypeflag(opts.type);
      if (opts.linkname) b4a.write(buf, opts.linkname, 157);
      b4a.copy(USTAR_MAGIC, buf, MAGIC_OFFSET);
      b4a.copy(USTAR_VER, buf, VERSION_OFFSET);
      if (opts.uname) b4a.write(buf, opts.uname, 265);
      if (opts.gname) b4a.write(buf, opts.gname, 297);
      b4a.write(buf, encodeOct(opts.devmajor || 0, 6), 329);
      b4a.write(buf, encodeOct(opts.devminor || 0, 6), 337);
      if (prefix) b4a.write(buf, prefix, 345);
      b4a.write(buf, encodeOct(cksum(buf), 6), 148);
      return buf;
    };
    exports.decode = function decode(buf, filenameEncoding, allowUnknownFormat) {
      let typeflag = buf[156] === 0 ? 0 : buf[156] - ZERO_OFFSET;
      let name = decodeStr(buf, 0, 100, filenameEncoding);
      const mode = decodeOct(buf, 100, 8);
      const uid = decodeOct(buf, 108, 8);
      const gid = decodeOct(buf, 116, 8);
      const size = decodeOct(buf, 124, 12);
      const mtime = decodeOct(buf, 136, 12);
      const type = toType(typeflag);
      const linkname = buf[157] === 0 ? null : decodeStr(buf, 157, 100, filenameEncoding);
      const uname = decodeStr(buf, 265, 32);
      const gname = decodeStr(buf, 297, 32);
      const devmajor = decodeOct(buf, 329, 8);
      const devminor = decodeOct(buf, 337, 8);
      const c = cksum(buf);
      if (c === 8 * 32) return null;
      if (c !== decodeOct(buf, 148, 8)) throw new Error("Invalid tar header. Maybe the tar is corrupted or it needs to be gunzipped?");
      if (isUSTAR(buf)) {
        if (buf[345]) name = decodeStr(buf, 345, 155, filenameEncoding) + "/" + name;
      } else if (isGNU(buf)) {
      } else {
        if (!allowUnknownFormat) {
          throw new Error("Invalid tar header: unknown format.");
        }
      }
      if (typeflag === 0 && name && name[name.length - 1] === "/") typeflag = 5;
      return {
        name,
        mode,
        uid,
        gid,
        size,
        byteOffset: 0,
        mtime: new Date(1e3 * mtime),
        type,
        linkname,
        uname,
        gname,
        devmajor,
        devminor,
        pax: null
      };
    };
    function isUSTAR(buf) {
      return b4a.equals(USTAR_MAGIC, buf.subarray(MAGIC_OFFSET, MAGIC_OFFSET + 6));
    }
    function isGNU(buf) {
      return b4a.equals(GNU_MAGIC, buf.subarray(MAGIC_OFFSET, MAGIC_OFFSET + 6)) && b4a.equals(GNU_VER, buf.subarray(VERSION_OFFSET, VERSION_OFFSET + 2));
    }
    function clamp(index, len, defaultValue) {
      if (typeof index !== "number") return defaultValue;
      index = ~~index;
      if (index >= len) return len;
      if (index >= 0) return index;
      index += len;
      if (index >= 0) return index;
      return 0;
    }
    function toType(flag) {
      switch (flag) {
        case 0:
          return "file";
        case 1:
          return "link";
        case 2:
          return "symlink";
        case 3:
          return "character-device";
        case 4:
          return "block-device";
        case 5:
          return "directory";
        case 6:
          return "fifo";
        case 7:
          return "contiguous-file";
        case 72:
          return "pax-header";
        case 55:
          return "pax-global-header";
        case 27:
          return "gnu-long-link-path";
        case 28:
        case 30:
          return "gnu-long-path";
      }
      return null;
    }
    function toTypeflag(flag) {
      switch (flag) {
        case "file":
          return 0;
        case "link":
          return 1;
        case "symlink":
          return 2;
        case "character-device":
          return 3;
        case "block-device":
          return 4;
        case "directory":
          return 5;
        case "fifo":
          return 6;
        case "contiguous-file":
          return 7;
        case "pax-header":
          return 72;
      }
      return 0;
    }
    function indexOf(block, num, offset, end) {
      for (; offset < end; offset++) {
        if (block[offset] === num) return offset;
      }
      return end;
    }
    function cksum(block) {
      let sum = 8 * 32;
      for (let i = 0; i < 148; i++) sum += block[i];
      for (let j = 156; j < 512; j++) sum += block[j];
      return sum;
    }
    function encodeOct(val, n) {
      val = val.toString(8);
      if (val.length > n) return SEVENS.slice(0, n) + " ";
      return ZEROS.slice(0, n - val.length) + val + " ";
    }
    function encodeSizeBin(num, buf, off) {
      buf[off] = 128;
      for (let i = 11; i > 0; i--) {
        buf[off + i] = num & 255;
        num = Math.floor(num / 256);
      }
    }
    function encodeSize(num, buf, off) {
      if (num.toString(8).length > 11) {
        encodeSizeBin(num, buf, off);
      } else {
        b4a.write(buf, encodeOct(num, 11), off);
      }
    }
    function parse256(buf) {
      let positive;
      if (buf[0] === 128) positive = true;
      else if (buf[0] === 255) positive = false;
      else return null;
      const tuple = [];
      let i;
      for (i = buf.length - 1; i > 0; i--) {
        const byte = buf[i];
        if (positive) tuple.push(byte);
        else tuple.push(255 - byte);
      }
      let sum = 0;
      const l = tuple.length;
      for (i = 0; i < l; i++) {
        sum += tuple[i] * Math.pow(256, i);
      }
      return positive ? sum : -1 * sum;
    }
    function decodeOct(val, offset, length) {
      val = val.subarray(offset, offset + length);
      offset = 0;
      if (val[offset] & 128) {
        return parse256(val);
      } else {
        while (offset < val.length && val[offset] === 32) offset++;
        const end = clamp(indexOf(val, 32, offset, val.length), val.length, val.length);
        while (offset < end && val[offset] === 0) offset++;
        if (end === offset) return 0;
        return parseInt(b4a.toString(val.subarray(offset, end)), 8);
      }
    }
    function decodeStr(val, offset, length, encoding) {
      return b4a.toString(val.subarray(offset, indexOf(val, 0, offset, offset + length)), encoding);
    }
    function addLength(str2) {
      const len = b4a.byteLength(str2);
      let digits = Math.floor(Math.log(len) / Math.log(10)) + 1;
      if (len + digits >= Math.pow(10, digits)) digits++;
      return len + digits + str2;
    }
  }
});

// node_modules/tar-stream/extract.js
var require_extract = __commonJS({
  "node_modules/tar-stream/extract.js"(exports, module) {
    var { Writable: Writable4, Readable: Readable4, getStreamError } = require_streamx();
    var FIFO = require_fast_fifo();
    var b4a = require_b4a();
    var headers = require_headers();
    var EMPTY = b4a.alloc(0);
    var MAX_HEADER_SIZE = 4 * 1024 * 1024;
    var BufferList = class {
      constructor() {
        this.buffered = 0;
        this.shifted = 0;
        this.queue = new FIFO();
        this._offset = 0;
      }
      push(buffer) {
        this.buffered += buffer.byteLength;
        this.queue.push(buffer);
      }
      shiftFirst(size) {
        return this.buffered === 0 ? null : this._next(size);
      }
      shift(size) {
        if (size > this.buffered) return null;
        if (size === 0) return EMPTY;
        let chunk = this._next(size);
        if (size === chunk.byteLength) return chunk;
        const chunks = [chunk];
        while ((size -= chunk.byteLength) > 0) {
          chunk = this._next(size);
          chunks.push(chunk);
        }
        return b4a.concat(chunks);
      }
      _next(size) {
        const buf = this.queue.peek();
        const rem = buf.byteLength - this._offset;
        if (size >= rem) {
          const sub = this._offset ? buf.subarray(this._offset, buf.byteLength) : buf;
          this.queue.shift();
          this._offset = 0;
          this.buffered -= rem;
          this.shifted += rem;
          return sub;
        }
        this.buffered -= size;
        this.shifted += size;
        return buf.subarray(this._offset, this._offset += size);
      }
    };
    var Source = class extends Readable4 {
      constructor(self, header2, offset) {
        super();
        this.header = header2;
        this.offset = offset;
        this._parent = self;
      }
      _read(cb) {
        if (this.header.size === 0) {
          this.push(null);
        }
        if (this._parent._stream === this) {
          this._parent._update();
        }
        cb(null);
      }
      _predestroy() {
        this._parent.destroy(getStreamError(this));
      }
      _detach() {
        if (this._parent._stream === this) {
          this._parent._stream = null;
          this._parent._missing = overflow(this.header.size);
          this._parent._update();
        }
      }
      _destroy(cb) {
        this._detach();
        cb(null);
      }
    };
    var Extract = class extends Writable4 {
      constructor(opts) {
        super(opts);
        if (!opts) opts = {};
        this._buffer = new BufferList();
        this._offset = 0;
        this._header = null;
        this._stream = null;
        this._missing = 0;
        this._longHeader = false;
        this._callback = noop;
        this._locked = false;
        this._finished = false;
        this._pax = null;
        this._paxGlobal = null;
        this._gnuLongPath = null;
        this._gnuLongLinkPath = null;
        this._filenameEncoding = opts.filenameEncoding || "utf-8";
        this._allowUnknownFormat = !!opts.allowUnknownFormat;
        this._unlockBound = this._unlock.bind(this);
      }
      _unlock(err2) {
        this._locked = false;
        if (err2) {
          this.destroy(err2);
          this._continueWrite(err2);
          return;
        }
        this._update();
      }
      _consumeHeader() {
        if (this._locked) return false;
        this._offset = this._buffer.shifted;
        try {
          this._header = headers.decode(this._buffer.shift(512), this._filenameEncoding, this._allowUnknownFormat);
        } catch (err2) {
          this._continueWrite(err2);
          return false;
        }
        if (!this._header) return true;
        this._header.byteOffset = this._buffer.shifted;
        switch (this._header.type) {
          case "gnu-long-path":
          case "gnu-long-link-path":
          case "pax-global-header":
          case "pax-header":
            this._longHeader = true;
            this._missing = this._header.size;
            if (this._missing > MAX_HEADER_SIZE) {
              this._continueWrite(new Error("Header exceeds max size"));
              return false;
            }
            return true;
        }
        this._locked = true;
        this._applyLongHeaders();
        if (!(this._header.size >= 0)) {
          this._continueWrite(new Error("Invalid header"));
          return false;
        }
        if (this._header.size === 0 || this._header.type === "directory") {
          this.emit("entry", this._header, this._createStream(), this._unlockBound);
          return true;
        }
        this._stream = this._createStream();
        this._missing = this._header.size;
        this.emit("entry", this._header, this._stream, this._unlockBound);
        return true;
      }
      _applyLongHeaders() {
        if (this._gnuLongPath) {
          this._header.name = this._gnuLongPath;
          this._gnuLongPath = null;
        }
        if (this._gnuLongLinkPath) {
          this._header.linkname = this._gnuLongLinkPath;
          this._gnuLongLinkPath = null;
        }
        if (this._pax) {
          if (this._pax.path) this._header.name = this._pax.path;
          if (this._pax.linkpath) this._header.linkname = this._pax.linkpath;
          if (this._pax.size) this._header.size = parseInt(this._pax.size, 10);
          this._header.pax = this._pax;
          this._pax = null;
        }
      }
      _decodeLongHeader(buf) {
        switch (this._header.type) {
          case "gnu-long-path":
            this._gnuLongPath = headers.decodeLongPath(buf, this._filenameEncoding);
            break;
          case "gnu-long-link-path":
            this._gnuLongLinkPath = headers.decodeLongPath(buf, this._filenameEncoding);
            break;
          case "pax-global-header":
            this._paxGlobal = headers.decodePax(buf);
            break;
          case "pax-header":
            this._pax = this._paxGlobal === null ? headers.decodePax(buf) : Object.assign({}, this._paxGlobal, headers.decodePax(buf));
            break;
        }
      }
      _consumeLongHeader() {
        this._longHeader = false;
        this._missing = overflow(this._header.size);
        const buf = this._buffer.shift(this._header.size);
        try {
          this._decodeLongHeader(buf);
        } catch (err2) {
          this._continueWrite(err2);
          return false;
        }
        return true;
      }
      _consumeStream() {
        const buf = this._buffer.shiftFirst(this._missing);
        if (buf === null) return false;
        this._missing -= buf.byteLength;
        const drained = this._stream.push(buf);
        if (this._missing === 0) {
          this._stream.push(null);
          if (drained) this._stream._detach();
          return drained && this._locked === false;
        }
        return drained;
      }
      _createStream() {
        return new Source(this, this._header, this._offset);
      }
      _update() {
        while (this._buffer.buffered > 0 && !this.destroying) {
          if (this._missing > 0) {
            if (this._stream !== null) {
              if (this._consumeStream() === false) return;
              continue;
            }
            if (this._longHeader === true) {
              if (this._missing > this._buffer.buffered) break;
              if (this._consumeLongHeader() === false) return false;
              continue;
            }
            const ignore = this._buffer.shiftFirst(this._missing);
            if (ignore !== null) this._missing -= ignore.byteLength;
            continue;
          }
          if (this._buffer.buffered < 512) break;
          if (this._stream !== null || this._consumeHeader() === false) return;
        }
        this._continueWrite(null);
      }
      _continueWrite(err2) {
        const cb = this._callback;
        this._callback = noop;
        cb(err2);
      }
      _write(data, cb) {
        this._callback = cb;
        this._buffer.push(data);
        this._update();
      }
      _final(cb) {
        this._finished = this._missing === 0 && this._buffer.buffered === 0;
        cb(this._finished ? null : new Error("Unexpected end of data"));
      }
      _predestroy() {
        this._continueWrite(null);
      }
      _destroy(cb) {
        if (this._stream) this._stream.destroy(getStreamError(this));
        cb(null);
      }
      [Symbol.asyncIterator]() {
        let error = null;
        let promiseResolve = null;
        let promiseReject = null;
        let entryStream2 = null;
        let entryCallback = null;
        const extract2 = this;
        this.on("entry", onentry);
        this.on("error", (err2) => {
          error = err2;
        });
        this.on("close", onclose);
        return {
          [Symbol.asyncIterator]() {
            return this;
          },
          next() {
            return new Promise(onnext);
          },
          return() {
            return destroy(null);
          },
          throw(err2) {
            return destroy(err2);
          }
        };
        function consumeCallback(err2) {
          if (!entryCallback) return;
          const cb = entryCallback;
          entryCallback = null;
          cb(err2);
        }
        function onnext(resolve, reject) {
          if (error) {
            return reject(error);
          }
          if (entryStream2) {
            resolve({ value: entryStream2, done: false });
            entryStream2 = null;
            return;
          }
          promiseResolve = resolve;
          promiseReject = reject;
          consumeCallback(null);
          if (extract2._finished && promiseResolve) {
            promiseResolve({ value: void 0, done: true });
            promiseResolve = promiseReject = null;
          }
        }
        function onentry(header2, stream, callback) {
          entryCallback = callback;
          stream.on("error", noop);
          if (promiseResolve) {
            promiseResolve({ value: stream, done: false });
            promiseResolve = promiseReject = null;
          } else {
            entryStream2 = stream;
          }
        }
        function onclose() {
          consumeCallback(error);
          if (!promiseResolve) return;
          if (error) promiseReject(error);
          else promiseResolve({ value: void 0, done: true });
          promiseResolve = promiseReject = null;
        }
        function destroy(err2) {
          extract2.destroy(err2);
          consumeCallback(err2);
          return new Promise((resolve, reject) => {
            if (extract2.destroyed) return resolve({ value: void 0, done: true });
            extract2.once("close", function() {
              if (err2) reject(err2);
              else resolve({ value: void 0, done: true });
            });
          });
        }
      }
    };
    module.exports = function extract2(opts) {
      return new Extract(opts);
    };
    function noop() {
    }
    function overflow(size) {
      size &= 511;
      return size && 512 - size;
    }
  }
});

// node_modules/tar-stream/constants.js
var require_constants = __commonJS({
  "node_modules/tar-stream/constants.js"(exports, module) {
    var constants4 = {
      // just for envs without fs
      S_IFMT: 61440,
      S_IFDIR: 16384,
      S_IFCHR: 8192,
      S_IFBLK: 24576,
      S_IFIFO: 4096,
      S_IFLNK: 40960
    };
    try {
      module.exports = __require("fs").constants || constants4;
    } catch {
      module.exports = constants4;
    }
  }
});

// node_modules/tar-stream/pack.js
var require_pack = __commonJS({
  "node_modules/tar-stream/pack.js"(exports, module) {
    var { Readable: Readable4, Writable: Writable4, getStreamError } = require_streamx();
    var b4a = require_b4a();
    var constants4 = require_constants();
    var headers = require_headers();
    var DMODE = 493;
    var FMODE = 420;
    var END_OF_TAR = b4a.alloc(1024);
    var Sink = class extends Writable4 {
      constructor(pack, header2, callback) {
        super({ mapWritable, eagerOpen: true });
        this.written = 0;
        this.header = header2;
        this._callback = callback;
        this._linkname = null;
        this._isLinkname = header2.type === "symlink" && !header2.linkname;
        this._isVoid = header2.type !== "file" && header2.type !== "contiguous-file";
        this._finished = false;
        this._pack = pack;
        this._openCallback = null;
        if (this._pack._stream === null) this._pack._stream = this;
        else this._pack._pending.push(this);
      }
      _open(cb) {
        this._openCallback = cb;
        if (this._pack._stream === this) this._continueOpen();
      }
      _continuePack(err2) {
        if (this._callback === null) return;
        const callback = this._callback;
        this._callback = null;
        callback(err2);
      }
      _continueOpen() {
        if (this._pack._stream === null) this._pack._stream = this;
        const cb = this._openCallback;
        this._openCallback = null;
        if (cb === null) return;
        if (this._pack.destroying) return cb(new Error("pack stream destroyed"));
        if (this._pack._finalized) return cb(new Error("pack stream is already finalized"));
        this._pack._stream = this;
        if (!this._isLinkname) {
          this._pack._encode(this.header);
        }
        if (this._isVoid) {
          this._finish();
          this._continuePack(null);
        }
        cb(null);
      }
      _write(data, cb) {
        if (this._isLinkname) {
          this._linkname = this._linkname ? b4a.concat([this._linkname, data]) : data;
          return cb(null);
        }
        if (this._isVoid) {
          if (data.byteLength > 0) {
            return cb(new Error("No body allowed for this entry"));
          }
          return cb();
        }
        this.written += data.byteLength;
        if (this._pack.push(data)) return cb();
        this._pack._drain = cb;
      }
      _finish() {
        if (this._finished) return;
        this._finished = true;
        if (this._isLinkname) {
          this.header.linkname = this._linkname ? b4a.toString(this._linkname, "utf-8") : "";
          this._pack._encode(this.header);
        }
        overflow(this._pack, this.header.size);
        this._pack._done(this);
      }
      _final(cb) {
        if (this.written !== this.header.size) {
          return cb(new Error("Size mismatch"));
        }
        this._finish();
        cb(null);
      }
      _getError() {
        return getStreamError(this) || new Error("tar entry destroyed");
      }
      _predestroy() {
        this._pack.destroy(this._getError());
      }
      _destroy(cb) {
        this._pack._done(this);
        this._continuePack(this._finished ? null : this._getError());
        cb();
      }
    };
    var Pack = class extends Readable4 {
      constructor(opts) {
        super(opts);
        this._drain = noop;
        this._finalized = false;
        this._finalizing = false;
        this._pending = [];
        this._stream = null;
      }
      entry(header2, buffer, callback) {
        if (this._finalized || this.destroying) throw new Error("already finalized or destroyed");
        if (typeof buffer === "function") {
          callback = buffer;
          buffer = null;
        }
        if (!callback) callback = noop;
        if (!header2.size || header2.type === "symlink") header2.size = 0;
        if (!header2.type) header2.type = modeToType(header2.mode);
        if (!header2.mode) header2.mode = header2.type === "directory" ? DMODE : FMODE;
        if (!header2.uid) header2.uid = 0;
        if (!header2.gid) header2.gid = 0;
        if (!header2.mtime) header2.mtime = /* @__PURE__ */ new Date();
        if (typeof buffer === "string") buffer = b4a.from(buffer);
        const sink = new Sink(this, header2, callback);
        if (b4a.isBuffer(buffer)) {
          header2.size = buffer.byteLength;
          sink.write(buffer);
          sink.end();
          return sink;
        }
        if (sink._isVoid) {
          return sink;
        }
        return sink;
      }
      finalize() {
        if (this._stream || this._pending.length > 0) {
          this._finalizing = true;
          return;
        }
        if (this._finalized) return;
        this._finalized = true;
        this.push(END_OF_TAR);
        this.push(null);
      }
      _done(stream) {
        if (stream !== this._stream) return;
        this._stream = null;
        if (this._finalizing) this.finalize();
        if (this._pending.length) this._pending.shift()._continueOpen();
      }
      _encode(header2) {
        if (!header2.pax) {
          const buf = headers.encode(header2);
          if (buf) {
            this.push(buf);
            return;
          }
        }
        this._encodePax(header2);
      }
      _encodePax(header2) {
        const paxHeader = headers.encodePax({
          name: header2.name,
          linkname: header2.linkname,
          pax: header2.pax
        });
        const newHeader = {
          name: "PaxHeader",
          mode: header2.mode,
          uid: header2.uid,
          gid: header2.gid,
          size: paxHeader.byteLength,
          mtime: header2.mtime,
          type: "pax-header",
          linkname: header2.linkname && "PaxHeader",
          uname: header2.uname,
          gname: header2.gname,
          devmajor: header2.devmajor,
          devminor: header2.devminor
        };
        this.push(headers.encode(newHeader));
        this.push(paxHeader);
        overflow(this, paxHeader.byteLength);
        newHeader.size = header2.size;
        newHeader.type = header2.type;
        this.push(headers.encode(newHeader));
      }
      _doDrain() {
        const drain = this._drain;
        this._drain = noop;
        drain();
      }
      _predestroy() {
        const err2 = getStreamError(this);
        if (this._stream) this._stream.destroy(err2);
        while (this._pending.length) {
          const stream = this._pending.shift();
          stream.destroy(err2);
          stream._continueOpen();
        }
        this._doDrain();
      }
      _read(cb) {
        this._doDrain();
        cb();
      }
    };
    module.exports = function pack(opts) {
      return new Pack(opts);
    };
    function modeToType(mode) {
      switch (mode & constants4.S_IFMT) {
        case constants4.S_IFBLK:
          return "block-device";
        case constants4.S_IFCHR:
          return "character-device";
        case constants4.S_IFDIR:
          return "directory";
        case constants4.S_IFIFO:
          return "fifo";
        case constants4.S_IFLNK:
          return "symlink";
      }
      return "file";
    }
    function noop() {
    }
    function overflow(self, size) {
      size &= 511;
      if (size) self.push(END_OF_TAR.subarray(0, 512 - size));
    }
    function mapWritable(buf) {
      return b4a.isBuffer(buf) ? buf : b4a.from(buf);
    }
  }
});

// node_modules/tar-stream/index.js
var require_tar_stream = __commonJS({
  "node_modules/tar-stream/index.js"(exports) {
    exports.extract = require_extract();
    exports.pack = require_pack();
  }
});

// src/util/files.ts
import { createReadStream } from "node:fs";

// src/util/http.ts
var STALL_MS = { headers: 45e3, body: 3e4, connect: 3e4 };
function stallLimits(seconds) {
  if (seconds === void 0 || !(seconds > 0)) return STALL_MS;
  const ms = seconds * 1e3;
  return { headers: ms, body: ms, connect: ms };
}
var STALL_ATTEMPTS = 2;
var MiB = 1024 * 1024;
var BODY_LIMIT = {
  /** The OCI distribution spec's manifest limit. */
  manifest: 4 * MiB,
  /** A token answer, a verify-token answer. */
  token: 1 * MiB,
  /** A JSON API answer (a Hub listing page). */
  json: 16 * MiB,
  /** Of an error answer we keep what a message shows. */
  error: 64 * 1024,
  /** Files of an image or project read whole: .cog/weights.json, manifest.json, cog.yaml, weights.lock. */
  file: 8 * MiB
};
var BodyTooLargeError = class extends Error {
  name = "BodyTooLargeError";
};
async function readLimited(body, limit, what, truncate = false) {
  const chunks = [];
  let size = 0;
  for await (const chunk of body) {
    const c = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (size + c.length > limit) {
      if (truncate) {
        chunks.push(c.subarray(0, limit - size));
        size = limit;
        break;
      }
      throw new BodyTooLargeError(`${what} is larger than ${limit} bytes; refusing to read it`);
    }
    chunks.push(c);
    size += c.length;
  }
  return Buffer.concat(chunks, size);
}
var CERTIFICATE_CODE = /^(CERT_|UNABLE_TO_(GET|VERIFY)_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|ERR_TLS_CERT_)/;
var PERMANENT_CODE = /^(ERR_SSL_|ERR_TLS_|EPROTO$|ENOTFOUND$|HPE_|ERR_INVALID_URL$)/;
function isPermanent(e) {
  const err2 = e;
  const code = typeof err2.code === "string" ? err2.code : "";
  return CERTIFICATE_CODE.test(code) || PERMANENT_CODE.test(code) || err2.name === "HTTPParserError";
}
function describeFetchError(e) {
  const err2 = e;
  if (err2.name === "TimeoutError" || err2.code === "UND_ERR_HEADERS_TIMEOUT")
    return "no answer (timed out)";
  if (err2.code === "UND_ERR_BODY_TIMEOUT") return "the answer stalled (timed out)";
  const code = typeof err2.code === "string" ? `${err2.code}: ` : "";
  if (CERTIFICATE_CODE.test(String(err2.code ?? "")))
    return `${code}${err2.message} (the server's TLS certificate is not trusted here: for a private CA, set NODE_EXTRA_CA_CERTS to its PEM file)`;
  if (err2.name === "HTTPParserError")
    return `the server does not speak HTTP there (${err2.message}): check the host and port`;
  return `${code}${err2.message}`;
}
function isStall(e) {
  const err2 = e;
  return err2.name === "TimeoutError" || err2.code === "UND_ERR_HEADERS_TIMEOUT" || err2.code === "UND_ERR_BODY_TIMEOUT" || err2.code === "UND_ERR_CONNECT_TIMEOUT";
}
var stallOptions = (stall = STALL_MS) => ({
  headersTimeout: stall.headers,
  bodyTimeout: stall.body
});

// src/util/files.ts
async function readSmallFile(file, what, limit = BODY_LIMIT.file) {
  const stream = createReadStream(file, { highWaterMark: 64 * 1024 });
  try {
    return (await readLimited(stream, limit, what)).toString("utf8");
  } finally {
    stream.destroy();
  }
}
function tempName(base, kind = ".tmp") {
  return `${base}${kind}-${process.pid}-${Math.random().toString(36).slice(2)}`;
}

// src/util/format.ts
function formatBytes(n) {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${n} B` : `${v.toFixed(1)} ${units[u]}`;
}
function shown(v) {
  return v.length > 200 ? `${v.slice(0, 200)}\u2026 (${v.length} characters)` : v;
}

// src/util/posix.ts
import path from "node:path";
function cleanPosix(p) {
  if (p === "") return ".";
  const normalized = path.posix.normalize(p);
  return normalized.length > 1 ? normalized.replace(/\/+$/, "") : normalized;
}

// src/cog/source-uri.ts
var SourceError = class extends Error {
  name = "SourceError";
};
function normalizeFileUri(uri) {
  const raw = uri.startsWith("file://") ? uri.slice("file://".length) : uri;
  const clean = cleanPosix(raw);
  if (clean.startsWith("/")) return `file://${clean}`;
  if (clean === ".") throw new SourceError("weight source cannot be the project directory itself");
  if (clean.startsWith(".."))
    throw new SourceError(`weight source "${uri}" escapes the project directory`);
  return `file://./${clean}`;
}
function parseHfUri(uri) {
  const rest = uri.replace(/^(hf|huggingface):\/\//, "");
  const at = rest.lastIndexOf("@");
  const repo = at > 0 ? rest.slice(0, at) : rest;
  const ref = at > 0 ? rest.slice(at + 1) : "main";
  if (!/^[^/@]+\/[^/@]+$/.test(repo))
    throw new SourceError(`hf source "${uri}" must name org/repo`);
  if (ref === "") throw new SourceError(`hf source "${uri}" has an empty @ref`);
  return { repo, ref };
}
function normalizeHfUri(uri) {
  const { repo, ref } = parseHfUri(uri);
  return ref === "main" ? `hf://${repo}` : `hf://${repo}@${ref}`;
}
function normalizeHttpUri(uri) {
  const url = new URL(uri);
  if (url.username || url.password)
    throw new SourceError("HTTP URI must not embed credentials (user:pass@host)");
  return url.href;
}
var SOURCE_KINDS = {
  file: normalizeFileUri,
  hf: normalizeHfUri,
  http: normalizeHttpUri
};
var SCHEME_KINDS = {
  "": "file",
  file: "file",
  hf: "hf",
  huggingface: "hf",
  http: "http",
  https: "http"
};
function sourceKind(uri) {
  const sep = uri.indexOf("://");
  const scheme = sep < 0 ? "" : uri.slice(0, sep);
  const kind = SCHEME_KINDS[scheme];
  if (!kind) throw new SourceError(`unsupported weight source scheme "${scheme}" in URI "${uri}"`);
  return kind;
}
function normalizeSourceUri(uri) {
  return SOURCE_KINDS[sourceKind(uri)](uri);
}

// src/cog/config.ts
var import_yaml = __toESM(require_dist(), 1);
import path2 from "node:path";

// src/oci/digest.ts
var DIGEST_PATTERN = /^sha256:[a-f0-9]{64}$/;
var DIGEST_HEX_PATTERN = /^[a-f0-9]{64}$/;
var isDigest = (s) => DIGEST_PATTERN.test(s);

// src/oci/reference.ts
var DOCKER_HUB = "index.docker.io";
var DOCKER_HUB_ALIAS = "docker.io";
var REPOSITORY_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_-./";
var TAG_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.";
var AUTHORITY = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\-._~!$&'()*+,;=%]*)(?::[0-9]*)?$/;
var ReferenceError2 = class extends Error {
  name = "ReferenceError";
};
function checkRegistry(name) {
  if (!AUTHORITY.test(name)) {
    throw new ReferenceError2(`registries must be valid RFC 3986 URI authorities: ${shown(name)}`);
  }
}
function normalizeRegistry(name) {
  checkRegistry(name);
  if (name === "" || name === DOCKER_HUB_ALIAS) return DOCKER_HUB;
  return name;
}
function checkElement(kind, value, chars, min, max) {
  const runes = [...value].length;
  if (runes < min || runes > max) {
    throw new ReferenceError2(
      `${kind} must be between ${min} and ${max} characters in length: ${shown(value)}`
    );
  }
  if ([...value].some((ch) => !chars.includes(ch))) {
    throw new ReferenceError2(
      `${kind} can only contain the characters \`${chars}\`: ${shown(value)}`
    );
  }
}
function parseRepository(name) {
  if (name.length === 0) throw new ReferenceError2("a repository name must be specified");
  let registry = "";
  let repo = name;
  const slash = name.indexOf("/");
  if (slash >= 0) {
    const first = name.slice(0, slash);
    if (first.includes(".") || first.includes(":")) {
      registry = first;
      repo = name.slice(slash + 1);
    }
  }
  checkElement("repository", repo, REPOSITORY_CHARS, 2, 255);
  const reg = normalizeRegistry(registry);
  if (reg === DOCKER_HUB && !repo.includes("/")) repo = "library/" + repo;
  return { registry: reg, repository: repo };
}
function parseTagged(name, defaultTag) {
  let base = name;
  let tag = "";
  const colon = name.lastIndexOf(":");
  if (colon >= 0 && !name.slice(colon + 1).includes("/")) {
    base = name.slice(0, colon);
    tag = name.slice(colon + 1);
    if (tag === "")
      throw new ReferenceError2(`${shown(name)} must specify a tag name after the colon`);
  }
  if (tag !== "") checkElement("tag", tag, TAG_CHARS, 1, 128);
  return { ...parseRepository(base), tag: tag || defaultTag, digest: null };
}
function parseDigested(name) {
  const parts = name.split("@");
  if (parts.length !== 2) {
    throw new ReferenceError2(
      `a digest must contain exactly one '@' separator (e.g. registry/repository@digest) saw: ${shown(name)}`
    );
  }
  const [base, digest2] = parts;
  if (!digest2.startsWith("sha256:"))
    throw new ReferenceError2(`unsupported digest algorithm: ${shown(digest2)}`);
  if (!isDigest(digest2))
    throw new ReferenceError2(`invalid checksum digest format: ${shown(digest2)}`);
  let repoName = base;
  try {
    const t = parseTagged(base, "latest");
    repoName = t.registry + "/" + t.repository;
  } catch {
  }
  return { ...parseRepository(repoName), tag: null, digest: digest2 };
}
function parseReference(name, defaultTag = "latest") {
  try {
    return parseTagged(name, defaultTag);
  } catch (tagError) {
    try {
      return parseDigested(name);
    } catch {
      throw new ReferenceError2(
        `could not parse reference: ${shown(name)} (${tagError.message})`
      );
    }
  }
}
function repositoryName(r) {
  return `${r.registry}/${r.repository}`;
}
function referenceString(r) {
  if (r.digest) return `${repositoryName(r)}@${r.digest}`;
  return `${repositoryName(r)}:${r.tag ?? "latest"}`;
}

// src/cog/config.ts
var ConfigError = class extends Error {
  constructor(file, problems, path25) {
    super(problems.map((p) => `${file}: ${p.field}: ${p.message}`).join("\n"));
    this.file = file;
    this.problems = problems;
    this.path = path25;
  }
  file;
  problems;
  path;
  name = "ConfigError";
};
var WEIGHT_NAME_PATTERN = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
var SOURCE_SCHEMES = ["file", "hf", "huggingface", "http", "https"];
var TOP_LEVEL_KEYS = [
  "build",
  "concurrency",
  "environment",
  "image",
  "model",
  "predict",
  "run",
  "tests",
  "train",
  "weights"
];
function unknownKey(key) {
  const near = TOP_LEVEL_KEYS.find((k) => editDistance(k, key.toLowerCase()) <= 2);
  return `unknown key${near ? ` \u2014 did you mean '${near}'?` : ""} (cog.yaml's keys are ${TOP_LEVEL_KEYS.join(", ")})`;
}
function editDistance(a, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(
        prev[j] + 1,
        row[j - 1] + 1,
        prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
      );
    prev = row;
  }
  return prev[b.length];
}
var WEIGHT_KEYS = /* @__PURE__ */ new Set(["name", "target", "source"]);
var SOURCE_KEYS = /* @__PURE__ */ new Set(["uri", "include", "exclude"]);
async function loadCogConfig(projectDir, configName = "cog.yaml") {
  const file = path2.resolve(projectDir, configName);
  const relative = path2.relative(process.cwd(), file);
  const display = relative === "" || relative.startsWith("..") ? file : relative;
  let text;
  try {
    text = await readSmallFile(file, "the file");
  } catch (e) {
    const code = e.code;
    const message = code === "ENOENT" ? "file not found \u2014 is 'working-directory' (or --project) the Cog project?" : e.message;
    throw new ConfigError(display, [{ field: "file", message }], file);
  }
  try {
    return parseCogConfig(text, display, path2.dirname(file));
  } catch (e) {
    if (e instanceof ConfigError) throw new ConfigError(e.file, e.problems, file);
    throw e;
  }
}
function parseCogConfig(text, file, projectDir) {
  const lineCounter = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const err2 = doc.errors[0];
    const pos = err2.linePos?.[0];
    const where = pos ? `line ${pos.line}, column ${pos.col}` : "yaml";
    const message = (err2.message.split("\n")[0] ?? err2.message).replace(
      / at line \d+, column \d+:?$/,
      ""
    );
    const tab = /^Tabs are not allowed/.test(message) ? " (indent with spaces)" : "";
    throw new ConfigError(file, [
      { field: where, message: message + tab, line: pos?.line, col: pos?.col }
    ]);
  }
  let root;
  try {
    root = doc.toJS() ?? {};
  } catch (e) {
    throw new ConfigError(file, [{ field: "yaml", message: e.message }]);
  }
  const problems = [];
  const add = (field2, message) => problems.push({ field: field2, message });
  if (!isRecord(root)) {
    throw new ConfigError(file, [
      { field: "(root)", message: "must be a mapping of keys to values" }
    ]);
  }
  for (const key of Object.keys(root)) if (!TOP_LEVEL_KEYS.includes(key)) add(key, unknownKey(key));
  const model = optionalString(root, "model", add);
  const image = optionalString(root, "image", add);
  if (model && image) add("model", "'model' and 'image' cannot both be set");
  if (model) validateModel(model, add);
  const weights = parseWeights(root["weights"], add);
  if (weights.length > 0 && !model) {
    if (image) add("image", "weights require 'model', not 'image' \u2014 rename 'image' to 'model'");
    else
      add(
        "model",
        "weights require 'model' in cog.yaml: add `model: REGISTRY/OWNER/NAME` (where the model is published)"
      );
  }
  if (problems.length > 0)
    throw new ConfigError(
      file,
      problems.map((p) => ({ ...p, ...positionOf(doc, lineCounter, p.field) }))
    );
  return { file, projectDir, model, image, weights };
}
function positionOf(doc, lines3, field2) {
  const keys = [...field2.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map(
    (m) => m[2] !== void 0 ? Number(m[2]) : m[1]
  );
  for (let n = keys.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(keys.slice(0, n), true);
    const range = node?.range;
    if (range) {
      const { line, col } = lines3.linePos(range[0]);
      return { line, col };
    }
  }
  return {};
}
function isRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function optionalString(obj, key, add) {
  const v = obj[key];
  if (v === void 0 || v === null || v === "") return void 0;
  if (typeof v !== "string") {
    add(key, `must be a string, got ${describe(v)}`);
    return void 0;
  }
  return v;
}
function describe(v) {
  if (Array.isArray(v)) return "a list";
  if (v === null) return "null";
  return typeof v === "object" ? "a mapping" : `${typeof v} ${JSON.stringify(v)}`;
}
function validateModel(model, add) {
  try {
    parseRepository(model);
  } catch (repoError) {
    let isReference = false;
    try {
      parseReference(model);
      isReference = true;
    } catch {
    }
    add(
      "model",
      isReference ? `"${shown(model)}" must be a bare repository \u2014 tags and digests are not allowed` : `"${shown(model)}" is not a valid repository: ${repoError.message}`
    );
  }
}
function parseWeights(raw, add) {
  if (raw === void 0 || raw === null) return [];
  if (!Array.isArray(raw)) {
    add("weights", `must be a list of weights, got ${describe(raw)}`);
    return [];
  }
  const names = /* @__PURE__ */ new Set();
  const targets = [];
  const weights = [];
  raw.forEach((entry, i) => {
    const at = `weights[${i}]`;
    if (!isRecord(entry)) {
      add(at, `must be a mapping with name, target and source, got ${describe(entry)}`);
      return;
    }
    for (const key of Object.keys(entry)) {
      if (!WEIGHT_KEYS.has(key))
        add(`${at}.${key}`, "unknown field (expected name, target, source)");
    }
    const name = checkName(entry["name"], `${at}.name`, names, add);
    const target = checkTarget(entry["target"], `${at}.target`, targets, add);
    const sources = parseSources(entry["source"], `${at}.source`, add);
    if (name !== void 0 && target !== void 0 && sources !== void 0) {
      weights.push({ name, target, sources });
    }
  });
  return weights;
}
function checkName(v, field2, seen, add) {
  if (v === void 0 || v === null || v === "") return void add(field2, "name is required");
  if (typeof v !== "string") return void add(field2, `must be a string, got ${describe(v)}`);
  if (!WEIGHT_NAME_PATTERN.test(v)) {
    return void add(
      field2,
      `"${shown(v)}" must contain only lowercase alphanumeric characters, hyphens, dots, or underscores (e.g. "my-model-weights")`
    );
  }
  if (seen.has(v)) return void add(field2, `duplicate weight name "${shown(v)}"`);
  seen.add(v);
  return v;
}
function checkTarget(v, field2, seen, add) {
  if (v === void 0 || v === null || v === "") return void add(field2, "target is required");
  if (typeof v !== "string") return void add(field2, `must be a string, got ${describe(v)}`);
  if (/[\x00-\x1f\x7f]/.test(v))
    return void add(field2, `must not contain control characters, got ${JSON.stringify(shown(v))}`);
  if (!v.startsWith("/")) return void add(field2, `must be an absolute path, got "${shown(v)}"`);
  const clean = cleanPosix(v);
  if (clean === "/") return void add(field2, 'target must not be the container root "/"');
  for (const prev of seen) {
    if (prev === clean) return void add(field2, `duplicate weight target "${clean}"`);
    if (clean.startsWith(prev + "/") || prev.startsWith(clean + "/")) {
      return void add(
        field2,
        `target "${clean}" overlaps with "${prev}"; weight targets must be disjoint`
      );
    }
  }
  seen.push(clean);
  return clean;
}
function parseSources(v, field2, add) {
  if (v === void 0 || v === null) return void add(field2, "source is required");
  const list2 = Array.isArray(v) ? v : [v];
  if (list2.length === 0) return void add(field2, "source is required");
  const out = [];
  let ok = true;
  list2.forEach((s, i) => {
    const at = Array.isArray(v) ? `${field2}[${i}]` : field2;
    const parsed = parseSource(s, at, add);
    if (parsed) out.push(parsed);
    else ok = false;
  });
  return ok ? out : void 0;
}
function parseSource(s, at, add) {
  if (!isRecord(s)) return void add(at, `must be a mapping with uri, got ${describe(s)}`);
  let ok = true;
  for (const key of Object.keys(s)) {
    if (!SOURCE_KEYS.has(key)) {
      add(`${at}.${key}`, "unknown field (expected uri, include, exclude)");
      ok = false;
    }
  }
  const uri = s["uri"];
  if (uri === void 0 || uri === null || uri === "") {
    add(`${at}.uri`, "weight source.uri is required");
    ok = false;
  } else if (typeof uri !== "string") {
    add(`${at}.uri`, `must be a string, got ${describe(uri)}`);
    ok = false;
  } else {
    const sep = uri.indexOf("://");
    const scheme = sep < 0 ? "" : uri.slice(0, sep);
    if (scheme !== "" && !SOURCE_SCHEMES.includes(scheme)) {
      add(
        `${at}.uri`,
        `unsupported weight source scheme "${scheme}" in URI "${uri}" (supported: a path, file://, hf://, huggingface://, http://, https://)`
      );
      ok = false;
    } else {
      try {
        normalizeSourceUri(uri);
      } catch (e) {
        add(`${at}.uri`, e.message);
        ok = false;
      }
    }
  }
  const include = parsePatterns(s["include"], `${at}.include`, add);
  const exclude = parsePatterns(s["exclude"], `${at}.exclude`, add);
  if (!ok || include === void 0 || exclude === void 0) return void 0;
  return { uri, include, exclude };
}
function parsePatterns(v, field2, add) {
  if (v === void 0 || v === null) return [];
  if (!Array.isArray(v)) return void add(field2, `must be a list of patterns, got ${describe(v)}`);
  let ok = true;
  v.forEach((p, i) => {
    const at = `${field2}[${i}]`;
    const bad = (message) => {
      add(at, message);
      ok = false;
    };
    if (typeof p !== "string") return bad(`must be a string, got ${describe(p)}`);
    const t = p.trim();
    if (t === "") bad("pattern must not be empty");
    else if (t.startsWith("!"))
      bad(`"${p}": negation patterns (starting with '!') are not supported`);
    else if (t.includes("\\")) bad(`"${p}": patterns must use forward slashes, not backslashes`);
  });
  return ok ? v : void 0;
}

// src/util/undici.ts
var loading;
function undici() {
  return loading ??= import("./undici-AZJ6FXZ6.js").then((m) => m.default ?? m);
}

// src/util/net.ts
async function agent(options, proxy) {
  if (!proxy) return new (await undici()).Agent(options);
  const { ProxySelector } = await import("./proxy-selector-332PARWF.js");
  return new ProxySelector(options, proxy);
}
async function useProxies(proxy) {
  if (!proxy) return () => void 0;
  const { getGlobalDispatcher, setGlobalDispatcher } = await undici();
  const before = getGlobalDispatcher();
  setGlobalDispatcher(await agent({}, proxy));
  return () => setGlobalDispatcher(before);
}

// src/config/env.ts
import os from "node:os";
import path3 from "node:path";
var RANGED_MIN = 64 * 1024 * 1024;
function byteCount(text) {
  const n = Number(text);
  return text && Number.isSafeInteger(n) && n > 0 ? n : void 0;
}
function readRuntimeEnv(env, cwd, platform) {
  const home = env["HOME"] || os.homedir();
  const cacheHome = env["XDG_CACHE_HOME"] || path3.join(home, ".cache");
  const hubToken = env["HF_TOKEN"] || env["HUGGING_FACE_HUB_TOKEN"] || void 0;
  const stallSeconds = env["COG_PUSH_STALL_SECONDS"];
  const stall = stallLimits(stallSeconds ? Number(stallSeconds) : void 0);
  return {
    workspace: env["GITHUB_WORKSPACE"] || cwd,
    storeDir: env["COG_PUSH_STORE_DIR"] ? path3.resolve(cwd, env["COG_PUSH_STORE_DIR"]) : path3.join(cacheHome, "cog-push", "store"),
    packCacheDir: env["COG_PUSH_CACHE_DIR"] ? path3.join(env["COG_PUSH_CACHE_DIR"], "pack") : path3.join(cacheHome, "cog-push", "pack"),
    scratchRoot: env["RUNNER_TEMP"] || env["TMPDIR"] || os.tmpdir(),
    progressIntervalMs: Number(env["COG_PUSH_PROGRESS_SECONDS"] ?? 10) * 1e3,
    stall,
    rangedMin: byteCount(env["COG_PUSH_RANGED_MIN"]) ?? RANGED_MIN,
    // Replicate's registry, or the one COG_REGISTRY_HOST names, as Cog reads it.
    replicateRegistryHost: env["COG_REGISTRY_HOST"] || "r8.im",
    hub: { endpoint: env["HF_ENDPOINT"] || "https://huggingface.co", token: hubToken, stall },
    dockerConfigDir: env["DOCKER_CONFIG"] || path3.join(home, ".docker"),
    containersAuthFiles: [
      env["REGISTRY_AUTH_FILE"],
      env["XDG_RUNTIME_DIR"] && path3.join(env["XDG_RUNTIME_DIR"], "containers", "auth.json"),
      path3.join(env["XDG_CONFIG_HOME"] || path3.join(home, ".config"), "containers", "auth.json")
    ].filter((f) => Boolean(f)),
    proxy: proxyFromEnv(env),
    childEnv: Object.fromEntries(
      Object.entries(env).filter((e) => e[1] !== void 0)
    ),
    platform,
    cacheService: Boolean(env["ACTIONS_CACHE_URL"] || env["ACTIONS_RESULTS_URL"]),
    stepSummary: env["GITHUB_STEP_SUMMARY"] || void 0,
    modelRef: {
      COG_MODEL: env["COG_MODEL"],
      COG_MODEL_REGISTRY: env["COG_MODEL_REGISTRY"],
      COG_MODEL_REPO: env["COG_MODEL_REPO"],
      COG_MODEL_TAG: env["COG_MODEL_TAG"],
      COG_REGISTRY_HOST: env["COG_REGISTRY_HOST"]
    },
    secrets: [env["HF_TOKEN"], env["HUGGING_FACE_HUB_TOKEN"]].filter((s) => !!s),
    prependPath(dir) {
      const previous = env["PATH"];
      env["PATH"] = `${dir}${path3.delimiter}${previous ?? ""}`;
      return () => {
        env["PATH"] = previous;
      };
    }
  };
}

// src/util/log.ts
var LOG_LINE_MAX = 4096;
function logSafe(text) {
  return text.split("\n").map(safeLine).join("\n");
}
function safeLine(line) {
  let shown2 = line.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, (c) => {
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`;
  });
  if (shown2.length > LOG_LINE_MAX)
    shown2 = `${shown2.slice(0, LOG_LINE_MAX)}\u2026 (${shown2.length - LOG_LINE_MAX} more characters)`;
  shown2 = shown2.replaceAll("##[", "## [");
  return /^\s*::/.test(shown2) ? `> ${shown2}` : shown2;
}
function boundedLog(sink) {
  return {
    info: (m) => sink.info(logSafe(m)),
    warning: (m) => sink.warning(logSafe(m)),
    notice: (m) => sink.notice(logSafe(m)),
    group: (name, fn) => sink.group(logSafe(name), fn)
  };
}

// src/util/termination.ts
import { rmSync } from "node:fs";

// src/util/cancel.ts
var CancelledError = class extends Error {
  name = "CancelledError";
};
function throwIfCancelled(signal, what) {
  if (signal?.aborted) throw new CancelledError(`${what}: cancelled (${reasonOf(signal)})`);
}
function withCancel(timeout, signal) {
  return signal ? AbortSignal.any([timeout, signal]) : timeout;
}
function reasonOf(signal) {
  const r = signal.reason;
  return r instanceof Error ? r.message : String(r);
}

// src/util/termination.ts
var controller = new AbortController();
var termination = controller.signal;
var exitCode;
function signalExitCode() {
  return exitCode;
}
var groups = /* @__PURE__ */ new Set();
var dirs = /* @__PURE__ */ new Set();
function removeOnSignal(dir) {
  dirs.add(dir);
  return () => void dirs.delete(dir);
}
function stopOnSignal(pid) {
  if (pid === void 0) return () => void 0;
  groups.add(pid);
  return () => void groups.delete(pid);
}
var STOP_GRACE_MS = 3e3;
var SIGNALS = { SIGINT: 2, SIGTERM: 15 };
function signalGroups(signal) {
  for (const pid of groups) {
    try {
      process.kill(-pid, signal);
    } catch {
      groups.delete(pid);
    }
  }
}
function groupsAlive() {
  for (const pid of groups) {
    try {
      process.kill(-pid, 0);
    } catch {
      groups.delete(pid);
    }
  }
  return groups.size > 0;
}
function releaseNow() {
  signalGroups("SIGKILL");
  groups.clear();
  for (const dir of dirs) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
    }
  }
  dirs.clear();
}
function exitOnSignals(report) {
  for (const [name, number] of Object.entries(SIGNALS)) {
    process.on(name, () => {
      const code = 128 + number;
      if (controller.signal.aborted) {
        releaseNow();
        process.exit(code);
      }
      exitCode = code;
      report(`received ${name}: stopping the build and the transfers, removing scratch files`);
      controller.abort(new CancelledError(`received ${name}`));
      signalGroups("SIGTERM");
      const started = Date.now();
      const wait = setInterval(() => {
        if (groupsAlive() && Date.now() - started < STOP_GRACE_MS) return;
        clearInterval(wait);
        releaseNow();
        process.exit(code);
      }, 50);
    });
  }
}

// src/config/inputs.ts
import path4 from "node:path";

// src/util/gojson.ts
var HEX = "0123456789abcdef";
function goString(s) {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc;
    if (c < 32) {
      switch (c) {
        case 8:
          esc = "\\b";
          break;
        case 12:
          esc = "\\f";
          break;
        case 10:
          esc = "\\n";
          break;
        case 13:
          esc = "\\r";
          break;
        case 9:
          esc = "\\t";
          break;
        default:
          esc = "\\u00" + HEX[c >> 4] + HEX[c & 15];
      }
    } else if (c === 34) esc = '\\"';
    else if (c === 92) esc = "\\\\";
    else if (c === 60 || c === 62 || c === 38) esc = "\\u00" + HEX[c >> 4] + HEX[c & 15];
    else if (c === 8232) esc = "\\u2028";
    else if (c === 8233) esc = "\\u2029";
    else if (c >= 55296 && c <= 57343) {
      const pair = c <= 56319 && i + 1 < s.length && s.charCodeAt(i + 1) >= 56320 && s.charCodeAt(i + 1) <= 57343;
      if (pair) {
        i++;
        continue;
      }
      esc = "\uFFFD";
    }
    if (esc !== void 0) {
      out += s.slice(start, i) + esc;
      start = i + 1;
    }
  }
  return out + s.slice(start) + '"';
}
function compareUtf8(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 55296 && x <= 57343;
    const ys = y >= 55296 && y <= 57343;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}
function goMap(entries) {
  const out = {};
  for (const key of Object.keys(entries).sort(compareUtf8)) {
    const v = entries[key];
    if (v !== void 0) out[key] = v;
  }
  return out;
}
function goMarshal(value, indent) {
  return encode(value, indent, "");
}
function encode(value, indent, prefix) {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return goString(value);
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isSafeInteger(value)) throw new Error(`goMarshal: non-integer number ${value}`);
      return String(value);
  }
  const inner = indent === void 0 ? "" : prefix + indent;
  const nl = indent === void 0 ? "" : "\n";
  const colon = indent === void 0 ? ":" : ": ";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const items2 = value.map((v) => nl + inner + encode(v, indent, inner));
    return "[" + items2.join(",") + nl + prefix + "]";
  }
  const obj = value;
  const items = [];
  for (const key of Object.keys(obj)) {
    const v = obj[key];
    if (v === void 0) continue;
    items.push(nl + inner + goString(key) + colon + encode(v, indent, inner));
  }
  if (items.length === 0) return "{}";
  return "{" + items.join(",") + nl + prefix + "}";
}

// src/oci/mediatypes.ts
var MEDIA_TYPE = {
  ociManifest: "application/vnd.oci.image.manifest.v1+json",
  ociIndex: "application/vnd.oci.image.index.v1+json",
  layerTar: "application/vnd.oci.image.layer.v1.tar",
  layerTarGzip: "application/vnd.oci.image.layer.v1.tar+gzip",
  weightConfig: "application/vnd.cog.weight.config.v1+json",
  // Docker's image format (schema 2): what `docker save`, `docker push` and older registries use.
  dockerManifest: "application/vnd.docker.distribution.manifest.v2+json",
  dockerManifestList: "application/vnd.docker.distribution.manifest.list.v2+json",
  dockerConfig: "application/vnd.docker.container.image.v1+json",
  dockerLayer: "application/vnd.docker.image.rootfs.diff.tar",
  dockerLayerGzip: "application/vnd.docker.image.rootfs.diff.tar.gzip"
};
var ARTIFACT_TYPE_WEIGHT = "application/vnd.cog.weight.v1";
var ANNOTATION = {
  weightName: "run.cog.weight.name",
  weightSetDigest: "run.cog.weight.set-digest",
  weightTarget: "run.cog.weight.target",
  weightSizeUncompressed: "run.cog.weight.size.uncompressed"
};

// src/oci/index.ts
function parsePlatform(text) {
  const parts = text.split("/");
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !/^[a-z0-9._-]+$/.test(p))) {
    throw new Error(`platform "${text}" must be os/arch or os/arch/variant, e.g. linux/amd64`);
  }
  return { os: parts[0], architecture: parts[1], variant: parts[2] };
}
function buildModelIndex(image, platform, weights, annotations = {}) {
  return goMarshal({
    schemaVersion: 2,
    mediaType: MEDIA_TYPE.ociIndex,
    manifests: [
      {
        mediaType: image.mediaType,
        size: image.size,
        digest: image.digest,
        platform: {
          architecture: platform.architecture,
          os: platform.os,
          variant: platform.variant
        }
      },
      ...weights.map((w) => ({
        mediaType: w.manifest.mediaType,
        size: w.manifest.size,
        digest: w.manifest.digest,
        // Go's ggcr drops empty annotations (and a zero size).
        annotations: goMap({
          [ANNOTATION.weightName]: w.name || void 0,
          [ANNOTATION.weightSetDigest]: w.setDigest || void 0,
          [ANNOTATION.weightSizeUncompressed]: w.size > 0 ? String(w.size) : void 0
        }),
        platform: { architecture: "unknown", os: "unknown" },
        artifactType: ARTIFACT_TYPE_WEIGHT
      }))
    ],
    annotations: Object.keys(annotations).length > 0 ? goMap({ ...annotations }) : void 0
  });
}

// src/config/choices.ts
var BUILDERS = ["cog", "docker", "buildah"];

// src/cog/tags.ts
var RESERVED_TAG_PREFIX = "cog-";
var IMAGE_TAG_PREFIX = "cog-image.";
var WEIGHT_TAG_PREFIX = "cog-weight.";
var TAG_PATTERN = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/;
var SEGMENT_MAX = 104;
function isReservedTag(tag) {
  return tag.startsWith(RESERVED_TAG_PREFIX);
}
function userTagProblem(tag) {
  if (isReservedTag(tag))
    return `"${RESERVED_TAG_PREFIX}" is a reserved prefix \u2014 choose a different tag`;
  if (!TAG_PATTERN.test(tag)) return `must match ${TAG_PATTERN.source}`;
  return void 0;
}
function shortDigest(digest2) {
  const colon = digest2.indexOf(":");
  if (colon < 0) return "";
  return digest2.slice(colon + 1, colon + 13);
}
function sanitizeTagSegment(name) {
  let out = "";
  for (const ch of name) out += /^[A-Za-z0-9_-]$/.test(ch) ? ch : "-";
  out = out.replace(/-+/g, "-").replace(/^-+|-+$/g, "");
  if (out.length > SEGMENT_MAX) out = out.slice(0, SEGMENT_MAX).replace(/-+$/, "");
  return out === "" ? "unnamed" : out;
}
function weightTag(name, setDigest2) {
  const short = shortDigest(setDigest2);
  const segment = sanitizeTagSegment(name);
  return short === "" ? WEIGHT_TAG_PREFIX + segment : `${WEIGHT_TAG_PREFIX}${segment}.${short}`;
}
function imageTag(modelTag) {
  return IMAGE_TAG_PREFIX + modelTag;
}
function timestampTag(now) {
  return now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
}

// src/config/lists.ts
var ListInputError = class extends Error {
  name = "ListInputError";
};
function parseList(text, separators = /[\n,]/) {
  return text.split(separators).map((s) => s.trim()).filter(Boolean);
}
function parseTags(text) {
  const out = [];
  for (const entry of parseList(text)) {
    if (entry.includes("@"))
      throw new ListInputError(`input 'tags': "${entry}" is a digest reference, not a tag`);
    const slash = entry.lastIndexOf("/");
    const colon = entry.lastIndexOf(":");
    const full = slash >= 0 || colon >= 0;
    if (full && colon < slash)
      throw new ListInputError(`input 'tags': "${entry}" names a repository but no tag`);
    const tag = full ? entry.slice(colon + 1) : entry;
    const problem = userTagProblem(tag);
    if (problem) throw new ListInputError(`input 'tags': "${entry}": ${problem}`);
    if (!out.some((t) => t.tag === tag))
      out.push(full ? { tag, repository: entry.slice(0, colon) } : { tag });
  }
  return out;
}
function parseAnnotations(text) {
  const out = {};
  for (const entry of parseList(text, /\n/)) {
    const m = /^(?:([a-z-]+):)?([^=:\s][^=\s]*)=(.*)$/s.exec(entry);
    const level = m?.[1];
    if (!m || level !== void 0 && level !== "index" && level !== "manifest")
      throw new ListInputError(
        `input 'annotations': "${entry}" must be key=value, optionally after index: or manifest: (docker/metadata-action's form)`
      );
    out[m[2]] = m[3];
  }
  return out;
}

// src/config/input-error.ts
var InputError = class extends Error {
  name = "InputError";
};

// src/config/build-options.ts
var NO_BUILD_OPTIONS = {
  secrets: [],
  noCache: false,
  buildArgs: [],
  target: void 0,
  labels: [],
  file: void 0,
  network: void 0,
  cacheFrom: [],
  cacheTo: [],
  progress: void 0,
  useCudaBaseImage: void 0,
  useCogBaseImage: void 0,
  openapiSchema: void 0
};
var APPLIES = {
  secrets: { builders: ["cog", "docker", "buildah"], why: "" },
  "no-cache": { builders: ["cog", "docker", "buildah"], why: "" },
  "build-args": {
    builders: ["docker", "buildah"],
    why: "Cog builds from cog.yaml, which takes no build args"
  },
  target: { builders: ["docker", "buildah"], why: "Cog generates a Dockerfile of one stage" },
  labels: { builders: ["docker", "buildah"], why: "Cog sets its own labels" },
  file: { builders: ["cog", "docker", "buildah"], why: "" },
  network: { builders: ["docker", "buildah"], why: "`cog build` has no network flag" },
  "cache-from": {
    builders: ["docker"],
    why: "only docker (buildx, or an image with inline cache) takes a cache source; `build: cog` has Cog's inline cache only"
  },
  "cache-to": {
    builders: ["docker"],
    why: "only docker buildx exports a build cache; `build: cog` has Cog's inline cache only"
  },
  progress: { builders: ["cog", "docker"], why: "buildah has no --progress" },
  "use-cuda-base-image": { builders: ["cog"], why: "it is a flag of `cog build`" },
  "use-cog-base-image": { builders: ["cog"], why: "it is a flag of `cog build`" },
  "openapi-schema": { builders: ["cog"], why: "it is a flag of `cog build`" }
};
var BUILD_OPTION_INPUTS = Object.keys(APPLIES);
function lines(read, name) {
  return read(name).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}
function oneOf(read, name, allowed) {
  const v = read(name);
  if (v === "") return void 0;
  if (!allowed.includes(v))
    throw new InputError(`input '${name}' must be one of ${allowed.join(", ")}; got "${v}"`);
  return v;
}
function parseSecret(item) {
  const fields = /* @__PURE__ */ new Map();
  for (const part of item.split(",")) {
    const eq = part.indexOf("=");
    const key = eq < 0 ? "" : part.slice(0, eq).trim();
    if (!["id", "src", "env"].includes(key) || fields.has(key))
      throw new InputError(
        `input 'secrets': each line is id=NAME,src=FILE or id=NAME,env=VARIABLE; got a line with ${key ? JSON.stringify(key.slice(0, 40)) : "a part that is not key=value"}`
      );
    fields.set(key, part.slice(eq + 1).trim());
  }
  const id = fields.get("id");
  if (!id || !/^[A-Za-z0-9_.-]+$/.test(id))
    throw new InputError("input 'secrets': each line needs id=NAME (letters, digits, _ . -)");
  const src = fields.get("src");
  const env = fields.get("env");
  if (src === void 0 === (env === void 0) || src === "" || env === "")
    throw new InputError(`input 'secrets': secret "${id}" needs one of src=FILE or env=VARIABLE`);
  if (env !== void 0 && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(env))
    throw new InputError(`input 'secrets': secret "${id}": env=${env} is not a variable name`);
  return { id, src, env };
}
function pairs(read, name, what) {
  const items = lines(read, name);
  for (const item of items)
    if (!/^[^=\s]+=/.test(item))
      throw new InputError(`input '${name}': each line is ${what}; got "${item.split("=")[0]}"`);
  return items;
}
function parseBuildOptions(read, builder) {
  for (const [name, rule] of Object.entries(APPLIES)) {
    if (read(name) === "") continue;
    if (builder === "none")
      throw new InputError(
        `input '${name}' is a build option, but nothing is built: 'image' is a prebuilt image (build: none)`
      );
    if (!rule.builders.includes(builder))
      throw new InputError(`input '${name}' does not apply to build: ${builder} (${rule.why})`);
  }
  const bool2 = (name) => {
    const v = oneOf(read, name, ["true", "false"]);
    return v === void 0 ? void 0 : v === "true";
  };
  return {
    secrets: lines(read, "secrets").map(parseSecret),
    noCache: bool2("no-cache") ?? false,
    buildArgs: pairs(read, "build-args", "NAME=value"),
    target: read("target") || void 0,
    labels: pairs(read, "labels", "key=value"),
    file: read("file") || void 0,
    network: oneOf(read, "network", ["host", "none", "default"]),
    cacheFrom: lines(read, "cache-from"),
    cacheTo: lines(read, "cache-to"),
    progress: oneOf(read, "progress", ["auto", "plain", "tty"]),
    useCudaBaseImage: oneOf(read, "use-cuda-base-image", ["true", "false", "auto"]),
    useCogBaseImage: bool2("use-cog-base-image"),
    openapiSchema: read("openapi-schema") || void 0
  };
}

// src/config/inputs.ts
var DEFAULT_CACHE_MAX_SIZE = "2GB";
var MODEL_REF_INPUTS = {
  model: "COG_MODEL",
  registry: "COG_MODEL_REGISTRY",
  repository: "COG_MODEL_REPO",
  tag: "COG_MODEL_TAG"
};
function bool(read, name, fallback) {
  const v = read(name).toLowerCase();
  if (v === "") return fallback;
  if (v === "true") return true;
  if (v === "false") return false;
  throw new InputError(`input '${name}' must be true or false, got "${read(name)}"`);
}
var UNITS = {
  "": 1,
  B: 1,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  KIB: 1024,
  MIB: 1024 ** 2,
  GIB: 1024 ** 3,
  TIB: 1024 ** 4
};
function byteSize(read, name, fallback) {
  const text = read(name) || fallback;
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = m ? UNITS[m[2].toUpperCase()] : void 0;
  if (!m || unit === void 0) {
    throw new InputError(
      `input '${name}' must be a size such as 10GB, 500MiB or 1048576; got "${text}"`
    );
  }
  return Math.floor(Number(m[1]) * unit);
}
function verifyMode(read) {
  const v = read("verify").toLowerCase();
  if (v === "full") return "full";
  if (v === "" || v === "true") return "digests";
  if (v === "false") return "off";
  throw new InputError(`input 'verify' must be true, false or full, got "${read("verify")}"`);
}
function parseInputs(read, env) {
  const { modelRef, tags } = modelRefInputs(read, env.modelRef);
  const { build, image } = buildInputs(read);
  const platform = platformInput(read);
  const concurrency = wholeInput(read, "concurrency", 4);
  const downloadConnections = wholeInput(read, "download-connections", 8);
  const { username, password } = credentialInputs(read);
  return {
    workingDirectory: path4.resolve(env.workspace, read("working-directory") || "."),
    config: read("config") || "cog.yaml",
    modelRef,
    username,
    password,
    replicateToken: read("replicate-token") || void 0,
    build,
    image,
    platform,
    platformGiven: read("platform") !== "",
    to: read("to") || void 0,
    importWeights: bool(read, "import-weights", false),
    concurrency,
    downloadConnections,
    dryRun: bool(read, "dry-run", false),
    summary: bool(read, "summary", true),
    verify: verifyMode(read),
    cache: bool(read, "cache", true),
    cacheMaxSize: byteSize(read, "cache-max-size", DEFAULT_CACHE_MAX_SIZE),
    insecureRegistries: read("insecure-registries").split(/[\s,]+/).filter(Boolean),
    tags,
    annotations: listInput(() => parseAnnotations(read("annotations"))),
    compressLayers: bool(read, "compress-layers", true),
    buildOptions: parseBuildOptions(read, build)
  };
}
function modelRefInputs(read, variables) {
  const modelRef = {
    COG_REGISTRY_HOST: variables["COG_REGISTRY_HOST"]
  };
  for (const [input, variable] of Object.entries(MODEL_REF_INPUTS)) {
    modelRef[variable] = read(input) || variables[variable];
  }
  const tag = read("tag");
  const tagProblem = tag ? userTagProblem(tag) : void 0;
  if (tagProblem) throw new InputError(`input 'tag': "${tag}": ${tagProblem}`);
  const repository = read("repository");
  if (repository !== repository.toLowerCase())
    throw new InputError(
      `input 'repository' must be lowercase, as OCI repository names are: got "${repository}" (\`\${{ github.repository }}\` keeps the capitals of the owner and the repository: lowercase it first)`
    );
  const tags = listInput(() => parseTags(read("tags")));
  if (tags.length > 0 && read("tag"))
    throw new InputError("inputs 'tag' and 'tags' both name the model tag: set one of them");
  if (tags.length > 0) modelRef["COG_MODEL_TAG"] = tags[0].tag;
  return { modelRef, tags };
}
function buildInputs(read) {
  const image = read("image") || void 0;
  const buildInput = read("build");
  const build = buildInput || (image ? "none" : "cog");
  if (build !== "none" && !BUILDERS.includes(build)) {
    throw new InputError(
      `input 'build' must be one of cog, docker, buildah, none; got "${buildInput}"`
    );
  }
  if (build !== "none" && image) {
    throw new InputError(
      `input 'image' is a prebuilt image, so 'build' must be none (got "${build}")`
    );
  }
  if (build === "none" && !image) {
    throw new InputError(
      "input 'build' is none: set 'image' to a prebuilt image (registry ref, oci-layout:DIR, docker-archive:FILE)"
    );
  }
  return { build, image };
}
function platformInput(read) {
  try {
    return parsePlatform(read("platform") || "linux/amd64");
  } catch (e) {
    throw new InputError(`input 'platform': ${e.message}`);
  }
}
function wholeInput(read, name, fallback) {
  const text = read(name) || String(fallback);
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    throw new InputError(`input '${name}' must be a whole number from 1 to 64, got "${text}"`);
  }
  return n;
}
function credentialInputs(read) {
  const username = read("username") || void 0;
  const password = read("password") || void 0;
  if (Boolean(username) !== Boolean(password)) {
    throw new InputError("inputs 'username' and 'password' go together: set both or neither");
  }
  return { username, password };
}
function listInput(parse2) {
  try {
    return parse2();
  } catch (e) {
    if (e instanceof ListInputError) throw new InputError(e.message);
    throw e;
  }
}

// src/publish/ledger.ts
var PushLedger = class {
  planned;
  done = [];
  plan(plan) {
    this.planned = plan;
  }
  record(entry) {
    this.done.push(entry);
  }
  view() {
    return { plan: this.planned, entries: [...this.done] };
  }
};

// src/cog/modelref.ts
var DEFAULT_MODEL_REGISTRY = "r8.im";
var ModelRefError = class extends Error {
  name = "ModelRefError";
};
var NO_MODEL_REF = "no model ref \u2014 set 'model' in cog.yaml or COG_MODEL";
var IMAGE_ENV_CONFLICT = [
  "'image' in cog.yaml cannot be combined with COG_MODEL* env vars",
  "  remove 'image' from cog.yaml (use 'model' instead), or",
  "  unset COG_MODEL, COG_MODEL_REGISTRY, COG_MODEL_REPO, COG_MODEL_TAG"
].join("\n");
function nonEmpty(v) {
  return v === void 0 || v === "" ? void 0 : v;
}
function resolveModelRef(fields, env, now) {
  const image = nonEmpty(fields.image);
  const ref = resolveBundleRef(nonEmpty(fields.model), env, now);
  if (ref) {
    if (image) throw new ModelRefError(IMAGE_ENV_CONFLICT);
    return { format: "bundle", ref };
  }
  if (image) {
    try {
      return { format: "image", ref: parseReference(image) };
    } catch (e) {
      throw new ModelRefError(`invalid 'image' in cog.yaml: ${e.message}`);
    }
  }
  throw new ModelRefError(NO_MODEL_REF);
}
function envRegistryOf(env) {
  const value = nonEmpty(env.COG_MODEL_REGISTRY);
  if (value === void 0) return void 0;
  let ok = !value.includes("/") && !value.includes("@");
  try {
    if (ok) checkRegistry(value);
  } catch {
    ok = false;
  }
  if (!ok)
    throw new ModelRefError(
      `invalid COG_MODEL_REGISTRY "${value}": must be a bare host (no path, tag, or digest)`
    );
  return value;
}
function envRepoOf(env) {
  const value = nonEmpty(env.COG_MODEL_REPO);
  if (value === void 0) return void 0;
  const bad = `invalid COG_MODEL_REPO "${value}": must be a bare repository path (no host, tag, or digest)`;
  if (value.includes(":") || value.includes("@")) throw new ModelRefError(bad);
  try {
    parseRepository(value);
  } catch (e) {
    throw new ModelRefError(`${bad}: ${e.message}`);
  }
  return value;
}
function envTagOf(env) {
  const value = nonEmpty(env.COG_MODEL_TAG);
  if (value === void 0) return void 0;
  const problem = userTagProblem(value);
  if (problem) throw new ModelRefError(`invalid COG_MODEL_TAG "${value}": ${problem}`);
  return value;
}
function resolveBundleRef(model, env, now) {
  const whole = nonEmpty(env.COG_MODEL);
  if (whole) {
    try {
      return parseReference(whole, timestampTag(now()));
    } catch (e) {
      throw new ModelRefError(`invalid COG_MODEL value: ${e.message}`);
    }
  }
  const envRegistry = envRegistryOf(env);
  const envRepoPath = envRepoOf(env);
  const envTag = envTagOf(env);
  let baseRegistry;
  let baseRepo;
  if (model) {
    try {
      const parsed = parseRepository(model);
      baseRegistry = parsed.registry;
      baseRepo = parsed.repository;
    } catch (e) {
      throw new ModelRefError(`invalid 'model' in cog.yaml: ${e.message}`);
    }
  }
  const registry = envRegistry ?? baseRegistry ?? nonEmpty(env.COG_REGISTRY_HOST) ?? DEFAULT_MODEL_REGISTRY;
  const repository = envRepoPath ?? baseRepo;
  if (!repository) return void 0;
  const tag = envTag ?? timestampTag(now());
  const composed = `${registry}/${repository}:${tag}`;
  try {
    return parseTagged(composed, tag);
  } catch (e) {
    if (e instanceof ReferenceError2) {
      throw new ModelRefError(`invalid model reference "${composed}": ${e.message}`);
    }
    throw e;
  }
}
function assertPushable(ref) {
  if (ref.tag === null) {
    throw new ModelRefError(
      `cannot push to digest-pinned ref "${referenceString(ref)}": model push requires a tag`
    );
  }
}

// src/cog/project.ts
async function loadProject(request) {
  const config = await loadCogConfig(request.dir, request.configName);
  const target = resolveModelRef(config, request.env, request.now ?? (() => /* @__PURE__ */ new Date()));
  return { config, target };
}

// src/weights/lockfile.ts
import { open, readFile, rename, rm } from "node:fs/promises";
import path5 from "node:path";

// src/util/hashpool.ts
import { createHash } from "node:crypto";
import { createReadStream as createReadStream2 } from "node:fs";
import { availableParallelism } from "node:os";

// src/util/worker-calls.ts
import { Worker } from "node:worker_threads";
var WorkerCalls = class {
  worker;
  waiting = /* @__PURE__ */ new Map();
  seq = 0;
  failure;
  /** `source`: the worker's code, evaluated (no file to find from the bundle or the tests). */
  constructor(source, what, options = {}) {
    this.worker = new Worker(source, { ...options, eval: true });
    this.worker.on("message", (m) => {
      const w = this.waiting.get(m.seq);
      this.waiting.delete(m.seq);
      if (m.error !== void 0) w?.reject(new Error(m.error));
      else w?.resolve(m);
    });
    this.worker.on("error", (e) => this.fail(e));
    this.worker.on("exit", (code) => {
      if (this.waiting.size > 0) this.fail(new Error(`${what} exited with code ${code}`));
    });
  }
  fail(e) {
    this.failure = e;
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
  }
  /** Post `message` (moving `transfer`), and resolve with its reply. */
  call(message, transfer = []) {
    if (this.failure) return Promise.reject(this.failure);
    const seq = this.seq++;
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      this.worker.postMessage({ ...message, seq }, transfer);
    });
  }
  terminate() {
    return this.worker.terminate();
  }
};

// src/util/pool.ts
var BufferPool = class {
  constructor(count, make) {
    this.count = count;
    this.make = make;
  }
  count;
  make;
  free = [];
  waiting = [];
  made = 0;
  acquire() {
    const buffer = this.free.pop();
    if (buffer !== void 0) return Promise.resolve(buffer);
    if (this.made < this.count) return Promise.resolve(this.make(this.made++));
    return new Promise((resolve) => this.waiting.push(resolve));
  }
  release(buffer) {
    const next = this.waiting.shift();
    if (next) next(buffer);
    else this.free.push(buffer);
  }
  /** Buffers nobody holds. */
  get idle() {
    return this.free.length + this.count - this.made;
  }
};

// src/util/hashpool.ts
var WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, fstatSync, closeSync } = require('node:fs');
const hashes = new Map();
parentPort.on('message', (m) => {
  if (m.op === 'update') {
    let h = hashes.get(m.id);
    if (!h) { h = createHash('sha256'); hashes.set(m.id, h); }
    h.update(m.sab ? new Uint8Array(m.sab, m.offset, m.length) : m.data);
    parentPort.postMessage({ seq: m.seq });
  } else if (m.op === 'file') {
    // Read the bytes here, on this thread: a second reader of a file the page cache holds
    // costs little, and the thread that hashes needs no hand-off of shared slots.
    let h = hashes.get(m.id);
    if (!h) { h = createHash('sha256'); hashes.set(m.id, h); }
    let fd;
    try {
      fd = openSync(m.path, 'r');
      const buffer = Buffer.allocUnsafe(4 << 20);
      let done = 0;
      while (done < m.size) {
        const n = readSync(fd, buffer, 0, Math.min(buffer.length, m.size - done), done);
        if (n === 0) break;
        h.update(buffer.subarray(0, n));
        done += n;
      }
      const size = fstatSync(fd).size;
      parentPort.postMessage(size === m.size && done === m.size
        ? { seq: m.seq }
        : { seq: m.seq, error: m.path + ' changed while packing: expected ' + m.size + ' bytes, found ' + (done < m.size ? done : size) });
    } catch (e) {
      parentPort.postMessage({ seq: m.seq, error: 'cannot read ' + m.path + ': ' + e.message });
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  } else if (m.op === 'digest') {
    const h = hashes.get(m.id) || createHash('sha256');
    hashes.delete(m.id);
    parentPort.postMessage({ seq: m.seq, hex: h.digest('hex') });
  }
});
`;
var HashWorker = class extends WorkerCalls {
  /** Hash streams currently assigned: used to spread new streams over the workers. */
  active = 0;
  constructor() {
    super(WORKER_SOURCE, "hash worker");
  }
};
var SHARE_MIN = 64 * 1024;
var SLOT_SIZE = 4 * 1024 * 1024;
var SLOTS_PER_WORKER = 4;
var SlotRing = class extends BufferPool {
  constructor(slots, slotSize) {
    const sab = new SharedArrayBuffer(slots * slotSize);
    super(slots, (i) => new Uint8Array(sab, i * slotSize, slotSize));
  }
};
var HashPool = class {
  started;
  nextId = 0;
  ring;
  count;
  /** Workers start on the first hash: a run that hashes nothing here (gzip layers) costs none. */
  constructor(size = Math.max(1, Math.min(availableParallelism(), 8))) {
    this.count = size;
  }
  get workers() {
    this.started ??= Array.from({ length: this.count }, () => new HashWorker());
    return this.started;
  }
  /** The shared read buffers of this pool. */
  get slots() {
    this.ring ??= new SlotRing(this.count * SLOTS_PER_WORKER, SLOT_SIZE);
    return this.ring;
  }
  get size() {
    return this.count;
  }
  /** Hashes created and not yet digested or disposed, over all workers. */
  get open() {
    return (this.started ?? []).reduce((n, w) => n + w.active, 0);
  }
  create() {
    const worker = this.workers.reduce((a, b) => b.active < a.active ? b : a);
    worker.active++;
    const id = this.nextId++;
    let done = false;
    return {
      update: async (data) => {
        if (done) throw new Error("hash already digested");
        const shared = data.buffer instanceof SharedArrayBuffer && data.length >= SHARE_MIN;
        await worker.call(
          shared ? { op: "update", id, sab: data.buffer, offset: data.byteOffset, length: data.length } : { op: "update", id, data: data.slice() }
        );
      },
      updateFromFile: async (path25, size) => {
        if (done) throw new Error("hash already digested");
        await worker.call({ op: "file", id, path: path25, size });
      },
      digest: async () => {
        if (done) throw new Error("hash already digested");
        done = true;
        try {
          return `sha256:${(await worker.call({ op: "digest", id })).hex}`;
        } finally {
          worker.active--;
        }
      },
      dispose: async () => {
        if (done) return;
        done = true;
        worker.active--;
        await worker.call({ op: "digest", id }).catch(() => void 0);
      }
    };
  }
  async close() {
    await Promise.all((this.started ?? []).map((w) => w.terminate()));
  }
};
function sha256(data) {
  return "sha256:" + createHash("sha256").update(data).digest("hex");
}
async function sha256File(file, range) {
  const hash = createHash("sha256");
  if (!range || range.size > 0) {
    const stream = createReadStream2(file, {
      highWaterMark: 4 << 20,
      ...range ? { start: range.start, end: range.start + range.size - 1 } : {}
    });
    for await (const chunk of stream) hash.update(chunk);
  }
  return `sha256:${hash.digest("hex")}`;
}

// src/weights/paths.ts
function pathProblem(rel) {
  if (rel === "") return "is empty";
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(rel))
    return "is not valid UTF-8";
  if (/[\x00-\x1f\x7f]/.test(rel)) return "contains a control character";
  if (rel.includes("\\")) return "contains a backslash";
  if (rel.startsWith("/") || rel.startsWith("./")) return "is not a clean relative path";
  if (rel.split("/").some((part) => part === ".." || part === "." || part === "")) {
    return "is not a clean relative path";
  }
  return void 0;
}

// src/weights/lockfile.ts
var LOCKFILE_NAME = "weights.lock";
var ENVELOPE = {
  bundleFileMax: 67108864,
  bundleSizeMax: 268435456,
  gzipLevelBundle: 9,
  gzipLevelLarge: -1,
  incompressibleExts: [".bin", ".gguf", ".onnx", ".parquet", ".pt", ".pth", ".safetensors"],
  mediaTypeCompressed: "application/vnd.oci.image.layer.v1.tar+gzip",
  mediaTypeRaw: "application/vnd.oci.image.layer.v1.tar",
  revision: 1
};
var COG_ENVELOPE_FORMAT = sha256(goMarshal(ENVELOPE));
var COMPRESSOR = "pako@2.1.0";
var OUR_ENVELOPE_FORMAT = sha256(
  goMarshal(goMap({ ...ENVELOPE, compressor: COMPRESSOR }))
);
function envelopeFor(weights, cogGzip = () => false) {
  const ours = weights.some(
    (w) => !cogGzip(w) && w.layers.some((l) => l.mediaType === ENVELOPE.mediaTypeCompressed)
  );
  return ours ? OUR_ENVELOPE_FORMAT : COG_ENVELOPE_FORMAT;
}
var LockfileError = class extends Error {
  name = "LockfileError";
};
function fail(file, field2, message) {
  throw new LockfileError(`${file}: ${field2}: ${message}`);
}
function str(v, file, field2) {
  if (typeof v !== "string")
    fail(file, field2, `must be a string, got ${JSON.stringify(v) ?? "nothing"}`);
  return v;
}
function int(v, file, field2) {
  if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0) {
    fail(file, field2, `must be a non-negative integer, got ${JSON.stringify(v) ?? "nothing"}`);
  }
  return v;
}
function digest(v, file, field2) {
  const s = str(v, file, field2);
  if (!isDigest(s)) fail(file, field2, `must be sha256:<64 hex>, got "${s}"`);
  return s;
}
function list(v, file, field2) {
  if (!Array.isArray(v)) fail(file, field2, "must be a list");
  return v;
}
function patterns(v, file, field2) {
  if (v === null || v === void 0) return [];
  return list(v, file, field2).map((p, i) => str(p, file, `${field2}[${i}]`));
}
function parseLockfile(text, file = LOCKFILE_NAME) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new LockfileError(`${file}: not valid JSON: ${e.message}`);
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    fail(file, "(root)", "must be an object");
  if (raw["version"] !== 1) {
    fail(
      file,
      "version",
      `unsupported weights.lock version ${JSON.stringify(raw["version"]) ?? 0} (want 1)`
    );
  }
  const envelopeFormat = raw["envelopeFormat"] === void 0 ? "" : str(raw["envelopeFormat"], file, "envelopeFormat");
  const seen = { names: /* @__PURE__ */ new Set(), targets: /* @__PURE__ */ new Set() };
  const weights = list(raw["weights"] ?? [], file, "weights").map(
    (w, i) => parseEntry(w, file, `weights[${i}]`, seen)
  );
  return { version: 1, envelopeFormat, weights };
}
function object(v, file, at) {
  if (typeof v !== "object" || v === null) fail(file, at, "must be an object");
  return v;
}
function parseEntry(w, file, at, seen) {
  const e = object(w, file, at);
  const name = str(e["name"], file, `${at}.name`);
  if (seen.names.has(name)) fail(file, `${at}.name`, `duplicate weight name "${shown(name)}"`);
  seen.names.add(name);
  const target = str(e["target"], file, `${at}.target`);
  const clean = cleanPosix(target);
  if (target !== "" && seen.targets.has(clean))
    fail(file, `${at}.target`, `duplicate weight target "${clean}"`);
  seen.targets.add(clean);
  return {
    name,
    target,
    sources: list(e["sources"] ?? [], file, `${at}.sources`).map((s, j) => {
      const src = s ?? {};
      const sat = `${at}.sources[${j}]`;
      return {
        uri: str(src["uri"], file, `${sat}.uri`),
        fingerprint: str(src["fingerprint"] ?? "", file, `${sat}.fingerprint`),
        include: patterns(src["include"], file, `${sat}.include`),
        exclude: patterns(src["exclude"], file, `${sat}.exclude`)
      };
    }),
    importedAt: str(e["importedAt"] ?? "", file, `${at}.importedAt`),
    digest: digest(e["digest"], file, `${at}.digest`),
    setDigest: digest(e["setDigest"], file, `${at}.setDigest`),
    size: int(e["size"], file, `${at}.size`),
    sizeCompressed: int(e["sizeCompressed"], file, `${at}.sizeCompressed`),
    files: list(e["files"] ?? [], file, `${at}.files`).map(
      (f, j) => parseFile(f, file, `${at}.files[${j}]`)
    ),
    layers: list(e["layers"] ?? [], file, `${at}.layers`).map((l, j) => {
      const x = l ?? {};
      const lat = `${at}.layers[${j}]`;
      return {
        digest: digest(x["digest"], file, `${lat}.digest`),
        mediaType: str(x["mediaType"], file, `${lat}.mediaType`),
        size: int(x["size"], file, `${lat}.size`),
        sizeUncompressed: int(x["sizeUncompressed"], file, `${lat}.sizeUncompressed`)
      };
    })
  };
}
function parseFile(f, file, at) {
  const x = f ?? {};
  const p = str(x["path"], file, `${at}.path`);
  const problem = pathProblem(p);
  if (problem) fail(file, `${at}.path`, `${JSON.stringify(p)} ${problem}`);
  return {
    path: p,
    size: int(x["size"], file, `${at}.size`),
    digest: digest(x["digest"], file, `${at}.digest`),
    layer: digest(x["layer"], file, `${at}.layer`)
  };
}
function serializeLockfile(lock) {
  const sorted2 = (xs) => xs.map((x) => x.trim()).sort(compareUtf8);
  const json = {
    version: lock.version,
    envelopeFormat: lock.envelopeFormat,
    weights: lock.weights.map((w) => ({
      name: w.name,
      target: w.target,
      sources: w.sources.map((s) => ({
        uri: s.uri,
        fingerprint: s.fingerprint,
        include: sorted2(s.include),
        exclude: sorted2(s.exclude)
      })),
      importedAt: w.importedAt,
      digest: w.digest,
      setDigest: w.setDigest,
      size: w.size,
      sizeCompressed: w.sizeCompressed,
      files: lockedFiles(w.files),
      layers: lockedLayers(w.layers)
    }))
  };
  return goMarshal(json, "  ");
}
function lockedFiles(files) {
  return [...files].sort((a, b) => compareUtf8(a.path, b.path)).map((f) => ({ path: f.path, size: f.size, digest: f.digest, layer: f.layer }));
}
function lockedLayers(layers) {
  return [...layers].sort((a, b) => compareUtf8(a.digest, b.digest)).map((l) => ({
    digest: l.digest,
    mediaType: l.mediaType,
    size: l.size,
    sizeUncompressed: l.sizeUncompressed
  }));
}
function lockfilePath(projectDir) {
  return path5.join(projectDir, LOCKFILE_NAME);
}
async function readLockfile(projectDir) {
  const file = lockfilePath(projectDir);
  let text;
  try {
    text = await readSmallFile(file, "the file");
  } catch (e) {
    if (e.code === "ENOENT") return void 0;
    throw new LockfileError(`${file}: ${e.message}`);
  }
  return parseLockfile(text, file);
}
async function writeLockfile(projectDir, lock) {
  const file = lockfilePath(projectDir);
  const text = serializeLockfile(lock);
  const old = await readFile(file, "utf8").catch(() => void 0);
  if (old === text) return { path: file, changed: false };
  const tmp = path5.join(projectDir, `.weights-${process.pid}-${Date.now()}.lock.tmp`);
  try {
    const handle = await open(tmp, "w", 420);
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  return { path: file, changed: true };
}
function lockEntry(packed, sources, importedAt) {
  const a = packed.artifact;
  return {
    name: a.name,
    target: a.target,
    sources,
    importedAt,
    digest: a.manifestDigest,
    setDigest: a.setDigest,
    size: a.sizeUncompressed,
    sizeCompressed: packed.layers.reduce((n, l) => n + l.size, 0),
    files: lockedFiles(packed.files),
    layers: lockedLayers(packed.layers)
  };
}

// src/publish/image.ts
import { rm as rm4 } from "node:fs/promises";

// src/image/archive.ts
import { createReadStream as createReadStream3 } from "node:fs";
import { open as open2 } from "node:fs/promises";

// src/oci/target.ts
function bytesBlob(digest2, bytes) {
  return {
    digest: digest2,
    size: bytes.length,
    async *open(offset = 0) {
      if (offset < bytes.length) yield bytes.subarray(offset);
    }
  };
}
var ArrivedBlobs = class {
  sizes = /* @__PURE__ */ new Map();
  record(digest2, size) {
    this.sizes.set(digest2, size);
  }
  has(digest2) {
    return this.sizes.has(digest2);
  }
  /** The bytes written for `digest` as it arrived, if not counted yet; then it is counted. */
  claim(digest2) {
    const size = this.sizes.get(digest2);
    this.sizes.delete(digest2);
    return size;
  }
};
function recordedWriter(writer, arrived) {
  return {
    write: (data, position) => writer.write(data, position),
    commit: async (digest2, size) => {
      await writer.commit(digest2, size);
      arrived.record(digest2, size);
    },
    abort: () => writer.abort()
  };
}
var TargetError = class extends Error {
  name = "TargetError";
};
var RestartBlobError = class extends TargetError {
  name = "RestartBlobError";
};

// src/image/archive.ts
var NAME_HEADER_LIMIT = 1024 * 1024;
function field(block, start, length) {
  const raw = block.subarray(start, start + length);
  const nul = raw.indexOf(0);
  return raw.subarray(0, nul < 0 ? length : nul).toString("utf8");
}
function octal(block, start, length) {
  if (block[start] & 128) {
    let n = 0;
    for (let i = start + 1; i < start + length; i++) n = n * 256 + block[i];
    return n;
  }
  const text = field(block, start, length).trim();
  return text === "" ? 0 : parseInt(text, 8);
}
async function indexTar(file, shownAs) {
  const entries = /* @__PURE__ */ new Map();
  const handle = await open2(file, "r");
  try {
    const fileSize = (await handle.stat()).size;
    const block = Buffer.alloc(512);
    let at = 0;
    let longName;
    for (; ; ) {
      const { bytesRead } = await handle.read(block, 0, 512, at);
      if (bytesRead < 512 || block.every((b) => b === 0)) break;
      const type = String.fromCharCode(block[156]);
      const size = octal(block, 124, 12);
      const data = at + 512;
      if (!Number.isSafeInteger(size) || size < 0)
        throw new TargetError(`${shownAs}: not a tar (bad header at byte ${at})`);
      if (data + size > fileSize)
        throw new TargetError(
          `${shownAs}: an entry at byte ${at} claims ${size} bytes, past the end of the ${fileSize}-byte archive`
        );
      if ((type === "L" || type === "x") && size > NAME_HEADER_LIMIT)
        throw new TargetError(
          `${shownAs}: a ${type === "x" ? "PAX" : "long-name"} header at byte ${at} claims ${size} bytes`
        );
      let name = field(block, 0, 100);
      const prefix = field(block, 345, 155);
      if (prefix && field(block, 257, 6).startsWith("ustar")) name = `${prefix}/${name}`;
      if (type === "L" || type === "x") {
        const body = Buffer.alloc(size);
        await handle.read(body, 0, size, data);
        if (type === "L") longName = field(body, 0, size);
        else {
          const m = /\d+ path=([^\n]*)\n/.exec(body.toString("utf8"));
          if (m) longName = m[1];
        }
      } else {
        if (type === "0" || type === "\0")
          entries.set((longName ?? name).replace(/^\.\//, ""), { offset: data, size });
        longName = void 0;
      }
      at = data + Math.ceil(size / 512) * 512;
    }
  } finally {
    await handle.close();
  }
  return entries;
}
function isSavedImage(x) {
  return typeof x === "object" && x !== null && typeof x.Config === "string" && Array.isArray(x.Layers) && x.Layers.every((l) => typeof l === "string");
}
var ArchiveEntries = class _ArchiveEntries {
  constructor(file, entries) {
    this.file = file;
    this.entries = entries;
  }
  file;
  entries;
  static async index(file) {
    try {
      return new _ArchiveEntries(file, await indexTar(file, `docker-archive:${file}`));
    } catch (e) {
      if (e instanceof TargetError) throw e;
      throw new TargetError(`docker-archive:${file}: ${e.message}`);
    }
  }
  /** The entry manifest.json names: missing, manifest.json is at fault. */
  named(kind, name) {
    const entry = this.entries.get(name);
    if (!entry)
      throw new TargetError(
        `docker-archive:${this.file}: manifest.json names ${kind} ${JSON.stringify(shown(name))}, which is not in the archive`
      );
    return entry;
  }
  /** A small entry's bytes (manifest.json, the config), refused past the body limit. */
  async read(name) {
    const e = this.entries.get(name);
    if (!e)
      throw new TargetError(
        `docker-archive:${this.file}: no ${name} in the archive (is it a \`docker save\` tar?)`
      );
    return smallEntry(this.file, e, `docker-archive:${this.file}: ${name}`);
  }
  /** The one image manifest.json lists. */
  async savedImage() {
    let list2;
    try {
      list2 = JSON.parse((await this.read("manifest.json")).toString("utf8"));
    } catch (e) {
      if (e instanceof TargetError) throw e;
      throw new TargetError(
        `docker-archive:${this.file}: manifest.json is not JSON: ${e.message}`
      );
    }
    if (!Array.isArray(list2) || !list2.every(isSavedImage))
      throw new TargetError(
        `docker-archive:${this.file}: manifest.json is not a list of {Config, Layers} (is it a \`docker save\` tar?)`
      );
    const image = list2[0];
    if (!image) throw new TargetError(`docker-archive:${this.file}: manifest.json lists no image`);
    if (list2.length > 1)
      throw new TargetError(
        `docker-archive:${this.file}: holds ${list2.length} images; save one image per archive`
      );
    return image;
  }
  /** A layer as the manifest describes it: digest from an OCI-style name, else hashed. */
  async layer(name) {
    const entry = this.named("layer", name);
    const head = await bytesAt(this.file, entry.offset, Math.min(2, entry.size));
    const gzip2 = head[0] === 31 && head[1] === 139;
    const hex = name.startsWith("blobs/sha256/") ? name.slice("blobs/sha256/".length) : "";
    const digest2 = DIGEST_HEX_PATTERN.test(hex) ? `sha256:${hex}` : await sha256File(this.file, { start: entry.offset, size: entry.size });
    return {
      entry,
      digest: digest2,
      mediaType: gzip2 ? MEDIA_TYPE.dockerLayerGzip : MEDIA_TYPE.dockerLayer
    };
  }
};
var DockerArchive = class _DockerArchive {
  constructor(file, manifest, blobs) {
    this.file = file;
    this.manifest = manifest;
    this.blobs = blobs;
    this.name = `docker-archive:${file}`;
  }
  file;
  manifest;
  blobs;
  name;
  static async open(file) {
    const archive = await ArchiveEntries.index(file);
    const image = await archive.savedImage();
    const configEntry = archive.named("config", image.Config);
    const config = await archive.read(image.Config);
    const layers = [];
    for (const name of image.Layers) layers.push(await archive.layer(name));
    const bytes = new TextEncoder().encode(
      goMarshal({
        schemaVersion: 2,
        mediaType: MEDIA_TYPE.dockerManifest,
        config: { mediaType: MEDIA_TYPE.dockerConfig, size: config.length, digest: sha256(config) },
        layers: layers.map((l) => ({
          mediaType: l.mediaType,
          size: l.entry.size,
          digest: l.digest
        }))
      })
    );
    const manifest = {
      digest: sha256(bytes),
      mediaType: MEDIA_TYPE.dockerManifest,
      size: bytes.length,
      bytes
    };
    const blobs = new Map([
      [sha256(config), configEntry],
      ...layers.map((l) => [l.digest, l.entry])
    ]);
    return new _DockerArchive(file, manifest, blobs);
  }
  async getManifest() {
    return this.manifest;
  }
  async hasManifest() {
    const { digest: digest2, mediaType, size } = this.manifest;
    return { digest: digest2, mediaType, size };
  }
  async *openBlob(digest2) {
    const e = this.blobs.get(digest2);
    if (!e) throw new TargetError(`${this.name}: no blob ${digest2}`);
    yield* entryStream(this.file, e);
  }
};
async function smallEntry(file, e, what) {
  if (e.size > BODY_LIMIT.file)
    throw new TargetError(
      `${what} is ${e.size} bytes, larger than ${BODY_LIMIT.file}; refusing to read it`
    );
  return bytesAt(file, e.offset, e.size);
}
async function bytesAt(file, offset, size) {
  const handle = await open2(file, "r");
  try {
    const buf = Buffer.alloc(size);
    await handle.read(buf, 0, size, offset);
    return buf;
  } finally {
    await handle.close();
  }
}
async function* entryStream(file, e) {
  if (e.size === 0) return;
  yield* createReadStream3(file, {
    start: e.offset,
    end: e.offset + e.size - 1,
    highWaterMark: 1 << 20
  });
}

// src/oci/layout.ts
import { createHash as createHash2 } from "node:crypto";
import { once } from "node:events";
import { createReadStream as createReadStream4, createWriteStream } from "node:fs";
import { lstat, mkdir, open as open3, readFile as readFile2, rename as rename2, rm as rm2, stat, writeFile } from "node:fs/promises";
import os2 from "node:os";
import path6 from "node:path";
var REF_NAME = "org.opencontainers.image.ref.name";
function parseIndexJson(text, problem) {
  let index;
  try {
    index = JSON.parse(text);
  } catch (e) {
    throw problem(e.message);
  }
  const manifests = index?.manifests;
  if (typeof index !== "object" || index === null || !Array.isArray(manifests))
    throw problem('no "manifests" array');
  for (const [i, m] of manifests.entries()) {
    const e = m;
    if (typeof e !== "object" || e === null || typeof e.digest !== "string" || !isDigest(e.digest) || typeof e.mediaType !== "string" || typeof e.size !== "number")
      throw problem(`manifests[${i}] is not a descriptor with mediaType, digest and size`);
  }
  return manifests;
}
function findEntry(entries, reference) {
  return entries.find(
    (e) => isDigest(reference) ? e.digest === reference : e.annotations?.[REF_NAME] === reference
  ) ?? null;
}
function defaultReference(entries, name) {
  if (entries.length === 1) return entries[0].digest;
  if (entries.some((e) => e.annotations?.[REF_NAME] === "latest")) return "latest";
  const tags = entries.map((e) => e.annotations?.[REF_NAME]).filter(Boolean);
  throw new TargetError(
    `${name} holds ${entries.length} manifests${tags.length ? ` (tagged ${tags.join(", ")})` : ""}, none tagged latest: name one, as ${name}:TAG or ${name}@sha256:\u2026`
  );
}
var OciLayoutTarget = class {
  constructor(dir) {
    this.dir = dir;
    this.name = `oci-layout:${dir}`;
  }
  dir;
  name;
  arrived = new ArrivedBlobs();
  localReads = true;
  index = Promise.resolve();
  blobPath(digest2) {
    if (!isDigest(digest2)) throw new TargetError(`${this.name}: invalid digest ${digest2}`);
    return path6.join(this.dir, "blobs", "sha256", digest2.slice("sha256:".length));
  }
  async init() {
    await mkdir(path6.join(this.dir, "blobs", "sha256"), { recursive: true });
    const layout = path6.join(this.dir, "oci-layout");
    try {
      await stat(layout);
    } catch {
      await writeFile(layout, JSON.stringify({ imageLayoutVersion: "1.0.0" }));
    }
  }
  async hasBlob(digest2) {
    try {
      return (await stat(this.blobPath(digest2))).size;
    } catch {
      return null;
    }
  }
  /** A local blob is checked again for its size: the check costs a stat, not a round trip. */
  uploadBlob(blob) {
    return this.putBlob(blob);
  }
  async putBlob(blob) {
    if (await this.hasBlob(blob.digest) === blob.size) return { bytesWritten: 0 };
    await this.init();
    const final = this.blobPath(blob.digest);
    const partial = tempName(final, ".partial");
    const hash = createHash2("sha256");
    let size = 0;
    const out = createWriteStream(partial);
    try {
      for await (const chunk of blob.open()) {
        hash.update(chunk);
        size += chunk.length;
        if (size > blob.size)
          throw new TargetError(
            `${this.name}: blob ${blob.digest} is longer than its declared ${blob.size} bytes; refusing the rest`
          );
        if (!out.write(chunk)) await once(out, "drain");
      }
      await new Promise(
        (resolve, reject) => out.end((e) => e ? reject(e) : resolve())
      );
      const digest2 = "sha256:" + hash.digest("hex");
      if (digest2 !== blob.digest || size !== blob.size) {
        throw new TargetError(
          `${this.name}: blob bytes do not match ${blob.digest} (${blob.size} bytes): got ${digest2} (${size} bytes)`
        );
      }
      await rename2(partial, final);
      return { bytesWritten: size };
    } catch (e) {
      out.destroy();
      await rm2(partial, { force: true });
      throw e;
    }
  }
  async blobWriter() {
    await this.init();
    const partial = tempName(`${path6.join(this.dir, "blobs", "sha256")}/`, ".partial");
    const handle = await open3(partial, "w");
    let isOpen = true;
    const close = async () => {
      if (isOpen) await handle.close();
      isOpen = false;
    };
    const writer = {
      write: async (data, position) => {
        await handle.write(data, 0, data.length, position);
      },
      commit: async (digest2, size) => {
        await close();
        const written = (await stat(partial)).size;
        if (written !== size)
          throw new TargetError(`${this.name}: blob ${digest2} has ${written} bytes, not ${size}`);
        await rename2(partial, this.blobPath(digest2));
      },
      abort: async () => {
        await close();
        await rm2(partial, { force: true });
      }
    };
    return recordedWriter(writer, this.arrived);
  }
  async *openBlob(digest2) {
    const file = this.blobPath(digest2);
    if (await this.hasBlob(digest2) === null)
      throw new TargetError(`${this.name}: blob ${digest2} is missing`);
    if (!(await lstat(file)).isFile())
      throw new TargetError(`${this.name}: blob ${digest2} is not a regular file (${file})`);
    yield* createReadStream4(file, { highWaterMark: 1 << 20 });
  }
  async mountBlob() {
    return false;
  }
  /** index.json's entries: none when there is no index yet; a malformed one is an error. */
  async readIndex() {
    const file = path6.join(this.dir, "index.json");
    let text;
    try {
      text = await readFile2(file, "utf8");
    } catch (e) {
      if (e.code === "ENOENT") return [];
      throw new TargetError(`${file}: cannot read it: ${e.message}`);
    }
    return parseIndexJson(
      text,
      (why) => new TargetError(
        `${file} is not a valid OCI image index (${why}); refusing to replace it, which would drop every tag it holds: repair it or move it away`
      )
    );
  }
  /** The manifest a spec without a tag or digest means (defaultReference). */
  async defaultReference() {
    return defaultReference(await this.readIndex(), this.name);
  }
  async find(reference) {
    const entries = await this.readIndex();
    if (isDigest(reference)) {
      const listed = entries.find((e) => e.digest === reference);
      if (listed) return listed;
      try {
        const bytes = await readFile2(this.blobPath(reference));
        return { mediaType: mediaTypeOf(bytes), size: bytes.length, digest: reference };
      } catch {
        return null;
      }
    }
    return findEntry(entries, reference);
  }
  async hasManifest(reference) {
    const e = await this.find(reference);
    return e && await this.hasBlob(e.digest) !== null ? { digest: e.digest, mediaType: e.mediaType, size: e.size } : null;
  }
  async getManifest(reference) {
    const e = await this.find(reference);
    if (!e) return null;
    const bytes = new Uint8Array(await readFile2(this.blobPath(e.digest)));
    if (sha256(bytes) !== e.digest)
      throw new TargetError(`${this.name}: manifest ${e.digest} is corrupt`);
    return { digest: e.digest, mediaType: e.mediaType, size: bytes.length, bytes };
  }
  async putManifest(bytes, mediaType, reference) {
    const digest2 = sha256(bytes);
    if (isDigest(reference) && reference !== digest2) {
      throw new TargetError(`${this.name}: manifest bytes are ${digest2}, not ${reference}`);
    }
    await this.putBlob(bytesBlob(digest2, bytes));
    if (!isDigest(reference)) {
      const update = this.index.then(
        () => withLockFile(path6.join(this.dir, "index.json.lock"), async () => {
          const entries = (await this.readIndex()).filter(
            (e) => e.annotations?.[REF_NAME] !== reference
          );
          entries.push({
            mediaType,
            size: bytes.length,
            digest: digest2,
            annotations: { [REF_NAME]: reference }
          });
          const file = path6.join(this.dir, "index.json");
          const tmp = tempName(file);
          try {
            await writeFile(
              tmp,
              JSON.stringify(
                { schemaVersion: 2, mediaType: MEDIA_TYPE.ociIndex, manifests: entries },
                null,
                2
              )
            );
            await rename2(tmp, file);
          } finally {
            await rm2(tmp, { force: true });
          }
        })
      );
      this.index = update.catch(() => void 0);
      await update;
    }
    return digest2;
  }
};
var STALE_LOCK_MS = 3e4;
var LOCK_WAIT_MS = 12e4;
async function withLockFile(lock, fn) {
  const me = `${os2.hostname()} ${process.pid} ${Math.random().toString(36).slice(2)}`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let wait = 5; ; wait = Math.min(wait * 2, 200)) {
    try {
      await writeFile(lock, me, { flag: "wx" });
      break;
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
    }
    if (await isStale(lock)) {
      await breakStale(lock, me);
      continue;
    }
    if (Date.now() > deadline)
      throw new TargetError(
        `${lock}: another writer has held this lock for over ${LOCK_WAIT_MS / 1e3} s; if none is running, remove the file`
      );
    await new Promise((r) => setTimeout(r, wait + Math.random() * wait));
  }
  try {
    return await fn();
  } finally {
    if (await readFile2(lock, "utf8").catch(() => "") === me) await rm2(lock, { force: true });
  }
}
var STALE_BREAK_MS = 1e4;
async function breakStale(lock, me) {
  const breaker = `${lock}.break`;
  try {
    await writeFile(breaker, me, { flag: "wx" });
  } catch (e) {
    if (e.code !== "EEXIST") throw e;
    const age = await stat(breaker).then(
      (st) => Date.now() - st.mtimeMs,
      () => 0
    );
    if (age > STALE_BREAK_MS) await rm2(breaker, { force: true });
    return;
  }
  try {
    if (await isStale(lock)) await rm2(lock, { force: true });
  } finally {
    await rm2(breaker, { force: true });
  }
}
async function isStale(lock) {
  let holder;
  let age;
  try {
    [holder, age] = [await readFile2(lock, "utf8"), Date.now() - (await stat(lock)).mtimeMs];
  } catch {
    return false;
  }
  if (age > STALE_LOCK_MS) return true;
  const [host, pid] = holder.split(" ");
  if (host !== os2.hostname() || !pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (e) {
    return e.code === "ESRCH";
  }
}
function mediaTypeOf(bytes) {
  try {
    const m = JSON.parse(Buffer.from(bytes).toString("utf8"));
    if (typeof m.mediaType === "string") return m.mediaType;
  } catch {
  }
  return MEDIA_TYPE.ociManifest;
}

// src/image/oci-archive.ts
var OciArchive = class _OciArchive {
  constructor(file, entries, index) {
    this.file = file;
    this.entries = entries;
    this.index = index;
    this.name = `oci-archive:${file}`;
  }
  file;
  entries;
  index;
  name;
  static async open(file) {
    const name = `oci-archive:${file}`;
    let entries;
    try {
      entries = await indexTar(file, name);
    } catch (e) {
      if (e instanceof TargetError) throw e;
      throw new TargetError(`${name}: ${e.message}`);
    }
    const at = entries.get("index.json");
    if (!at) throw new TargetError(`${name}: no index.json (is it an OCI archive?)`);
    const text = (await smallEntry(file, at, `${name}: index.json`)).toString("utf8");
    const index = parseIndexJson(
      text,
      (why) => new TargetError(`${name}: index.json is not an OCI image index (${why})`)
    );
    return new _OciArchive(file, entries, index);
  }
  /** The manifest a spec with no tag or digest means: the only one, else `latest`. */
  defaultReference() {
    return defaultReference(this.index, this.name);
  }
  async hasManifest(reference) {
    const e = findEntry(this.index, reference);
    return e && this.blob(e.digest) ? { digest: e.digest, mediaType: e.mediaType, size: e.size } : null;
  }
  async getManifest(reference) {
    const e = findEntry(this.index, reference);
    const at = e && this.blob(e.digest);
    if (!e || !at) return null;
    const bytes = new Uint8Array(
      await smallEntry(this.file, at, `${this.name}: manifest ${e.digest}`)
    );
    if (sha256(bytes) !== e.digest)
      throw new TargetError(`${this.name}: manifest ${e.digest} does not hash to its digest`);
    return { digest: e.digest, mediaType: e.mediaType, size: bytes.length, bytes };
  }
  async *openBlob(digest2) {
    const e = this.blob(digest2);
    if (!e) throw new TargetError(`${this.name}: no blob ${digest2}`);
    yield* entryStream(this.file, e);
  }
  blob(digest2) {
    if (!isDigest(digest2)) return void 0;
    return this.entries.get(`blobs/sha256/${digest2.slice("sha256:".length)}`);
  }
};

// src/image/compress.ts
import { createHash as createHash3 } from "node:crypto";
import { Readable } from "node:stream";
import { createGzip } from "node:zlib";

// src/util/limit.ts
async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const run = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, run));
  return results;
}
var Limiter = class {
  constructor(size) {
    this.size = size;
  }
  size;
  active = 0;
  waiting = [];
  async run(fn) {
    if (this.active >= this.size) await new Promise((r) => this.waiting.push(r));
    else this.active++;
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
};
async function allSettledOrThrow(work) {
  const results = await Promise.allSettled(work);
  const failed = results.find((r) => r.status === "rejected");
  if (failed) throw failed.reason;
}

// src/util/json-files.ts
import { mkdir as mkdir2, readFile as readFile3, rename as rename3, writeFile as writeFile2 } from "node:fs/promises";
import path7 from "node:path";
var JsonFiles = class {
  /** `dir`: none keeps nothing. */
  constructor(dir) {
    this.dir = dir;
  }
  dir;
  /** The value stored at `key`, unchecked (the caller checks its shape), or undefined. */
  async get(key) {
    if (!this.dir) return void 0;
    try {
      return JSON.parse(await readFile3(path7.join(this.dir, `${key}.json`), "utf8"));
    } catch {
      return void 0;
    }
  }
  async set(key, value) {
    if (!this.dir) return;
    try {
      await mkdir2(this.dir, { recursive: true });
      const file = path7.join(this.dir, `${key}.json`);
      const tmp = tempName(file);
      await writeFile2(tmp, JSON.stringify(value));
      await rename3(tmp, file);
    } catch {
    }
  }
};

// src/oci/manifest-json.ts
function parseJsonObject(bytes, what) {
  let value;
  try {
    value = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch (e) {
    throw new TargetError(`${what} is not JSON: ${e.message}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new TargetError(`${what} is not a JSON object`);
  return value;
}

// src/image/compress.ts
var LEVEL = 6;
function gzipOf(source, digest2) {
  return Readable.from(source.openBlob(digest2)).pipe(createGzip({ level: LEVEL }));
}
async function measure(source, digest2) {
  const hash = createHash3("sha256");
  let size = 0;
  for await (const chunk of gzipOf(source, digest2)) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { digest: `sha256:${hash.digest("hex")}`, size };
}
var GzipCache = class {
  files;
  constructor(dir) {
    this.files = new JsonFiles(dir);
  }
  key(digest2) {
    return `${digest2.replace(":", "-")}.zlib-${process.versions.zlib}`;
  }
  async get(digest2) {
    const v = await this.files.get(this.key(digest2));
    return typeof v?.digest === "string" && Number.isSafeInteger(v.size) ? { digest: v.digest, size: v.size } : void 0;
  }
  set(digest2, value) {
    return this.files.set(this.key(digest2), value);
  }
};
async function compressLayers(source, reference, options) {
  const manifest = await source.getManifest(reference);
  if (!manifest) return void 0;
  const json = parseJsonObject(manifest.bytes, `${source.name}: manifest`);
  const layers = json.layers ?? [];
  if (!layers.some((l) => l.mediaType === MEDIA_TYPE.dockerLayer)) return void 0;
  const cache = new GzipCache(options.cacheDir);
  const plain = /* @__PURE__ */ new Map();
  const rewritten = await mapLimit(layers, options.concurrency ?? 2, async (l) => {
    if (l.mediaType !== MEDIA_TYPE.dockerLayer) return l;
    let gz = await cache.get(l.digest);
    if (!gz) await cache.set(l.digest, gz = await measure(source, l.digest));
    plain.set(gz.digest, l.digest);
    return { mediaType: MEDIA_TYPE.dockerLayerGzip, size: gz.size, digest: gz.digest };
  });
  const bytes = new TextEncoder().encode(
    goMarshal({ ...json, layers: rewritten })
  );
  const view = {
    digest: sha256(bytes),
    mediaType: manifest.mediaType,
    size: bytes.length,
    bytes
  };
  const info = { digest: view.digest, mediaType: view.mediaType, size: view.size };
  const sum = (ls) => ls.reduce((n, l) => n + l.size, 0);
  return {
    source: {
      name: source.name,
      getManifest: async () => view,
      hasManifest: async () => info,
      openBlob: (digest2) => {
        const from = plain.get(digest2);
        return from ? gzipOf(source, from) : source.openBlob(digest2);
      }
    },
    from: manifest.digest,
    to: view.digest,
    bytesBefore: sum(layers),
    bytesAfter: sum(rewritten),
    layers: plain.size
  };
}

// src/publish/image.ts
import path14 from "node:path";

// src/image/builders.ts
import { spawn } from "node:child_process";
import { StringDecoder } from "node:string_decoder";
import { access, mkdtemp as mkdtemp2, rm as rm3 } from "node:fs/promises";
import path11 from "node:path";

// src/image/docker-config.ts
import { chmod, mkdir as mkdir3, mkdtemp, readdir, readFile as readFile5, symlink, writeFile as writeFile3 } from "node:fs/promises";
import path9 from "node:path";

// src/oci/registry/credentials.ts
import { execFile } from "node:child_process";
import { readFile as readFile4 } from "node:fs/promises";
import path8 from "node:path";
var HUB_CONFIG_KEY = "https://index.docker.io/v1/";
var DOCKER_HUB_ALIASES = /* @__PURE__ */ new Set([
  "docker.io",
  "index.docker.io",
  "registry-1.docker.io",
  "https://index.docker.io/v1/",
  "https://index.docker.io/v1",
  "index.docker.io/v1"
]);
function hostKey(host) {
  if (DOCKER_HUB_ALIASES.has(host)) return "docker.io";
  const bare = host.replace(/^https?:\/\//, "").replace(/\/.*$/, "");
  return DOCKER_HUB_ALIASES.has(bare) ? "docker.io" : bare;
}
function configKey(host) {
  return hostKey(host) === "docker.io" ? HUB_CONFIG_KEY : host;
}
async function readConfigFile(file) {
  try {
    return JSON.parse(await readFile4(file, "utf8"));
  } catch (e) {
    if (e.code === "ENOENT") return void 0;
    throw new Error(`cannot read ${file}: ${e.message}`);
  }
}
function helper(name, registry) {
  const host = configKey(registry);
  return new Promise((resolve, reject) => {
    const child = execFile(
      `docker-credential-${name}`,
      ["get"],
      { timeout: 3e4 },
      (err2, stdout) => {
        if (err2) {
          if (/not found/i.test(String(stdout)) || /not found/i.test(err2.message))
            return resolve(void 0);
          return reject(
            new Error(
              `docker-credential-${name} get failed for ${host}: ${err2.message.split("\n")[0]}`
            )
          );
        }
        try {
          const r = JSON.parse(stdout);
          if (!r.Secret) return resolve(void 0);
          const source = `docker-credential-${name}`;
          resolve(
            r.Username === "<token>" ? { identityToken: r.Secret, source } : { username: r.Username ?? "", password: r.Secret, source }
          );
        } catch {
          reject(new Error(`docker-credential-${name} returned malformed JSON for ${host}`));
        }
      }
    );
    child.stdin?.end(host);
  });
}
function configFiles(options) {
  return [
    ...options.dockerConfigDir ? [path8.join(options.dockerConfigDir, "config.json")] : [],
    ...options.authFiles ?? []
  ];
}
async function findCredential(host, options = {}, repository) {
  const key = hostKey(host);
  if (options.explicit && hostKey(options.explicit.host) === key) {
    return {
      username: options.explicit.username,
      password: options.explicit.password,
      source: "explicit username/password"
    };
  }
  const files = configFiles(options);
  for (const file of files) {
    const config = await readConfigFile(file);
    const scope = options.authFiles?.includes(file) ? { repository } : void 0;
    const found = config && await fromConfig(config, file, host, scope);
    if (found) return found;
  }
  return void 0;
}
async function fromConfig(config, file, host, namespaced) {
  const key = hostKey(host);
  const helperName = Object.entries(config.credHelpers ?? {}).find(
    ([h]) => hostKey(h) === key
  )?.[1];
  if (helperName) return helper(helperName, host);
  const entries = Object.entries(config.auths ?? {});
  const entry = namespaced ? containersEntry(entries, key, namespaced.repository) : entries.find(([h]) => hostKey(h) === key)?.[1];
  if (entry) {
    if (entry.identitytoken)
      return { identityToken: entry.identitytoken, source: `${file} (identitytoken)` };
    if (entry.auth) {
      const decoded = Buffer.from(entry.auth, "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      if (colon < 0)
        throw new Error(`${file}: auths["${host}"].auth is not base64 of user:password`);
      return {
        username: decoded.slice(0, colon),
        password: decoded.slice(colon + 1),
        source: `${file} (auths)`
      };
    }
    if (entry.username && entry.password) {
      return { username: entry.username, password: entry.password, source: `${file} (auths)` };
    }
  }
  if (config.credsStore) return helper(config.credsStore, host);
  return void 0;
}
function containersEntry(entries, key, repository) {
  let best;
  for (const [name, value] of entries) {
    const bare = name.replace(/^https?:\/\//, "");
    const slash = bare.indexOf("/");
    const host = slash < 0 ? bare : bare.slice(0, slash);
    if (hostKey(host) !== key) continue;
    const namespace = slash < 0 || name.includes("://") ? "" : bare.slice(slash + 1);
    const holds = namespace === "" || repository !== void 0 && (repository === namespace || repository.startsWith(`${namespace}/`));
    if (holds && (!best || namespace.length + 1 > best.rank))
      best = { rank: namespace.length + 1, value };
  }
  return best?.value;
}
async function searchedFor(host, options = {}) {
  const files = configFiles(options);
  const seen = [];
  for (const file of files) {
    const config = await readConfigFile(file).catch(() => void 0);
    if (!config) {
      seen.push(`${file} (not there)`);
      continue;
    }
    const hosts = [...Object.keys(config.auths ?? {}), ...Object.keys(config.credHelpers ?? {})];
    const store = config.credsStore ? `; credsStore ${config.credsStore} had none` : "";
    seen.push(`${file} (${hosts.length ? `logins for ${hosts.join(", ")}` : "no logins"}${store})`);
  }
  const explicit = options.explicit ? `; the username/password inputs are for ${options.explicit.host}` : "";
  return `no login for ${host}: looked in ${seen.join(", ") || "no Docker config"}${explicit}`;
}

// src/image/docker-config.ts
var HELPER = "cog-push-login";
var HELPER_DIR = "cog-push-bin";
async function userConfig(dir) {
  if (!dir) return {};
  try {
    const parsed = JSON.parse(await readFile5(path9.join(dir, "config.json"), "utf8"));
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? parsed : {};
  } catch (e) {
    if (e.code === "ENOENT") return {};
    throw new Error(
      `cannot read ${path9.join(dir, "config.json")} to give the builder: ${e.message}`
    );
  }
}
async function builderDockerConfig(workDir, login, userDir) {
  const dir = await mkdtemp(path9.join(workDir, "docker-config-"));
  await chmod(dir, 448);
  const config = await userConfig(userDir);
  const auth = Buffer.from(`${login.username}:${login.password}`).toString("base64");
  const key = configKey(login.host);
  const sameHost = (h) => hostKey(h) === hostKey(login.host);
  const auths = Object.fromEntries(
    Object.entries(config.auths ?? {}).filter(([h]) => !sameHost(h))
  );
  const merged = { ...config, auths: { ...auths, [key]: { auth } } };
  const helpers = Object.fromEntries(
    Object.entries(config.credHelpers ?? {}).filter(([h]) => !sameHost(h))
  );
  let binDir;
  if (config.credsStore) {
    binDir = path9.join(dir, HELPER_DIR);
    await writeHelper(binDir, key, login);
    helpers[key] = HELPER;
  }
  if (Object.keys(helpers).length > 0) merged.credHelpers = helpers;
  else delete merged.credHelpers;
  await writeFile3(path9.join(dir, "config.json"), JSON.stringify(merged), { mode: 384 });
  await linkTheRest(userDir, dir);
  return { dir, binDir };
}
async function linkTheRest(userDir, dir) {
  if (!userDir) return;
  let entries;
  try {
    entries = await readdir(userDir);
  } catch {
    return;
  }
  for (const name of entries)
    if (name !== "config.json" && name !== HELPER_DIR)
      await symlink(path9.join(path9.resolve(userDir), name), path9.join(dir, name));
}
async function writeHelper(binDir, key, login) {
  await mkdir3(binDir, { mode: 448 });
  const answer = JSON.stringify({
    ServerURL: key,
    Username: login.username,
    Secret: login.password
  });
  const script = `#!/bin/sh
[ "$1" = get ] || exit 0
read host
[ "$host" = '${key}' ] || { echo "credentials not found in native keychain"; exit 1; }
cat <<'COG_PUSH_EOF'
${answer}
COG_PUSH_EOF
`;
  await writeFile3(path9.join(binDir, `docker-credential-${HELPER}`), script, { mode: 448 });
}

// src/image/build-plan.ts
import path10 from "node:path";
var BuildError = class extends Error {
  name = "BuildError";
};
function platformString(p) {
  return [p.os, p.architecture, p.variant].filter(Boolean).join("/");
}
function describeCommand(c) {
  const env = Object.entries(c.env ?? {}).map(([k, v]) => `${k}=${v} `);
  return `${env.join("")}${c.tool} ${c.args.join(" ")}  (in ${c.cwd})`;
}
function dockerBuildMode(buildx) {
  return buildx ? "docker: building with docker buildx build --push" : "docker: no buildx plugin here; building with DOCKER_BUILDKIT=1 docker build, then docker push";
}
function buildPlan(r) {
  return PLANNERS[r.builder](r);
}
var PLANNERS = {
  cog: cogPlan,
  docker: dockerPlan,
  buildah: buildahPlan
};
function pushOf(r) {
  return { tool: "docker", args: ["push", r.imageRef], cwd: r.projectDir };
}
function cogPlan(r) {
  const o = r.options ?? NO_BUILD_OPTIONS;
  const config = r.configName === "cog.yaml" ? [] : ["-f", r.configName];
  const flags = [
    ...secretArgs(o.secrets),
    ...o.noCache ? ["--no-cache"] : [],
    ...o.file ? ["--dockerfile", o.file] : [],
    ...o.progress ? ["--progress", o.progress] : [],
    ...o.useCudaBaseImage ? ["--use-cuda-base-image", o.useCudaBaseImage] : [],
    // A bool flag of cobra's: `--flag false` would be a stray argument.
    ...o.useCogBaseImage !== void 0 ? [`--use-cog-base-image=${o.useCogBaseImage}`] : [],
    ...o.openapiSchema ? ["--openapi-schema", o.openapiSchema] : []
  ];
  return {
    commands: [
      { tool: "cog", args: ["build", "-t", r.imageRef, ...config, ...flags], cwd: r.projectDir },
      pushOf(r)
    ],
    result: { kind: "pushed", ref: r.imageRef }
  };
}
function secretArgs(secrets) {
  return secrets.flatMap((s) => [
    "--secret",
    s.src !== void 0 ? `id=${s.id},src=${s.src}` : `id=${s.id},env=${s.env}`
  ]);
}
function commonBuildArgs(o) {
  return [
    ...secretArgs(o.secrets),
    ...o.noCache ? ["--no-cache"] : [],
    ...o.buildArgs.flatMap((a) => ["--build-arg", a]),
    ...o.target ? ["--target", o.target] : [],
    ...o.labels.flatMap((l) => ["--label", l]),
    ...o.network ? ["--network", o.network] : []
  ];
}
var COG_BUNDLE_VERSION = "0.20.0";
function cogVersionProblem(output) {
  const m = /cog version v?(\d+)\.(\d+)\.(\d+)/.exec(output);
  if (!m) return void 0;
  const have = m.slice(1, 4).map(Number);
  const need = COG_BUNDLE_VERSION.split(".").map(Number);
  const i = have.findIndex((n, k) => n !== need[k]);
  if (i < 0 || have[i] > need[i]) return void 0;
  return `build: cog found Cog ${have.join(".")}, which refuses 'model:' and 'weights:' in cog.yaml (Cog reads them from v${COG_BUNDLE_VERSION} on): install a newer one (replicate/setup-cog@v2 with cog-version: v0.22.0)`;
}
function dockerfilePath(projectDir, options) {
  return path10.resolve(projectDir, options?.file ?? "Dockerfile");
}
function dockerfileOf(r) {
  return dockerfilePath(r.projectDir, r.options);
}
function dockerPlan(r) {
  const cwd = r.projectDir;
  const o = r.options ?? NO_BUILD_OPTIONS;
  if (!r.buildx && o.cacheTo.length > 0)
    throw new BuildError(
      "input 'cache-to' needs docker buildx, which this runner lacks (docker build exports no cache): install buildx (docker/setup-buildx-action), or drop cache-to and use cache-from with an image pushed with BUILDKIT_INLINE_CACHE=1"
    );
  const caches = r.buildx ? [
    ...o.cacheFrom.flatMap((c) => ["--cache-from", c]),
    ...o.cacheTo.flatMap((c) => ["--cache-to", c])
  ] : o.cacheFrom.flatMap((c) => ["--cache-from", classicCacheSource(c)]);
  const platform = ["--platform", platformString(r.platform)];
  const args = [
    ...commonBuildArgs(o),
    ...o.progress ? ["--progress", o.progress] : [],
    ...caches,
    "-f",
    dockerfileOf(r),
    "-t",
    r.imageRef,
    cwd
  ];
  const build = r.buildx ? {
    tool: "docker",
    args: [
      "buildx",
      "build",
      ...platform,
      "--push",
      "--provenance=false",
      "--sbom=false",
      ...args
    ],
    cwd
  } : { tool: "docker", args: ["build", ...platform, ...args], cwd, env: { DOCKER_BUILDKIT: "1" } };
  return {
    commands: r.buildx ? [build] : [build, pushOf(r)],
    result: { kind: "pushed", ref: r.imageRef }
  };
}
function classicCacheSource(spec) {
  if (!spec.includes("=")) return spec;
  const fields = new Map(
    spec.split(",").map((f) => [f.slice(0, f.indexOf("=")), f.slice(f.indexOf("=") + 1)])
  );
  const ref = fields.get("ref");
  if (fields.get("type") === "registry" && ref) return ref;
  throw new BuildError(
    `input 'cache-from': "${spec}" needs docker buildx, which this runner lacks; without it only an image (or type=registry,ref=IMAGE) pushed with inline cache can be a cache source`
  );
}
function buildahPlan(r) {
  const cwd = r.projectDir;
  const o = r.options ?? NO_BUILD_OPTIONS;
  const storage = ["--storage-driver", "vfs"];
  const local = `localhost/cog-push-build:${path10.basename(r.workDir)}`;
  const dir = path10.join(r.workDir, "image");
  const bud = [
    "bud",
    ...storage,
    "--isolation",
    "chroot",
    "--platform",
    platformString(r.platform)
  ];
  return {
    commands: [
      {
        tool: "buildah",
        args: [...bud, ...commonBuildArgs(o), "-f", dockerfileOf(r), "-t", local, cwd],
        cwd
      },
      { tool: "buildah", args: ["push", ...storage, local, `oci:${dir}:latest`], cwd },
      { tool: "buildah", args: ["rmi", ...storage, local], cwd }
    ],
    result: { kind: "oci-layout", dir, tag: "latest" }
  };
}

// src/image/builders.ts
var TAIL_LINES = 20;
var KILL_GRACE_MS = 1e4;
async function runBuild(plan, options) {
  const env = { ...options.env };
  let configDir;
  let forget = () => void 0;
  if (options.login) {
    const made = await builderDockerConfig(options.workDir, options.login, options.dockerConfigDir);
    configDir = made.dir;
    forget = removeOnSignal(made.dir);
    env["DOCKER_CONFIG"] = made.dir;
    if (made.binDir) env["PATH"] = [made.binDir, env["PATH"]].filter(Boolean).join(path11.delimiter);
  }
  try {
    for (const c of plan.commands) {
      options.signal?.throwIfAborted();
      options.log(`$ ${describeCommand(c)}`);
      await runCommand(c, { ...env, ...c.env }, options);
    }
  } finally {
    if (configDir) await rm3(configDir, { recursive: true, force: true });
    forget();
  }
}
var PIPE_GRACE_MS = 2e3;
function signalGroup(pid, signal) {
  if (pid === void 0) return;
  try {
    process.kill(-pid, signal);
  } catch {
  }
}
async function runCommand(c, env, options) {
  const tail = [];
  let firstError;
  const line = (l) => {
    tail.push(l);
    if (tail.length > TAIL_LINES) tail.shift();
    if (firstError === void 0 && ERROR_LINE.test(l)) firstError = l;
    options.output(l);
  };
  const child = spawn(c.tool, [...c.args], {
    cwd: c.cwd,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true
  });
  const forgetGroup = stopOnSignal(child.pid);
  const output = Promise.all(
    [child.stdout, child.stderr].map((p) => lines2(p, line).catch(() => void 0))
  );
  let killer;
  const stop = () => {
    signalGroup(child.pid, "SIGTERM");
    killer = setTimeout(() => signalGroup(child.pid, "SIGKILL"), KILL_GRACE_MS);
  };
  options.signal?.addEventListener("abort", stop, { once: true });
  try {
    const code = await exitOf(child, c);
    await outputDrained(child, output);
    if (options.signal?.aborted) throw new BuildError(`\`${c.tool}\` was stopped`);
    if (code !== 0) throw failure(c, code, tail, firstError);
  } finally {
    forgetGroup();
    options.signal?.removeEventListener("abort", stop);
    if (killer) clearTimeout(killer);
  }
}
var ERROR_LINE = /^(unknown (shorthand )?flag|error[: ]|ERROR[: ]|Error response|failed to solve|ⅹ)/i;
function failure(c, code, tail, firstError) {
  const status = typeof code === "number" ? `exit code ${code}` : code;
  const why = firstError && !tail.includes(firstError) ? `: ${firstError}` : "";
  const flag = /unknown (shorthand )?flag:? '?(--?[\w-]+)/.exec(firstError ?? "")?.[2];
  const hint = c.tool === "docker" && flag ? `. This docker has no ${flag}: it is older than BuildKit's flags; install buildx (docker/setup-buildx-action) or a newer docker` : "";
  const last = tail.length > 0 ? `; its last lines:
${tail.join("\n")}` : "";
  return new BuildError(`\`${commandName(c)}\` failed with ${status}${why}${hint}${last}`);
}
function exitOf(child, c) {
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (status, signal) => resolve(status ?? signal ?? -1));
  }).catch((e) => {
    throw new BuildError(
      `${c.tool} could not be started in ${c.cwd}: ${e.message}; is it installed?`
    );
  });
}
async function outputDrained(child, output) {
  let grace;
  await Promise.race([
    output,
    new Promise((resolve) => {
      grace = setTimeout(() => {
        signalGroup(child.pid, "SIGKILL");
        child.stdout?.destroy();
        child.stderr?.destroy();
        resolve();
      }, PIPE_GRACE_MS);
    })
  ]).finally(() => clearTimeout(grace));
}
function commandName(c) {
  const words = [];
  for (const a of c.args) {
    if (a.startsWith("-") || words.length === 2) break;
    words.push(a);
  }
  return [c.tool, ...words].join(" ");
}
function ask(tool, args, env) {
  return new Promise((resolve) => {
    const child = spawn(tool, args, { env, stdio: ["ignore", "pipe", "ignore"] });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (d) => {
      if (stdout.length < 4096) stdout += d.slice(0, 4096 - stdout.length);
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 15e3);
    child.once("error", (e) => {
      clearTimeout(timer);
      resolve(e.code === "ENOENT" ? "missing" : void 0);
    });
    child.once("close", (code) => (clearTimeout(timer), resolve({ code, stdout })));
  });
}
async function checkCog(env) {
  const answer = await ask("cog", ["--version"], env);
  if (answer === "missing")
    throw new BuildError(
      "build: cog needs the cog command, which is not on PATH: add a replicate/setup-cog@v2 step (cog-version: v0.22.0) before this one, or choose another build"
    );
  const problem = answer && cogVersionProblem(answer.stdout);
  if (problem) throw new BuildError(problem);
}
async function hasBuildx(env) {
  const answer = await ask("docker", ["buildx", "version"], env);
  return typeof answer === "object" && answer.code === 0;
}
async function lines2(stream, each) {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  for await (const chunk of stream) {
    const text = rest + decoder.write(chunk);
    const parts = text.split(/\r\n|\n|\r/);
    rest = parts.pop();
    for (const p of parts) each(p);
    if (rest.length > 64 * 1024) {
      each(rest);
      rest = "";
    }
  }
  rest += decoder.end();
  if (rest) each(rest);
}
function scratchDir(root) {
  return mkdtemp2(path11.join(root, "cog-push-"));
}
async function checkSecrets(secrets, projectDir, env) {
  for (const s of secrets) {
    if (s.env !== void 0 && env[s.env] === void 0)
      throw new BuildError(
        `input 'secrets': secret "${s.id}" reads the variable ${s.env}, which is not set in the step's environment`
      );
    if (s.src !== void 0)
      await access(path11.resolve(projectDir, s.src)).catch(() => {
        throw new BuildError(
          `input 'secrets': secret "${s.id}" reads ${path11.resolve(projectDir, s.src)}, which is not there (src= is relative to working-directory)`
        );
      });
  }
}
async function checkDockerfile(dockerfile, builder) {
  await access(dockerfile).catch(() => {
    throw new BuildError(
      `build: ${builder} builds ${dockerfile}, which is not there: add it, set the 'file' input to yours, or use build: cog (Cog writes its own)`
    );
  });
}

// src/oci/transfer.ts
async function transferBlob(dest, blob, options = {}) {
  if (await dest.hasBlob(blob.digest) !== null) {
    const arrived = dest.arrived.claim(blob.digest);
    return arrived === void 0 ? { outcome: "present", bytesUploaded: 0 } : { outcome: "uploaded", bytesUploaded: arrived, asArrived: true };
  }
  if (options.mountFrom && await dest.mountBlob(blob.digest, options.mountFrom))
    return { outcome: "mounted", bytesUploaded: 0 };
  const { bytesWritten } = await dest.uploadBlob(blob);
  return { outcome: bytesWritten > 0 ? "uploaded" : "present", bytesUploaded: bytesWritten };
}

// src/util/bytes.ts
async function* skipBytes(source, offset) {
  let left = offset;
  for await (const chunk of source) {
    if (left >= chunk.length) {
      left -= chunk.length;
      continue;
    }
    yield left > 0 ? chunk.subarray(left) : chunk;
    left = 0;
  }
}
async function* takeBytes(source, n) {
  let left = n;
  if (left <= 0) return;
  for await (const chunk of source) {
    if (chunk.length >= left) {
      yield chunk.subarray(0, left);
      return;
    }
    yield chunk;
    left -= chunk.length;
  }
}

// src/image/copy.ts
var INDEX_TYPES = /* @__PURE__ */ new Set([MEDIA_TYPE.ociIndex, MEDIA_TYPE.dockerManifestList]);
function parse(bytes, where) {
  return parseJsonObject(bytes, `${where}: manifest`);
}
async function copyImage(source, reference, dest, destTag, options) {
  const where = `${source.name}:${reference}`;
  let manifest = await source.getManifest(reference);
  if (!manifest) throw new TargetError(`image ${where} not found`);
  let json = parse(manifest.bytes, where);
  if (INDEX_TYPES.has(manifest.mediaType) || json.manifests) {
    const p = options.platform;
    const match = (json.manifests ?? []).find(
      (m) => m.platform?.os === p.os && m.platform?.architecture === p.architecture && (!p.variant || m.platform?.variant === p.variant)
    );
    if (!match) {
      const have = (json.manifests ?? []).map((m) => `${m.platform?.os}/${m.platform?.architecture}`).join(", ");
      throw new TargetError(
        `image ${where} has no ${p.os}/${p.architecture} manifest (it has: ${have || "none"})`
      );
    }
    manifest = await source.getManifest(match.digest);
    if (!manifest)
      throw new TargetError(`image ${where}: platform manifest ${match.digest} not found`);
    json = parse(manifest.bytes, where);
  }
  if (!json.config || !Array.isArray(json.layers)) {
    throw new TargetError(`${where} is not an image manifest (${manifest.mediaType})`);
  }
  const blobs = [json.config, ...json.layers];
  const uploaded = await mapLimit(blobs, options.concurrency ?? 4, async (b) => {
    const blob = {
      digest: b.digest,
      size: b.size,
      open: (offset = 0) => skipBytes(source.openBlob(b.digest), offset)
    };
    return (await transferBlob(dest, blob, { mountFrom: options.mountFrom })).bytesUploaded;
  });
  const digest2 = await dest.putManifest(manifest.bytes, manifest.mediaType, destTag);
  if (digest2 !== manifest.digest) {
    throw new TargetError(
      `${dest.name}: image manifest went up as ${digest2}, expected ${manifest.digest}`
    );
  }
  return {
    descriptor: { mediaType: manifest.mediaType, size: manifest.size, digest: digest2 },
    bytesUploaded: uploaded.reduce((n, x) => n + x, 0)
  };
}

// src/image/weightsjson.ts
var import_tar_stream = __toESM(require_tar_stream(), 1);
import { spawn as spawn2 } from "node:child_process";
import path12 from "node:path";
import { Readable as Readable2 } from "node:stream";
import { createGunzip } from "node:zlib";
function parseJson(text, what) {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new TargetError(`${what} is not JSON: ${e.message}`);
  }
}
async function blobObject(source, digest2, what) {
  const bytes = await readLimited(source.openBlob(digest2), BODY_LIMIT.file, what).catch((e) => {
    throw e instanceof BodyTooLargeError ? new TargetError(e.message) : e;
  });
  return parseJsonObject(bytes, what);
}
function whiteoutsOf(name) {
  const hides = /* @__PURE__ */ new Set();
  const opaque = /* @__PURE__ */ new Set();
  const parts = name.split("/");
  for (let i = 0; i < parts.length; i++) {
    const dir = parts.slice(0, i).join("/");
    hides.add(path12.posix.join(dir, `.wh.${parts[i]}`));
    if (i < parts.length - 1) opaque.add(path12.posix.join(dir, parts[i], ".wh..wh..opq"));
  }
  return { hides, opaque };
}
function layerStream(source, layer2) {
  const raw = Readable2.from(source.openBlob(layer2.digest));
  const type = layer2.mediaType ?? "";
  if (type.endsWith("gzip")) return { stream: raw.pipe(createGunzip()), stop: () => raw.destroy() };
  if (type.endsWith("zstd")) {
    const child = spawn2("zstd", ["-d", "-c", "-q"], { stdio: ["pipe", "pipe", "ignore"] });
    raw.on("error", (e) => child.stdout.destroy(e));
    child.on("error", (e) => child.stdout.destroy(new Error(`zstd could not run: ${e.message}`)));
    child.stdin.on("error", () => void 0);
    raw.pipe(child.stdin);
    return { stream: child.stdout, stop: () => (raw.destroy(), child.kill()) };
  }
  return { stream: raw, stop: () => raw.destroy() };
}
async function findInLayer(source, layer2, names) {
  const where = `${source.name}: image layer ${layer2.digest}`;
  const ex = (0, import_tar_stream.extract)();
  let found;
  const deletes = [...names].map(whiteoutsOf);
  const { stream, stop } = layerStream(source, layer2);
  stream.on("error", (e) => ex.destroy(e));
  stream.pipe(ex);
  try {
    for await (const entry of ex) {
      const name = entry.header.name.replace(/^\.?\//, "").replace(/\/$/, "");
      if (names.has(name) && entry.header.type === "file") {
        const bytes = await readLimited(
          entry,
          BODY_LIMIT.file,
          `${where}: ${name}`
        );
        found = { kind: "file", bytes };
        continue;
      }
      if (names.has(name) && entry.header.type === "symlink" && entry.header.linkname) {
        const target = entry.header.linkname.startsWith("/") ? entry.header.linkname : path12.posix.join(path12.posix.dirname(name), entry.header.linkname);
        found = { kind: "link", target: path12.posix.normalize(target).replace(/^\/+/, "") };
      } else if (deletes.some((d) => d.hides.has(name) || d.opaque.has(name))) {
        if (!found || deletes.some((d) => d.hides.has(name))) found = { kind: "whiteout" };
      }
      entry.resume();
    }
  } catch (e) {
    if (e instanceof BodyTooLargeError) throw new TargetError(e.message);
    throw new TargetError(`${where} cannot be read: ${e.message}`);
  } finally {
    stop();
  }
  return found;
}
async function readImageHead(source, manifestDigest) {
  const m = await source.getManifest(manifestDigest);
  if (!m) return void 0;
  const manifest = parseJson(
    Buffer.from(m.bytes).toString("utf8"),
    `${source.name}: image manifest ${manifestDigest}`
  );
  if (!manifest?.config || !Array.isArray(manifest.layers)) return void 0;
  const what = `${source.name}: image config ${manifest.config.digest}`;
  const config = await blobObject(source, manifest.config.digest, what);
  return { layers: manifest.layers, config };
}
function platformOf(head) {
  const { os: os4, architecture, variant } = head.config ?? {};
  if (typeof os4 !== "string" || typeof architecture !== "string" || !os4 || !architecture)
    return void 0;
  return {
    os: os4,
    architecture,
    variant: typeof variant === "string" && variant ? variant : void 0
  };
}
async function findTopmost(source, head, names, hops = 0) {
  const order = head.layers.map((l, i) => ({ l, i })).sort((a, b) => a.l.size - b.l.size);
  let top;
  for (const { l, i } of order) {
    if (top && i < top.index) continue;
    const finding = await findInLayer(source, l, names);
    if (finding) top = { index: i, finding };
  }
  if (!top || top.finding.kind === "whiteout") return void 0;
  if (top.finding.kind === "file") return { bytes: top.finding.bytes };
  if (hops >= 8) throw new TargetError(`${source.name}: ${[...names][0]} links round in circles`);
  return findTopmost(source, head, /* @__PURE__ */ new Set([top.finding.target]), hops + 1);
}
async function readImageWeights(source, head) {
  const dir = head.config?.config?.WorkingDir;
  const workdir = (typeof dir === "string" ? dir : "").replace(/^\/+|\/+$/g, "");
  const names = /* @__PURE__ */ new Set([
    ".cog/weights.json",
    ...workdir ? [`${workdir}/.cog/weights.json`] : []
  ]);
  const found = await findTopmost(source, head, names);
  if (!found) return void 0;
  const what = `${source.name}: the image's ${[...names].join(" or ")}`;
  const parsed = parseJson(found.bytes.toString("utf8"), what);
  const weights = parsed?.weights ?? [];
  if (!Array.isArray(weights) || !weights.every(
    (w) => typeof w === "object" && w !== null && ["name", "target", "setDigest"].every(
      (k) => typeof w[k] === "string"
    )
  ))
    throw new TargetError(`${what}: "weights" is not a list of {name, target, setDigest}`);
  return { path: [...names].join(" or "), weights };
}
function compareImageWeights(image, lock) {
  const problems = [];
  const byName = new Map(image.weights.map((w) => [w.name, w]));
  for (const e of lock.weights) {
    const w = byName.get(e.name);
    if (!w) {
      problems.push(`weight "${e.name}" is in weights.lock but not in the image`);
      continue;
    }
    if (w.target !== e.target)
      problems.push(
        `weight "${e.name}": target ${w.target} in the image, ${e.target} in weights.lock`
      );
    if (w.setDigest !== e.setDigest)
      problems.push(
        `weight "${e.name}": setDigest ${w.setDigest} in the image, ${e.setDigest} in weights.lock`
      );
  }
  const locked = new Set(lock.weights.map((e) => e.name));
  for (const w of image.weights)
    if (!locked.has(w.name))
      problems.push(`weight "${w.name}" is in the image but not in weights.lock`);
  return problems;
}

// src/image/weights-layer.ts
import { gzipSync } from "node:zlib";

// src/weights/tar.ts
var BLOCK = 512;
var NAME_SIZE = 100;
var MAX_OCTAL_SIZE = 8 ** 11 - 1;
var TYPE_FILE = 48;
var TYPE_DIR = 53;
var TYPE_PAX = 120;
var utf8 = new TextEncoder();
function toAscii(s) {
  return s.replace(/[^\x00-\x7f]/gu, "");
}
function isAscii(s) {
  return /^[\x00-\x7f]*$/.test(s);
}
function writeString(block, offset, size, s) {
  const bytes = isAscii(s) ? null : utf8.encode(s);
  const length = bytes ? bytes.length : s.length;
  if (bytes) block.set(bytes.subarray(0, size), offset);
  else for (let i = 0; i < Math.min(length, size); i++) block[offset + i] = s.charCodeAt(i);
  if (length < size) block[offset + length] = 0;
  if (length > size && block[offset + size - 1] === 47) {
    let n = size;
    while (n > 0 && block[offset + n - 1] === 47) n--;
    block[offset + n] = 0;
  }
}
function writeOctal(block, offset, size, value) {
  const digits = value.toString(8).padStart(size - 1, "0");
  writeString(block, offset, size, digits);
}
function finishHeader(block, withDevNumbers) {
  writeString(block, 257, 6, "ustar\0");
  writeString(block, 263, 2, "00");
  if (withDevNumbers) {
    writeOctal(block, 329, 8, 0);
    writeOctal(block, 337, 8, 0);
  }
  block.fill(32, 148, 156);
  let sum = 0;
  for (let i = 0; i < block.length; i++) sum += block[i];
  writeOctal(block, 148, 7, sum);
  block[155] = 32;
  return block;
}
function paxRecord(key, value) {
  const body = ` ${key}=${value}
`;
  const bodyLength = utf8.encode(body).length;
  let n = bodyLength + String(bodyLength).length;
  if (String(n).length + bodyLength !== n) n = bodyLength + String(n).length;
  return `${n}${body}`;
}
function paxHeaderName(name) {
  const slash = name.lastIndexOf("/");
  const dir = name.slice(0, slash + 1);
  const base = name.slice(slash + 1);
  const joined = base === "" ? `${dir}PaxHeaders.0` : `${dir}PaxHeaders.0/${base}`;
  return toAscii(joined).slice(0, NAME_SIZE).replace(/\/+$/, "");
}
function padding(size) {
  const rem = size % BLOCK;
  return new Uint8Array(rem === 0 ? 0 : BLOCK - rem);
}
function entryHeader(name, type, size) {
  const records = [
    ["atime", "0"],
    ["ctime", "0"]
  ];
  if (utf8.encode(name).length > NAME_SIZE || !isAscii(name)) records.push(["path", name]);
  if (size > MAX_OCTAL_SIZE) records.push(["size", String(size)]);
  const paxData = utf8.encode(records.map(([k, v]) => paxRecord(k, v)).join(""));
  const paxPadded = paxData.length + padding(paxData.length).length;
  const out = new Uint8Array(BLOCK + paxPadded + BLOCK);
  const pax = out.subarray(0, BLOCK);
  writeString(pax, 0, NAME_SIZE, paxHeaderName(name));
  writeOctal(pax, 100, 8, 0);
  writeOctal(pax, 108, 8, 0);
  writeOctal(pax, 116, 8, 0);
  writeOctal(pax, 124, 12, paxData.length);
  writeOctal(pax, 136, 12, 0);
  pax[156] = TYPE_PAX;
  finishHeader(pax, false);
  out.set(paxData, BLOCK);
  const hdr = out.subarray(BLOCK + paxPadded);
  writeString(hdr, 0, NAME_SIZE, toAscii(name));
  writeOctal(hdr, 100, 8, type === "dir" ? 493 : 420);
  writeOctal(hdr, 108, 8, 0);
  writeOctal(hdr, 116, 8, 0);
  writeOctal(hdr, 124, 12, size > MAX_OCTAL_SIZE ? 0 : size);
  writeOctal(hdr, 136, 12, 0);
  hdr[156] = type === "dir" ? TYPE_DIR : TYPE_FILE;
  finishHeader(hdr, true);
  return out;
}
function parentDirectories(files) {
  const dirs2 = /* @__PURE__ */ new Set();
  for (const f of files) {
    const parts = f.path.split("/");
    for (let i = 1; i < parts.length; i++) dirs2.add(parts.slice(0, i).join("/"));
  }
  return [...dirs2].sort(compareUtf8);
}
function* tarSegments(files) {
  const dirHeaders = parentDirectories(files).map((d) => entryHeader(`${d}/`, "dir", 0));
  if (dirHeaders.length > 0) yield { kind: "bytes", data: concat(dirHeaders) };
  for (const file of files) {
    yield { kind: "bytes", data: entryHeader(file.path, "file", file.size) };
    if (file.size > 0) yield { kind: "file", file };
    const pad = padding(file.size);
    if (pad.length > 0) yield { kind: "bytes", data: pad };
  }
  yield { kind: "bytes", data: new Uint8Array(2 * BLOCK) };
}
function soloTarFraming(filePath, size) {
  const segments = [...tarSegments([{ path: filePath, size, source: "" }])];
  const at = segments.findIndex((s) => s.kind === "file");
  const bytes = (part) => concat(part.map((s) => s.kind === "bytes" ? s.data : new Uint8Array(0)));
  return at < 0 ? { before: bytes(segments), after: new Uint8Array(0) } : { before: bytes(segments.slice(0, at)), after: bytes(segments.slice(at + 1)) };
}
function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// src/image/weights-layer.ts
var WEIGHTS_JSON_PATH = ".cog/weights.json";
var WEIGHTS_JSON_HISTORY = "cog-push: /.cog/weights.json from weights.lock";
function weightsJsonBytes(lock) {
  const weights = lock.weights.map((w) => ({
    name: w.name,
    target: w.target,
    setDigest: w.setDigest
  }));
  return new TextEncoder().encode(goMarshal({ weights }, "  "));
}
function weightsJsonLayer(json) {
  const { before, after } = soloTarFraming(WEIGHTS_JSON_PATH, json.length);
  const tar = Buffer.concat([before, json, after]);
  const blob = gzipSync(tar, { level: 9 });
  return { blob, digest: sha256(blob), diffId: sha256(tar) };
}
function appendLayer(manifestBytes, manifestMediaType, configBytes, layer2, where) {
  const manifest = parseJsonObject(manifestBytes, `${where}: image manifest`);
  const config = parseJsonObject(configBytes, `${where}: image config`);
  const diffIds = config.rootfs?.diff_ids;
  if (!config.rootfs || !Array.isArray(diffIds) || !Array.isArray(manifest.layers))
    throw new TargetError(`${where}: the image has no rootfs.diff_ids or layers to add to`);
  if (diffIds.length !== manifest.layers.length)
    throw new TargetError(
      `${where}: the image config lists ${diffIds.length} diff_ids for ${manifest.layers.length} layers`
    );
  const newConfig = {
    ...config,
    rootfs: { ...config.rootfs, diff_ids: [...diffIds, layer2.diffId] }
  };
  if (Array.isArray(config.history)) {
    const entry = { created_by: WEIGHTS_JSON_HISTORY };
    if (typeof config.created === "string") entry["created"] = config.created;
    newConfig.history = [...config.history, entry];
  }
  const configOut = new TextEncoder().encode(JSON.stringify(newConfig));
  const docker = (manifest.mediaType ?? manifestMediaType) === MEDIA_TYPE.dockerManifest;
  const newManifest = {
    ...manifest,
    config: { ...manifest.config, digest: sha256(configOut), size: configOut.length },
    layers: [
      ...manifest.layers,
      {
        mediaType: docker ? MEDIA_TYPE.dockerLayerGzip : MEDIA_TYPE.layerTarGzip,
        digest: layer2.digest,
        size: layer2.blob.length
      }
    ]
  };
  return { manifest: new TextEncoder().encode(JSON.stringify(newManifest)), config: configOut };
}
async function addWeightsJson(target, image, tag, lock) {
  const where = `${target.name}@${image.digest}`;
  const manifest = await target.getManifest(image.digest);
  if (!manifest) throw new TargetError(`${where}: the image manifest is not there`);
  const configDigest = parseJsonObject(manifest.bytes, `${where}: image manifest`).config?.digest;
  if (typeof configDigest !== "string")
    throw new TargetError(`${where}: the image manifest names no config`);
  const configBytes = await readBlob(target, configDigest, `${where}: image config`);
  const layer2 = weightsJsonLayer(weightsJsonBytes(lock));
  const next = appendLayer(manifest.bytes, manifest.mediaType, configBytes, layer2, where);
  await target.putBlob(bytesBlob(layer2.digest, layer2.blob));
  await target.putBlob(bytesBlob(sha256(next.config), next.config));
  const digest2 = await target.putManifest(next.manifest, manifest.mediaType, tag);
  return { mediaType: manifest.mediaType, size: next.manifest.length, digest: digest2 };
}
async function readBlob(target, digest2, what) {
  const bytes = await readLimited(target.openBlob(digest2), BODY_LIMIT.file, what);
  if (sha256(bytes) !== digest2) throw new TargetError(`${what} does not match its digest`);
  return bytes;
}

// src/oci/open.ts
import path13 from "node:path";

// src/util/retry.ts
import { setTimeout as sleep } from "node:timers/promises";
var TRANSIENT_STATUS = /* @__PURE__ */ new Set([408, 429, 500, 502, 503, 504]);
var REGISTRY_RETRY = { attempts: 5, baseDelayMs: 500, maxDelayMs: 2e4 };
var DOWNLOAD_RETRY = { attempts: 5, baseDelayMs: 400, maxDelayMs: 5e3 };
function retryAfterMs(value) {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return void 0;
  const seconds = Number(v);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1e3);
  const date = Date.parse(v);
  return Number.isNaN(date) ? void 0 : Math.max(0, date - Date.now());
}
var RETRY_AFTER_MAX_MS = 6e4;
function backoffDelayMs(policy, attempt, askedMs) {
  if (askedMs !== void 0) return Math.min(askedMs, RETRY_AFTER_MAX_MS);
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return exp / 2 + Math.random() * (exp / 2);
}
var TransientError = class extends Error {
  constructor(message, retryAfterMs2, stalled = false) {
    super(message);
    this.retryAfterMs = retryAfterMs2;
    this.stalled = stalled;
  }
  retryAfterMs;
  stalled;
};
var RetryBudget = class {
  fruitless = 0;
  silent = 0;
};
async function withRetries(policy, context, attempt) {
  const { signal, what } = context;
  const spent = context.budget ?? new RetryBudget();
  for (let n = 1; ; n++) {
    throwIfCancelled(signal, what);
    const before = context.progress?.();
    try {
      return await attempt(n);
    } catch (e) {
      if (!(e instanceof TransientError)) throw e;
      throwIfCancelled(signal, what);
      const moved = before !== void 0 && context.progress() > before;
      const fruitless = spent.fruitless = moved ? 0 : spent.fruitless + 1;
      spent.silent = e.stalled && !moved ? spent.silent + 1 : 0;
      if (fruitless >= policy.attempts || spent.silent >= STALL_ATTEMPTS)
        throw context.giveUp?.(e, fruitless) ?? new Error(`${e.message} (gave up after ${n} attempts)`);
      const delay = backoffDelayMs(policy, Math.max(1, fruitless), e.retryAfterMs);
      context.log?.(`retrying in ${(delay / 1e3).toFixed(1)} s: ${e.message}`);
      await sleep(delay, void 0, { signal }).catch(() => void 0);
    }
  }
}

// src/oci/registry/transport.ts
import { Readable as Readable3 } from "node:stream";

// src/oci/registry/auth.ts
function parseChallenge(header2) {
  if (!header2) return void 0;
  const m = /^\s*(\w+)\s*(.*)$/s.exec(header2);
  if (!m) return void 0;
  const scheme = m[1].toLowerCase();
  if (scheme !== "basic" && scheme !== "bearer") return void 0;
  const params = {};
  const re = /([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
  for (const p of m[2].matchAll(re))
    params[p[1].toLowerCase()] = p[2] !== void 0 ? p[2].replace(/\\(.)/g, "$1") : p[3];
  return { scheme, params };
}
var AuthError = class extends Error {
  name = "AuthError";
};
var DEFAULT_TOKEN_SECONDS = 60;
var EXPIRY_MARGIN_MS = 1e4;
var Authenticator = class {
  constructor(registry, credential, now = Date.now, stall = STALL_MS, searched) {
    this.registry = registry;
    this.credential = credential;
    this.now = now;
    this.stall = stall;
    this.searched = searched;
  }
  registry;
  credential;
  now;
  stall;
  searched;
  challenge;
  tokens = /* @__PURE__ */ new Map();
  /** Which credential was offered, for error messages. */
  get credentialSource() {
    return this.credential?.source ?? `anonymous (${this.searched ?? "no credentials found for this registry"})`;
  }
  /** Remember the registry's challenge (from a 401). */
  setChallenge(header2) {
    const parsed = parseChallenge(header2);
    if (parsed) this.challenge = parsed;
  }
  /** Forget cached tokens for these scopes (after a 401 with a token that looked valid). */
  invalidate(scopes) {
    this.tokens.delete(this.tokenKey(scopes));
  }
  tokenKey(scopes) {
    const c = this.challenge?.params;
    return JSON.stringify([c?.["realm"], c?.["service"], [...scopes].sort()]);
  }
  basic() {
    const c = this.credential;
    if (!c || c.username === void 0 || c.password === void 0) return void 0;
    return "Basic " + Buffer.from(`${c.username}:${c.password}`).toString("base64");
  }
  /** The Authorization header for a request needing `scopes`, or undefined (anonymous). */
  async authorization(scopes) {
    const challenge = this.challenge;
    if (!challenge) return void 0;
    if (challenge.scheme === "basic") {
      const basic = this.basic();
      if (!basic) {
        throw new AuthError(
          `${this.registry} asks for a username and password; ${this.credentialSource}`
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
  async fetchToken(challenge, scopes) {
    const realm = challenge.params["realm"];
    if (!realm) throw new AuthError(`${this.registry}: Bearer challenge without a realm`);
    let url;
    try {
      url = new URL(realm);
    } catch {
      throw new AuthError(`${this.registry}: Bearer realm is not a URL: ${realm}`);
    }
    try {
      return await this.askRealm(url, challenge.params["service"], scopes);
    } catch (e) {
      if (e instanceof AuthError) throw e;
      throw new AuthError(
        `${this.registry}: token realm ${url.origin}${url.pathname}: ${e instanceof BodyTooLargeError ? e.message : describeFetchError(e)}`
      );
    }
  }
  async askRealm(url, service, scopes) {
    const c = this.credential;
    const { request } = await undici();
    let res;
    if (c?.identityToken) {
      const form = new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: c.identityToken,
        client_id: "cog-push"
      });
      if (service) form.set("service", service);
      if (scopes.length) form.set("scope", scopes.join(" "));
      res = await request(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: form.toString(),
        ...stallOptions(this.stall)
      });
    } else {
      if (service) url.searchParams.set("service", service);
      for (const s of scopes) url.searchParams.append("scope", s);
      const headers = {};
      const basic = this.basic();
      if (basic) headers["authorization"] = basic;
      res = await request(url, { method: "GET", headers, ...stallOptions(this.stall) });
    }
    const text = (await readLimited(res.body, BODY_LIMIT.token, "the answer", res.statusCode !== 200)).toString("utf8");
    res.body.destroy();
    if (res.statusCode !== 200) {
      throw new AuthError(
        `${this.registry}: token request to ${url.origin}${url.pathname} failed with ${res.statusCode}; credentials tried: ${this.credentialSource}`
      );
    }
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      throw new AuthError(`${this.registry}: token response from ${url.origin} is not JSON`);
    }
    const token = body.token ?? body.access_token;
    if (!token)
      throw new AuthError(`${this.registry}: token response from ${url.origin} has no token`);
    const seconds = typeof body.expires_in === "number" && body.expires_in > 0 ? body.expires_in : DEFAULT_TOKEN_SECONDS;
    return { token, expiresAt: this.now() + seconds * 1e3 };
  }
};
function repositoryScope(repository, actions) {
  return `repository:${repository}:${actions}`;
}

// src/oci/registry/transport.ts
var MANIFEST_ACCEPT = [
  MEDIA_TYPE.ociManifest,
  MEDIA_TYPE.ociIndex,
  MEDIA_TYPE.dockerManifest,
  MEDIA_TYPE.dockerManifestList
].join(", ");
var DEFAULT_CHUNK_THRESHOLD = 128 * 1024 * 1024;
var DEFAULT_CHUNK_SIZE = 96 * 1024 * 1024;
function registryScheme(registry, insecure = []) {
  const host = registry.replace(/:\d+$/, "");
  if (host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host)) return "http";
  return insecure.includes(registry) || insecure.includes(host) ? "http" : "https";
}
var HttpStatusError = class extends TargetError {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
  status;
};
var CHUNKS_REFUSED_STATUS = /* @__PURE__ */ new Set([400, 405, 415, 416]);
function header(res, name) {
  const v = res.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}
function receivedFromRange(range) {
  const m = range ? /^(?:bytes=)?(\d+)-(\d+)$/.exec(range.trim()) : null;
  if (!m || m[2] === "0") return 0;
  return Number(m[2]) + 1;
}
async function* counted(source, onBytes) {
  for await (const chunk of source) {
    onBytes(chunk.length);
    yield chunk;
  }
}
var RegistryTransport = class {
  constructor(registry, repository, options = {}) {
    this.registry = registry;
    this.repository = repository;
    this.options = options;
    this.name = `${registry}/${repository}`;
    this.origin = `${registryScheme(registry, options.insecureRegistries)}://${registry}`;
    this.retry = { ...REGISTRY_RETRY, ...options.retry };
    this.pushScope = repositoryScope(repository, "pull,push");
  }
  registry;
  repository;
  options;
  name;
  origin;
  retry;
  http;
  auth;
  probing;
  pushScope;
  /** Set once the registry refuses a chunked upload: every later blob goes in one request. */
  chunkedRefused = false;
  /** undici's request() and this registry's agent, made on the first request. */
  httpClient() {
    const stall = this.stall;
    this.http ??= Promise.all([
      undici(),
      agent(
        {
          headersTimeout: stall.headers,
          bodyTimeout: stall.body,
          connect: { timeout: stall.connect },
          connections: 16
        },
        this.options.proxy
      )
    ]).then(([{ request }, dispatcher]) => ({ request, dispatcher }));
    return this.http;
  }
  async close() {
    if (this.http) await (await this.http).dispatcher.close();
  }
  async authenticator() {
    if (!this.auth) {
      const credential = await findCredential(
        this.registry,
        this.options.credentials,
        this.repository
      );
      const searched = credential ? void 0 : await searchedFor(this.registry, this.options.credentials);
      this.auth = new Authenticator(this.registry, credential, Date.now, this.stall, searched);
    }
    return this.auth;
  }
  deadlineMs(bodySize = 0, streamed = false) {
    return this.stall.headers + Math.ceil(bodySize / 1e6) * 1e3 + (streamed ? 6e4 : 0);
  }
  get stall() {
    return this.options.stall ?? STALL_MS;
  }
  /** One HTTP exchange, with auth. No retries here. */
  async send(call, auth) {
    const url = new URL(call.url, this.origin);
    const headers = { ...call.headers };
    if (url.origin === this.origin) {
      const authorization = await auth.authorization(call.scopes);
      if (authorization) headers["authorization"] = authorization;
    }
    const raw = call.body?.();
    const body = raw && !(raw instanceof Uint8Array) ? Readable3.from(raw, { objectMode: false }) : raw;
    if (call.bodySize !== void 0) headers["content-length"] = String(call.bodySize);
    const signal = withCancel(
      AbortSignal.timeout(this.deadlineMs(call.bodySize, body instanceof Readable3)),
      this.options.signal
    );
    const { request, dispatcher } = await this.httpClient();
    let res;
    try {
      res = await request(url, { method: call.method, headers, body, signal, dispatcher });
    } catch (e) {
      if (body instanceof Readable3) body.destroy();
      throw this.failure(e, call, url, false);
    }
    let data;
    try {
      const wanted = call.expect && call.ok.includes(res.statusCode) ? call.expect : void 0;
      data = await readLimited(
        res.body,
        wanted?.limit ?? BODY_LIMIT.error,
        `${this.registry}: ${wanted?.what ?? "the answer"}`,
        !wanted
      );
      if (!wanted) res.body.destroy();
    } catch (e) {
      res.body.destroy();
      throw this.failure(e, call, url, true);
    } finally {
      if (body instanceof Readable3 && !body.readableEnded) body.destroy();
    }
    return { status: res.statusCode, headers: res.headers, body: data };
  }
  /** A request that failed (or whose answer was `cut` short) as the error to throw. */
  failure(e, call, url, cut) {
    if (e instanceof TargetError || e instanceof AuthError) return e;
    if (e instanceof BodyTooLargeError) return new TargetError(e.message);
    throwIfCancelled(this.options.signal, `${this.registry}: ${call.method} ${url.pathname}`);
    const what = `${call.method} ${url.pathname}: ${cut ? "response cut: " : ""}${describeFetchError(e)}`;
    if (isPermanent(e) && !cut) return new TargetError(what);
    return new TransientError(what, void 0, isStall(e));
  }
  /**
   * Send with auth and retries (util/retry): transient failures back off and resend while the
   * policy allows. `replay: false` sends once and hands a transient failure to the caller as
   * it is, for requests whose caller resumes on its own (upload chunks).
   */
  async call(call, replay = true) {
    const auth = await this.authenticator();
    if (!replay) return this.exchange(call, auth, false);
    return withRetries(
      this.retry,
      this.retryContext(call.method),
      () => this.exchange(call, auth, true)
    );
  }
  /** How this registry's requests are retried: logged, cancellable, named in the give-up. */
  retryContext(method) {
    return {
      what: `${this.registry}: ${method}`,
      signal: this.options.signal,
      log: this.options.log,
      giveUp: (last, tries) => new TargetError(
        `${this.registry}: ${last.message} (${method} failed after ${tries} attempts)`
      )
    };
  }
  /**
   * One request and its answer. A 401 with a challenge renews the token and is sent once
   * more (without `replay`, the caller is told to resume instead); a transient answer is a
   * TransientError, any other unexpected one an HttpStatusError.
   */
  async exchange(call, auth, replay) {
    let res = await this.send(call, auth);
    if (res.status === 401) {
      this.renewAuth(res, call, auth);
      if (!replay)
        throw new TransientError(
          `${call.method} ${new URL(call.url, this.origin).pathname}: 401, token renewed`
        );
      res = await this.send(call, auth);
      if (res.status === 401) this.renewAuth(res, call, auth, true);
    }
    if (call.ok.includes(res.status)) return res;
    const message = this.describe(res, call);
    if (!TRANSIENT_STATUS.has(res.status))
      throw new HttpStatusError(`${this.registry}: ${message}`, res.status);
    throw new TransientError(message, retryAfterMs(header(res, "retry-after")));
  }
  /** After a 401: drop the token and take the new challenge, or fail when there is none. */
  renewAuth(res, call, auth, again = false) {
    auth.invalidate(call.scopes);
    const challenged = header(res, "www-authenticate");
    if (challenged && !again) {
      auth.setChallenge(challenged);
      return;
    }
    throw new AuthError(
      `${this.registry} refused the credentials (401 on ${call.method} ${new URL(call.url, this.origin).pathname}); credentials tried: ${auth.credentialSource}`
    );
  }
  describe(res, call) {
    let detail = "";
    try {
      const errors = JSON.parse(res.body.toString("utf8")).errors;
      detail = errors.map((x) => `${x.code}: ${x.message}`).join("; ");
    } catch {
      detail = res.body.toString("utf8").slice(0, 200).trim();
    }
    const path25 = new URL(call.url, this.origin).pathname;
    const writing = call.method !== "GET" && call.method !== "HEAD";
    const hint = res.status === 403 && writing ? writeDeniedHint(this.registry) : "";
    return `${call.method} ${path25} answered ${res.status}${detail ? ` (${detail})` : ""}${hint}`;
  }
  /** GET /v2/: learns the auth challenge, and fails early on an unreachable registry. */
  async probe() {
    this.probing ??= this.call({ method: "GET", url: "/v2/", scopes: [], ok: [200] }).then(
      () => void 0,
      (e) => {
        if (e instanceof AuthError) throw e;
        throw new TargetError(
          `cannot reach registry ${this.registry} (${this.origin}): ${e.message}`
        );
      }
    );
    return this.probing;
  }
};
function writeDeniedHint(registry) {
  if (registry === "ghcr.io")
    return ": the token may read but not write this package. In a workflow, give the job `permissions: packages: write` (and, for a package that exists already, grant this repository Write access in the package settings)";
  return ": the credentials may read this repository but not write it; use a login with push access";
}

// src/oci/registry/stream-upload.ts
var STREAM_CHUNK = 32 * 1024 * 1024;
var ChunksRefusedError = class extends RestartBlobError {
  name = "ChunksRefusedError";
};
var refusesChunks = (e, offset) => e instanceof HttpStatusError && offset === 0 && CHUNKS_REFUSED_STATUS.has(e.status);
var nextLocation = (res, location2) => new URL(header(res, "location") ?? location2, location2).href;
var ChunkedSession = class _ChunkedSession {
  constructor(channel, location2, chunkSize) {
    this.channel = channel;
    this.location = location2;
    this.chunkSize = chunkSize;
  }
  channel;
  location;
  chunkSize;
  /** Bytes the session holds: every PATCH starts here. */
  held = 0;
  /** A new session, its chunk size `wanted` within the bounds the registry advertised. */
  static async open(channel, wanted) {
    const start = await channel.startSession();
    const size = start.maxChunk > 0 ? Math.min(wanted, start.maxChunk) : wanted;
    return new _ChunkedSession(channel, start.location, Math.max(size, start.minChunk));
  }
  /** PATCH until the session holds `end`. */
  async send(end, chunk) {
    const context = {
      ...this.channel.retryContext,
      progress: () => this.held,
      giveUp: chunk.giveUp
    };
    await withRetries(this.channel.retry, context, async (attempt) => {
      if (attempt > 1) await this.resume(end, chunk);
      while (this.held < end) await this.patch(end, chunk);
    });
  }
  async patch(end, chunk) {
    const { channel } = this;
    const from = this.held;
    let res;
    try {
      res = await channel.call(
        {
          method: "PATCH",
          url: this.location,
          scopes: channel.scopes,
          headers: {
            "content-type": "application/octet-stream",
            "content-range": `${from}-${end - 1}`
          },
          body: () => chunk.bytes(from),
          bodySize: end - from,
          ok: [202, 201, 204]
        },
        false
      );
    } catch (e) {
      if (!refusesChunks(e, from)) throw e;
      channel.refuseChunks();
      throw new ChunksRefusedError(`${channel.registry} refused a chunked upload: ${e.message}`);
    }
    this.location = nextLocation(res, this.location);
    const said = receivedFromRange(header(res, "range"));
    const held = said > 0 ? said : end;
    if (held > end || held < end && chunk.shortRange === "restart")
      throw new RestartBlobError(
        `${channel.registry}: after a chunk up to byte ${end}, the session says it holds ${held}`
      );
    const moved = held > from;
    this.held = held;
    if (moved) return;
    channel.log(
      `${channel.registry}: the session of ${chunk.name} holds ${held} bytes after a chunk up to ${end}; sending from there`
    );
    throw new TransientError(`the session's Range stayed at ${held}`);
  }
  /** Ask the session where it stands after a failed PATCH, and continue from there. */
  async resume(end, chunk) {
    const { channel } = this;
    const status = await channel.call({
      method: "GET",
      url: this.location,
      scopes: channel.scopes,
      ok: [204, 404]
    });
    if (status.status === 404)
      throw new RestartBlobError(
        `${channel.registry}: the upload session of ${chunk.name} is gone`
      );
    this.location = nextLocation(status, this.location);
    const held = receivedFromRange(header(status, "range"));
    if (held < chunk.floor || held > end)
      throw new RestartBlobError(
        `${channel.registry}: the session holds ${held} bytes of ${chunk.name}; the bytes from ${chunk.floor} to ${end} are the ones at hand`
      );
    channel.log(`${channel.registry}: resuming ${chunk.name} at byte ${held}`);
    this.held = held;
  }
};
var StreamedBlobWriter = class {
  constructor(channel) {
    this.channel = channel;
  }
  channel;
  session;
  buffer;
  filled = 0;
  /** Blob offset of buffer[0]: every byte before it is in the registry. */
  start = 0;
  queue = Promise.resolve();
  failure;
  /** Writes must come in order, each where the last one ended (a download's slots do). */
  write(data, position) {
    return this.enqueue(() => this.take(data, position));
  }
  async commit(digest2, size) {
    await this.enqueue(async () => {
      if (this.start + this.filled !== size)
        throw new TargetError(
          `${this.channel.registry}: streamed blob ${digest2} has ${this.start + this.filled} bytes, not ${size}`
        );
      const session = await this.open();
      if (this.filled > 0) await this.flush();
      await this.channel.finish(session.location, digest2);
      this.session = void 0;
    });
  }
  async abort() {
    await this.queue;
    const location2 = this.session?.location;
    this.session = void 0;
    this.buffer = void 0;
    if (!location2) return;
    await this.channel.call({ method: "DELETE", url: location2, scopes: this.channel.scopes, ok: [204, 404] }).catch(() => void 0);
  }
  /** Run `step` after every earlier one; after a failure, every later step fails with it. */
  enqueue(step) {
    const run = this.queue.then(() => {
      if (this.failure !== void 0) throw this.failure;
      return step();
    });
    this.queue = run.catch((e) => {
      this.failure ??= e;
    });
    return run;
  }
  async open() {
    if (!this.session) {
      this.session = await ChunkedSession.open(this.channel, STREAM_CHUNK);
      this.buffer = new Uint8Array(this.session.chunkSize);
    }
    return this.session;
  }
  async take(data, position) {
    if (position !== this.start + this.filled)
      throw new TargetError(
        `${this.channel.registry}: streamed blob written at ${position}, where ${this.start + this.filled} was next`
      );
    await this.open();
    const buffer = this.buffer;
    for (let at = 0; at < data.length; ) {
      const n = Math.min(buffer.length - this.filled, data.length - at);
      buffer.set(data.subarray(at, at + n), this.filled);
      this.filled += n;
      at += n;
      if (this.filled === buffer.length) await this.flush();
    }
  }
  /** Send the held chunk; a failure resumes inside it. */
  async flush() {
    const { start, filled } = this;
    const end = start + filled;
    await this.session.send(end, {
      name: "a streamed blob",
      floor: start,
      bytes: (offset) => this.buffer.subarray(offset - start, filled),
      shortRange: "restart",
      giveUp: (last) => new TargetError(`${this.channel.registry}: ${last.message} (PATCH failed after retries)`)
    });
    this.start = end;
    this.filled = 0;
  }
};
function stuckUpload(registry, name, furthest, last, fruitless) {
  return new TargetError(
    last.stalled ? `${registry}: ${last.message} (PATCH stalled ${fruitless} times)` : `${registry}: the upload of ${name} got no further than byte ${furthest} in ${fruitless} PATCHes in a row (${last.message})`
  );
}
async function uploadChunked(channel, blob, options) {
  let sent = 0;
  let furthest = 0;
  const name = blob.digest;
  const giveUp = (last, fruitless) => stuckUpload(channel.registry, name, furthest, last, fruitless);
  const bytesOf = (offset, end) => {
    let chunkSent = 0;
    return counted(takeBytes(blob.open(offset), end - offset), (n) => {
      sent += n;
      chunkSent += n;
      options.onProgress?.(blob.digest, offset + chunkSent, blob.size);
    });
  };
  const attempt = async () => {
    const session = await ChunkedSession.open(channel, options.chunkSize);
    try {
      while (session.held < blob.size) {
        const end = Math.min(session.held + session.chunkSize, blob.size);
        await session.send(end, {
          name,
          floor: 0,
          bytes: (offset) => bytesOf(offset, end),
          shortRange: "resend",
          giveUp
        }).finally(() => furthest = Math.max(furthest, session.held));
      }
    } catch (e) {
      if (!(e instanceof RestartBlobError) || e instanceof ChunksRefusedError) throw e;
      channel.log(`${e.message}; starting over in a new session`);
      throw new TransientError(e.message);
    }
    await channel.finish(session.location, blob.digest);
    return { bytesWritten: sent };
  };
  try {
    return await withRetries(
      channel.retry,
      { ...channel.retryContext, progress: () => furthest, giveUp },
      attempt
    );
  } catch (e) {
    if (e instanceof ChunksRefusedError) return "refused";
    throw e;
  }
}

// src/util/redirects.ts
var MAX_REDIRECTS = 8;
function redirectTarget(statusCode, location2, from) {
  if (statusCode < 300 || statusCode >= 400 || location2 === void 0) return void 0;
  return new URL(String(location2), from);
}
async function followRedirects(start, authorization, hop, tooMany) {
  let url = start;
  for (let n = 0; n < MAX_REDIRECTS; n++) {
    const headers = {};
    if (authorization && url.origin === authorization.origin) {
      const value = await authorization.header();
      if (value) headers["authorization"] = value;
    }
    const answer = await hop(url, headers);
    if ("done" in answer) return answer.done;
    url = answer.next;
  }
  throw tooMany();
}

// src/oci/registry/client.ts
var RegistryTarget = class extends RegistryTransport {
  arrived = new ArrivedBlobs();
  async hasBlob(digest2) {
    await this.probe();
    const res = await this.call({
      method: "HEAD",
      url: `/v2/${this.repository}/blobs/${digest2}`,
      scopes: [repositoryScope(this.repository, "pull")],
      ok: [200, 404]
    });
    return res.status === 200 ? Number(header(res, "content-length") ?? -1) : null;
  }
  async mountBlob(digest2, fromRepository) {
    await this.probe();
    const q = new URLSearchParams({ mount: digest2, from: fromRepository });
    const res = await this.call({
      method: "POST",
      url: `/v2/${this.repository}/blobs/uploads/?${q}`,
      scopes: [this.pushScope, repositoryScope(fromRepository, "pull")],
      bodySize: 0,
      ok: [201, 202]
    });
    if (res.status === 201) return true;
    const location2 = header(res, "location");
    if (location2) {
      await this.call({
        method: "DELETE",
        url: location2,
        scopes: [this.pushScope],
        ok: [204, 404]
      }).catch(() => void 0);
    }
    return false;
  }
  async putBlob(blob) {
    const have = await this.hasBlob(blob.digest);
    if (have !== null) return { bytesWritten: 0 };
    return this.uploadBlob(blob);
  }
  async uploadBlob(blob) {
    const threshold = this.options.chunkThreshold ?? DEFAULT_CHUNK_THRESHOLD;
    if (blob.size > threshold && !this.chunkedRefused) {
      const chunked = await uploadChunked(this.channel(), blob, {
        chunkSize: this.options.chunkSize ?? DEFAULT_CHUNK_SIZE,
        onProgress: this.options.onProgress
      });
      if (chunked !== "refused") return chunked;
      this.chunkedRefused = true;
      this.options.log?.(
        `${this.registry} refused a chunked upload; sending blobs in one request from now on`
      );
    }
    return this.uploadMonolithic(blob);
  }
  async startSession() {
    const res = await this.call({
      method: "POST",
      url: `/v2/${this.repository}/blobs/uploads/`,
      scopes: [this.pushScope],
      bodySize: 0,
      ok: [202]
    });
    const location2 = header(res, "location");
    if (!location2) throw new TargetError(`${this.registry}: upload session without a Location`);
    return {
      location: new URL(location2, this.origin + "/").href,
      minChunk: Number(header(res, "oci-chunk-min-length") ?? 0) || 0,
      maxChunk: Number(header(res, "oci-chunk-max-length") ?? 0) || 0
    };
  }
  withDigest(location2, digest2) {
    const url = new URL(location2);
    url.searchParams.set("digest", digest2);
    return url.href;
  }
  checkDigest(res, digest2) {
    const echoed = header(res, "docker-content-digest");
    if (echoed && echoed !== digest2) {
      throw new TargetError(
        `${this.registry}: stored ${echoed} for blob ${digest2}; the registry and the bytes disagree`
      );
    }
  }
  async uploadMonolithic(blob) {
    return withRetries(this.retry, this.retryContext("PUT"), async () => {
      const session = await this.startSession();
      let sent = 0;
      const res = await this.call(
        {
          method: "PUT",
          url: this.withDigest(session.location, blob.digest),
          scopes: [this.pushScope],
          headers: { "content-type": "application/octet-stream" },
          body: () => counted(blob.open(0), (n) => {
            sent += n;
            this.options.onProgress?.(blob.digest, sent, blob.size);
          }),
          bodySize: blob.size,
          ok: [201]
        },
        false
      );
      this.checkDigest(res, blob.digest);
      return { bytesWritten: sent };
    });
  }
  /** The final PUT of a chunked session, naming the blob. */
  async finishUpload(location2, digest2) {
    const res = await this.call({
      method: "PUT",
      url: this.withDigest(location2, digest2),
      scopes: [this.pushScope],
      headers: { "content-type": "application/octet-stream" },
      bodySize: 0,
      ok: [201]
    });
    this.checkDigest(res, digest2);
  }
  /**
   * A blob streamed as it arrives (a weight file on its way from its source), or undefined
   * once the registry has refused chunked uploads: such a blob then needs a local copy.
   */
  async blobWriter() {
    if (this.chunkedRefused) return void 0;
    await this.probe();
    return recordedWriter(new StreamedBlobWriter(this.channel()), this.arrived);
  }
  /** What chunked uploads (stream-upload.ts) need of this transport. */
  channel() {
    return {
      registry: this.registry,
      retry: this.retry,
      scopes: [this.pushScope],
      call: (call, replay) => this.call(call, replay),
      retryContext: this.retryContext("PATCH"),
      startSession: () => this.startSession(),
      finish: (location2, digest2) => this.finishUpload(location2, digest2),
      refuseChunks: () => this.chunkedRefused = true,
      log: (m) => this.options.log?.(m)
    };
  }
  /**
   * A blob's bytes. Registries often redirect blob GETs to object storage: the redirect is
   * followed without the Authorization header, which belongs to the registry alone. A cut or a stall in the middle resumes where it stopped (`Range`), as
   * uploads do; the attempts are the retry policy's (fewer for stalls).
   */
  async *openBlob(digest2) {
    await this.probe();
    let offset = 0;
    let body;
    const context = {
      ...this.retryContext("GET"),
      budget: new RetryBudget(),
      giveUp: (last, tries) => new TargetError(`${this.registry}: ${last.message} (gave up after ${tries} attempts)`)
    };
    const nextChunk = async () => {
      try {
        body ??= (await this.blobFrom(digest2, offset))[Symbol.asyncIterator]();
        return await body.next();
      } catch (e) {
        body = void 0;
        if (e instanceof TargetError) throw e;
        const where = `GET blob ${digest2} at byte ${offset}: ${describeFetchError(e)}`;
        if (isPermanent(e)) throw new TargetError(`${this.registry}: ${where}`);
        throw new TransientError(where, void 0, isStall(e));
      }
    };
    let next;
    try {
      while (!(next = await withRetries(this.retry, context, nextChunk)).done) {
        offset += next.value.length;
        yield next.value;
      }
    } finally {
      await body?.return?.();
    }
  }
  /** The blob's bytes from `offset` on: a 206 that starts there, or a 200 with the start skipped. */
  async blobFrom(digest2, offset) {
    const auth = await this.authenticator();
    const scopes = [repositoryScope(this.repository, "pull")];
    return followRedirects(
      new URL(`/v2/${this.repository}/blobs/${digest2}`, this.origin),
      { origin: this.origin, header: () => auth.authorization(scopes) },
      async (url, headers) => {
        if (offset > 0) headers["range"] = `bytes=${offset}-`;
        const { request, dispatcher } = await this.httpClient();
        const res = await request(url, {
          method: "GET",
          headers,
          dispatcher,
          signal: this.options.signal
        });
        const next = redirectTarget(res.statusCode, res.headers["location"], url);
        if (next) {
          await res.body.dump();
          return { next };
        }
        const body = res.body;
        if (res.statusCode === 200) return { done: offset > 0 ? skipBytes(body, offset) : body };
        const start = /^bytes (\d+)-/.exec(String(res.headers["content-range"] ?? ""))?.[1];
        if (res.statusCode === 206 && Number(start) === offset) return { done: body };
        const text = (await readLimited(body, 200, "the answer", true)).toString("utf8");
        res.body.destroy();
        throw new TargetError(
          `${this.name}: GET blob ${digest2}${offset > 0 ? ` from byte ${offset}` : ""} answered ${res.statusCode}: ${text}`
        );
      },
      () => new TargetError(`${this.name}: GET blob ${digest2}: too many redirects`)
    );
  }
  /** HEAD or GET a manifest by tag or digest; null when the registry does not have it. */
  async fetchManifest(method, reference) {
    await this.probe();
    const res = await this.call({
      method,
      url: `/v2/${this.repository}/manifests/${reference}`,
      scopes: [repositoryScope(this.repository, "pull")],
      headers: { accept: MANIFEST_ACCEPT },
      ok: [200, 404],
      expect: { limit: BODY_LIMIT.manifest, what: `manifest ${reference} (over the OCI limit)` }
    });
    return res.status === 404 ? null : res;
  }
  async hasManifest(reference) {
    const res = await this.fetchManifest("HEAD", reference);
    if (!res) return null;
    const digest2 = header(res, "docker-content-digest");
    if (!digest2) {
      const full = await this.getManifest(reference);
      return full && { digest: full.digest, mediaType: full.mediaType, size: full.size };
    }
    if (reference.startsWith("sha256:") && digest2 !== reference) {
      throw new TargetError(
        `${this.name}: asked for manifest ${reference}, registry says ${digest2}`
      );
    }
    return {
      digest: digest2,
      mediaType: header(res, "content-type") ?? MEDIA_TYPE.ociManifest,
      size: Number(header(res, "content-length") ?? 0)
    };
  }
  async getManifest(reference) {
    const res = await this.fetchManifest("GET", reference);
    if (!res) return null;
    const digest2 = sha256(res.body);
    const echoed = header(res, "docker-content-digest");
    if (echoed && echoed !== digest2 || reference.startsWith("sha256:") && reference !== digest2) {
      throw new TargetError(
        `${this.name}: manifest ${reference} bytes hash to ${digest2}, registry says ${echoed ?? reference}`
      );
    }
    return {
      digest: digest2,
      mediaType: header(res, "content-type") ?? MEDIA_TYPE.ociManifest,
      size: res.body.length,
      bytes: new Uint8Array(res.body)
    };
  }
  async putManifest(bytes, mediaType, reference) {
    await this.probe();
    const digest2 = sha256(bytes);
    if (reference.startsWith("sha256:") && reference !== digest2) {
      throw new TargetError(`${this.name}: manifest bytes are ${digest2}, not ${reference}`);
    }
    const res = await this.call({
      method: "PUT",
      url: `/v2/${this.repository}/manifests/${reference}`,
      scopes: [this.pushScope],
      headers: { "content-type": mediaType },
      body: () => bytes,
      bodySize: bytes.length,
      ok: [201]
    });
    const echoed = header(res, "docker-content-digest");
    if (echoed && echoed !== digest2) {
      throw new TargetError(
        `${this.name}: registry stored manifest ${reference} as ${echoed}, but its bytes are ${digest2}`
      );
    }
    return digest2;
  }
};

// src/oci/open.ts
var OCI_LAYOUT_PREFIX = "oci-layout:";
function openTarget(to, options = {}) {
  if (to.startsWith(OCI_LAYOUT_PREFIX)) {
    const dir = path13.resolve(to.slice(OCI_LAYOUT_PREFIX.length));
    const target2 = new OciLayoutTarget(dir);
    return { target: target2, repositoryRef: target2.name, close: async () => void 0 };
  }
  let repo;
  try {
    repo = parseRepository(to);
  } catch (e) {
    throw new ReferenceError2(
      `--to "${to}" is not a repository (registry/path) or oci-layout:DIR: ${e.message}`
    );
  }
  const target = new RegistryTarget(repo.registry, repo.repository, options);
  return { target, repositoryRef: target.name, close: () => target.close() };
}

// src/publish/types.ts
var PublishError = class extends Error {
  name = "PublishError";
};

// src/publish/image.ts
async function publishImage(plan, session, lock, io = {}) {
  const started = Date.now();
  const made = plan.image.kind === "build" ? await buildImage(plan, session, plan.image, io) : await copyPrebuilt(plan, session, plan.image);
  const descriptor = plan.dryRun || !lock || lock.weights.length === 0 ? made.descriptor : await withWeightsJson(plan, session, made.descriptor, lock);
  const how = (plan.image.kind === "build" ? `built with ${plan.image.builder}` : `from ${plan.image.spec}`) + (made.note ? `, ${made.note}` : "");
  const report = {
    how,
    size: plan.dryRun ? void 0 : await imageSize(session, descriptor.digest),
    bytesUploaded: made.bytesUploaded,
    seconds: (Date.now() - started) / 1e3
  };
  if (!plan.dryRun)
    session.ledger.record({
      what: "image",
      digest: descriptor.digest,
      tag: plan.imageTag,
      state: "pushed",
      bytesUploaded: made.bytesUploaded
    });
  return { descriptor, report };
}
async function imageSize(session, digest2) {
  const m = await session.target.getManifest(digest2).catch(() => null);
  if (!m) return void 0;
  try {
    const json = parseJsonObject(m.bytes, `${session.target.name}: image manifest ${digest2}`);
    return (json.layers ?? []).reduce((n, l) => n + (l.size ?? 0), json.config?.size ?? 0);
  } catch {
    return void 0;
  }
}
async function withWeightsJson(plan, session, image, lock) {
  const head = await readImageHead(session.target, image.digest);
  if (!head || await readImageWeights(session.target, head)) return image;
  const added = await addWeightsJson(session.target, image, plan.imageTag, lock);
  session.log.info(
    `image: it had no /.cog/weights.json, which Cog's runtime needs to use managed weights; added it from weights.lock as one more layer (${image.digest} -> ${added.digest})`
  );
  return added;
}
async function openPrebuilt(session, spec) {
  const none = async () => void 0;
  switch (spec.kind) {
    case "docker-archive":
      return { source: await DockerArchive.open(spec.file), reference: "archive", close: none };
    case "oci-layout": {
      const layout = new OciLayoutTarget(spec.path);
      const reference = spec.reference ?? await layout.defaultReference();
      return { source: layout, reference, close: none };
    }
    case "oci-archive": {
      const archive = await OciArchive.open(spec.path);
      const reference = spec.reference ?? archive.defaultReference();
      return { source: archive, reference, close: none };
    }
    case "registry": {
      const opened = openTarget(spec.repository, session.registryOptions(spec.login));
      return { source: opened.target, reference: spec.reference, close: opened.close };
    }
  }
}
async function copyPrebuilt(plan, session, spec) {
  const opened = await openPrebuilt(session, spec);
  const { reference, close } = opened;
  try {
    const { source, note } = await compressedIfPlain(plan, session, spec, opened);
    if (plan.dryRun) {
      const m = await source.hasManifest(reference);
      if (!m) throw new PublishError(`image ${spec.spec} not found`);
      return { descriptor: { mediaType: m.mediaType, size: m.size, digest: m.digest } };
    }
    const copied = await copyImage(source, reference, session.target, plan.imageTag, {
      platform: plan.platform,
      mountFrom: spec.kind === "registry" ? spec.mountFrom : void 0,
      concurrency: plan.concurrency
    });
    session.log.info(`image: ${copied.descriptor.digest} (${copied.bytesUploaded} bytes uploaded)`);
    return { ...copied, note };
  } finally {
    await close();
  }
}
async function compressedIfPlain(plan, session, spec, opened) {
  if (spec.kind !== "docker-archive" || !spec.compress) return { source: opened.source };
  const done = await compressLayers(opened.source, opened.reference, {
    cacheDir: path14.join(session.packing.packCache.dir, "gzip-layers"),
    concurrency: plan.concurrency
  });
  if (!done) return { source: opened.source };
  session.log.info(
    `image: ${done.layers} uncompressed layer(s) of ${spec.spec} go up gzip-compressed (${formatBytes(done.bytesBefore)} \u2192 ${formatBytes(done.bytesAfter)}), so the image digest is ${done.to}, not the archive's ${done.from} (compress-layers: false keeps them as they are)`
  );
  return {
    source: done.source,
    note: `${done.layers} layer(s) gzip-compressed on the way: the image digest is not the archive's ${done.from.slice(0, 19)}\u2026`
  };
}
async function checkImage(plan, session) {
  const spec = plan.image;
  if (spec.kind !== "build") {
    const opened = await openPrebuilt(session, spec);
    try {
      if (!await opened.source.hasManifest(opened.reference))
        throw new PublishError(`image ${spec.spec} not found`);
    } finally {
      await opened.close();
    }
    return;
  }
  await checkSecrets(spec.options.secrets, plan.projectDir, session.builds.childEnv);
  if (spec.builder === "cog" && plan.format === "bundle") await checkCog(session.builds.childEnv);
  if (spec.builder !== "cog")
    await checkDockerfile(dockerfilePath(plan.projectDir, spec.options), spec.builder);
}
async function buildImage(plan, session, spec, io) {
  const workDir = await scratchDir(session.builds.scratchRoot);
  const forget = removeOnSignal(workDir);
  try {
    const buildx = spec.builder === "docker" && await hasBuildx(session.builds.childEnv);
    if (spec.builder === "docker") session.log.info(dockerBuildMode(buildx));
    const build = buildPlan({
      builder: spec.builder,
      projectDir: plan.projectDir,
      configName: plan.configName,
      imageRef: spec.imageRef,
      platform: plan.platform,
      workDir,
      buildx,
      options: spec.options
    });
    if (plan.dryRun) {
      for (const c of build.commands) session.log.info(`would run: ${describeCommand(c)}`);
      return { descriptor: { mediaType: MEDIA_TYPE.ociManifest, size: 0, digest: "" } };
    }
    await runBuild(build, {
      login: plan.login,
      dockerConfigDir: session.builds.dockerConfigDir,
      workDir,
      env: session.builds.childEnv,
      log: (m) => session.log.info(m),
      output: io.output ?? ((line) => session.log.info(line)),
      signal: io.signal
    });
    if (build.result.kind === "oci-layout") {
      const copied = await copyImage(
        new OciLayoutTarget(build.result.dir),
        build.result.tag,
        session.target,
        plan.imageTag,
        { platform: plan.platform, concurrency: plan.concurrency }
      );
      return copied;
    }
    const pushed = await session.target.hasManifest(plan.imageTag);
    if (!pushed)
      throw new PublishError(
        `${spec.builder} reported success, but ${spec.imageRef} is not in the registry`
      );
    return { descriptor: pushed };
  } finally {
    await rm4(workDir, { recursive: true, force: true });
    forget();
  }
}

// src/weights/artifact.ts
var utf82 = new TextEncoder();
function setDigest(files) {
  const lines3 = files.map((f) => `${f.digest.slice(f.digest.indexOf(":") + 1)}  ${f.path}`);
  return sha256(lines3.sort(compareUtf8).join("\n"));
}
function configBlob(name, target, digestOfSet, files) {
  const sorted2 = [...files].sort((a, b) => compareUtf8(a.path, b.path));
  return goMarshal({
    name,
    target,
    setDigest: digestOfSet,
    files: sorted2.map((f) => ({ path: f.path, layer: f.layer, size: f.size, digest: f.digest }))
  });
}
function weightManifest(name, target, digestOfSet, config, layers) {
  for (const l of layers) {
    if (l.sizeUncompressed <= 0) {
      throw new Error(`weight "${name}": layer ${l.digest} has invalid uncompressed size 0`);
    }
  }
  const sorted2 = [...layers].sort((a, b) => compareUtf8(a.digest, b.digest));
  return goMarshal({
    schemaVersion: 2,
    mediaType: MEDIA_TYPE.ociManifest,
    artifactType: ARTIFACT_TYPE_WEIGHT,
    config: {
      mediaType: MEDIA_TYPE.weightConfig,
      size: utf82.encode(config).length,
      digest: sha256(config)
    },
    layers: sorted2.map((l) => ({
      mediaType: l.mediaType,
      size: l.size,
      digest: l.digest,
      annotations: goMap({ [ANNOTATION.weightSizeUncompressed]: String(l.sizeUncompressed) })
    })),
    annotations: goMap({
      [ANNOTATION.weightName]: name,
      [ANNOTATION.weightSetDigest]: digestOfSet,
      [ANNOTATION.weightTarget]: target
    })
  });
}
function buildWeightArtifact(name, target, files, layers) {
  const digestOfSet = setDigest(files);
  const config = configBlob(name, target, digestOfSet, files);
  const manifest = weightManifest(name, target, digestOfSet, config, layers);
  return {
    name,
    target,
    setDigest: digestOfSet,
    config,
    configDigest: sha256(config),
    manifest,
    manifestDigest: sha256(manifest),
    manifestSize: utf82.encode(manifest).length,
    tag: weightTag(name, digestOfSet),
    sizeUncompressed: files.reduce((n, f) => n + f.size, 0)
  };
}

// src/weights/integrity.ts
function sorted(xs, key) {
  return xs.every((x, i) => i === 0 || compareUtf8(key(xs[i - 1]), key(x)) < 0);
}
function checkEntry(entry) {
  const out = [];
  const add = (field2, message) => out.push({ weight: entry.name, field: field2, message });
  const layerDigests = new Set(entry.layers.map((l) => l.digest));
  if (!sorted(entry.files, (f) => f.path))
    add("files", "not sorted by path (Cog writes them sorted, without duplicates)");
  if (!sorted(entry.layers, (l) => l.digest))
    add("layers", "not sorted by digest (Cog writes them sorted, without duplicates)");
  entry.files.forEach((f, i) => {
    if (!layerDigests.has(f.layer))
      add(`files[${i}].layer`, `${f.path}: ${f.layer} is not one of the listed layers`);
  });
  entry.layers.forEach((l, i) => {
    const sum = entry.files.filter((f) => f.layer === l.digest).reduce((n, f) => n + f.size, 0);
    if (sum !== l.sizeUncompressed) {
      add(
        `layers[${i}].sizeUncompressed`,
        `recorded ${l.sizeUncompressed}, its files add up to ${sum}`
      );
    }
  });
  const size = entry.files.reduce((n, f) => n + f.size, 0);
  if (size !== entry.size) add("size", `recorded ${entry.size}, the files add up to ${size}`);
  const compressed = entry.layers.reduce((n, l) => n + l.size, 0);
  if (compressed !== entry.sizeCompressed)
    add("sizeCompressed", `recorded ${entry.sizeCompressed}, the layers add up to ${compressed}`);
  const set = setDigest(entry.files);
  if (set !== entry.setDigest)
    add("setDigest", `recorded ${entry.setDigest}, the files give ${set}`);
  try {
    const config = configBlob(entry.name, entry.target, entry.setDigest, entry.files);
    const manifest = weightManifest(
      entry.name,
      entry.target,
      entry.setDigest,
      config,
      entry.layers
    );
    const digest2 = sha256(manifest);
    if (digest2 !== entry.digest)
      add("digest", `recorded ${entry.digest}, the entry's manifest is ${digest2}`);
  } catch (e) {
    add("layers", e.message);
  }
  return out;
}
function checkLockfile(lock) {
  return lock.weights.flatMap(checkEntry);
}
function integrityMessage(findings, lockPath) {
  return [
    `${lockPath} is not consistent with itself (edited by hand, or merged wrongly?):`,
    ...findings.map((f) => `  weight "${f.weight}": ${f.field}: ${f.message}`),
    "fix: re-import the weights (`cog weights import`, or the action input `import-weights: true`) and commit weights.lock"
  ].join("\n");
}

// src/weights/drift.ts
function sourcesOf(weight) {
  return weight.sources.map((s) => ({
    uri: normalizeSourceUri(s.uri),
    include: s.include.map((p) => p.trim()).sort(compareUtf8),
    exclude: s.exclude.map((p) => p.trim()).sort(compareUtf8)
  }));
}
function checkDrift(config, lock) {
  const findings = [];
  const entries = new Map((lock?.weights ?? []).map((e) => [e.name, e]));
  for (const w of config.weights) {
    const e = entries.get(w.name);
    if (!e) {
      findings.push({ kind: "pending", name: w.name });
      continue;
    }
    const fields = [];
    if (cleanPosix(e.target) !== w.target)
      fields.push(`target: cog.yaml "${w.target}", weights.lock "${e.target}"`);
    const want = sourcesOf(w);
    const have = e.sources.map((s) => ({
      uri: s.uri,
      include: [...s.include].sort(compareUtf8),
      exclude: [...s.exclude].sort(compareUtf8)
    }));
    const show = (xs) => JSON.stringify(xs);
    if (want.length !== have.length)
      fields.push(`sources: cog.yaml has ${want.length}, weights.lock ${have.length}`);
    want.forEach((s, i) => {
      const h = have[i];
      if (!h) return;
      if (s.uri !== h.uri)
        fields.push(`sources[${i}].uri: cog.yaml "${s.uri}", weights.lock "${h.uri}"`);
      if (show(s.include) !== show(h.include))
        fields.push(
          `sources[${i}].include: cog.yaml ${show(s.include)}, weights.lock ${show(h.include)}`
        );
      if (show(s.exclude) !== show(h.exclude))
        fields.push(
          `sources[${i}].exclude: cog.yaml ${show(s.exclude)}, weights.lock ${show(h.exclude)}`
        );
    });
    if (fields.length > 0) findings.push({ kind: "changed", name: w.name, fields });
  }
  const declared = new Set(config.weights.map((w) => w.name));
  for (const e of lock?.weights ?? []) {
    if (!declared.has(e.name)) findings.push({ kind: "orphaned", name: e.name });
  }
  return findings;
}
function driftMessage(findings, lockPath) {
  const lines3 = [`${lockPath} does not match cog.yaml:`];
  for (const f of findings) {
    if (f.kind === "pending")
      lines3.push(`  pending: weight "${f.name}" is in cog.yaml but not in weights.lock`);
    if (f.kind === "orphaned")
      lines3.push(`  orphaned: weight "${f.name}" is in weights.lock but not in cog.yaml`);
    if (f.kind === "changed") lines3.push(`  changed: weight "${f.name}": ${f.fields.join("; ")}`);
  }
  lines3.push(
    "fix: run `cog weights import` (or `cog-push weights import`) and commit weights.lock, or set the action input `import-weights: true`"
  );
  return lines3.join("\n");
}

// src/weights/filter.ts
var MAGIC_STAR = "#$~";
function compilePattern(input) {
  let line = input.replace(/\r+$/, "");
  if (line.startsWith("#")) return void 0;
  line = line.replace(/^ +| +$/g, "");
  if (line === "") return void 0;
  if (line.startsWith("!")) line = line.slice(1);
  if (/^(#|!)/.test(line)) line = line.slice(1);
  if (/([^/+])\/.*\*\./.test(line) && line[0] !== "/") line = "/" + line;
  line = line.replace(/\./g, "\\.");
  if (line.startsWith("/**/")) line = line.slice(1);
  line = line.replace(/\/\*\*\//g, "(/|/.+/)");
  line = line.replace(/\*\*\//g, `(|.${MAGIC_STAR}/)`);
  line = line.replace(/\/\*\*/g, `(|/.${MAGIC_STAR})`);
  line = line.replace(/\\\*/g, `\\${MAGIC_STAR}`);
  line = line.replace(/\*/g, "([^/]*)");
  line = line.split("?").join("\\?");
  line = line.split(MAGIC_STAR).join("*");
  let expr = line.endsWith("/") ? `${line}(|.*)$` : `${line}(|/.*)$`;
  expr = expr.startsWith("/") ? `^(|/)${expr.slice(1)}` : `^(|.*/)${expr}`;
  try {
    return new RegExp(expr);
  } catch {
    return void 0;
  }
}
function pathFilter(include, exclude) {
  const inc = include.map(compilePattern).filter((r) => r !== void 0);
  const exc = exclude.map(compilePattern).filter((r) => r !== void 0);
  return (p) => {
    if (exc.some((r) => r.test(p))) return false;
    return include.length === 0 || inc.some((r) => r.test(p));
  };
}
function noSurvivorsMessage(total, include, exclude) {
  const list2 = (xs) => `[${xs.map((x) => JSON.stringify(x)).join(", ")}]`;
  let m = `include/exclude patterns matched zero files out of ${total} in the source`;
  if (include.length > 0) m += `
  include: ${list2(include)}`;
  if (exclude.length > 0) m += `
  exclude: ${list2(exclude)}`;
  return m + "\n  check your patterns \u2014 did you mean a different glob?";
}

// src/weights/inventory.ts
import { accessSync, constants, lstatSync, readdirSync } from "node:fs";
import { lstat as lstat2 } from "node:fs/promises";
import path15 from "node:path";

// src/util/yielder.ts
var YIELD_MS = 20;
var Yielder = class {
  since = performance.now();
  /** Let the event loop run if YIELD_MS have passed since it last did. */
  async turn() {
    if (performance.now() - this.since < YIELD_MS) return;
    await new Promise((resolve) => setImmediate(resolve));
    this.since = performance.now();
  }
};

// src/weights/layers.ts
var DEFAULT_BUNDLE_FILE_MAX = 64 * 1024 * 1024;
var DEFAULT_BUNDLE_SIZE_MAX = 256 * 1024 * 1024;
var INCOMPRESSIBLE_EXTENSIONS = /* @__PURE__ */ new Set([
  ".safetensors",
  ".bin",
  ".gguf",
  ".onnx",
  ".parquet",
  ".pt",
  ".pth"
]);
function byPath(a, b) {
  return compareUtf8(a.path, b.path);
}
function goExt(p) {
  const dot = p.lastIndexOf(".");
  return dot > p.lastIndexOf("/") ? p.slice(dot) : "";
}
function layer(files, mediaType) {
  return {
    files,
    mediaType,
    gzipLevel: mediaType === MEDIA_TYPE.layerTarGzip ? files.length > 1 ? 9 : 6 : null,
    sizeUncompressed: files.reduce((n, f) => n + f.size, 0)
  };
}
function largeFileMediaType(filePath) {
  return INCOMPRESSIBLE_EXTENSIONS.has(goExt(filePath).toLowerCase()) ? MEDIA_TYPE.layerTar : MEDIA_TYPE.layerTarGzip;
}
function getsPlainTarLayer(filePath, size, options = {}) {
  const fileMax = options.bundleFileMax || DEFAULT_BUNDLE_FILE_MAX;
  return size >= fileMax && largeFileMediaType(filePath) === MEDIA_TYPE.layerTar;
}
function planLayers(files, options = {}) {
  const fileMax = options.bundleFileMax || DEFAULT_BUNDLE_FILE_MAX;
  const bundleMax = options.bundleSizeMax || DEFAULT_BUNDLE_SIZE_MAX;
  const sorted2 = [...files].sort(byPath);
  const layers = [];
  let bundle = [];
  let bundleSize = 0;
  for (const f of sorted2) {
    if (f.size >= fileMax) continue;
    if (bundleSize > 0 && bundleSize + f.size > bundleMax) {
      layers.push(layer(bundle, MEDIA_TYPE.layerTarGzip));
      bundle = [];
      bundleSize = 0;
    }
    bundle.push(f);
    bundleSize += f.size;
  }
  if (bundle.length > 0) layers.push(layer(bundle, MEDIA_TYPE.layerTarGzip));
  for (const f of sorted2) {
    if (f.size < fileMax) continue;
    layers.push(layer([f], largeFileMediaType(f.path)));
  }
  return layers;
}

// src/weights/inventory.ts
var InventoryError = class extends Error {
  name = "InventoryError";
};
var COG_DIR = ".cog";
var strictUtf8 = new TextDecoder("utf-8", { fatal: true });
function kindOf(entry) {
  if (entry.isSymbolicLink()) return "symlink";
  if (entry.isFIFO()) return "FIFO";
  if (entry.isSocket()) return "socket";
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return "device";
  return "special file";
}
async function inventoryDirectory(root) {
  const abs = path15.resolve(root);
  let st;
  try {
    st = await lstat2(abs);
  } catch {
    throw new InventoryError(`weight source not found: ${abs}`);
  }
  if (st.isSymbolicLink()) {
    throw new InventoryError(`weight source ${abs} is a symlink; point at the directory itself`);
  }
  if (!st.isDirectory()) throw new InventoryError(`weight source ${abs} is not a directory`);
  const files = [];
  await walk(abs, "", files, new Yielder());
  if (files.length === 0) {
    throw new InventoryError(`weight source ${abs} has no files (empty directories do not count)`);
  }
  return files.sort(byPath);
}
async function walk(absDir, relDir, out, yielder) {
  let entries;
  try {
    entries = readdirSync(absDir, { withFileTypes: true, encoding: "buffer" });
  } catch (e) {
    throw new InventoryError(`cannot read directory ${absDir}: ${e.message}`);
  }
  const dirs2 = [];
  for (const entry of entries) {
    const raw = entry.name;
    let name;
    try {
      name = strictUtf8.decode(raw);
    } catch {
      const shown2 = path15.join(absDir, raw.toString("latin1"));
      throw new InventoryError(
        `weight file name is not valid UTF-8: ${JSON.stringify(shown2)}; rename it before packing`
      );
    }
    const rel = relDir === "" ? name : `${relDir}/${name}`;
    const abs = path15.join(absDir, name);
    const problem = pathProblem(rel);
    if (problem)
      throw new InventoryError(`weight file path ${JSON.stringify(rel)} ${problem}: ${abs}`);
    if (entry.isDirectory()) {
      if (name !== COG_DIR) dirs2.push({ abs, rel });
    } else if (entry.isFile()) {
      if (name === COG_DIR) {
        throw new InventoryError(
          `${abs}: "${COG_DIR}" is reserved for Cog's metadata directory, but here it is a file; rename or remove it`
        );
      }
      out.push(statFile(abs, rel));
      await yielder.turn();
    } else {
      throw new InventoryError(
        `weight source contains non-regular entry "${rel}" (${kindOf(entry)}) at ${abs}; resolve to regular files before packing`
      );
    }
  }
  for (const d of dirs2) await walk(d.abs, d.rel, out, yielder);
}
function statFile(abs, rel) {
  let st;
  try {
    st = lstatSync(abs, { bigint: true });
    accessSync(abs, constants.R_OK);
  } catch (e) {
    throw new InventoryError(`cannot read ${abs}: ${e.message}`);
  }
  const stamp = `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
  return { path: rel, size: Number(st.size), source: abs, stamp };
}

// src/weights/sources/file.ts
import path16 from "node:path";
function localSourceDir(source, projectDir) {
  return path16.resolve(projectDir, normalizeFileUri(source.uri).slice("file://".length));
}

// src/weights/sources/http.ts
import path18 from "node:path";

// src/weights/sources/slots.ts
import { Writable } from "node:stream";

// src/util/shared-copy.ts
var WORD = 8;
var ALIGN_MIN = 1024;
var scratch = new Uint8Array(256 * 1024 + WORD);
function copyIntoShared(target, source, offset) {
  const to = target.byteOffset + offset;
  if (source.length < ALIGN_MIN || (to - source.byteOffset & WORD - 1) === 0) {
    target.set(source, offset);
    return;
  }
  const shift = to & WORD - 1;
  const piece = scratch.length - WORD;
  for (let at = 0; at < source.length; at += piece) {
    const part = source.subarray(at, at + piece);
    scratch.set(part, shift);
    target.set(scratch.subarray(shift, shift + part.length), offset + at);
  }
}

// src/weights/sources/slots.ts
var HeadDone = class extends Error {
  name = "HeadDone";
};
var WriteError = class extends SourceError {
};
var LayerBlobError = class extends Error {
  name = "LayerBlobError";
};
var restartable = (e) => e instanceof RestartBlobError ? new LayerBlobError(e.message, { cause: e }) : e;
var SlotSink = class {
  constructor(file, start, hashes, slots, ready) {
    this.file = file;
    this.hashes = hashes;
    this.slots = slots;
    this.dispatched = start;
    this.queued = start;
    this.taking = ready;
  }
  file;
  hashes;
  slots;
  slot;
  fill = 0;
  dispatched;
  /** The file's bytes handed to this sink so far (taken, or waiting their turn). */
  queued;
  inflight = /* @__PURE__ */ new Set();
  /** Chunks are taken one after another; a slot may have to be waited for. */
  taking;
  /** Told the file's byte count after each chunk is taken (progress lines). */
  onTaken;
  /** The first write or hash that failed: the body stops being taken (no use reading on). */
  failure;
  /**
   * A response body's writer. With `until`, it takes bytes only up to that offset of the file
   * and then fails with HeadDone, which stops the request: the rest comes in ranges.
   */
  writable(until) {
    return new Writable({
      highWaterMark: 1 << 20,
      write: (chunk, _encoding, done) => {
        const room = until === void 0 ? chunk.length : until - this.queued;
        const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
        const full = until !== void 0 && this.queued + part.length >= until;
        this.push(part).then(() => done(full ? new HeadDone() : void 0), done);
      }
    });
  }
  /** Take `chunk` after everything taken before it; it is copied, so the caller may reuse it. */
  push(chunk) {
    this.queued += chunk.length;
    this.taking = this.taking.then(() => this.take(chunk));
    return this.taking;
  }
  async take(chunk) {
    if (this.failure !== void 0) throw this.failure;
    for (let at = 0; at < chunk.length; ) {
      this.slot ??= await this.slots.acquire();
      const n = Math.min(chunk.length - at, this.slot.length - this.fill);
      copyIntoShared(this.slot, chunk.subarray(at, at + n), this.fill);
      this.fill += n;
      at += n;
      if (this.fill === this.slot.length) this.dispatch();
    }
    this.onTaken?.(this.dispatched + this.fill);
  }
  /**
   * Take `data` as it is, without a copy (a range window, in shared memory the hash workers
   * read directly): it must stay untouched until `release` is called, which happens once every
   * write and hash has read it — or at once, if the sink has failed before taking it.
   */
  adopt(data, release) {
    this.queued += data.length;
    let handed = false;
    this.taking = this.taking.then(() => {
      if (this.failure !== void 0) throw this.failure;
      if (this.fill > 0) this.dispatch();
      handed = true;
      this.send(data, release);
      this.onTaken?.(this.dispatched);
    });
    this.taking.catch(() => {
      if (!handed) release();
    });
    return this.taking;
  }
  dispatch() {
    const buffer = this.slot;
    const data = buffer.subarray(0, this.fill);
    this.slot = void 0;
    this.fill = 0;
    this.send(data, () => this.slots.release(buffer));
  }
  /** Write `data` at its offset and hash it; `release` once nothing reads it any more. */
  send(data, release) {
    const at = this.dispatched;
    this.dispatched += data.length;
    const work = allSettledOrThrow([
      this.file.file?.write(data, 0, data.length, at).catch((e) => {
        const full = e.code === "ENOSPC" ? "; the weight store's disk is full: free space, or set COG_PUSH_STORE_DIR to a larger disk" : "";
        throw new WriteError(`cannot write ${this.file.path}: ${e.message}${full}`);
      }),
      ...this.hashes.update(data, at)
    ]);
    const tracked = work.finally(() => {
      release();
      this.inflight.delete(tracked);
    });
    tracked.catch((e) => this.failure ??= e);
    this.inflight.add(tracked);
  }
  async settle() {
    let failure2;
    await this.taking.catch((e) => failure2 = e);
    if (this.fill > 0) this.dispatch();
    else if (this.slot) this.slots.release(this.slot);
    this.slot = void 0;
    await allSettledOrThrow([...this.inflight]);
    if (failure2 !== void 0) throw failure2;
    return this.dispatched;
  }
};
var Arrival = class {
  constructor(pool, layerBlobs) {
    this.pool = pool;
    this.layerBlobs = layerBlobs;
  }
  pool;
  layerBlobs;
  file;
  layer;
  /**
   * Start over (byte 0 of a `size`-byte file at `weightPath`). True when the file's layer goes
   * to the target as it arrives (its bytes then need no local copy).
   */
  async begin(size, weightPath) {
    await this.dispose();
    this.file = this.pool.create();
    if (size === void 0 || !weightPath || !getsPlainTarLayer(weightPath, size)) return false;
    const { before, after } = soloTarFraming(weightPath, size);
    const hash = this.pool.create();
    const blob = await this.layerBlobs?.();
    const framing = Promise.all([hash.update(before), blobWrite(blob, before, 0)]);
    framing.catch(() => void 0);
    this.layer = {
      hash,
      blob,
      offset: before.length,
      after,
      size: before.length + size + after.length,
      framing,
      digest: void 0
    };
    return blob !== void 0;
  }
  /** Feed `data`, which sits at `position` of the file. */
  update(data, position) {
    const layer2 = this.layer;
    return [
      this.file.update(data),
      ...layer2 ? [layer2.hash.update(data), blobWrite(layer2.blob, data, layer2.offset + position)] : []
    ];
  }
  /** The digests, once every byte is in. Nothing is cleared: dispose() still aborts the blob. */
  async finish() {
    const layer2 = this.layer;
    const digest2 = await this.file.digest();
    if (!layer2) return { digest: digest2, layer: void 0 };
    await layer2.framing;
    const end = layer2.size - layer2.after.length;
    await Promise.all([layer2.hash.update(layer2.after), blobWrite(layer2.blob, layer2.after, end)]);
    layer2.digest = await layer2.hash.digest();
    return { digest: digest2, layer: { digest: layer2.digest, size: layer2.size } };
  }
  /** Keep the layer blob in the target: only once the file is verified. */
  async commit() {
    const layer2 = this.layer;
    if (layer2?.blob && layer2.digest)
      await layer2.blob.commit(layer2.digest, layer2.size).catch((e) => {
        throw restartable(e);
      });
  }
  async dispose() {
    const { file, layer: layer2 } = this;
    this.file = void 0;
    this.layer = void 0;
    await file?.dispose();
    await layer2?.hash.dispose();
    await layer2?.framing.catch(() => void 0);
    await layer2?.blob?.abort();
  }
};
function blobWrite(blob, data, position) {
  return blob?.write(data, position).catch((e) => {
    throw restartable(e);
  });
}

// src/weights/sources/ranges.ts
import { Writable as Writable3 } from "node:stream";

// src/weights/sources/representation.ts
var one = (v) => typeof v === "string" ? v : void 0;
function strongEtagOf(headers) {
  const etag = one(headers["etag"]);
  return etag && !etag.startsWith("W/") ? etag : void 0;
}
function contentRange(headers) {
  const m = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(one(headers["content-range"])?.trim() ?? "");
  if (!m) return void 0;
  return {
    start: Number(m[1]),
    end: Number(m[2]),
    ...m[3] !== "*" ? { total: Number(m[3]) } : {}
  };
}
function representationOf(statusCode, headers) {
  const length = Number(one(headers["content-length"]));
  const total = statusCode === 206 ? contentRange(headers)?.total : Number.isSafeInteger(length) && length >= 0 ? length : void 0;
  return {
    etag: strongEtagOf(headers),
    lastModified: one(headers["last-modified"]),
    total
  };
}
function ifRangeValue(kept) {
  return kept.etag ?? kept.lastModified;
}
function resumeMismatch(kept, headers, from) {
  const range = contentRange(headers);
  const shown2 = JSON.stringify(one(headers["content-range"]) ?? "");
  if (!range) return `a 206 without a readable Content-Range (${shown2})`;
  if (range.start !== from)
    return `bytes from ${range.start} (Content-Range: ${shown2}) to a request for bytes ${from}-`;
  if (kept.total !== void 0 && range.total !== kept.total)
    return `a total of ${range.total ?? "unknown"} bytes where the file began with ${kept.total}`;
  const got = representationOf(206, headers);
  if (kept.etag !== void 0) {
    if (got.etag !== kept.etag)
      return `ETag ${got.etag ?? "(none)"} where the file began with ${kept.etag}`;
  } else if (got.lastModified !== kept.lastModified) {
    return `Last-Modified ${got.lastModified ?? "(none)"} where the file began with ${kept.lastModified}`;
  }
  return void 0;
}

// src/weights/sources/get.ts
import { Writable as Writable2 } from "node:stream";
async function get(req, headers, body) {
  const url = req.url;
  const auth = req.authorization;
  const { stream } = await undici();
  return followRedirects(
    new URL(url),
    auth && { origin: auth.origin, header: () => auth.header },
    async (target, authorization) => {
      let answer = { statusCode: 0, headers: {} };
      let next;
      let text = "";
      const h = { ...headers, ...authorization };
      const request = {
        method: "GET",
        headers: h,
        signal: req.signal,
        ...stallOptions(req.stall)
      };
      await stream(target, request, ({ statusCode, headers: got }) => {
        answer = { statusCode, headers: got };
        next = redirectTarget(statusCode, got["location"], target);
        if (next) return discard();
        return body(statusCode, got, target) ?? discard((chunk) => {
          if (text.length < 200) text += chunk.toString("utf8").slice(0, 200 - text.length);
        });
      });
      return next ? { next } : { done: { ...answer, text } };
    },
    () => new SourceError(`${url}: too many redirects`)
  );
}
function discard(see = () => void 0) {
  return new Writable2({
    write(chunk, _encoding, done) {
      see(chunk);
      done();
    }
  });
}
function refuse(error) {
  return new Writable2({
    write(_chunk, _encoding, done) {
      done(error);
    },
    final(done) {
      done(error);
    }
  });
}
function shownUrl(url) {
  const u = new URL(url);
  return `${u.host}${u.pathname}`;
}

// src/weights/sources/ranges.ts
var RANGE_WINDOW = 8 * 1024 * 1024;
var WindowPool = class extends BufferPool {
  constructor(count, size = RANGE_WINDOW) {
    super(count, () => Buffer.from(new SharedArrayBuffer(size)));
    this.size = size;
  }
  size;
};
var OtherVersion = class extends Error {
};
function deferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => (resolve = res, reject = rej));
  promise.catch(() => void 0);
  return { promise, resolve, reject };
}
var RangedFetch = class {
  constructor(file, settings, io) {
    this.file = file;
    this.settings = settings;
    this.io = io;
    this.window = settings.buffers?.size ?? settings.window ?? RANGE_WINDOW;
    this.count = Math.ceil((file.version.total - file.from) / this.window);
    this.capacity = settings.connections + 2;
    this.buffers = settings.buffers ?? new WindowPool(this.capacity, this.window);
    this.ready = Array.from({ length: this.count }, () => deferred());
    this.signal = io.signal ? AbortSignal.any([io.signal, this.stopping.signal]) : this.stopping.signal;
  }
  file;
  settings;
  io;
  window;
  count;
  capacity;
  ready;
  buffers;
  /** Windows fetched and not yet handed on: their buffers go back to the pool either way. */
  held = /* @__PURE__ */ new Map();
  next = 0;
  consumed = 0;
  roomChanged = deferred();
  stopping = new AbortController();
  signal;
  failure;
  workers = [];
  /** The first byte of the first window: where a head stream stops. */
  get from() {
    return this.file.from;
  }
  start() {
    const n = Math.max(1, Math.min(this.settings.connections, this.count));
    this.workers = Array.from({ length: n }, () => this.work());
  }
  /**
   * Hand every byte from `reached` (where the head stream stopped) to `take`, in order. A
   * chunk `take` is given is its own until it calls the chunk's `release` (exactly once): only
   * then is its window fetched into again.
   */
  async drain(take, reached) {
    try {
      if (reached < this.file.from) {
        const gap = Buffer.allocUnsafe(this.file.from - reached);
        await take(await this.fetch(reached, this.file.from - 1, gap), () => void 0);
      }
      for (let i = 0; i < this.count; i++) {
        const data = await this.ready[i].promise.catch((e) => {
          throw this.failure ?? e;
        });
        const window = this.held.get(i);
        this.held.delete(i);
        await take(data, () => this.buffers.release(window));
        this.consumed++;
        this.roomChanged.resolve();
        this.roomChanged = deferred();
      }
      await Promise.all(this.workers);
    } catch (e) {
      await this.abandon(e);
      throw this.failure ?? e;
    }
  }
  /** Stop every request and wait for the workers: the download failed elsewhere. */
  async abandon(why) {
    this.stop(why);
    this.releaseHeld();
    await Promise.allSettled(this.workers);
    this.releaseHeld();
  }
  releaseHeld() {
    for (const buffer of this.held.values()) this.buffers.release(buffer);
    this.held.clear();
  }
  /** Stop every request (the download failed elsewhere, or one window for good). */
  stop(why) {
    this.failure ??= why;
    this.stopping.abort(why);
    this.roomChanged.resolve();
  }
  async work() {
    for (; ; ) {
      while (this.next < this.count && this.next >= this.consumed + this.capacity)
        await this.roomChanged.promise;
      if (this.next >= this.count || this.signal.aborted) return;
      const i = this.next++;
      const start = this.file.from + i * this.window;
      const end = Math.min(start + this.window, this.file.version.total) - 1;
      const buffer = await this.buffers.acquire();
      if (this.signal.aborted) return this.buffers.release(buffer);
      try {
        const limit = this.settings.limit;
        const fetched = limit ? await limit.run(() => this.fetch(start, end, buffer)) : await this.fetch(start, end, buffer);
        if (this.signal.aborted) return this.buffers.release(buffer);
        this.held.set(i, buffer);
        this.ready[i].resolve(fetched);
      } catch (e) {
        this.buffers.release(buffer);
        this.stop(e);
        this.ready[i].reject(e);
        return;
      }
    }
  }
  /** Bytes [start, end] into `buffer`, resumed where a cut left them, with their own budget. */
  async fetch(start, end, buffer) {
    const length = end - start + 1;
    let got = 0;
    await withRetries(
      DOWNLOAD_RETRY,
      {
        what: this.file.url.href,
        signal: this.signal,
        progress: () => got,
        giveUp: (last, fruitless) => new SourceError(`${last.message} (${fruitless} tries in a row brought nothing)`)
      },
      async () => {
        const at = start + got;
        await this.request(at, end, (chunk) => {
          if (got + chunk.length > length)
            throw new OtherVersion(`more than the ${length} bytes of bytes=${start}-${end}`);
          copyIntoShared(buffer, chunk, got);
          got += chunk.length;
        });
        if (got < length)
          throw new TransientError(`${this.where(start + got)}: the answer ended early`);
      }
    );
    return buffer.subarray(0, length);
  }
  /** One Range request, answered 206 with the window; the body goes to `take`. */
  async request(at, end, take) {
    const headers = {
      ...this.file.headers,
      range: `bytes=${at}-${end}`,
      "if-range": ifRangeValue(this.file.version)
    };
    let status = 0;
    let answered = {};
    const { stream } = await undici();
    try {
      await stream(
        this.file.url,
        { method: "GET", headers, signal: this.signal, ...stallOptions(this.io.stall) },
        ({ statusCode, headers: got }) => {
          status = statusCode;
          answered = got;
          if (statusCode === 206) {
            const mismatch = windowMismatch(this.file.version, got, at, end);
            return mismatch ? refuse(new OtherVersion(mismatch)) : collect(take);
          }
          if (statusCode === 200)
            return refuse(
              new OtherVersion(
                "a 200 (the whole file) to a Range request: the file changed, or the server stopped serving ranges"
              )
            );
          return collect(() => void 0);
        }
      );
    } catch (e) {
      if (e instanceof OtherVersion || e instanceof SourceError) throw e;
      if (this.signal.aborted) throw this.failure ?? e;
      if (isPermanent(e)) throw new SourceError(`${this.where(at)}: ${describeFetchError(e)}`);
      throw new TransientError(
        `${this.where(at)}: ${describeFetchError(e)}`,
        void 0,
        isStall(e)
      );
    }
    if (status === 206) return;
    if (TRANSIENT_STATUS.has(status))
      throw new TransientError(
        `${this.where(at)} answered ${status}`,
        retryAfterMs(answered["retry-after"])
      );
    throw new SourceError(`${this.where(at)} answered ${status}`);
  }
  where(at) {
    return `${shownUrl(this.file.url)} at byte ${at}`;
  }
};
function windowMismatch(version, headers, at, end) {
  const other = resumeMismatch(version, headers, at);
  if (other) return other;
  const range = contentRange(headers);
  if (range?.end !== end)
    return `bytes to ${range?.end} (Content-Range: ${JSON.stringify(headers["content-range"])}) to a request for bytes ${at}-${end}`;
  return void 0;
}
function collect(take) {
  return new Writable3({
    write(chunk, _encoding, done) {
      try {
        take(chunk);
        done();
      } catch (e) {
        done(e);
      }
    }
  });
}

// src/weights/sources/partial.ts
import { mkdir as mkdir4, open as open4, rename as rename4, rm as rm5 } from "node:fs/promises";
import path17 from "node:path";
var PartialFile = class _PartialFile {
  constructor(store, path25, keepMax) {
    this.store = store;
    this.path = path25;
    this.keepMax = keepMax;
  }
  store;
  path;
  keepMax;
  handle;
  room;
  /** `keepMax`: a streamed file larger than this gets no copy (the cache could not hold it). */
  static async create(store, keepMax = Infinity) {
    const dir = path17.join(store.root, "tmp");
    await mkdir4(dir, { recursive: true });
    const name = `${tempName("", "part")}.part`;
    return new _PartialFile(store, path17.join(dir, name), keepMax);
  }
  /** The open file, when this download keeps a copy. */
  get file() {
    return this.handle;
  }
  /**
   * Start from byte 0: keep a copy unless `streamed` says the bytes also go to the
   * destination, in which case only when `size` fits on the store's disk (and in the cache).
   */
  async restart(streamed, size) {
    const keep = !streamed || await this.reserve(size);
    if (!keep) return this.drop();
    if (this.handle) await this.handle.truncate(0);
    else this.handle = await open4(this.path, "w");
  }
  async reserve(size) {
    if (this.room) return true;
    if (size === void 0 || size > this.keepMax) return false;
    this.room = await this.store.reserve(size);
    return this.room !== void 0;
  }
  async drop() {
    const handle = this.handle;
    this.handle = void 0;
    this.room?.release();
    this.room = void 0;
    await handle?.close();
    await rm5(this.path, { force: true });
  }
  /** Move the copy (if any) to `final`; whether there was one. */
  async keepAs(final) {
    if (!this.handle) return false;
    await this.handle.close();
    this.handle = void 0;
    await mkdir4(path17.dirname(final), { recursive: true });
    await rename4(this.path, final);
    this.room?.release();
    this.room = void 0;
    return true;
  }
  async dispose() {
    await this.drop().catch(() => void 0);
  }
};

// src/weights/sources/download.ts
async function downloadToStore(store, req, options = {}) {
  return options.limit ? options.limit.run(() => download(store, req, options)) : download(store, req, options);
}
async function download(store, req, options) {
  if (req.digest && req.size !== void 0 && await store.has(req.digest, req.size)) {
    return { digest: req.digest, size: req.size, path: store.path(req.digest), kept: true };
  }
  const own = options.pool ? void 0 : new HashPool(2);
  const pool = options.pool ?? own;
  const hashes = new Arrival(pool, options.layerBlobs);
  const partial = await PartialFile.create(store, options.keepMax);
  const transfer = new Transfer(store, req, options, { pool, hashes, partial });
  const policy = { ...DOWNLOAD_RETRY, attempts: req.attempts ?? DOWNLOAD_RETRY.attempts };
  try {
    return await withRetries(
      policy,
      transfer.retryContext(policy.attempts),
      () => transfer.attempt().catch((e) => transfer.verdict(e))
    );
  } finally {
    await hashes.dispose();
    await partial.dispose();
    await own?.close();
  }
}
var Transfer = class {
  constructor(store, req, options, parts) {
    this.store = store;
    this.req = req;
    this.options = options;
    ({ pool: this.pool, hashes: this.hashes, partial: this.partial } = parts);
    this.expected = req.size;
    this.report = options.progress?.("downloading", req.weightPath ?? shownUrl(req.url));
  }
  store;
  req;
  options;
  /** Bytes the partial file holds: where the next attempt starts. */
  written = 0;
  expected;
  /** The answer the partial file's bytes came from: a resume must continue that version. */
  version;
  report;
  /** Set once the server answered a range wrongly: the rest of this download is one stream. */
  oneStream = false;
  pool;
  hashes;
  partial;
  /**
   * A try that brought bytes starts the count of fruitless ones again, so a long file on a
   * link that drops now and then still arrives while a server that never helps is given up on.
   */
  retryContext(attempts) {
    return {
      what: this.req.url,
      signal: this.options.signal,
      progress: () => this.written,
      giveUp: (last, fruitless) => new SourceError(
        `${last.message}${fruitless >= attempts ? ` (${fruitless} tries in a row brought nothing)` : ""}`
      )
    };
  }
  startOver(why) {
    this.options.log?.(`${this.req.url}: ${why}; downloading it again from the start`);
    this.written = 0;
    this.version = void 0;
  }
  /**
   * One GET: the rest of the file, into the partial file; then the finish. When the answer
   * shows a large file the server serves in ranges, this GET is only its head (the first
   * window's worth) and the rest comes over parallel Range requests, in order (ranges.ts).
   */
  async attempt() {
    const validator = this.version && ifRangeValue(this.version);
    if (this.written > 0 && !validator) this.startOver("the server gave no ETag or Last-Modified");
    const headers = this.written > 0 ? { range: `bytes=${this.written}-`, "if-range": validator } : {};
    let sink;
    let ranges;
    let cut;
    let answer;
    const { stall, signal } = this.options;
    try {
      answer = await get({ ...this.req, stall, signal }, headers, (status, got2, url) => {
        const taken = this.sinkFor(status, got2);
        if (taken instanceof OtherVersion) return refuse(taken);
        sink = taken;
        ranges = sink && this.rangesAfter(status, got2, url, sink.queued);
        ranges?.start();
        return sink?.writable(ranges?.from);
      });
    } catch (e) {
      cut = e;
    }
    if (sink && ranges) cut = await this.rest(sink, ranges, cut);
    if (ranges && cut instanceof OtherVersion) {
      this.oneStream = true;
      this.options.log?.(
        `${shownUrl(this.req.url)}: a range answered ${cut.message}; fetching it as one stream`
      );
    }
    if (sink) this.written = await sink.settle();
    if (cut !== void 0) throw cut;
    if (ranges) return this.finish();
    const { statusCode, text, headers: got } = answer;
    if (TRANSIENT_STATUS.has(statusCode))
      throw new TransientError(
        `${this.req.url} answered ${statusCode}`,
        retryAfterMs(got["retry-after"])
      );
    if (!sink)
      throw new SourceError(`${this.req.url} answered ${statusCode}${text ? `: ${text}` : ""}`);
    return this.finish();
  }
  /**
   * The windows after the head stream, in order; what stopped the attempt, if anything. A
   * head cut by the network is no failure: its rest is fetched as a range of its own.
   */
  async rest(sink, ranges, headCut) {
    const fatal = headCut !== void 0 && !(headCut instanceof HeadDone) && (this.options.signal?.aborted || headCut instanceof SourceError || headCut instanceof LayerBlobError || headCut instanceof TargetError);
    if (fatal) {
      await ranges.abandon(headCut);
      return headCut;
    }
    try {
      await ranges.drain((chunk, release) => sink.adopt(chunk, release), sink.queued);
      return void 0;
    } catch (e) {
      return e;
    }
  }
  /**
   * The ranged fetch of the rest of the file, when this answer shows a file large enough that
   * the server serves in ranges of one version; else undefined (one stream, as ever).
   */
  rangesAfter(statusCode, got, url, from) {
    const settings = this.options.ranges;
    if (!settings || settings.connections < 2 || this.oneStream) return void 0;
    const version = representationOf(statusCode, got);
    const total = version.total;
    const window = settings.window ?? RANGE_WINDOW;
    if (total === void 0 || !ifRangeValue(version) || total - from < settings.threshold)
      return void 0;
    if (statusCode === 200 && !/\bbytes\b/i.test(String(got["accept-ranges"] ?? "")))
      return void 0;
    const encoding = String(got["content-encoding"] ?? "identity").toLowerCase();
    if (encoding !== "identity") return void 0;
    const auth = this.req.authorization;
    const headers = auth && url.origin === auth.origin ? { authorization: auth.header } : {};
    const file = { url, headers, version: { ...version, total }, from: from + window };
    const { stall, signal } = this.options;
    return new RangedFetch(file, { ...settings, window }, { stall, signal });
  }
  /**
   * Where the body of an answer goes: a sink into the partial file for a 200 or a 206 that
   * continues it; the refusal of a 206 that does not; nothing for any other answer.
   */
  sinkFor(statusCode, got) {
    if (statusCode !== 200 && statusCode !== 206) return void 0;
    const { written } = this;
    const mismatch = statusCode === 206 && (written > 0 ? resumeMismatch(this.version ?? {}, got, written) : contentRange(got)?.start !== 0 && `Content-Range ${JSON.stringify(got["content-range"] ?? "")} to a request for the whole file`);
    if (mismatch) return new OtherVersion(mismatch);
    const from = statusCode === 200 ? 0 : written;
    const ready = from === 0 ? this.begin(statusCode, got) : Promise.resolve();
    const sink = new SlotSink(this.partial, from, this.hashes, this.pool.slots, ready);
    sink.onTaken = (bytes) => this.report?.(bytes, this.expected);
    return sink;
  }
  /** Byte 0 of a version of the file: the hashes, the early layer and the partial file restart. */
  async begin(statusCode, got) {
    this.version = representationOf(statusCode, got);
    this.expected = this.req.size ?? this.version.total;
    const streamed = await this.hashes.begin(this.expected, this.req.weightPath);
    await this.partial.restart(streamed, this.expected);
  }
  /** Every byte is in: verify the size and digest, keep the layer blob, name the file. */
  async finish() {
    const { req, written, expected } = this;
    if (expected !== void 0 && written !== expected)
      throw new SourceError(`${req.url}: expected ${expected} bytes, got ${written}`);
    const { digest: digest2, layer: layer2 } = await this.hashes.finish();
    if (req.digest && digest2 !== req.digest)
      throw new SourceError(
        `${req.url}: content is ${digest2}, expected ${req.digest}; the partial file was deleted`
      );
    await this.hashes.commit();
    const final = this.store.path(digest2);
    const kept = await this.partial.keepAs(final);
    return { digest: digest2, size: written, path: final, kept, layer: layer2, etag: this.version?.etag };
  }
  /** What a failed attempt means: worth another (a TransientError), or the end. */
  verdict(e) {
    const where = `${this.req.url} at byte ${this.written}`;
    throwIfCancelled(this.options.signal, where);
    if (e instanceof TargetError || e instanceof TransientError) throw e;
    if (e instanceof LayerBlobError) {
      this.startOver(e.message);
      throw new TransientError(`${where}: ${e.message}`);
    }
    if (e instanceof OtherVersion) {
      this.startOver(`the resume answered ${e.message}`);
      throw new TransientError(`${where}: the resume answered ${e.message}`);
    }
    if (e instanceof SourceError) throw e;
    if (isPermanent(e)) throw new SourceError(`${where}: ${describeFetchError(e)}`);
    throw new TransientError(`${where}: ${describeFetchError(e)}`, void 0, isStall(e));
  }
};

// src/weights/sources/http.ts
function arrival(filePath, got) {
  return [got.path, { path: filePath, size: got.size, digest: got.digest, layer: got.layer }];
}
async function strongEtag(uri) {
  const { request } = await undici();
  try {
    const head = await request(uri, { method: "HEAD", ...stallOptions() });
    await head.body.dump();
    if (head.statusCode === 200) return strongEtagOf(head.headers);
  } catch {
  }
  return void 0;
}
async function httpSource(uri, store, options = {}) {
  const url = new URL(uri);
  const name = path18.posix.basename(decodeURIComponent(url.pathname));
  if (!name) throw new SourceError(`http source "${uri}" names no file (the URL path ends in /)`);
  const problem = pathProblem(name);
  if (problem)
    throw new SourceError(`http source "${uri}": its file name ${JSON.stringify(name)} ${problem}`);
  const got = await downloadToStore(store, { url: uri, weightPath: name }, options);
  return {
    files: [{ path: name, size: got.size, source: got.path }],
    fingerprint: got.etag ? `etag:${got.etag}` : got.digest,
    arrived: new Map([arrival(name, got)])
  };
}

// src/weights/sources/hf.ts
function nextLink(header2) {
  const text = Array.isArray(header2) ? header2.join(",") : header2;
  const m = text ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(text) : null;
  return m?.[1];
}
function hubGet(uri, config, url) {
  const origin = new URL(config.endpoint).origin;
  const authorization = config.token && url.origin === origin ? `Bearer ${config.token}` : void 0;
  return withRetries(
    DOWNLOAD_RETRY,
    { what: `${uri}: ${url.pathname}`, giveUp: (last) => new SourceError(last.message) },
    async () => {
      const { request } = await undici();
      let res;
      try {
        res = await request(url, {
          headers: authorization ? { authorization } : {},
          ...stallOptions(config.stall)
        });
      } catch (e) {
        const message = `${uri}: cannot reach ${origin} (${url.pathname}): ${describeFetchError(e)}`;
        throw isPermanent(e) ? new SourceError(message) : new TransientError(message);
      }
      if (!TRANSIENT_STATUS.has(res.statusCode)) return res;
      await res.body.dump();
      throw new TransientError(
        `${uri}: ${url.pathname} answered ${res.statusCode}`,
        retryAfterMs(res.headers["retry-after"])
      );
    }
  );
}
function hub(uri, config) {
  const endpoint = new URL(config.endpoint);
  const token = config.token;
  const authorization = token ? { origin: endpoint.origin, header: `Bearer ${token}` } : void 0;
  const api = async (url) => {
    const res = await hubGet(uri, config, url);
    if (res.statusCode === 401 || res.statusCode === 403) {
      await res.body.dump();
      throw new SourceError(
        `${uri}: the Hub refused access (${res.statusCode}); ${token ? "check that HF_TOKEN can read this repository" : "set HF_TOKEN for a private or gated repository"}`
      );
    }
    if (res.statusCode === 404) {
      await res.body.dump();
      throw new SourceError(`${uri}: repository or revision not found on ${endpoint.origin}`);
    }
    if (res.statusCode !== 200) {
      await res.body.dump();
      throw new SourceError(`${uri}: ${url.pathname} answered ${res.statusCode}`);
    }
    const what = `${uri}: the Hub's answer to ${url.pathname}`;
    let text;
    try {
      text = (await readLimited(res.body, BODY_LIMIT.json, what)).toString("utf8");
    } catch (e) {
      res.body.destroy();
      throw new SourceError(
        e instanceof BodyTooLargeError ? e.message : `${what} was cut: ${describeFetchError(e)}`
      );
    }
    let json;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new SourceError(`${what} is not JSON: ${e.message}`);
    }
    return { json, link: res.headers["link"] };
  };
  return { endpoint, authorization, api };
}
async function hfCommit(uri, config) {
  const { repo, ref } = parseHfUri(uri);
  const { endpoint, api } = hub(uri, config);
  const revision = (await api(new URL(`/api/models/${repo}/revision/${encodeURIComponent(ref)}`, endpoint))).json;
  const sha = revision.sha;
  if (!sha || !/^[0-9a-f]{40}$/.test(sha))
    throw new SourceError(`${uri}: the Hub gave no commit for ${ref}`);
  return sha;
}
async function hfSource(uri, store, options) {
  const { endpoint, authorization, api } = hub(uri, options.hub);
  const { repo } = parseHfUri(uri);
  const sha = await hfCommit(uri, options.hub);
  const entries = [];
  let page = new URL(`/api/models/${repo}/tree/${sha}?recursive=true`, endpoint).href;
  for (let n = 0; page && n < 1e4; n++) {
    const { json, link: link2 } = await api(new URL(page, endpoint));
    if (!Array.isArray(json))
      throw new SourceError(`${uri}: the Hub's tree listing is not a list of files`);
    entries.push(...json);
    page = nextLink(link2);
  }
  for (const e of entries) {
    const problem = e.type === "file" ? pathProblem(String(e.path)) : void 0;
    if (problem)
      throw new SourceError(
        `${uri}: the Hub lists a file ${JSON.stringify(e.path)}, whose path ${problem}; refusing to import it`
      );
  }
  const keep = options.keep ?? (() => true);
  const wanted = entries.filter((e) => e.type === "file" && keep(e.path));
  const files = [];
  const arrived = /* @__PURE__ */ new Map();
  await mapLimit(wanted, options.concurrency ?? 4, async (e) => {
    const url = new URL(
      `/${repo}/resolve/${sha}/${e.path.split("/").map(encodeURIComponent).join("/")}`,
      endpoint
    ).href;
    const got = await downloadToStore(
      store,
      {
        url,
        authorization,
        digest: e.lfs ? `sha256:${e.lfs.oid}` : void 0,
        size: e.lfs ? e.lfs.size : e.size,
        weightPath: e.path
      },
      options.download
    );
    files.push({
      path: e.path,
      size: got.size,
      source: got.path,
      known: e.lfs ? `sha256:${e.lfs.oid}` : void 0
    });
    arrived.set(...arrival(e.path, got));
  });
  return { files, fingerprint: `commit:${sha}`, arrived };
}

// src/weights/sources/index.ts
var READERS = {
  file: {
    read: async (source, projectDir) => ({
      all: await inventoryDirectory(localSourceDir(source, projectDir))
    }),
    cheapFingerprint: async (source, projectDir) => {
      const all = await inventoryDirectory(localSourceDir(source, projectDir));
      return (await localFingerprints({ inventories: [all], fingerprints: [void 0] }, /* @__PURE__ */ new Map()))[0];
    }
  },
  hf: {
    read: async (source, _, downloads) => {
      if (!downloads) return void 0;
      const remote = await hfSource(source.uri, downloads.store, {
        hub: downloads.hub,
        keep: pathFilter(source.include, source.exclude),
        download: downloads
      });
      return { all: remote.files, remote };
    },
    cheapFingerprint: async (source, _, hub2) => `commit:${await hfCommit(source.uri, hub2)}`
  },
  http: {
    read: async (source, _, downloads) => {
      if (!downloads) return void 0;
      const remote = await httpSource(source.uri, downloads.store, downloads);
      return { all: remote.files, remote };
    },
    cheapFingerprint: (source) => strongEtag(source.uri).then((e) => e ? `etag:${e}` : void 0)
  }
};
var readerOf = (uri) => {
  try {
    return READERS[sourceKind(uri)];
  } catch {
    return void 0;
  }
};
async function localWeightFiles(config, weight, log, downloads) {
  const merged = /* @__PURE__ */ new Map();
  const inventories = [];
  const fingerprints = [];
  const arrived = /* @__PURE__ */ new Map();
  const read = await mapLimit(weight.sources, 4, async (source) => {
    const got = await readerOf(source.uri)?.read(source, config.projectDir, downloads);
    if (got) return got;
    throw new SourceError(
      `weight "${weight.name}": source ${source.uri} cannot be read here (unsupported scheme, or no local store)`
    );
  });
  for (const [i, source] of weight.sources.entries()) {
    const { all, remote } = read[i];
    fingerprints.push(remote?.fingerprint);
    for (const [k, v] of remote?.arrived ?? []) arrived.set(k, v);
    inventories.push(all);
    const keep = pathFilter(source.include, source.exclude);
    const kept = all.filter((f) => keep(f.path));
    if (kept.length === 0) {
      throw new SourceError(
        `weight "${weight.name}": ${noSurvivorsMessage(all.length, source.include, source.exclude)}`
      );
    }
    for (const file of kept) {
      const earlier = merged.get(file.path);
      if (earlier) {
        log(
          `weight ${weight.name}: ${file.path} from source[${i}] replaces the one from source[${earlier.source}]`
        );
      }
      merged.set(file.path, { file, source: i });
    }
  }
  return { files: [...merged.values()].map((m) => m.file), inventories, fingerprints, arrived };
}
async function localFingerprints(sourced, known) {
  const out = [];
  for (const [i, inventory] of sourced.inventories.entries()) {
    const given = sourced.fingerprints[i];
    if (given) {
      out.push(given);
      continue;
    }
    const files = [];
    for (const f of inventory)
      files.push({ path: f.path, digest: known.get(f.source) ?? await sha256File(f.source) });
    out.push(setDigest(files));
  }
  return out;
}
async function cheapFingerprint(config, source, hub2) {
  return readerOf(source.uri)?.cheapFingerprint(source, config.projectDir, hub2);
}

// src/publish/from-source.ts
import { rm as rm6 } from "node:fs/promises";

// src/weights/layer.ts
import { createHash as createHash4 } from "node:crypto";

// node_modules/pako/dist/pako.esm.mjs
var Z_FIXED$1 = 4;
var Z_BINARY = 0;
var Z_TEXT = 1;
var Z_UNKNOWN$1 = 2;
function zero$1(buf) {
  let len = buf.length;
  while (--len >= 0) {
    buf[len] = 0;
  }
}
var STORED_BLOCK = 0;
var STATIC_TREES = 1;
var DYN_TREES = 2;
var MIN_MATCH$1 = 3;
var MAX_MATCH$1 = 258;
var LENGTH_CODES$1 = 29;
var LITERALS$1 = 256;
var L_CODES$1 = LITERALS$1 + 1 + LENGTH_CODES$1;
var D_CODES$1 = 30;
var BL_CODES$1 = 19;
var HEAP_SIZE$1 = 2 * L_CODES$1 + 1;
var MAX_BITS$1 = 15;
var Buf_size = 16;
var MAX_BL_BITS = 7;
var END_BLOCK = 256;
var REP_3_6 = 16;
var REPZ_3_10 = 17;
var REPZ_11_138 = 18;
var extra_lbits = (
  /* extra bits for each length code */
  new Uint8Array([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0])
);
var extra_dbits = (
  /* extra bits for each distance code */
  new Uint8Array([0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13])
);
var extra_blbits = (
  /* extra bits for each bit length code */
  new Uint8Array([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 7])
);
var bl_order = new Uint8Array([16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]);
var DIST_CODE_LEN = 512;
var static_ltree = new Array((L_CODES$1 + 2) * 2);
zero$1(static_ltree);
var static_dtree = new Array(D_CODES$1 * 2);
zero$1(static_dtree);
var _dist_code = new Array(DIST_CODE_LEN);
zero$1(_dist_code);
var _length_code = new Array(MAX_MATCH$1 - MIN_MATCH$1 + 1);
zero$1(_length_code);
var base_length = new Array(LENGTH_CODES$1);
zero$1(base_length);
var base_dist = new Array(D_CODES$1);
zero$1(base_dist);
function StaticTreeDesc(static_tree, extra_bits, extra_base, elems, max_length) {
  this.static_tree = static_tree;
  this.extra_bits = extra_bits;
  this.extra_base = extra_base;
  this.elems = elems;
  this.max_length = max_length;
  this.has_stree = static_tree && static_tree.length;
}
var static_l_desc;
var static_d_desc;
var static_bl_desc;
function TreeDesc(dyn_tree, stat_desc) {
  this.dyn_tree = dyn_tree;
  this.max_code = 0;
  this.stat_desc = stat_desc;
}
var d_code = (dist) => {
  return dist < 256 ? _dist_code[dist] : _dist_code[256 + (dist >>> 7)];
};
var put_short = (s, w) => {
  s.pending_buf[s.pending++] = w & 255;
  s.pending_buf[s.pending++] = w >>> 8 & 255;
};
var send_bits = (s, value, length) => {
  if (s.bi_valid > Buf_size - length) {
    s.bi_buf |= value << s.bi_valid & 65535;
    put_short(s, s.bi_buf);
    s.bi_buf = value >> Buf_size - s.bi_valid;
    s.bi_valid += length - Buf_size;
  } else {
    s.bi_buf |= value << s.bi_valid & 65535;
    s.bi_valid += length;
  }
};
var send_code = (s, c, tree) => {
  send_bits(
    s,
    tree[c * 2],
    tree[c * 2 + 1]
    /*.Len*/
  );
};
var bi_reverse = (code, len) => {
  let res = 0;
  do {
    res |= code & 1;
    code >>>= 1;
    res <<= 1;
  } while (--len > 0);
  return res >>> 1;
};
var bi_flush = (s) => {
  if (s.bi_valid === 16) {
    put_short(s, s.bi_buf);
    s.bi_buf = 0;
    s.bi_valid = 0;
  } else if (s.bi_valid >= 8) {
    s.pending_buf[s.pending++] = s.bi_buf & 255;
    s.bi_buf >>= 8;
    s.bi_valid -= 8;
  }
};
var gen_bitlen = (s, desc) => {
  const tree = desc.dyn_tree;
  const max_code = desc.max_code;
  const stree = desc.stat_desc.static_tree;
  const has_stree = desc.stat_desc.has_stree;
  const extra = desc.stat_desc.extra_bits;
  const base = desc.stat_desc.extra_base;
  const max_length = desc.stat_desc.max_length;
  let h;
  let n, m;
  let bits;
  let xbits;
  let f;
  let overflow = 0;
  for (bits = 0; bits <= MAX_BITS$1; bits++) {
    s.bl_count[bits] = 0;
  }
  tree[s.heap[s.heap_max] * 2 + 1] = 0;
  for (h = s.heap_max + 1; h < HEAP_SIZE$1; h++) {
    n = s.heap[h];
    bits = tree[tree[n * 2 + 1] * 2 + 1] + 1;
    if (bits > max_length) {
      bits = max_length;
      overflow++;
    }
    tree[n * 2 + 1] = bits;
    if (n > max_code) {
      continue;
    }
    s.bl_count[bits]++;
    xbits = 0;
    if (n >= base) {
      xbits = extra[n - base];
    }
    f = tree[n * 2];
    s.opt_len += f * (bits + xbits);
    if (has_stree) {
      s.static_len += f * (stree[n * 2 + 1] + xbits);
    }
  }
  if (overflow === 0) {
    return;
  }
  do {
    bits = max_length - 1;
    while (s.bl_count[bits] === 0) {
      bits--;
    }
    s.bl_count[bits]--;
    s.bl_count[bits + 1] += 2;
    s.bl_count[max_length]--;
    overflow -= 2;
  } while (overflow > 0);
  for (bits = max_length; bits !== 0; bits--) {
    n = s.bl_count[bits];
    while (n !== 0) {
      m = s.heap[--h];
      if (m > max_code) {
        continue;
      }
      if (tree[m * 2 + 1] !== bits) {
        s.opt_len += (bits - tree[m * 2 + 1]) * tree[m * 2];
        tree[m * 2 + 1] = bits;
      }
      n--;
    }
  }
};
var gen_codes = (tree, max_code, bl_count) => {
  const next_code = new Array(MAX_BITS$1 + 1);
  let code = 0;
  let bits;
  let n;
  for (bits = 1; bits <= MAX_BITS$1; bits++) {
    code = code + bl_count[bits - 1] << 1;
    next_code[bits] = code;
  }
  for (n = 0; n <= max_code; n++) {
    let len = tree[n * 2 + 1];
    if (len === 0) {
      continue;
    }
    tree[n * 2] = bi_reverse(next_code[len]++, len);
  }
};
var tr_static_init = () => {
  let n;
  let bits;
  let length;
  let code;
  let dist;
  const bl_count = new Array(MAX_BITS$1 + 1);
  length = 0;
  for (code = 0; code < LENGTH_CODES$1 - 1; code++) {
    base_length[code] = length;
    for (n = 0; n < 1 << extra_lbits[code]; n++) {
      _length_code[length++] = code;
    }
  }
  _length_code[length - 1] = code;
  dist = 0;
  for (code = 0; code < 16; code++) {
    base_dist[code] = dist;
    for (n = 0; n < 1 << extra_dbits[code]; n++) {
      _dist_code[dist++] = code;
    }
  }
  dist >>= 7;
  for (; code < D_CODES$1; code++) {
    base_dist[code] = dist << 7;
    for (n = 0; n < 1 << extra_dbits[code] - 7; n++) {
      _dist_code[256 + dist++] = code;
    }
  }
  for (bits = 0; bits <= MAX_BITS$1; bits++) {
    bl_count[bits] = 0;
  }
  n = 0;
  while (n <= 143) {
    static_ltree[n * 2 + 1] = 8;
    n++;
    bl_count[8]++;
  }
  while (n <= 255) {
    static_ltree[n * 2 + 1] = 9;
    n++;
    bl_count[9]++;
  }
  while (n <= 279) {
    static_ltree[n * 2 + 1] = 7;
    n++;
    bl_count[7]++;
  }
  while (n <= 287) {
    static_ltree[n * 2 + 1] = 8;
    n++;
    bl_count[8]++;
  }
  gen_codes(static_ltree, L_CODES$1 + 1, bl_count);
  for (n = 0; n < D_CODES$1; n++) {
    static_dtree[n * 2 + 1] = 5;
    static_dtree[n * 2] = bi_reverse(n, 5);
  }
  static_l_desc = new StaticTreeDesc(static_ltree, extra_lbits, LITERALS$1 + 1, L_CODES$1, MAX_BITS$1);
  static_d_desc = new StaticTreeDesc(static_dtree, extra_dbits, 0, D_CODES$1, MAX_BITS$1);
  static_bl_desc = new StaticTreeDesc(new Array(0), extra_blbits, 0, BL_CODES$1, MAX_BL_BITS);
};
var init_block = (s) => {
  let n;
  for (n = 0; n < L_CODES$1; n++) {
    s.dyn_ltree[n * 2] = 0;
  }
  for (n = 0; n < D_CODES$1; n++) {
    s.dyn_dtree[n * 2] = 0;
  }
  for (n = 0; n < BL_CODES$1; n++) {
    s.bl_tree[n * 2] = 0;
  }
  s.dyn_ltree[END_BLOCK * 2] = 1;
  s.opt_len = s.static_len = 0;
  s.sym_next = s.matches = 0;
};
var bi_windup = (s) => {
  if (s.bi_valid > 8) {
    put_short(s, s.bi_buf);
  } else if (s.bi_valid > 0) {
    s.pending_buf[s.pending++] = s.bi_buf;
  }
  s.bi_buf = 0;
  s.bi_valid = 0;
};
var smaller = (tree, n, m, depth) => {
  const _n2 = n * 2;
  const _m2 = m * 2;
  return tree[_n2] < tree[_m2] || tree[_n2] === tree[_m2] && depth[n] <= depth[m];
};
var pqdownheap = (s, tree, k) => {
  const v = s.heap[k];
  let j = k << 1;
  while (j <= s.heap_len) {
    if (j < s.heap_len && smaller(tree, s.heap[j + 1], s.heap[j], s.depth)) {
      j++;
    }
    if (smaller(tree, v, s.heap[j], s.depth)) {
      break;
    }
    s.heap[k] = s.heap[j];
    k = j;
    j <<= 1;
  }
  s.heap[k] = v;
};
var compress_block = (s, ltree, dtree) => {
  let dist;
  let lc;
  let sx = 0;
  let code;
  let extra;
  if (s.sym_next !== 0) {
    do {
      dist = s.pending_buf[s.sym_buf + sx++] & 255;
      dist += (s.pending_buf[s.sym_buf + sx++] & 255) << 8;
      lc = s.pending_buf[s.sym_buf + sx++];
      if (dist === 0) {
        send_code(s, lc, ltree);
      } else {
        code = _length_code[lc];
        send_code(s, code + LITERALS$1 + 1, ltree);
        extra = extra_lbits[code];
        if (extra !== 0) {
          lc -= base_length[code];
          send_bits(s, lc, extra);
        }
        dist--;
        code = d_code(dist);
        send_code(s, code, dtree);
        extra = extra_dbits[code];
        if (extra !== 0) {
          dist -= base_dist[code];
          send_bits(s, dist, extra);
        }
      }
    } while (sx < s.sym_next);
  }
  send_code(s, END_BLOCK, ltree);
};
var build_tree = (s, desc) => {
  const tree = desc.dyn_tree;
  const stree = desc.stat_desc.static_tree;
  const has_stree = desc.stat_desc.has_stree;
  const elems = desc.stat_desc.elems;
  let n, m;
  let max_code = -1;
  let node;
  s.heap_len = 0;
  s.heap_max = HEAP_SIZE$1;
  for (n = 0; n < elems; n++) {
    if (tree[n * 2] !== 0) {
      s.heap[++s.heap_len] = max_code = n;
      s.depth[n] = 0;
    } else {
      tree[n * 2 + 1] = 0;
    }
  }
  while (s.heap_len < 2) {
    node = s.heap[++s.heap_len] = max_code < 2 ? ++max_code : 0;
    tree[node * 2] = 1;
    s.depth[node] = 0;
    s.opt_len--;
    if (has_stree) {
      s.static_len -= stree[node * 2 + 1];
    }
  }
  desc.max_code = max_code;
  for (n = s.heap_len >> 1; n >= 1; n--) {
    pqdownheap(s, tree, n);
  }
  node = elems;
  do {
    n = s.heap[
      1
      /*SMALLEST*/
    ];
    s.heap[
      1
      /*SMALLEST*/
    ] = s.heap[s.heap_len--];
    pqdownheap(
      s,
      tree,
      1
      /*SMALLEST*/
    );
    m = s.heap[
      1
      /*SMALLEST*/
    ];
    s.heap[--s.heap_max] = n;
    s.heap[--s.heap_max] = m;
    tree[node * 2] = tree[n * 2] + tree[m * 2];
    s.depth[node] = (s.depth[n] >= s.depth[m] ? s.depth[n] : s.depth[m]) + 1;
    tree[n * 2 + 1] = tree[m * 2 + 1] = node;
    s.heap[
      1
      /*SMALLEST*/
    ] = node++;
    pqdownheap(
      s,
      tree,
      1
      /*SMALLEST*/
    );
  } while (s.heap_len >= 2);
  s.heap[--s.heap_max] = s.heap[
    1
    /*SMALLEST*/
  ];
  gen_bitlen(s, desc);
  gen_codes(tree, max_code, s.bl_count);
};
var scan_tree = (s, tree, max_code) => {
  let n;
  let prevlen = -1;
  let curlen;
  let nextlen = tree[0 * 2 + 1];
  let count = 0;
  let max_count = 7;
  let min_count = 4;
  if (nextlen === 0) {
    max_count = 138;
    min_count = 3;
  }
  tree[(max_code + 1) * 2 + 1] = 65535;
  for (n = 0; n <= max_code; n++) {
    curlen = nextlen;
    nextlen = tree[(n + 1) * 2 + 1];
    if (++count < max_count && curlen === nextlen) {
      continue;
    } else if (count < min_count) {
      s.bl_tree[curlen * 2] += count;
    } else if (curlen !== 0) {
      if (curlen !== prevlen) {
        s.bl_tree[curlen * 2]++;
      }
      s.bl_tree[REP_3_6 * 2]++;
    } else if (count <= 10) {
      s.bl_tree[REPZ_3_10 * 2]++;
    } else {
      s.bl_tree[REPZ_11_138 * 2]++;
    }
    count = 0;
    prevlen = curlen;
    if (nextlen === 0) {
      max_count = 138;
      min_count = 3;
    } else if (curlen === nextlen) {
      max_count = 6;
      min_count = 3;
    } else {
      max_count = 7;
      min_count = 4;
    }
  }
};
var send_tree = (s, tree, max_code) => {
  let n;
  let prevlen = -1;
  let curlen;
  let nextlen = tree[0 * 2 + 1];
  let count = 0;
  let max_count = 7;
  let min_count = 4;
  if (nextlen === 0) {
    max_count = 138;
    min_count = 3;
  }
  for (n = 0; n <= max_code; n++) {
    curlen = nextlen;
    nextlen = tree[(n + 1) * 2 + 1];
    if (++count < max_count && curlen === nextlen) {
      continue;
    } else if (count < min_count) {
      do {
        send_code(s, curlen, s.bl_tree);
      } while (--count !== 0);
    } else if (curlen !== 0) {
      if (curlen !== prevlen) {
        send_code(s, curlen, s.bl_tree);
        count--;
      }
      send_code(s, REP_3_6, s.bl_tree);
      send_bits(s, count - 3, 2);
    } else if (count <= 10) {
      send_code(s, REPZ_3_10, s.bl_tree);
      send_bits(s, count - 3, 3);
    } else {
      send_code(s, REPZ_11_138, s.bl_tree);
      send_bits(s, count - 11, 7);
    }
    count = 0;
    prevlen = curlen;
    if (nextlen === 0) {
      max_count = 138;
      min_count = 3;
    } else if (curlen === nextlen) {
      max_count = 6;
      min_count = 3;
    } else {
      max_count = 7;
      min_count = 4;
    }
  }
};
var build_bl_tree = (s) => {
  let max_blindex;
  scan_tree(s, s.dyn_ltree, s.l_desc.max_code);
  scan_tree(s, s.dyn_dtree, s.d_desc.max_code);
  build_tree(s, s.bl_desc);
  for (max_blindex = BL_CODES$1 - 1; max_blindex >= 3; max_blindex--) {
    if (s.bl_tree[bl_order[max_blindex] * 2 + 1] !== 0) {
      break;
    }
  }
  s.opt_len += 3 * (max_blindex + 1) + 5 + 5 + 4;
  return max_blindex;
};
var send_all_trees = (s, lcodes, dcodes, blcodes) => {
  let rank2;
  send_bits(s, lcodes - 257, 5);
  send_bits(s, dcodes - 1, 5);
  send_bits(s, blcodes - 4, 4);
  for (rank2 = 0; rank2 < blcodes; rank2++) {
    send_bits(s, s.bl_tree[bl_order[rank2] * 2 + 1], 3);
  }
  send_tree(s, s.dyn_ltree, lcodes - 1);
  send_tree(s, s.dyn_dtree, dcodes - 1);
};
var detect_data_type = (s) => {
  let block_mask = 4093624447;
  let n;
  for (n = 0; n <= 31; n++, block_mask >>>= 1) {
    if (block_mask & 1 && s.dyn_ltree[n * 2] !== 0) {
      return Z_BINARY;
    }
  }
  if (s.dyn_ltree[9 * 2] !== 0 || s.dyn_ltree[10 * 2] !== 0 || s.dyn_ltree[13 * 2] !== 0) {
    return Z_TEXT;
  }
  for (n = 32; n < LITERALS$1; n++) {
    if (s.dyn_ltree[n * 2] !== 0) {
      return Z_TEXT;
    }
  }
  return Z_BINARY;
};
var static_init_done = false;
var _tr_init$1 = (s) => {
  if (!static_init_done) {
    tr_static_init();
    static_init_done = true;
  }
  s.l_desc = new TreeDesc(s.dyn_ltree, static_l_desc);
  s.d_desc = new TreeDesc(s.dyn_dtree, static_d_desc);
  s.bl_desc = new TreeDesc(s.bl_tree, static_bl_desc);
  s.bi_buf = 0;
  s.bi_valid = 0;
  init_block(s);
};
var _tr_stored_block$1 = (s, buf, stored_len, last) => {
  send_bits(s, (STORED_BLOCK << 1) + (last ? 1 : 0), 3);
  bi_windup(s);
  put_short(s, stored_len);
  put_short(s, ~stored_len);
  if (stored_len) {
    s.pending_buf.set(s.window.subarray(buf, buf + stored_len), s.pending);
  }
  s.pending += stored_len;
};
var _tr_align$1 = (s) => {
  send_bits(s, STATIC_TREES << 1, 3);
  send_code(s, END_BLOCK, static_ltree);
  bi_flush(s);
};
var _tr_flush_block$1 = (s, buf, stored_len, last) => {
  let opt_lenb, static_lenb;
  let max_blindex = 0;
  if (s.level > 0) {
    if (s.strm.data_type === Z_UNKNOWN$1) {
      s.strm.data_type = detect_data_type(s);
    }
    build_tree(s, s.l_desc);
    build_tree(s, s.d_desc);
    max_blindex = build_bl_tree(s);
    opt_lenb = s.opt_len + 3 + 7 >>> 3;
    static_lenb = s.static_len + 3 + 7 >>> 3;
    if (static_lenb <= opt_lenb) {
      opt_lenb = static_lenb;
    }
  } else {
    opt_lenb = static_lenb = stored_len + 5;
  }
  if (stored_len + 4 <= opt_lenb && buf !== -1) {
    _tr_stored_block$1(s, buf, stored_len, last);
  } else if (s.strategy === Z_FIXED$1 || static_lenb === opt_lenb) {
    send_bits(s, (STATIC_TREES << 1) + (last ? 1 : 0), 3);
    compress_block(s, static_ltree, static_dtree);
  } else {
    send_bits(s, (DYN_TREES << 1) + (last ? 1 : 0), 3);
    send_all_trees(s, s.l_desc.max_code + 1, s.d_desc.max_code + 1, max_blindex + 1);
    compress_block(s, s.dyn_ltree, s.dyn_dtree);
  }
  init_block(s);
  if (last) {
    bi_windup(s);
  }
};
var _tr_tally$1 = (s, dist, lc) => {
  s.pending_buf[s.sym_buf + s.sym_next++] = dist;
  s.pending_buf[s.sym_buf + s.sym_next++] = dist >> 8;
  s.pending_buf[s.sym_buf + s.sym_next++] = lc;
  if (dist === 0) {
    s.dyn_ltree[lc * 2]++;
  } else {
    s.matches++;
    dist--;
    s.dyn_ltree[(_length_code[lc] + LITERALS$1 + 1) * 2]++;
    s.dyn_dtree[d_code(dist) * 2]++;
  }
  return s.sym_next === s.sym_end;
};
var _tr_init_1 = _tr_init$1;
var _tr_stored_block_1 = _tr_stored_block$1;
var _tr_flush_block_1 = _tr_flush_block$1;
var _tr_tally_1 = _tr_tally$1;
var _tr_align_1 = _tr_align$1;
var trees = {
  _tr_init: _tr_init_1,
  _tr_stored_block: _tr_stored_block_1,
  _tr_flush_block: _tr_flush_block_1,
  _tr_tally: _tr_tally_1,
  _tr_align: _tr_align_1
};
var adler32 = (adler, buf, len, pos) => {
  let s1 = adler & 65535 | 0, s2 = adler >>> 16 & 65535 | 0, n = 0;
  while (len !== 0) {
    n = len > 2e3 ? 2e3 : len;
    len -= n;
    do {
      s1 = s1 + buf[pos++] | 0;
      s2 = s2 + s1 | 0;
    } while (--n);
    s1 %= 65521;
    s2 %= 65521;
  }
  return s1 | s2 << 16 | 0;
};
var adler32_1 = adler32;
var makeTable = () => {
  let c, table = [];
  for (var n = 0; n < 256; n++) {
    c = n;
    for (var k = 0; k < 8; k++) {
      c = c & 1 ? 3988292384 ^ c >>> 1 : c >>> 1;
    }
    table[n] = c;
  }
  return table;
};
var crcTable = new Uint32Array(makeTable());
var crc32 = (crc, buf, len, pos) => {
  const t = crcTable;
  const end = pos + len;
  crc ^= -1;
  for (let i = pos; i < end; i++) {
    crc = crc >>> 8 ^ t[(crc ^ buf[i]) & 255];
  }
  return crc ^ -1;
};
var crc32_1 = crc32;
var messages = {
  2: "need dictionary",
  /* Z_NEED_DICT       2  */
  1: "stream end",
  /* Z_STREAM_END      1  */
  0: "",
  /* Z_OK              0  */
  "-1": "file error",
  /* Z_ERRNO         (-1) */
  "-2": "stream error",
  /* Z_STREAM_ERROR  (-2) */
  "-3": "data error",
  /* Z_DATA_ERROR    (-3) */
  "-4": "insufficient memory",
  /* Z_MEM_ERROR     (-4) */
  "-5": "buffer error",
  /* Z_BUF_ERROR     (-5) */
  "-6": "incompatible version"
  /* Z_VERSION_ERROR (-6) */
};
var constants$2 = {
  /* Allowed flush values; see deflate() and inflate() below for details */
  Z_NO_FLUSH: 0,
  Z_PARTIAL_FLUSH: 1,
  Z_SYNC_FLUSH: 2,
  Z_FULL_FLUSH: 3,
  Z_FINISH: 4,
  Z_BLOCK: 5,
  Z_TREES: 6,
  /* Return codes for the compression/decompression functions. Negative values
  * are errors, positive values are used for special but normal events.
  */
  Z_OK: 0,
  Z_STREAM_END: 1,
  Z_NEED_DICT: 2,
  Z_ERRNO: -1,
  Z_STREAM_ERROR: -2,
  Z_DATA_ERROR: -3,
  Z_MEM_ERROR: -4,
  Z_BUF_ERROR: -5,
  //Z_VERSION_ERROR: -6,
  /* compression levels */
  Z_NO_COMPRESSION: 0,
  Z_BEST_SPEED: 1,
  Z_BEST_COMPRESSION: 9,
  Z_DEFAULT_COMPRESSION: -1,
  Z_FILTERED: 1,
  Z_HUFFMAN_ONLY: 2,
  Z_RLE: 3,
  Z_FIXED: 4,
  Z_DEFAULT_STRATEGY: 0,
  /* Possible values of the data_type field (though see inflate()) */
  Z_BINARY: 0,
  Z_TEXT: 1,
  //Z_ASCII:                1, // = Z_TEXT (deprecated)
  Z_UNKNOWN: 2,
  /* The deflate compression method */
  Z_DEFLATED: 8
  //Z_NULL:                 null // Use -1 or null inline, depending on var type
};
var { _tr_init, _tr_stored_block, _tr_flush_block, _tr_tally, _tr_align } = trees;
var {
  Z_NO_FLUSH: Z_NO_FLUSH$2,
  Z_PARTIAL_FLUSH,
  Z_FULL_FLUSH: Z_FULL_FLUSH$1,
  Z_FINISH: Z_FINISH$3,
  Z_BLOCK: Z_BLOCK$1,
  Z_OK: Z_OK$3,
  Z_STREAM_END: Z_STREAM_END$3,
  Z_STREAM_ERROR: Z_STREAM_ERROR$2,
  Z_DATA_ERROR: Z_DATA_ERROR$2,
  Z_BUF_ERROR: Z_BUF_ERROR$1,
  Z_DEFAULT_COMPRESSION: Z_DEFAULT_COMPRESSION$1,
  Z_FILTERED,
  Z_HUFFMAN_ONLY,
  Z_RLE,
  Z_FIXED,
  Z_DEFAULT_STRATEGY: Z_DEFAULT_STRATEGY$1,
  Z_UNKNOWN,
  Z_DEFLATED: Z_DEFLATED$2
} = constants$2;
var MAX_MEM_LEVEL = 9;
var MAX_WBITS$1 = 15;
var DEF_MEM_LEVEL = 8;
var LENGTH_CODES = 29;
var LITERALS = 256;
var L_CODES = LITERALS + 1 + LENGTH_CODES;
var D_CODES = 30;
var BL_CODES = 19;
var HEAP_SIZE = 2 * L_CODES + 1;
var MAX_BITS = 15;
var MIN_MATCH = 3;
var MAX_MATCH = 258;
var MIN_LOOKAHEAD = MAX_MATCH + MIN_MATCH + 1;
var PRESET_DICT = 32;
var INIT_STATE = 42;
var GZIP_STATE = 57;
var EXTRA_STATE = 69;
var NAME_STATE = 73;
var COMMENT_STATE = 91;
var HCRC_STATE = 103;
var BUSY_STATE = 113;
var FINISH_STATE = 666;
var BS_NEED_MORE = 1;
var BS_BLOCK_DONE = 2;
var BS_FINISH_STARTED = 3;
var BS_FINISH_DONE = 4;
var OS_CODE = 3;
var err = (strm, errorCode) => {
  strm.msg = messages[errorCode];
  return errorCode;
};
var rank = (f) => {
  return f * 2 - (f > 4 ? 9 : 0);
};
var zero = (buf) => {
  let len = buf.length;
  while (--len >= 0) {
    buf[len] = 0;
  }
};
var slide_hash = (s) => {
  let n, m;
  let p;
  let wsize = s.w_size;
  n = s.hash_size;
  p = n;
  do {
    m = s.head[--p];
    s.head[p] = m >= wsize ? m - wsize : 0;
  } while (--n);
  n = wsize;
  p = n;
  do {
    m = s.prev[--p];
    s.prev[p] = m >= wsize ? m - wsize : 0;
  } while (--n);
};
var HASH_ZLIB = (s, prev, data) => (prev << s.hash_shift ^ data) & s.hash_mask;
var HASH = HASH_ZLIB;
var flush_pending = (strm) => {
  const s = strm.state;
  let len = s.pending;
  if (len > strm.avail_out) {
    len = strm.avail_out;
  }
  if (len === 0) {
    return;
  }
  strm.output.set(s.pending_buf.subarray(s.pending_out, s.pending_out + len), strm.next_out);
  strm.next_out += len;
  s.pending_out += len;
  strm.total_out += len;
  strm.avail_out -= len;
  s.pending -= len;
  if (s.pending === 0) {
    s.pending_out = 0;
  }
};
var flush_block_only = (s, last) => {
  _tr_flush_block(s, s.block_start >= 0 ? s.block_start : -1, s.strstart - s.block_start, last);
  s.block_start = s.strstart;
  flush_pending(s.strm);
};
var put_byte = (s, b) => {
  s.pending_buf[s.pending++] = b;
};
var putShortMSB = (s, b) => {
  s.pending_buf[s.pending++] = b >>> 8 & 255;
  s.pending_buf[s.pending++] = b & 255;
};
var read_buf = (strm, buf, start, size) => {
  let len = strm.avail_in;
  if (len > size) {
    len = size;
  }
  if (len === 0) {
    return 0;
  }
  strm.avail_in -= len;
  buf.set(strm.input.subarray(strm.next_in, strm.next_in + len), start);
  if (strm.state.wrap === 1) {
    strm.adler = adler32_1(strm.adler, buf, len, start);
  } else if (strm.state.wrap === 2) {
    strm.adler = crc32_1(strm.adler, buf, len, start);
  }
  strm.next_in += len;
  strm.total_in += len;
  return len;
};
var longest_match = (s, cur_match) => {
  let chain_length = s.max_chain_length;
  let scan = s.strstart;
  let match;
  let len;
  let best_len = s.prev_length;
  let nice_match = s.nice_match;
  const limit = s.strstart > s.w_size - MIN_LOOKAHEAD ? s.strstart - (s.w_size - MIN_LOOKAHEAD) : 0;
  const _win = s.window;
  const wmask = s.w_mask;
  const prev = s.prev;
  const strend = s.strstart + MAX_MATCH;
  let scan_end1 = _win[scan + best_len - 1];
  let scan_end = _win[scan + best_len];
  if (s.prev_length >= s.good_match) {
    chain_length >>= 2;
  }
  if (nice_match > s.lookahead) {
    nice_match = s.lookahead;
  }
  do {
    match = cur_match;
    if (_win[match + best_len] !== scan_end || _win[match + best_len - 1] !== scan_end1 || _win[match] !== _win[scan] || _win[++match] !== _win[scan + 1]) {
      continue;
    }
    scan += 2;
    match++;
    do {
    } while (_win[++scan] === _win[++match] && _win[++scan] === _win[++match] && _win[++scan] === _win[++match] && _win[++scan] === _win[++match] && _win[++scan] === _win[++match] && _win[++scan] === _win[++match] && _win[++scan] === _win[++match] && _win[++scan] === _win[++match] && scan < strend);
    len = MAX_MATCH - (strend - scan);
    scan = strend - MAX_MATCH;
    if (len > best_len) {
      s.match_start = cur_match;
      best_len = len;
      if (len >= nice_match) {
        break;
      }
      scan_end1 = _win[scan + best_len - 1];
      scan_end = _win[scan + best_len];
    }
  } while ((cur_match = prev[cur_match & wmask]) > limit && --chain_length !== 0);
  if (best_len <= s.lookahead) {
    return best_len;
  }
  return s.lookahead;
};
var fill_window = (s) => {
  const _w_size = s.w_size;
  let n, more, str2;
  do {
    more = s.window_size - s.lookahead - s.strstart;
    if (s.strstart >= _w_size + (_w_size - MIN_LOOKAHEAD)) {
      s.window.set(s.window.subarray(_w_size, _w_size + _w_size - more), 0);
      s.match_start -= _w_size;
      s.strstart -= _w_size;
      s.block_start -= _w_size;
      if (s.insert > s.strstart) {
        s.insert = s.strstart;
      }
      slide_hash(s);
      more += _w_size;
    }
    if (s.strm.avail_in === 0) {
      break;
    }
    n = read_buf(s.strm, s.window, s.strstart + s.lookahead, more);
    s.lookahead += n;
    if (s.lookahead + s.insert >= MIN_MATCH) {
      str2 = s.strstart - s.insert;
      s.ins_h = s.window[str2];
      s.ins_h = HASH(s, s.ins_h, s.window[str2 + 1]);
      while (s.insert) {
        s.ins_h = HASH(s, s.ins_h, s.window[str2 + MIN_MATCH - 1]);
        s.prev[str2 & s.w_mask] = s.head[s.ins_h];
        s.head[s.ins_h] = str2;
        str2++;
        s.insert--;
        if (s.lookahead + s.insert < MIN_MATCH) {
          break;
        }
      }
    }
  } while (s.lookahead < MIN_LOOKAHEAD && s.strm.avail_in !== 0);
};
var deflate_stored = (s, flush) => {
  let min_block = s.pending_buf_size - 5 > s.w_size ? s.w_size : s.pending_buf_size - 5;
  let len, left, have, last = 0;
  let used = s.strm.avail_in;
  do {
    len = 65535;
    have = s.bi_valid + 42 >> 3;
    if (s.strm.avail_out < have) {
      break;
    }
    have = s.strm.avail_out - have;
    left = s.strstart - s.block_start;
    if (len > left + s.strm.avail_in) {
      len = left + s.strm.avail_in;
    }
    if (len > have) {
      len = have;
    }
    if (len < min_block && (len === 0 && flush !== Z_FINISH$3 || flush === Z_NO_FLUSH$2 || len !== left + s.strm.avail_in)) {
      break;
    }
    last = flush === Z_FINISH$3 && len === left + s.strm.avail_in ? 1 : 0;
    _tr_stored_block(s, 0, 0, last);
    s.pending_buf[s.pending - 4] = len;
    s.pending_buf[s.pending - 3] = len >> 8;
    s.pending_buf[s.pending - 2] = ~len;
    s.pending_buf[s.pending - 1] = ~len >> 8;
    flush_pending(s.strm);
    if (left) {
      if (left > len) {
        left = len;
      }
      s.strm.output.set(s.window.subarray(s.block_start, s.block_start + left), s.strm.next_out);
      s.strm.next_out += left;
      s.strm.avail_out -= left;
      s.strm.total_out += left;
      s.block_start += left;
      len -= left;
    }
    if (len) {
      read_buf(s.strm, s.strm.output, s.strm.next_out, len);
      s.strm.next_out += len;
      s.strm.avail_out -= len;
      s.strm.total_out += len;
    }
  } while (last === 0);
  used -= s.strm.avail_in;
  if (used) {
    if (used >= s.w_size) {
      s.matches = 2;
      s.window.set(s.strm.input.subarray(s.strm.next_in - s.w_size, s.strm.next_in), 0);
      s.strstart = s.w_size;
      s.insert = s.strstart;
    } else {
      if (s.window_size - s.strstart <= used) {
        s.strstart -= s.w_size;
        s.window.set(s.window.subarray(s.w_size, s.w_size + s.strstart), 0);
        if (s.matches < 2) {
          s.matches++;
        }
        if (s.insert > s.strstart) {
          s.insert = s.strstart;
        }
      }
      s.window.set(s.strm.input.subarray(s.strm.next_in - used, s.strm.next_in), s.strstart);
      s.strstart += used;
      s.insert += used > s.w_size - s.insert ? s.w_size - s.insert : used;
    }
    s.block_start = s.strstart;
  }
  if (s.high_water < s.strstart) {
    s.high_water = s.strstart;
  }
  if (last) {
    return BS_FINISH_DONE;
  }
  if (flush !== Z_NO_FLUSH$2 && flush !== Z_FINISH$3 && s.strm.avail_in === 0 && s.strstart === s.block_start) {
    return BS_BLOCK_DONE;
  }
  have = s.window_size - s.strstart;
  if (s.strm.avail_in > have && s.block_start >= s.w_size) {
    s.block_start -= s.w_size;
    s.strstart -= s.w_size;
    s.window.set(s.window.subarray(s.w_size, s.w_size + s.strstart), 0);
    if (s.matches < 2) {
      s.matches++;
    }
    have += s.w_size;
    if (s.insert > s.strstart) {
      s.insert = s.strstart;
    }
  }
  if (have > s.strm.avail_in) {
    have = s.strm.avail_in;
  }
  if (have) {
    read_buf(s.strm, s.window, s.strstart, have);
    s.strstart += have;
    s.insert += have > s.w_size - s.insert ? s.w_size - s.insert : have;
  }
  if (s.high_water < s.strstart) {
    s.high_water = s.strstart;
  }
  have = s.bi_valid + 42 >> 3;
  have = s.pending_buf_size - have > 65535 ? 65535 : s.pending_buf_size - have;
  min_block = have > s.w_size ? s.w_size : have;
  left = s.strstart - s.block_start;
  if (left >= min_block || (left || flush === Z_FINISH$3) && flush !== Z_NO_FLUSH$2 && s.strm.avail_in === 0 && left <= have) {
    len = left > have ? have : left;
    last = flush === Z_FINISH$3 && s.strm.avail_in === 0 && len === left ? 1 : 0;
    _tr_stored_block(s, s.block_start, len, last);
    s.block_start += len;
    flush_pending(s.strm);
  }
  return last ? BS_FINISH_STARTED : BS_NEED_MORE;
};
var deflate_fast = (s, flush) => {
  let hash_head;
  let bflush;
  for (; ; ) {
    if (s.lookahead < MIN_LOOKAHEAD) {
      fill_window(s);
      if (s.lookahead < MIN_LOOKAHEAD && flush === Z_NO_FLUSH$2) {
        return BS_NEED_MORE;
      }
      if (s.lookahead === 0) {
        break;
      }
    }
    hash_head = 0;
    if (s.lookahead >= MIN_MATCH) {
      s.ins_h = HASH(s, s.ins_h, s.window[s.strstart + MIN_MATCH - 1]);
      hash_head = s.prev[s.strstart & s.w_mask] = s.head[s.ins_h];
      s.head[s.ins_h] = s.strstart;
    }
    if (hash_head !== 0 && s.strstart - hash_head <= s.w_size - MIN_LOOKAHEAD) {
      s.match_length = longest_match(s, hash_head);
    }
    if (s.match_length >= MIN_MATCH) {
      bflush = _tr_tally(s, s.strstart - s.match_start, s.match_length - MIN_MATCH);
      s.lookahead -= s.match_length;
      if (s.match_length <= s.max_lazy_match && s.lookahead >= MIN_MATCH) {
        s.match_length--;
        do {
          s.strstart++;
          s.ins_h = HASH(s, s.ins_h, s.window[s.strstart + MIN_MATCH - 1]);
          hash_head = s.prev[s.strstart & s.w_mask] = s.head[s.ins_h];
          s.head[s.ins_h] = s.strstart;
        } while (--s.match_length !== 0);
        s.strstart++;
      } else {
        s.strstart += s.match_length;
        s.match_length = 0;
        s.ins_h = s.window[s.strstart];
        s.ins_h = HASH(s, s.ins_h, s.window[s.strstart + 1]);
      }
    } else {
      bflush = _tr_tally(s, 0, s.window[s.strstart]);
      s.lookahead--;
      s.strstart++;
    }
    if (bflush) {
      flush_block_only(s, false);
      if (s.strm.avail_out === 0) {
        return BS_NEED_MORE;
      }
    }
  }
  s.insert = s.strstart < MIN_MATCH - 1 ? s.strstart : MIN_MATCH - 1;
  if (flush === Z_FINISH$3) {
    flush_block_only(s, true);
    if (s.strm.avail_out === 0) {
      return BS_FINISH_STARTED;
    }
    return BS_FINISH_DONE;
  }
  if (s.sym_next) {
    flush_block_only(s, false);
    if (s.strm.avail_out === 0) {
      return BS_NEED_MORE;
    }
  }
  return BS_BLOCK_DONE;
};
var deflate_slow = (s, flush) => {
  let hash_head;
  let bflush;
  let max_insert;
  for (; ; ) {
    if (s.lookahead < MIN_LOOKAHEAD) {
      fill_window(s);
      if (s.lookahead < MIN_LOOKAHEAD && flush === Z_NO_FLUSH$2) {
        return BS_NEED_MORE;
      }
      if (s.lookahead === 0) {
        break;
      }
    }
    hash_head = 0;
    if (s.lookahead >= MIN_MATCH) {
      s.ins_h = HASH(s, s.ins_h, s.window[s.strstart + MIN_MATCH - 1]);
      hash_head = s.prev[s.strstart & s.w_mask] = s.head[s.ins_h];
      s.head[s.ins_h] = s.strstart;
    }
    s.prev_length = s.match_length;
    s.prev_match = s.match_start;
    s.match_length = MIN_MATCH - 1;
    if (hash_head !== 0 && s.prev_length < s.max_lazy_match && s.strstart - hash_head <= s.w_size - MIN_LOOKAHEAD) {
      s.match_length = longest_match(s, hash_head);
      if (s.match_length <= 5 && (s.strategy === Z_FILTERED || s.match_length === MIN_MATCH && s.strstart - s.match_start > 4096)) {
        s.match_length = MIN_MATCH - 1;
      }
    }
    if (s.prev_length >= MIN_MATCH && s.match_length <= s.prev_length) {
      max_insert = s.strstart + s.lookahead - MIN_MATCH;
      bflush = _tr_tally(s, s.strstart - 1 - s.prev_match, s.prev_length - MIN_MATCH);
      s.lookahead -= s.prev_length - 1;
      s.prev_length -= 2;
      do {
        if (++s.strstart <= max_insert) {
          s.ins_h = HASH(s, s.ins_h, s.window[s.strstart + MIN_MATCH - 1]);
          hash_head = s.prev[s.strstart & s.w_mask] = s.head[s.ins_h];
          s.head[s.ins_h] = s.strstart;
        }
      } while (--s.prev_length !== 0);
      s.match_available = 0;
      s.match_length = MIN_MATCH - 1;
      s.strstart++;
      if (bflush) {
        flush_block_only(s, false);
        if (s.strm.avail_out === 0) {
          return BS_NEED_MORE;
        }
      }
    } else if (s.match_available) {
      bflush = _tr_tally(s, 0, s.window[s.strstart - 1]);
      if (bflush) {
        flush_block_only(s, false);
      }
      s.strstart++;
      s.lookahead--;
      if (s.strm.avail_out === 0) {
        return BS_NEED_MORE;
      }
    } else {
      s.match_available = 1;
      s.strstart++;
      s.lookahead--;
    }
  }
  if (s.match_available) {
    bflush = _tr_tally(s, 0, s.window[s.strstart - 1]);
    s.match_available = 0;
  }
  s.insert = s.strstart < MIN_MATCH - 1 ? s.strstart : MIN_MATCH - 1;
  if (flush === Z_FINISH$3) {
    flush_block_only(s, true);
    if (s.strm.avail_out === 0) {
      return BS_FINISH_STARTED;
    }
    return BS_FINISH_DONE;
  }
  if (s.sym_next) {
    flush_block_only(s, false);
    if (s.strm.avail_out === 0) {
      return BS_NEED_MORE;
    }
  }
  return BS_BLOCK_DONE;
};
var deflate_rle = (s, flush) => {
  let bflush;
  let prev;
  let scan, strend;
  const _win = s.window;
  for (; ; ) {
    if (s.lookahead <= MAX_MATCH) {
      fill_window(s);
      if (s.lookahead <= MAX_MATCH && flush === Z_NO_FLUSH$2) {
        return BS_NEED_MORE;
      }
      if (s.lookahead === 0) {
        break;
      }
    }
    s.match_length = 0;
    if (s.lookahead >= MIN_MATCH && s.strstart > 0) {
      scan = s.strstart - 1;
      prev = _win[scan];
      if (prev === _win[++scan] && prev === _win[++scan] && prev === _win[++scan]) {
        strend = s.strstart + MAX_MATCH;
        do {
        } while (prev === _win[++scan] && prev === _win[++scan] && prev === _win[++scan] && prev === _win[++scan] && prev === _win[++scan] && prev === _win[++scan] && prev === _win[++scan] && prev === _win[++scan] && scan < strend);
        s.match_length = MAX_MATCH - (strend - scan);
        if (s.match_length > s.lookahead) {
          s.match_length = s.lookahead;
        }
      }
    }
    if (s.match_length >= MIN_MATCH) {
      bflush = _tr_tally(s, 1, s.match_length - MIN_MATCH);
      s.lookahead -= s.match_length;
      s.strstart += s.match_length;
      s.match_length = 0;
    } else {
      bflush = _tr_tally(s, 0, s.window[s.strstart]);
      s.lookahead--;
      s.strstart++;
    }
    if (bflush) {
      flush_block_only(s, false);
      if (s.strm.avail_out === 0) {
        return BS_NEED_MORE;
      }
    }
  }
  s.insert = 0;
  if (flush === Z_FINISH$3) {
    flush_block_only(s, true);
    if (s.strm.avail_out === 0) {
      return BS_FINISH_STARTED;
    }
    return BS_FINISH_DONE;
  }
  if (s.sym_next) {
    flush_block_only(s, false);
    if (s.strm.avail_out === 0) {
      return BS_NEED_MORE;
    }
  }
  return BS_BLOCK_DONE;
};
var deflate_huff = (s, flush) => {
  let bflush;
  for (; ; ) {
    if (s.lookahead === 0) {
      fill_window(s);
      if (s.lookahead === 0) {
        if (flush === Z_NO_FLUSH$2) {
          return BS_NEED_MORE;
        }
        break;
      }
    }
    s.match_length = 0;
    bflush = _tr_tally(s, 0, s.window[s.strstart]);
    s.lookahead--;
    s.strstart++;
    if (bflush) {
      flush_block_only(s, false);
      if (s.strm.avail_out === 0) {
        return BS_NEED_MORE;
      }
    }
  }
  s.insert = 0;
  if (flush === Z_FINISH$3) {
    flush_block_only(s, true);
    if (s.strm.avail_out === 0) {
      return BS_FINISH_STARTED;
    }
    return BS_FINISH_DONE;
  }
  if (s.sym_next) {
    flush_block_only(s, false);
    if (s.strm.avail_out === 0) {
      return BS_NEED_MORE;
    }
  }
  return BS_BLOCK_DONE;
};
function Config(good_length, max_lazy, nice_length, max_chain, func) {
  this.good_length = good_length;
  this.max_lazy = max_lazy;
  this.nice_length = nice_length;
  this.max_chain = max_chain;
  this.func = func;
}
var configuration_table = [
  /*      good lazy nice chain */
  new Config(0, 0, 0, 0, deflate_stored),
  /* 0 store only */
  new Config(4, 4, 8, 4, deflate_fast),
  /* 1 max speed, no lazy matches */
  new Config(4, 5, 16, 8, deflate_fast),
  /* 2 */
  new Config(4, 6, 32, 32, deflate_fast),
  /* 3 */
  new Config(4, 4, 16, 16, deflate_slow),
  /* 4 lazy matches */
  new Config(8, 16, 32, 32, deflate_slow),
  /* 5 */
  new Config(8, 16, 128, 128, deflate_slow),
  /* 6 */
  new Config(8, 32, 128, 256, deflate_slow),
  /* 7 */
  new Config(32, 128, 258, 1024, deflate_slow),
  /* 8 */
  new Config(32, 258, 258, 4096, deflate_slow)
  /* 9 max compression */
];
var lm_init = (s) => {
  s.window_size = 2 * s.w_size;
  zero(s.head);
  s.max_lazy_match = configuration_table[s.level].max_lazy;
  s.good_match = configuration_table[s.level].good_length;
  s.nice_match = configuration_table[s.level].nice_length;
  s.max_chain_length = configuration_table[s.level].max_chain;
  s.strstart = 0;
  s.block_start = 0;
  s.lookahead = 0;
  s.insert = 0;
  s.match_length = s.prev_length = MIN_MATCH - 1;
  s.match_available = 0;
  s.ins_h = 0;
};
function DeflateState() {
  this.strm = null;
  this.status = 0;
  this.pending_buf = null;
  this.pending_buf_size = 0;
  this.pending_out = 0;
  this.pending = 0;
  this.wrap = 0;
  this.gzhead = null;
  this.gzindex = 0;
  this.method = Z_DEFLATED$2;
  this.last_flush = -1;
  this.w_size = 0;
  this.w_bits = 0;
  this.w_mask = 0;
  this.window = null;
  this.window_size = 0;
  this.prev = null;
  this.head = null;
  this.ins_h = 0;
  this.hash_size = 0;
  this.hash_bits = 0;
  this.hash_mask = 0;
  this.hash_shift = 0;
  this.block_start = 0;
  this.match_length = 0;
  this.prev_match = 0;
  this.match_available = 0;
  this.strstart = 0;
  this.match_start = 0;
  this.lookahead = 0;
  this.prev_length = 0;
  this.max_chain_length = 0;
  this.max_lazy_match = 0;
  this.level = 0;
  this.strategy = 0;
  this.good_match = 0;
  this.nice_match = 0;
  this.dyn_ltree = new Uint16Array(HEAP_SIZE * 2);
  this.dyn_dtree = new Uint16Array((2 * D_CODES + 1) * 2);
  this.bl_tree = new Uint16Array((2 * BL_CODES + 1) * 2);
  zero(this.dyn_ltree);
  zero(this.dyn_dtree);
  zero(this.bl_tree);
  this.l_desc = null;
  this.d_desc = null;
  this.bl_desc = null;
  this.bl_count = new Uint16Array(MAX_BITS + 1);
  this.heap = new Uint16Array(2 * L_CODES + 1);
  zero(this.heap);
  this.heap_len = 0;
  this.heap_max = 0;
  this.depth = new Uint16Array(2 * L_CODES + 1);
  zero(this.depth);
  this.sym_buf = 0;
  this.lit_bufsize = 0;
  this.sym_next = 0;
  this.sym_end = 0;
  this.opt_len = 0;
  this.static_len = 0;
  this.matches = 0;
  this.insert = 0;
  this.bi_buf = 0;
  this.bi_valid = 0;
}
var deflateStateCheck = (strm) => {
  if (!strm) {
    return 1;
  }
  const s = strm.state;
  if (!s || s.strm !== strm || s.status !== INIT_STATE && //#ifdef GZIP
  s.status !== GZIP_STATE && //#endif
  s.status !== EXTRA_STATE && s.status !== NAME_STATE && s.status !== COMMENT_STATE && s.status !== HCRC_STATE && s.status !== BUSY_STATE && s.status !== FINISH_STATE) {
    return 1;
  }
  return 0;
};
var deflateResetKeep = (strm) => {
  if (deflateStateCheck(strm)) {
    return err(strm, Z_STREAM_ERROR$2);
  }
  strm.total_in = strm.total_out = 0;
  strm.data_type = Z_UNKNOWN;
  const s = strm.state;
  s.pending = 0;
  s.pending_out = 0;
  if (s.wrap < 0) {
    s.wrap = -s.wrap;
  }
  s.status = //#ifdef GZIP
  s.wrap === 2 ? GZIP_STATE : (
    //#endif
    s.wrap ? INIT_STATE : BUSY_STATE
  );
  strm.adler = s.wrap === 2 ? 0 : 1;
  s.last_flush = -2;
  _tr_init(s);
  return Z_OK$3;
};
var deflateReset = (strm) => {
  const ret = deflateResetKeep(strm);
  if (ret === Z_OK$3) {
    lm_init(strm.state);
  }
  return ret;
};
var deflateSetHeader = (strm, head) => {
  if (deflateStateCheck(strm) || strm.state.wrap !== 2) {
    return Z_STREAM_ERROR$2;
  }
  strm.state.gzhead = head;
  return Z_OK$3;
};
var deflateInit2 = (strm, level, method, windowBits, memLevel, strategy) => {
  if (!strm) {
    return Z_STREAM_ERROR$2;
  }
  let wrap = 1;
  if (level === Z_DEFAULT_COMPRESSION$1) {
    level = 6;
  }
  if (windowBits < 0) {
    wrap = 0;
    windowBits = -windowBits;
  } else if (windowBits > 15) {
    wrap = 2;
    windowBits -= 16;
  }
  if (memLevel < 1 || memLevel > MAX_MEM_LEVEL || method !== Z_DEFLATED$2 || windowBits < 8 || windowBits > 15 || level < 0 || level > 9 || strategy < 0 || strategy > Z_FIXED || windowBits === 8 && wrap !== 1) {
    return err(strm, Z_STREAM_ERROR$2);
  }
  if (windowBits === 8) {
    windowBits = 9;
  }
  const s = new DeflateState();
  strm.state = s;
  s.strm = strm;
  s.status = INIT_STATE;
  s.wrap = wrap;
  s.gzhead = null;
  s.w_bits = windowBits;
  s.w_size = 1 << s.w_bits;
  s.w_mask = s.w_size - 1;
  s.hash_bits = memLevel + 7;
  s.hash_size = 1 << s.hash_bits;
  s.hash_mask = s.hash_size - 1;
  s.hash_shift = ~~((s.hash_bits + MIN_MATCH - 1) / MIN_MATCH);
  s.window = new Uint8Array(s.w_size * 2);
  s.head = new Uint16Array(s.hash_size);
  s.prev = new Uint16Array(s.w_size);
  s.lit_bufsize = 1 << memLevel + 6;
  s.pending_buf_size = s.lit_bufsize * 4;
  s.pending_buf = new Uint8Array(s.pending_buf_size);
  s.sym_buf = s.lit_bufsize;
  s.sym_end = (s.lit_bufsize - 1) * 3;
  s.level = level;
  s.strategy = strategy;
  s.method = method;
  return deflateReset(strm);
};
var deflateInit = (strm, level) => {
  return deflateInit2(strm, level, Z_DEFLATED$2, MAX_WBITS$1, DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY$1);
};
var deflate$2 = (strm, flush) => {
  if (deflateStateCheck(strm) || flush > Z_BLOCK$1 || flush < 0) {
    return strm ? err(strm, Z_STREAM_ERROR$2) : Z_STREAM_ERROR$2;
  }
  const s = strm.state;
  if (!strm.output || strm.avail_in !== 0 && !strm.input || s.status === FINISH_STATE && flush !== Z_FINISH$3) {
    return err(strm, strm.avail_out === 0 ? Z_BUF_ERROR$1 : Z_STREAM_ERROR$2);
  }
  const old_flush = s.last_flush;
  s.last_flush = flush;
  if (s.pending !== 0) {
    flush_pending(strm);
    if (strm.avail_out === 0) {
      s.last_flush = -1;
      return Z_OK$3;
    }
  } else if (strm.avail_in === 0 && rank(flush) <= rank(old_flush) && flush !== Z_FINISH$3) {
    return err(strm, Z_BUF_ERROR$1);
  }
  if (s.status === FINISH_STATE && strm.avail_in !== 0) {
    return err(strm, Z_BUF_ERROR$1);
  }
  if (s.status === INIT_STATE && s.wrap === 0) {
    s.status = BUSY_STATE;
  }
  if (s.status === INIT_STATE) {
    let header2 = Z_DEFLATED$2 + (s.w_bits - 8 << 4) << 8;
    let level_flags = -1;
    if (s.strategy >= Z_HUFFMAN_ONLY || s.level < 2) {
      level_flags = 0;
    } else if (s.level < 6) {
      level_flags = 1;
    } else if (s.level === 6) {
      level_flags = 2;
    } else {
      level_flags = 3;
    }
    header2 |= level_flags << 6;
    if (s.strstart !== 0) {
      header2 |= PRESET_DICT;
    }
    header2 += 31 - header2 % 31;
    putShortMSB(s, header2);
    if (s.strstart !== 0) {
      putShortMSB(s, strm.adler >>> 16);
      putShortMSB(s, strm.adler & 65535);
    }
    strm.adler = 1;
    s.status = BUSY_STATE;
    flush_pending(strm);
    if (s.pending !== 0) {
      s.last_flush = -1;
      return Z_OK$3;
    }
  }
  if (s.status === GZIP_STATE) {
    strm.adler = 0;
    put_byte(s, 31);
    put_byte(s, 139);
    put_byte(s, 8);
    if (!s.gzhead) {
      put_byte(s, 0);
      put_byte(s, 0);
      put_byte(s, 0);
      put_byte(s, 0);
      put_byte(s, 0);
      put_byte(s, s.level === 9 ? 2 : s.strategy >= Z_HUFFMAN_ONLY || s.level < 2 ? 4 : 0);
      put_byte(s, OS_CODE);
      s.status = BUSY_STATE;
      flush_pending(strm);
      if (s.pending !== 0) {
        s.last_flush = -1;
        return Z_OK$3;
      }
    } else {
      put_byte(
        s,
        (s.gzhead.text ? 1 : 0) + (s.gzhead.hcrc ? 2 : 0) + (!s.gzhead.extra ? 0 : 4) + (!s.gzhead.name ? 0 : 8) + (!s.gzhead.comment ? 0 : 16)
      );
      put_byte(s, s.gzhead.time & 255);
      put_byte(s, s.gzhead.time >> 8 & 255);
      put_byte(s, s.gzhead.time >> 16 & 255);
      put_byte(s, s.gzhead.time >> 24 & 255);
      put_byte(s, s.level === 9 ? 2 : s.strategy >= Z_HUFFMAN_ONLY || s.level < 2 ? 4 : 0);
      put_byte(s, s.gzhead.os & 255);
      if (s.gzhead.extra && s.gzhead.extra.length) {
        put_byte(s, s.gzhead.extra.length & 255);
        put_byte(s, s.gzhead.extra.length >> 8 & 255);
      }
      if (s.gzhead.hcrc) {
        strm.adler = crc32_1(strm.adler, s.pending_buf, s.pending, 0);
      }
      s.gzindex = 0;
      s.status = EXTRA_STATE;
    }
  }
  if (s.status === EXTRA_STATE) {
    if (s.gzhead.extra) {
      let beg = s.pending;
      let left = (s.gzhead.extra.length & 65535) - s.gzindex;
      while (s.pending + left > s.pending_buf_size) {
        let copy = s.pending_buf_size - s.pending;
        s.pending_buf.set(s.gzhead.extra.subarray(s.gzindex, s.gzindex + copy), s.pending);
        s.pending = s.pending_buf_size;
        if (s.gzhead.hcrc && s.pending > beg) {
          strm.adler = crc32_1(strm.adler, s.pending_buf, s.pending - beg, beg);
        }
        s.gzindex += copy;
        flush_pending(strm);
        if (s.pending !== 0) {
          s.last_flush = -1;
          return Z_OK$3;
        }
        beg = 0;
        left -= copy;
      }
      let gzhead_extra = new Uint8Array(s.gzhead.extra);
      s.pending_buf.set(gzhead_extra.subarray(s.gzindex, s.gzindex + left), s.pending);
      s.pending += left;
      if (s.gzhead.hcrc && s.pending > beg) {
        strm.adler = crc32_1(strm.adler, s.pending_buf, s.pending - beg, beg);
      }
      s.gzindex = 0;
    }
    s.status = NAME_STATE;
  }
  if (s.status === NAME_STATE) {
    if (s.gzhead.name) {
      let beg = s.pending;
      let val;
      do {
        if (s.pending === s.pending_buf_size) {
          if (s.gzhead.hcrc && s.pending > beg) {
            strm.adler = crc32_1(strm.adler, s.pending_buf, s.pending - beg, beg);
          }
          flush_pending(strm);
          if (s.pending !== 0) {
            s.last_flush = -1;
            return Z_OK$3;
          }
          beg = 0;
        }
        if (s.gzindex < s.gzhead.name.length) {
          val = s.gzhead.name.charCodeAt(s.gzindex++) & 255;
        } else {
          val = 0;
        }
        put_byte(s, val);
      } while (val !== 0);
      if (s.gzhead.hcrc && s.pending > beg) {
        strm.adler = crc32_1(strm.adler, s.pending_buf, s.pending - beg, beg);
      }
      s.gzindex = 0;
    }
    s.status = COMMENT_STATE;
  }
  if (s.status === COMMENT_STATE) {
    if (s.gzhead.comment) {
      let beg = s.pending;
      let val;
      do {
        if (s.pending === s.pending_buf_size) {
          if (s.gzhead.hcrc && s.pending > beg) {
            strm.adler = crc32_1(strm.adler, s.pending_buf, s.pending - beg, beg);
          }
          flush_pending(strm);
          if (s.pending !== 0) {
            s.last_flush = -1;
            return Z_OK$3;
          }
          beg = 0;
        }
        if (s.gzindex < s.gzhead.comment.length) {
          val = s.gzhead.comment.charCodeAt(s.gzindex++) & 255;
        } else {
          val = 0;
        }
        put_byte(s, val);
      } while (val !== 0);
      if (s.gzhead.hcrc && s.pending > beg) {
        strm.adler = crc32_1(strm.adler, s.pending_buf, s.pending - beg, beg);
      }
    }
    s.status = HCRC_STATE;
  }
  if (s.status === HCRC_STATE) {
    if (s.gzhead.hcrc) {
      if (s.pending + 2 > s.pending_buf_size) {
        flush_pending(strm);
        if (s.pending !== 0) {
          s.last_flush = -1;
          return Z_OK$3;
        }
      }
      put_byte(s, strm.adler & 255);
      put_byte(s, strm.adler >> 8 & 255);
      strm.adler = 0;
    }
    s.status = BUSY_STATE;
    flush_pending(strm);
    if (s.pending !== 0) {
      s.last_flush = -1;
      return Z_OK$3;
    }
  }
  if (strm.avail_in !== 0 || s.lookahead !== 0 || flush !== Z_NO_FLUSH$2 && s.status !== FINISH_STATE) {
    let bstate = s.level === 0 ? deflate_stored(s, flush) : s.strategy === Z_HUFFMAN_ONLY ? deflate_huff(s, flush) : s.strategy === Z_RLE ? deflate_rle(s, flush) : configuration_table[s.level].func(s, flush);
    if (bstate === BS_FINISH_STARTED || bstate === BS_FINISH_DONE) {
      s.status = FINISH_STATE;
    }
    if (bstate === BS_NEED_MORE || bstate === BS_FINISH_STARTED) {
      if (strm.avail_out === 0) {
        s.last_flush = -1;
      }
      return Z_OK$3;
    }
    if (bstate === BS_BLOCK_DONE) {
      if (flush === Z_PARTIAL_FLUSH) {
        _tr_align(s);
      } else if (flush !== Z_BLOCK$1) {
        _tr_stored_block(s, 0, 0, false);
        if (flush === Z_FULL_FLUSH$1) {
          zero(s.head);
          if (s.lookahead === 0) {
            s.strstart = 0;
            s.block_start = 0;
            s.insert = 0;
          }
        }
      }
      flush_pending(strm);
      if (strm.avail_out === 0) {
        s.last_flush = -1;
        return Z_OK$3;
      }
    }
  }
  if (flush !== Z_FINISH$3) {
    return Z_OK$3;
  }
  if (s.wrap <= 0) {
    return Z_STREAM_END$3;
  }
  if (s.wrap === 2) {
    put_byte(s, strm.adler & 255);
    put_byte(s, strm.adler >> 8 & 255);
    put_byte(s, strm.adler >> 16 & 255);
    put_byte(s, strm.adler >> 24 & 255);
    put_byte(s, strm.total_in & 255);
    put_byte(s, strm.total_in >> 8 & 255);
    put_byte(s, strm.total_in >> 16 & 255);
    put_byte(s, strm.total_in >> 24 & 255);
  } else {
    putShortMSB(s, strm.adler >>> 16);
    putShortMSB(s, strm.adler & 65535);
  }
  flush_pending(strm);
  if (s.wrap > 0) {
    s.wrap = -s.wrap;
  }
  return s.pending !== 0 ? Z_OK$3 : Z_STREAM_END$3;
};
var deflateEnd = (strm) => {
  if (deflateStateCheck(strm)) {
    return Z_STREAM_ERROR$2;
  }
  const status = strm.state.status;
  strm.state = null;
  return status === BUSY_STATE ? err(strm, Z_DATA_ERROR$2) : Z_OK$3;
};
var deflateSetDictionary = (strm, dictionary) => {
  let dictLength = dictionary.length;
  if (deflateStateCheck(strm)) {
    return Z_STREAM_ERROR$2;
  }
  const s = strm.state;
  const wrap = s.wrap;
  if (wrap === 2 || wrap === 1 && s.status !== INIT_STATE || s.lookahead) {
    return Z_STREAM_ERROR$2;
  }
  if (wrap === 1) {
    strm.adler = adler32_1(strm.adler, dictionary, dictLength, 0);
  }
  s.wrap = 0;
  if (dictLength >= s.w_size) {
    if (wrap === 0) {
      zero(s.head);
      s.strstart = 0;
      s.block_start = 0;
      s.insert = 0;
    }
    let tmpDict = new Uint8Array(s.w_size);
    tmpDict.set(dictionary.subarray(dictLength - s.w_size, dictLength), 0);
    dictionary = tmpDict;
    dictLength = s.w_size;
  }
  const avail = strm.avail_in;
  const next = strm.next_in;
  const input = strm.input;
  strm.avail_in = dictLength;
  strm.next_in = 0;
  strm.input = dictionary;
  fill_window(s);
  while (s.lookahead >= MIN_MATCH) {
    let str2 = s.strstart;
    let n = s.lookahead - (MIN_MATCH - 1);
    do {
      s.ins_h = HASH(s, s.ins_h, s.window[str2 + MIN_MATCH - 1]);
      s.prev[str2 & s.w_mask] = s.head[s.ins_h];
      s.head[s.ins_h] = str2;
      str2++;
    } while (--n);
    s.strstart = str2;
    s.lookahead = MIN_MATCH - 1;
    fill_window(s);
  }
  s.strstart += s.lookahead;
  s.block_start = s.strstart;
  s.insert = s.lookahead;
  s.lookahead = 0;
  s.match_length = s.prev_length = MIN_MATCH - 1;
  s.match_available = 0;
  strm.next_in = next;
  strm.input = input;
  strm.avail_in = avail;
  s.wrap = wrap;
  return Z_OK$3;
};
var deflateInit_1 = deflateInit;
var deflateInit2_1 = deflateInit2;
var deflateReset_1 = deflateReset;
var deflateResetKeep_1 = deflateResetKeep;
var deflateSetHeader_1 = deflateSetHeader;
var deflate_2$1 = deflate$2;
var deflateEnd_1 = deflateEnd;
var deflateSetDictionary_1 = deflateSetDictionary;
var deflateInfo = "pako deflate (from Nodeca project)";
var deflate_1$2 = {
  deflateInit: deflateInit_1,
  deflateInit2: deflateInit2_1,
  deflateReset: deflateReset_1,
  deflateResetKeep: deflateResetKeep_1,
  deflateSetHeader: deflateSetHeader_1,
  deflate: deflate_2$1,
  deflateEnd: deflateEnd_1,
  deflateSetDictionary: deflateSetDictionary_1,
  deflateInfo
};
var _has = (obj, key) => {
  return Object.prototype.hasOwnProperty.call(obj, key);
};
var assign = function(obj) {
  const sources = Array.prototype.slice.call(arguments, 1);
  while (sources.length) {
    const source = sources.shift();
    if (!source) {
      continue;
    }
    if (typeof source !== "object") {
      throw new TypeError(source + "must be non-object");
    }
    for (const p in source) {
      if (_has(source, p)) {
        obj[p] = source[p];
      }
    }
  }
  return obj;
};
var flattenChunks = (chunks) => {
  let len = 0;
  for (let i = 0, l = chunks.length; i < l; i++) {
    len += chunks[i].length;
  }
  const result2 = new Uint8Array(len);
  for (let i = 0, pos = 0, l = chunks.length; i < l; i++) {
    let chunk = chunks[i];
    result2.set(chunk, pos);
    pos += chunk.length;
  }
  return result2;
};
var common = {
  assign,
  flattenChunks
};
var STR_APPLY_UIA_OK = true;
try {
  String.fromCharCode.apply(null, new Uint8Array(1));
} catch (__) {
  STR_APPLY_UIA_OK = false;
}
var _utf8len = new Uint8Array(256);
for (let q = 0; q < 256; q++) {
  _utf8len[q] = q >= 252 ? 6 : q >= 248 ? 5 : q >= 240 ? 4 : q >= 224 ? 3 : q >= 192 ? 2 : 1;
}
_utf8len[254] = _utf8len[254] = 1;
var string2buf = (str2) => {
  if (typeof TextEncoder === "function" && TextEncoder.prototype.encode) {
    return new TextEncoder().encode(str2);
  }
  let buf, c, c2, m_pos, i, str_len = str2.length, buf_len = 0;
  for (m_pos = 0; m_pos < str_len; m_pos++) {
    c = str2.charCodeAt(m_pos);
    if ((c & 64512) === 55296 && m_pos + 1 < str_len) {
      c2 = str2.charCodeAt(m_pos + 1);
      if ((c2 & 64512) === 56320) {
        c = 65536 + (c - 55296 << 10) + (c2 - 56320);
        m_pos++;
      }
    }
    buf_len += c < 128 ? 1 : c < 2048 ? 2 : c < 65536 ? 3 : 4;
  }
  buf = new Uint8Array(buf_len);
  for (i = 0, m_pos = 0; i < buf_len; m_pos++) {
    c = str2.charCodeAt(m_pos);
    if ((c & 64512) === 55296 && m_pos + 1 < str_len) {
      c2 = str2.charCodeAt(m_pos + 1);
      if ((c2 & 64512) === 56320) {
        c = 65536 + (c - 55296 << 10) + (c2 - 56320);
        m_pos++;
      }
    }
    if (c < 128) {
      buf[i++] = c;
    } else if (c < 2048) {
      buf[i++] = 192 | c >>> 6;
      buf[i++] = 128 | c & 63;
    } else if (c < 65536) {
      buf[i++] = 224 | c >>> 12;
      buf[i++] = 128 | c >>> 6 & 63;
      buf[i++] = 128 | c & 63;
    } else {
      buf[i++] = 240 | c >>> 18;
      buf[i++] = 128 | c >>> 12 & 63;
      buf[i++] = 128 | c >>> 6 & 63;
      buf[i++] = 128 | c & 63;
    }
  }
  return buf;
};
var buf2binstring = (buf, len) => {
  if (len < 65534) {
    if (buf.subarray && STR_APPLY_UIA_OK) {
      return String.fromCharCode.apply(null, buf.length === len ? buf : buf.subarray(0, len));
    }
  }
  let result2 = "";
  for (let i = 0; i < len; i++) {
    result2 += String.fromCharCode(buf[i]);
  }
  return result2;
};
var buf2string = (buf, max) => {
  const len = max || buf.length;
  if (typeof TextDecoder === "function" && TextDecoder.prototype.decode) {
    return new TextDecoder().decode(buf.subarray(0, max));
  }
  let i, out;
  const utf16buf = new Array(len * 2);
  for (out = 0, i = 0; i < len; ) {
    let c = buf[i++];
    if (c < 128) {
      utf16buf[out++] = c;
      continue;
    }
    let c_len = _utf8len[c];
    if (c_len > 4) {
      utf16buf[out++] = 65533;
      i += c_len - 1;
      continue;
    }
    c &= c_len === 2 ? 31 : c_len === 3 ? 15 : 7;
    while (c_len > 1 && i < len) {
      c = c << 6 | buf[i++] & 63;
      c_len--;
    }
    if (c_len > 1) {
      utf16buf[out++] = 65533;
      continue;
    }
    if (c < 65536) {
      utf16buf[out++] = c;
    } else {
      c -= 65536;
      utf16buf[out++] = 55296 | c >> 10 & 1023;
      utf16buf[out++] = 56320 | c & 1023;
    }
  }
  return buf2binstring(utf16buf, out);
};
var utf8border = (buf, max) => {
  max = max || buf.length;
  if (max > buf.length) {
    max = buf.length;
  }
  let pos = max - 1;
  while (pos >= 0 && (buf[pos] & 192) === 128) {
    pos--;
  }
  if (pos < 0) {
    return max;
  }
  if (pos === 0) {
    return max;
  }
  return pos + _utf8len[buf[pos]] > max ? pos : max;
};
var strings = {
  string2buf,
  buf2string,
  utf8border
};
function ZStream() {
  this.input = null;
  this.next_in = 0;
  this.avail_in = 0;
  this.total_in = 0;
  this.output = null;
  this.next_out = 0;
  this.avail_out = 0;
  this.total_out = 0;
  this.msg = "";
  this.state = null;
  this.data_type = 2;
  this.adler = 0;
}
var zstream = ZStream;
var toString$1 = Object.prototype.toString;
var {
  Z_NO_FLUSH: Z_NO_FLUSH$1,
  Z_SYNC_FLUSH,
  Z_FULL_FLUSH,
  Z_FINISH: Z_FINISH$2,
  Z_OK: Z_OK$2,
  Z_STREAM_END: Z_STREAM_END$2,
  Z_DEFAULT_COMPRESSION,
  Z_DEFAULT_STRATEGY,
  Z_DEFLATED: Z_DEFLATED$1
} = constants$2;
function Deflate$1(options) {
  this.options = common.assign({
    level: Z_DEFAULT_COMPRESSION,
    method: Z_DEFLATED$1,
    chunkSize: 16384,
    windowBits: 15,
    memLevel: 8,
    strategy: Z_DEFAULT_STRATEGY
  }, options || {});
  let opt = this.options;
  if (opt.raw && opt.windowBits > 0) {
    opt.windowBits = -opt.windowBits;
  } else if (opt.gzip && opt.windowBits > 0 && opt.windowBits < 16) {
    opt.windowBits += 16;
  }
  this.err = 0;
  this.msg = "";
  this.ended = false;
  this.chunks = [];
  this.strm = new zstream();
  this.strm.avail_out = 0;
  let status = deflate_1$2.deflateInit2(
    this.strm,
    opt.level,
    opt.method,
    opt.windowBits,
    opt.memLevel,
    opt.strategy
  );
  if (status !== Z_OK$2) {
    throw new Error(messages[status]);
  }
  if (opt.header) {
    deflate_1$2.deflateSetHeader(this.strm, opt.header);
  }
  if (opt.dictionary) {
    let dict;
    if (typeof opt.dictionary === "string") {
      dict = strings.string2buf(opt.dictionary);
    } else if (toString$1.call(opt.dictionary) === "[object ArrayBuffer]") {
      dict = new Uint8Array(opt.dictionary);
    } else {
      dict = opt.dictionary;
    }
    status = deflate_1$2.deflateSetDictionary(this.strm, dict);
    if (status !== Z_OK$2) {
      throw new Error(messages[status]);
    }
    this._dict_set = true;
  }
}
Deflate$1.prototype.push = function(data, flush_mode) {
  const strm = this.strm;
  const chunkSize = this.options.chunkSize;
  let status, _flush_mode;
  if (this.ended) {
    return false;
  }
  if (flush_mode === ~~flush_mode) _flush_mode = flush_mode;
  else _flush_mode = flush_mode === true ? Z_FINISH$2 : Z_NO_FLUSH$1;
  if (typeof data === "string") {
    strm.input = strings.string2buf(data);
  } else if (toString$1.call(data) === "[object ArrayBuffer]") {
    strm.input = new Uint8Array(data);
  } else {
    strm.input = data;
  }
  strm.next_in = 0;
  strm.avail_in = strm.input.length;
  for (; ; ) {
    if (strm.avail_out === 0) {
      strm.output = new Uint8Array(chunkSize);
      strm.next_out = 0;
      strm.avail_out = chunkSize;
    }
    if ((_flush_mode === Z_SYNC_FLUSH || _flush_mode === Z_FULL_FLUSH) && strm.avail_out <= 6) {
      this.onData(strm.output.subarray(0, strm.next_out));
      strm.avail_out = 0;
      continue;
    }
    status = deflate_1$2.deflate(strm, _flush_mode);
    if (status === Z_STREAM_END$2) {
      if (strm.next_out > 0) {
        this.onData(strm.output.subarray(0, strm.next_out));
      }
      status = deflate_1$2.deflateEnd(this.strm);
      this.onEnd(status);
      this.ended = true;
      return status === Z_OK$2;
    }
    if (strm.avail_out === 0) {
      this.onData(strm.output);
      continue;
    }
    if (_flush_mode > 0 && strm.next_out > 0) {
      this.onData(strm.output.subarray(0, strm.next_out));
      strm.avail_out = 0;
      continue;
    }
    if (strm.avail_in === 0) break;
  }
  return true;
};
Deflate$1.prototype.onData = function(chunk) {
  this.chunks.push(chunk);
};
Deflate$1.prototype.onEnd = function(status) {
  if (status === Z_OK$2) {
    this.result = common.flattenChunks(this.chunks);
  }
  this.chunks = [];
  this.err = status;
  this.msg = this.strm.msg;
};
function deflate$1(input, options) {
  const deflator = new Deflate$1(options);
  deflator.push(input, true);
  if (deflator.err) {
    throw deflator.msg || messages[deflator.err];
  }
  return deflator.result;
}
function deflateRaw$1(input, options) {
  options = options || {};
  options.raw = true;
  return deflate$1(input, options);
}
function gzip$1(input, options) {
  options = options || {};
  options.gzip = true;
  return deflate$1(input, options);
}
var Deflate_1$1 = Deflate$1;
var deflate_2 = deflate$1;
var deflateRaw_1$1 = deflateRaw$1;
var gzip_1$1 = gzip$1;
var constants$1 = constants$2;
var deflate_1$1 = {
  Deflate: Deflate_1$1,
  deflate: deflate_2,
  deflateRaw: deflateRaw_1$1,
  gzip: gzip_1$1,
  constants: constants$1
};
var BAD$1 = 16209;
var TYPE$1 = 16191;
var inffast = function inflate_fast(strm, start) {
  let _in;
  let last;
  let _out;
  let beg;
  let end;
  let dmax;
  let wsize;
  let whave;
  let wnext;
  let s_window;
  let hold;
  let bits;
  let lcode;
  let dcode;
  let lmask;
  let dmask;
  let here;
  let op;
  let len;
  let dist;
  let from;
  let from_source;
  let input, output;
  const state = strm.state;
  _in = strm.next_in;
  input = strm.input;
  last = _in + (strm.avail_in - 5);
  _out = strm.next_out;
  output = strm.output;
  beg = _out - (start - strm.avail_out);
  end = _out + (strm.avail_out - 257);
  dmax = state.dmax;
  wsize = state.wsize;
  whave = state.whave;
  wnext = state.wnext;
  s_window = state.window;
  hold = state.hold;
  bits = state.bits;
  lcode = state.lencode;
  dcode = state.distcode;
  lmask = (1 << state.lenbits) - 1;
  dmask = (1 << state.distbits) - 1;
  top:
    do {
      if (bits < 15) {
        hold += input[_in++] << bits;
        bits += 8;
        hold += input[_in++] << bits;
        bits += 8;
      }
      here = lcode[hold & lmask];
      dolen:
        for (; ; ) {
          op = here >>> 24;
          hold >>>= op;
          bits -= op;
          op = here >>> 16 & 255;
          if (op === 0) {
            output[_out++] = here & 65535;
          } else if (op & 16) {
            len = here & 65535;
            op &= 15;
            if (op) {
              if (bits < op) {
                hold += input[_in++] << bits;
                bits += 8;
              }
              len += hold & (1 << op) - 1;
              hold >>>= op;
              bits -= op;
            }
            if (bits < 15) {
              hold += input[_in++] << bits;
              bits += 8;
              hold += input[_in++] << bits;
              bits += 8;
            }
            here = dcode[hold & dmask];
            dodist:
              for (; ; ) {
                op = here >>> 24;
                hold >>>= op;
                bits -= op;
                op = here >>> 16 & 255;
                if (op & 16) {
                  dist = here & 65535;
                  op &= 15;
                  if (bits < op) {
                    hold += input[_in++] << bits;
                    bits += 8;
                    if (bits < op) {
                      hold += input[_in++] << bits;
                      bits += 8;
                    }
                  }
                  dist += hold & (1 << op) - 1;
                  if (dist > dmax) {
                    strm.msg = "invalid distance too far back";
                    state.mode = BAD$1;
                    break top;
                  }
                  hold >>>= op;
                  bits -= op;
                  op = _out - beg;
                  if (dist > op) {
                    op = dist - op;
                    if (op > whave) {
                      if (state.sane) {
                        strm.msg = "invalid distance too far back";
                        state.mode = BAD$1;
                        break top;
                      }
                    }
                    from = 0;
                    from_source = s_window;
                    if (wnext === 0) {
                      from += wsize - op;
                      if (op < len) {
                        len -= op;
                        do {
                          output[_out++] = s_window[from++];
                        } while (--op);
                        from = _out - dist;
                        from_source = output;
                      }
                    } else if (wnext < op) {
                      from += wsize + wnext - op;
                      op -= wnext;
                      if (op < len) {
                        len -= op;
                        do {
                          output[_out++] = s_window[from++];
                        } while (--op);
                        from = 0;
                        if (wnext < len) {
                          op = wnext;
                          len -= op;
                          do {
                            output[_out++] = s_window[from++];
                          } while (--op);
                          from = _out - dist;
                          from_source = output;
                        }
                      }
                    } else {
                      from += wnext - op;
                      if (op < len) {
                        len -= op;
                        do {
                          output[_out++] = s_window[from++];
                        } while (--op);
                        from = _out - dist;
                        from_source = output;
                      }
                    }
                    while (len > 2) {
                      output[_out++] = from_source[from++];
                      output[_out++] = from_source[from++];
                      output[_out++] = from_source[from++];
                      len -= 3;
                    }
                    if (len) {
                      output[_out++] = from_source[from++];
                      if (len > 1) {
                        output[_out++] = from_source[from++];
                      }
                    }
                  } else {
                    from = _out - dist;
                    do {
                      output[_out++] = output[from++];
                      output[_out++] = output[from++];
                      output[_out++] = output[from++];
                      len -= 3;
                    } while (len > 2);
                    if (len) {
                      output[_out++] = output[from++];
                      if (len > 1) {
                        output[_out++] = output[from++];
                      }
                    }
                  }
                } else if ((op & 64) === 0) {
                  here = dcode[(here & 65535) + (hold & (1 << op) - 1)];
                  continue dodist;
                } else {
                  strm.msg = "invalid distance code";
                  state.mode = BAD$1;
                  break top;
                }
                break;
              }
          } else if ((op & 64) === 0) {
            here = lcode[(here & 65535) + (hold & (1 << op) - 1)];
            continue dolen;
          } else if (op & 32) {
            state.mode = TYPE$1;
            break top;
          } else {
            strm.msg = "invalid literal/length code";
            state.mode = BAD$1;
            break top;
          }
          break;
        }
    } while (_in < last && _out < end);
  len = bits >> 3;
  _in -= len;
  bits -= len << 3;
  hold &= (1 << bits) - 1;
  strm.next_in = _in;
  strm.next_out = _out;
  strm.avail_in = _in < last ? 5 + (last - _in) : 5 - (_in - last);
  strm.avail_out = _out < end ? 257 + (end - _out) : 257 - (_out - end);
  state.hold = hold;
  state.bits = bits;
  return;
};
var MAXBITS = 15;
var ENOUGH_LENS$1 = 852;
var ENOUGH_DISTS$1 = 592;
var CODES$1 = 0;
var LENS$1 = 1;
var DISTS$1 = 2;
var lbase = new Uint16Array([
  /* Length codes 257..285 base */
  3,
  4,
  5,
  6,
  7,
  8,
  9,
  10,
  11,
  13,
  15,
  17,
  19,
  23,
  27,
  31,
  35,
  43,
  51,
  59,
  67,
  83,
  99,
  115,
  131,
  163,
  195,
  227,
  258,
  0,
  0
]);
var lext = new Uint8Array([
  /* Length codes 257..285 extra */
  16,
  16,
  16,
  16,
  16,
  16,
  16,
  16,
  17,
  17,
  17,
  17,
  18,
  18,
  18,
  18,
  19,
  19,
  19,
  19,
  20,
  20,
  20,
  20,
  21,
  21,
  21,
  21,
  16,
  72,
  78
]);
var dbase = new Uint16Array([
  /* Distance codes 0..29 base */
  1,
  2,
  3,
  4,
  5,
  7,
  9,
  13,
  17,
  25,
  33,
  49,
  65,
  97,
  129,
  193,
  257,
  385,
  513,
  769,
  1025,
  1537,
  2049,
  3073,
  4097,
  6145,
  8193,
  12289,
  16385,
  24577,
  0,
  0
]);
var dext = new Uint8Array([
  /* Distance codes 0..29 extra */
  16,
  16,
  16,
  16,
  17,
  17,
  18,
  18,
  19,
  19,
  20,
  20,
  21,
  21,
  22,
  22,
  23,
  23,
  24,
  24,
  25,
  25,
  26,
  26,
  27,
  27,
  28,
  28,
  29,
  29,
  64,
  64
]);
var inflate_table = (type, lens, lens_index, codes, table, table_index, work, opts) => {
  const bits = opts.bits;
  let len = 0;
  let sym = 0;
  let min = 0, max = 0;
  let root = 0;
  let curr = 0;
  let drop = 0;
  let left = 0;
  let used = 0;
  let huff = 0;
  let incr;
  let fill;
  let low;
  let mask;
  let next;
  let base = null;
  let match;
  const count = new Uint16Array(MAXBITS + 1);
  const offs = new Uint16Array(MAXBITS + 1);
  let extra = null;
  let here_bits, here_op, here_val;
  for (len = 0; len <= MAXBITS; len++) {
    count[len] = 0;
  }
  for (sym = 0; sym < codes; sym++) {
    count[lens[lens_index + sym]]++;
  }
  root = bits;
  for (max = MAXBITS; max >= 1; max--) {
    if (count[max] !== 0) {
      break;
    }
  }
  if (root > max) {
    root = max;
  }
  if (max === 0) {
    table[table_index++] = 1 << 24 | 64 << 16 | 0;
    table[table_index++] = 1 << 24 | 64 << 16 | 0;
    opts.bits = 1;
    return 0;
  }
  for (min = 1; min < max; min++) {
    if (count[min] !== 0) {
      break;
    }
  }
  if (root < min) {
    root = min;
  }
  left = 1;
  for (len = 1; len <= MAXBITS; len++) {
    left <<= 1;
    left -= count[len];
    if (left < 0) {
      return -1;
    }
  }
  if (left > 0 && (type === CODES$1 || max !== 1)) {
    return -1;
  }
  offs[1] = 0;
  for (len = 1; len < MAXBITS; len++) {
    offs[len + 1] = offs[len] + count[len];
  }
  for (sym = 0; sym < codes; sym++) {
    if (lens[lens_index + sym] !== 0) {
      work[offs[lens[lens_index + sym]]++] = sym;
    }
  }
  if (type === CODES$1) {
    base = extra = work;
    match = 20;
  } else if (type === LENS$1) {
    base = lbase;
    extra = lext;
    match = 257;
  } else {
    base = dbase;
    extra = dext;
    match = 0;
  }
  huff = 0;
  sym = 0;
  len = min;
  next = table_index;
  curr = root;
  drop = 0;
  low = -1;
  used = 1 << root;
  mask = used - 1;
  if (type === LENS$1 && used > ENOUGH_LENS$1 || type === DISTS$1 && used > ENOUGH_DISTS$1) {
    return 1;
  }
  for (; ; ) {
    here_bits = len - drop;
    if (work[sym] + 1 < match) {
      here_op = 0;
      here_val = work[sym];
    } else if (work[sym] >= match) {
      here_op = extra[work[sym] - match];
      here_val = base[work[sym] - match];
    } else {
      here_op = 32 + 64;
      here_val = 0;
    }
    incr = 1 << len - drop;
    fill = 1 << curr;
    min = fill;
    do {
      fill -= incr;
      table[next + (huff >> drop) + fill] = here_bits << 24 | here_op << 16 | here_val | 0;
    } while (fill !== 0);
    incr = 1 << len - 1;
    while (huff & incr) {
      incr >>= 1;
    }
    if (incr !== 0) {
      huff &= incr - 1;
      huff += incr;
    } else {
      huff = 0;
    }
    sym++;
    if (--count[len] === 0) {
      if (len === max) {
        break;
      }
      len = lens[lens_index + work[sym]];
    }
    if (len > root && (huff & mask) !== low) {
      if (drop === 0) {
        drop = root;
      }
      next += min;
      curr = len - drop;
      left = 1 << curr;
      while (curr + drop < max) {
        left -= count[curr + drop];
        if (left <= 0) {
          break;
        }
        curr++;
        left <<= 1;
      }
      used += 1 << curr;
      if (type === LENS$1 && used > ENOUGH_LENS$1 || type === DISTS$1 && used > ENOUGH_DISTS$1) {
        return 1;
      }
      low = huff & mask;
      table[low] = root << 24 | curr << 16 | next - table_index | 0;
    }
  }
  if (huff !== 0) {
    table[next + huff] = len - drop << 24 | 64 << 16 | 0;
  }
  opts.bits = root;
  return 0;
};
var inftrees = inflate_table;
var CODES = 0;
var LENS = 1;
var DISTS = 2;
var {
  Z_FINISH: Z_FINISH$1,
  Z_BLOCK,
  Z_TREES,
  Z_OK: Z_OK$1,
  Z_STREAM_END: Z_STREAM_END$1,
  Z_NEED_DICT: Z_NEED_DICT$1,
  Z_STREAM_ERROR: Z_STREAM_ERROR$1,
  Z_DATA_ERROR: Z_DATA_ERROR$1,
  Z_MEM_ERROR: Z_MEM_ERROR$1,
  Z_BUF_ERROR,
  Z_DEFLATED
} = constants$2;
var HEAD = 16180;
var FLAGS = 16181;
var TIME = 16182;
var OS = 16183;
var EXLEN = 16184;
var EXTRA = 16185;
var NAME = 16186;
var COMMENT = 16187;
var HCRC = 16188;
var DICTID = 16189;
var DICT = 16190;
var TYPE = 16191;
var TYPEDO = 16192;
var STORED = 16193;
var COPY_ = 16194;
var COPY = 16195;
var TABLE = 16196;
var LENLENS = 16197;
var CODELENS = 16198;
var LEN_ = 16199;
var LEN = 16200;
var LENEXT = 16201;
var DIST = 16202;
var DISTEXT = 16203;
var MATCH = 16204;
var LIT = 16205;
var CHECK = 16206;
var LENGTH = 16207;
var DONE = 16208;
var BAD = 16209;
var MEM = 16210;
var SYNC = 16211;
var ENOUGH_LENS = 852;
var ENOUGH_DISTS = 592;
var MAX_WBITS = 15;
var DEF_WBITS = MAX_WBITS;
var zswap32 = (q) => {
  return (q >>> 24 & 255) + (q >>> 8 & 65280) + ((q & 65280) << 8) + ((q & 255) << 24);
};
function InflateState() {
  this.strm = null;
  this.mode = 0;
  this.last = false;
  this.wrap = 0;
  this.havedict = false;
  this.flags = 0;
  this.dmax = 0;
  this.check = 0;
  this.total = 0;
  this.head = null;
  this.wbits = 0;
  this.wsize = 0;
  this.whave = 0;
  this.wnext = 0;
  this.window = null;
  this.hold = 0;
  this.bits = 0;
  this.length = 0;
  this.offset = 0;
  this.extra = 0;
  this.lencode = null;
  this.distcode = null;
  this.lenbits = 0;
  this.distbits = 0;
  this.ncode = 0;
  this.nlen = 0;
  this.ndist = 0;
  this.have = 0;
  this.next = null;
  this.lens = new Uint16Array(320);
  this.work = new Uint16Array(288);
  this.lendyn = null;
  this.distdyn = null;
  this.sane = 0;
  this.back = 0;
  this.was = 0;
}
var inflateStateCheck = (strm) => {
  if (!strm) {
    return 1;
  }
  const state = strm.state;
  if (!state || state.strm !== strm || state.mode < HEAD || state.mode > SYNC) {
    return 1;
  }
  return 0;
};
var inflateResetKeep = (strm) => {
  if (inflateStateCheck(strm)) {
    return Z_STREAM_ERROR$1;
  }
  const state = strm.state;
  strm.total_in = strm.total_out = state.total = 0;
  strm.msg = "";
  if (state.wrap) {
    strm.adler = state.wrap & 1;
  }
  state.mode = HEAD;
  state.last = 0;
  state.havedict = 0;
  state.flags = -1;
  state.dmax = 32768;
  state.head = null;
  state.hold = 0;
  state.bits = 0;
  state.lencode = state.lendyn = new Int32Array(ENOUGH_LENS);
  state.distcode = state.distdyn = new Int32Array(ENOUGH_DISTS);
  state.sane = 1;
  state.back = -1;
  return Z_OK$1;
};
var inflateReset = (strm) => {
  if (inflateStateCheck(strm)) {
    return Z_STREAM_ERROR$1;
  }
  const state = strm.state;
  state.wsize = 0;
  state.whave = 0;
  state.wnext = 0;
  return inflateResetKeep(strm);
};
var inflateReset2 = (strm, windowBits) => {
  let wrap;
  if (inflateStateCheck(strm)) {
    return Z_STREAM_ERROR$1;
  }
  const state = strm.state;
  if (windowBits < 0) {
    wrap = 0;
    windowBits = -windowBits;
  } else {
    wrap = (windowBits >> 4) + 5;
    if (windowBits < 48) {
      windowBits &= 15;
    }
  }
  if (windowBits && (windowBits < 8 || windowBits > 15)) {
    return Z_STREAM_ERROR$1;
  }
  if (state.window !== null && state.wbits !== windowBits) {
    state.window = null;
  }
  state.wrap = wrap;
  state.wbits = windowBits;
  return inflateReset(strm);
};
var inflateInit2 = (strm, windowBits) => {
  if (!strm) {
    return Z_STREAM_ERROR$1;
  }
  const state = new InflateState();
  strm.state = state;
  state.strm = strm;
  state.window = null;
  state.mode = HEAD;
  const ret = inflateReset2(strm, windowBits);
  if (ret !== Z_OK$1) {
    strm.state = null;
  }
  return ret;
};
var inflateInit = (strm) => {
  return inflateInit2(strm, DEF_WBITS);
};
var virgin = true;
var lenfix;
var distfix;
var fixedtables = (state) => {
  if (virgin) {
    lenfix = new Int32Array(512);
    distfix = new Int32Array(32);
    let sym = 0;
    while (sym < 144) {
      state.lens[sym++] = 8;
    }
    while (sym < 256) {
      state.lens[sym++] = 9;
    }
    while (sym < 280) {
      state.lens[sym++] = 7;
    }
    while (sym < 288) {
      state.lens[sym++] = 8;
    }
    inftrees(LENS, state.lens, 0, 288, lenfix, 0, state.work, { bits: 9 });
    sym = 0;
    while (sym < 32) {
      state.lens[sym++] = 5;
    }
    inftrees(DISTS, state.lens, 0, 32, distfix, 0, state.work, { bits: 5 });
    virgin = false;
  }
  state.lencode = lenfix;
  state.lenbits = 9;
  state.distcode = distfix;
  state.distbits = 5;
};
var updatewindow = (strm, src, end, copy) => {
  let dist;
  const state = strm.state;
  if (state.window === null) {
    state.wsize = 1 << state.wbits;
    state.wnext = 0;
    state.whave = 0;
    state.window = new Uint8Array(state.wsize);
  }
  if (copy >= state.wsize) {
    state.window.set(src.subarray(end - state.wsize, end), 0);
    state.wnext = 0;
    state.whave = state.wsize;
  } else {
    dist = state.wsize - state.wnext;
    if (dist > copy) {
      dist = copy;
    }
    state.window.set(src.subarray(end - copy, end - copy + dist), state.wnext);
    copy -= dist;
    if (copy) {
      state.window.set(src.subarray(end - copy, end), 0);
      state.wnext = copy;
      state.whave = state.wsize;
    } else {
      state.wnext += dist;
      if (state.wnext === state.wsize) {
        state.wnext = 0;
      }
      if (state.whave < state.wsize) {
        state.whave += dist;
      }
    }
  }
  return 0;
};
var inflate$2 = (strm, flush) => {
  let state;
  let input, output;
  let next;
  let put;
  let have, left;
  let hold;
  let bits;
  let _in, _out;
  let copy;
  let from;
  let from_source;
  let here = 0;
  let here_bits, here_op, here_val;
  let last_bits, last_op, last_val;
  let len;
  let ret;
  const hbuf = new Uint8Array(4);
  let opts;
  let n;
  const order = (
    /* permutation of code lengths */
    new Uint8Array([16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15])
  );
  if (inflateStateCheck(strm) || !strm.output || !strm.input && strm.avail_in !== 0) {
    return Z_STREAM_ERROR$1;
  }
  state = strm.state;
  if (state.mode === TYPE) {
    state.mode = TYPEDO;
  }
  put = strm.next_out;
  output = strm.output;
  left = strm.avail_out;
  next = strm.next_in;
  input = strm.input;
  have = strm.avail_in;
  hold = state.hold;
  bits = state.bits;
  _in = have;
  _out = left;
  ret = Z_OK$1;
  inf_leave:
    for (; ; ) {
      switch (state.mode) {
        case HEAD:
          if (state.wrap === 0) {
            state.mode = TYPEDO;
            break;
          }
          while (bits < 16) {
            if (have === 0) {
              break inf_leave;
            }
            have--;
            hold += input[next++] << bits;
            bits += 8;
          }
          if (state.wrap & 2 && hold === 35615) {
            if (state.wbits === 0) {
              state.wbits = 15;
            }
            state.check = 0;
            hbuf[0] = hold & 255;
            hbuf[1] = hold >>> 8 & 255;
            state.check = crc32_1(state.check, hbuf, 2, 0);
            hold = 0;
            bits = 0;
            state.mode = FLAGS;
            break;
          }
          if (state.head) {
            state.head.done = false;
          }
          if (!(state.wrap & 1) || /* check if zlib header allowed */
          (((hold & 255) << 8) + (hold >> 8)) % 31) {
            strm.msg = "incorrect header check";
            state.mode = BAD;
            break;
          }
          if ((hold & 15) !== Z_DEFLATED) {
            strm.msg = "unknown compression method";
            state.mode = BAD;
            break;
          }
          hold >>>= 4;
          bits -= 4;
          len = (hold & 15) + 8;
          if (state.wbits === 0) {
            state.wbits = len;
          }
          if (len > 15 || len > state.wbits) {
            strm.msg = "invalid window size";
            state.mode = BAD;
            break;
          }
          state.dmax = 1 << state.wbits;
          state.flags = 0;
          strm.adler = state.check = 1;
          state.mode = hold & 512 ? DICTID : TYPE;
          hold = 0;
          bits = 0;
          break;
        case FLAGS:
          while (bits < 16) {
            if (have === 0) {
              break inf_leave;
            }
            have--;
            hold += input[next++] << bits;
            bits += 8;
          }
          state.flags = hold;
          if ((state.flags & 255) !== Z_DEFLATED) {
            strm.msg = "unknown compression method";
            state.mode = BAD;
            break;
          }
          if (state.flags & 57344) {
            strm.msg = "unknown header flags set";
            state.mode = BAD;
            break;
          }
          if (state.head) {
            state.head.text = hold >> 8 & 1;
          }
          if (state.flags & 512 && state.wrap & 4) {
            hbuf[0] = hold & 255;
            hbuf[1] = hold >>> 8 & 255;
            state.check = crc32_1(state.check, hbuf, 2, 0);
          }
          hold = 0;
          bits = 0;
          state.mode = TIME;
        /* falls through */
        case TIME:
          while (bits < 32) {
            if (have === 0) {
              break inf_leave;
            }
            have--;
            hold += input[next++] << bits;
            bits += 8;
          }
          if (state.head) {
            state.head.time = hold;
          }
          if (state.flags & 512 && state.wrap & 4) {
            hbuf[0] = hold & 255;
            hbuf[1] = hold >>> 8 & 255;
            hbuf[2] = hold >>> 16 & 255;
            hbuf[3] = hold >>> 24 & 255;
            state.check = crc32_1(state.check, hbuf, 4, 0);
          }
          hold = 0;
          bits = 0;
          state.mode = OS;
        /* falls through */
        case OS:
          while (bits < 16) {
            if (have === 0) {
              break inf_leave;
            }
            have--;
            hold += input[next++] << bits;
            bits += 8;
          }
          if (state.head) {
            state.head.xflags = hold & 255;
            state.head.os = hold >> 8;
          }
          if (state.flags & 512 && state.wrap & 4) {
            hbuf[0] = hold & 255;
            hbuf[1] = hold >>> 8 & 255;
            state.check = crc32_1(state.check, hbuf, 2, 0);
          }
          hold = 0;
          bits = 0;
          state.mode = EXLEN;
        /* falls through */
        case EXLEN:
          if (state.flags & 1024) {
            while (bits < 16) {
              if (have === 0) {
                break inf_leave;
              }
              have--;
              hold += input[next++] << bits;
              bits += 8;
            }
            state.length = hold;
            if (state.head) {
              state.head.extra_len = hold;
            }
            if (state.flags & 512 && state.wrap & 4) {
              hbuf[0] = hold & 255;
              hbuf[1] = hold >>> 8 & 255;
              state.check = crc32_1(state.check, hbuf, 2, 0);
            }
            hold = 0;
            bits = 0;
          } else if (state.head) {
            state.head.extra = null;
          }
          state.mode = EXTRA;
        /* falls through */
        case EXTRA:
          if (state.flags & 1024) {
            copy = state.length;
            if (copy > have) {
              copy = have;
            }
            if (copy) {
              if (state.head) {
                len = state.head.extra_len - state.length;
                if (!state.head.extra) {
                  state.head.extra = new Uint8Array(state.head.extra_len);
                }
                state.head.extra.set(
                  input.subarray(
                    next,
                    // extra field is limited to 65536 bytes
                    // - no need for additional size check
                    next + copy
                  ),
                  /*len + copy > state.head.extra_max - len ? state.head.extra_max : copy,*/
                  len
                );
              }
              if (state.flags & 512 && state.wrap & 4) {
                state.check = crc32_1(state.check, input, copy, next);
              }
              have -= copy;
              next += copy;
              state.length -= copy;
            }
            if (state.length) {
              break inf_leave;
            }
          }
          state.length = 0;
          state.mode = NAME;
        /* falls through */
        case NAME:
          if (state.flags & 2048) {
            if (have === 0) {
              break inf_leave;
            }
            copy = 0;
            do {
              len = input[next + copy++];
              if (state.head && len && state.length < 65536) {
                state.head.name += String.fromCharCode(len);
              }
            } while (len && copy < have);
            if (state.flags & 512 && state.wrap & 4) {
              state.check = crc32_1(state.check, input, copy, next);
            }
            have -= copy;
            next += copy;
            if (len) {
              break inf_leave;
            }
          } else if (state.head) {
            state.head.name = null;
          }
          state.length = 0;
          state.mode = COMMENT;
        /* falls through */
        case COMMENT:
          if (state.flags & 4096) {
            if (have === 0) {
              break inf_leave;
            }
            copy = 0;
            do {
              len = input[next + copy++];
              if (state.head && len && state.length < 65536) {
                state.head.comment += String.fromCharCode(len);
              }
            } while (len && copy < have);
            if (state.flags & 512 && state.wrap & 4) {
              state.check = crc32_1(state.check, input, copy, next);
            }
            have -= copy;
            next += copy;
            if (len) {
              break inf_leave;
            }
          } else if (state.head) {
            state.head.comment = null;
          }
          state.mode = HCRC;
        /* falls through */
        case HCRC:
          if (state.flags & 512) {
            while (bits < 16) {
              if (have === 0) {
                break inf_leave;
              }
              have--;
              hold += input[next++] << bits;
              bits += 8;
            }
            if (state.wrap & 4 && hold !== (state.check & 65535)) {
              strm.msg = "header crc mismatch";
              state.mode = BAD;
              break;
            }
            hold = 0;
            bits = 0;
          }
          if (state.head) {
            state.head.hcrc = state.flags >> 9 & 1;
            state.head.done = true;
          }
          strm.adler = state.check = 0;
          state.mode = TYPE;
          break;
        case DICTID:
          while (bits < 32) {
            if (have === 0) {
              break inf_leave;
            }
            have--;
            hold += input[next++] << bits;
            bits += 8;
          }
          strm.adler = state.check = zswap32(hold);
          hold = 0;
          bits = 0;
          state.mode = DICT;
        /* falls through */
        case DICT:
          if (state.havedict === 0) {
            strm.next_out = put;
            strm.avail_out = left;
            strm.next_in = next;
            strm.avail_in = have;
            state.hold = hold;
            state.bits = bits;
            return Z_NEED_DICT$1;
          }
          strm.adler = state.check = 1;
          state.mode = TYPE;
        /* falls through */
        case TYPE:
          if (flush === Z_BLOCK || flush === Z_TREES) {
            break inf_leave;
          }
        /* falls through */
        case TYPEDO:
          if (state.last) {
            hold >>>= bits & 7;
            bits -= bits & 7;
            state.mode = CHECK;
            break;
          }
          while (bits < 3) {
            if (have === 0) {
              break inf_leave;
            }
            have--;
            hold += input[next++] << bits;
            bits += 8;
          }
          state.last = hold & 1;
          hold >>>= 1;
          bits -= 1;
          switch (hold & 3) {
            case 0:
              state.mode = STORED;
              break;
            case 1:
              fixedtables(state);
              state.mode = LEN_;
              if (flush === Z_TREES) {
                hold >>>= 2;
                bits -= 2;
                break inf_leave;
              }
              break;
            case 2:
              state.mode = TABLE;
              break;
            case 3:
              strm.msg = "invalid block type";
              state.mode = BAD;
          }
          hold >>>= 2;
          bits -= 2;
          break;
        case STORED:
          hold >>>= bits & 7;
          bits -= bits & 7;
          while (bits < 32) {
            if (have === 0) {
              break inf_leave;
            }
            have--;
            hold += input[next++] << bits;
            bits += 8;
          }
          if ((hold & 65535) !== (hold >>> 16 ^ 65535)) {
            strm.msg = "invalid stored block lengths";
            state.mode = BAD;
            break;
          }
          state.length = hold & 65535;
          hold = 0;
          bits = 0;
          state.mode = COPY_;
          if (flush === Z_TREES) {
            break inf_leave;
          }
        /* falls through */
        case COPY_:
          state.mode = COPY;
        /* falls through */
        case COPY:
          copy = state.length;
          if (copy) {
            if (copy > have) {
              copy = have;
            }
            if (copy > left) {
              copy = left;
            }
            if (copy === 0) {
              break inf_leave;
            }
            output.set(input.subarray(next, next + copy), put);
            have -= copy;
            next += copy;
            left -= copy;
            put += copy;
            state.length -= copy;
            break;
          }
          state.mode = TYPE;
          break;
        case TABLE:
          while (bits < 14) {
            if (have === 0) {
              break inf_leave;
            }
            have--;
            hold += input[next++] << bits;
            bits += 8;
          }
          state.nlen = (hold & 31) + 257;
          hold >>>= 5;
          bits -= 5;
          state.ndist = (hold & 31) + 1;
          hold >>>= 5;
          bits -= 5;
          state.ncode = (hold & 15) + 4;
          hold >>>= 4;
          bits -= 4;
          if (state.nlen > 286 || state.ndist > 30) {
            strm.msg = "too many length or distance symbols";
            state.mode = BAD;
            break;
          }
          state.have = 0;
          state.mode = LENLENS;
        /* falls through */
        case LENLENS:
          while (state.have < state.ncode) {
            while (bits < 3) {
              if (have === 0) {
                break inf_leave;
              }
              have--;
              hold += input[next++] << bits;
              bits += 8;
            }
            state.lens[order[state.have++]] = hold & 7;
            hold >>>= 3;
            bits -= 3;
          }
          while (state.have < 19) {
            state.lens[order[state.have++]] = 0;
          }
          state.lencode = state.lendyn;
          state.lenbits = 7;
          opts = { bits: state.lenbits };
          ret = inftrees(CODES, state.lens, 0, 19, state.lencode, 0, state.work, opts);
          state.lenbits = opts.bits;
          if (ret) {
            strm.msg = "invalid code lengths set";
            state.mode = BAD;
            break;
          }
          state.have = 0;
          state.mode = CODELENS;
        /* falls through */
        case CODELENS:
          while (state.have < state.nlen + state.ndist) {
            for (; ; ) {
              here = state.lencode[hold & (1 << state.lenbits) - 1];
              here_bits = here >>> 24;
              here_op = here >>> 16 & 255;
              here_val = here & 65535;
              if (here_bits <= bits) {
                break;
              }
              if (have === 0) {
                break inf_leave;
              }
              have--;
              hold += input[next++] << bits;
              bits += 8;
            }
            if (here_val < 16) {
              hold >>>= here_bits;
              bits -= here_bits;
              state.lens[state.have++] = here_val;
            } else {
              if (here_val === 16) {
                n = here_bits + 2;
                while (bits < n) {
                  if (have === 0) {
                    break inf_leave;
                  }
                  have--;
                  hold += input[next++] << bits;
                  bits += 8;
                }
                hold >>>= here_bits;
                bits -= here_bits;
                if (state.have === 0) {
                  strm.msg = "invalid bit length repeat";
                  state.mode = BAD;
                  break;
                }
                len = state.lens[state.have - 1];
                copy = 3 + (hold & 3);
                hold >>>= 2;
                bits -= 2;
              } else if (here_val === 17) {
                n = here_bits + 3;
                while (bits < n) {
                  if (have === 0) {
                    break inf_leave;
                  }
                  have--;
                  hold += input[next++] << bits;
                  bits += 8;
                }
                hold >>>= here_bits;
                bits -= here_bits;
                len = 0;
                copy = 3 + (hold & 7);
                hold >>>= 3;
                bits -= 3;
              } else {
                n = here_bits + 7;
                while (bits < n) {
                  if (have === 0) {
                    break inf_leave;
                  }
                  have--;
                  hold += input[next++] << bits;
                  bits += 8;
                }
                hold >>>= here_bits;
                bits -= here_bits;
                len = 0;
                copy = 11 + (hold & 127);
                hold >>>= 7;
                bits -= 7;
              }
              if (state.have + copy > state.nlen + state.ndist) {
                strm.msg = "invalid bit length repeat";
                state.mode = BAD;
                break;
              }
              while (copy--) {
                state.lens[state.have++] = len;
              }
            }
          }
          if (state.mode === BAD) {
            break;
          }
          if (state.lens[256] === 0) {
            strm.msg = "invalid code -- missing end-of-block";
            state.mode = BAD;
            break;
          }
          state.lenbits = 9;
          opts = { bits: state.lenbits };
          ret = inftrees(LENS, state.lens, 0, state.nlen, state.lencode, 0, state.work, opts);
          state.lenbits = opts.bits;
          if (ret) {
            strm.msg = "invalid literal/lengths set";
            state.mode = BAD;
            break;
          }
          state.distbits = 6;
          state.distcode = state.distdyn;
          opts = { bits: state.distbits };
          ret = inftrees(DISTS, state.lens, state.nlen, state.ndist, state.distcode, 0, state.work, opts);
          state.distbits = opts.bits;
          if (ret) {
            strm.msg = "invalid distances set";
            state.mode = BAD;
            break;
          }
          state.mode = LEN_;
          if (flush === Z_TREES) {
            break inf_leave;
          }
        /* falls through */
        case LEN_:
          state.mode = LEN;
        /* falls through */
        case LEN:
          if (have >= 6 && left >= 258) {
            strm.next_out = put;
            strm.avail_out = left;
            strm.next_in = next;
            strm.avail_in = have;
            state.hold = hold;
            state.bits = bits;
            inffast(strm, _out);
            put = strm.next_out;
            output = strm.output;
            left = strm.avail_out;
            next = strm.next_in;
            input = strm.input;
            have = strm.avail_in;
            hold = state.hold;
            bits = state.bits;
            if (state.mode === TYPE) {
              state.back = -1;
            }
            break;
          }
          state.back = 0;
          for (; ; ) {
            here = state.lencode[hold & (1 << state.lenbits) - 1];
            here_bits = here >>> 24;
            here_op = here >>> 16 & 255;
            here_val = here & 65535;
            if (here_bits <= bits) {
              break;
            }
            if (have === 0) {
              break inf_leave;
            }
            have--;
            hold += input[next++] << bits;
            bits += 8;
          }
          if (here_op && (here_op & 240) === 0) {
            last_bits = here_bits;
            last_op = here_op;
            last_val = here_val;
            for (; ; ) {
              here = state.lencode[last_val + ((hold & (1 << last_bits + last_op) - 1) >> last_bits)];
              here_bits = here >>> 24;
              here_op = here >>> 16 & 255;
              here_val = here & 65535;
              if (last_bits + here_bits <= bits) {
                break;
              }
              if (have === 0) {
                break inf_leave;
              }
              have--;
              hold += input[next++] << bits;
              bits += 8;
            }
            hold >>>= last_bits;
            bits -= last_bits;
            state.back += last_bits;
          }
          hold >>>= here_bits;
          bits -= here_bits;
          state.back += here_bits;
          state.length = here_val;
          if (here_op === 0) {
            state.mode = LIT;
            break;
          }
          if (here_op & 32) {
            state.back = -1;
            state.mode = TYPE;
            break;
          }
          if (here_op & 64) {
            strm.msg = "invalid literal/length code";
            state.mode = BAD;
            break;
          }
          state.extra = here_op & 15;
          state.mode = LENEXT;
        /* falls through */
        case LENEXT:
          if (state.extra) {
            n = state.extra;
            while (bits < n) {
              if (have === 0) {
                break inf_leave;
              }
              have--;
              hold += input[next++] << bits;
              bits += 8;
            }
            state.length += hold & (1 << state.extra) - 1;
            hold >>>= state.extra;
            bits -= state.extra;
            state.back += state.extra;
          }
          state.was = state.length;
          state.mode = DIST;
        /* falls through */
        case DIST:
          for (; ; ) {
            here = state.distcode[hold & (1 << state.distbits) - 1];
            here_bits = here >>> 24;
            here_op = here >>> 16 & 255;
            here_val = here & 65535;
            if (here_bits <= bits) {
              break;
            }
            if (have === 0) {
              break inf_leave;
            }
            have--;
            hold += input[next++] << bits;
            bits += 8;
          }
          if ((here_op & 240) === 0) {
            last_bits = here_bits;
            last_op = here_op;
            last_val = here_val;
            for (; ; ) {
              here = state.distcode[last_val + ((hold & (1 << last_bits + last_op) - 1) >> last_bits)];
              here_bits = here >>> 24;
              here_op = here >>> 16 & 255;
              here_val = here & 65535;
              if (last_bits + here_bits <= bits) {
                break;
              }
              if (have === 0) {
                break inf_leave;
              }
              have--;
              hold += input[next++] << bits;
              bits += 8;
            }
            hold >>>= last_bits;
            bits -= last_bits;
            state.back += last_bits;
          }
          hold >>>= here_bits;
          bits -= here_bits;
          state.back += here_bits;
          if (here_op & 64) {
            strm.msg = "invalid distance code";
            state.mode = BAD;
            break;
          }
          state.offset = here_val;
          state.extra = here_op & 15;
          state.mode = DISTEXT;
        /* falls through */
        case DISTEXT:
          if (state.extra) {
            n = state.extra;
            while (bits < n) {
              if (have === 0) {
                break inf_leave;
              }
              have--;
              hold += input[next++] << bits;
              bits += 8;
            }
            state.offset += hold & (1 << state.extra) - 1;
            hold >>>= state.extra;
            bits -= state.extra;
            state.back += state.extra;
          }
          if (state.offset > state.dmax) {
            strm.msg = "invalid distance too far back";
            state.mode = BAD;
            break;
          }
          state.mode = MATCH;
        /* falls through */
        case MATCH:
          if (left === 0) {
            break inf_leave;
          }
          copy = _out - left;
          if (state.offset > copy) {
            copy = state.offset - copy;
            if (copy > state.whave) {
              if (state.sane) {
                strm.msg = "invalid distance too far back";
                state.mode = BAD;
                break;
              }
            }
            if (copy > state.wnext) {
              copy -= state.wnext;
              from = state.wsize - copy;
            } else {
              from = state.wnext - copy;
            }
            if (copy > state.length) {
              copy = state.length;
            }
            from_source = state.window;
          } else {
            from_source = output;
            from = put - state.offset;
            copy = state.length;
          }
          if (copy > left) {
            copy = left;
          }
          left -= copy;
          state.length -= copy;
          do {
            output[put++] = from_source[from++];
          } while (--copy);
          if (state.length === 0) {
            state.mode = LEN;
          }
          break;
        case LIT:
          if (left === 0) {
            break inf_leave;
          }
          output[put++] = state.length;
          left--;
          state.mode = LEN;
          break;
        case CHECK:
          if (state.wrap) {
            while (bits < 32) {
              if (have === 0) {
                break inf_leave;
              }
              have--;
              hold |= input[next++] << bits;
              bits += 8;
            }
            _out -= left;
            strm.total_out += _out;
            state.total += _out;
            if (state.wrap & 4 && _out) {
              strm.adler = state.check = /*UPDATE_CHECK(state.check, put - _out, _out);*/
              state.flags ? crc32_1(state.check, output, _out, put - _out) : adler32_1(state.check, output, _out, put - _out);
            }
            _out = left;
            if (state.wrap & 4 && (state.flags ? hold : zswap32(hold)) !== state.check) {
              strm.msg = "incorrect data check";
              state.mode = BAD;
              break;
            }
            hold = 0;
            bits = 0;
          }
          state.mode = LENGTH;
        /* falls through */
        case LENGTH:
          if (state.wrap && state.flags) {
            while (bits < 32) {
              if (have === 0) {
                break inf_leave;
              }
              have--;
              hold += input[next++] << bits;
              bits += 8;
            }
            if (state.wrap & 4 && hold !== (state.total & 4294967295)) {
              strm.msg = "incorrect length check";
              state.mode = BAD;
              break;
            }
            hold = 0;
            bits = 0;
          }
          state.mode = DONE;
        /* falls through */
        case DONE:
          ret = Z_STREAM_END$1;
          break inf_leave;
        case BAD:
          ret = Z_DATA_ERROR$1;
          break inf_leave;
        case MEM:
          return Z_MEM_ERROR$1;
        case SYNC:
        /* falls through */
        default:
          return Z_STREAM_ERROR$1;
      }
    }
  strm.next_out = put;
  strm.avail_out = left;
  strm.next_in = next;
  strm.avail_in = have;
  state.hold = hold;
  state.bits = bits;
  if (state.wsize || _out !== strm.avail_out && state.mode < BAD && (state.mode < CHECK || flush !== Z_FINISH$1)) {
    if (updatewindow(strm, strm.output, strm.next_out, _out - strm.avail_out)) ;
  }
  _in -= strm.avail_in;
  _out -= strm.avail_out;
  strm.total_in += _in;
  strm.total_out += _out;
  state.total += _out;
  if (state.wrap & 4 && _out) {
    strm.adler = state.check = /*UPDATE_CHECK(state.check, strm.next_out - _out, _out);*/
    state.flags ? crc32_1(state.check, output, _out, strm.next_out - _out) : adler32_1(state.check, output, _out, strm.next_out - _out);
  }
  strm.data_type = state.bits + (state.last ? 64 : 0) + (state.mode === TYPE ? 128 : 0) + (state.mode === LEN_ || state.mode === COPY_ ? 256 : 0);
  if ((_in === 0 && _out === 0 || flush === Z_FINISH$1) && ret === Z_OK$1) {
    ret = Z_BUF_ERROR;
  }
  return ret;
};
var inflateEnd = (strm) => {
  if (inflateStateCheck(strm)) {
    return Z_STREAM_ERROR$1;
  }
  let state = strm.state;
  if (state.window) {
    state.window = null;
  }
  strm.state = null;
  return Z_OK$1;
};
var inflateGetHeader = (strm, head) => {
  if (inflateStateCheck(strm)) {
    return Z_STREAM_ERROR$1;
  }
  const state = strm.state;
  if ((state.wrap & 2) === 0) {
    return Z_STREAM_ERROR$1;
  }
  state.head = head;
  head.done = false;
  return Z_OK$1;
};
var inflateSetDictionary = (strm, dictionary) => {
  const dictLength = dictionary.length;
  let state;
  let dictid;
  let ret;
  if (inflateStateCheck(strm)) {
    return Z_STREAM_ERROR$1;
  }
  state = strm.state;
  if (state.wrap !== 0 && state.mode !== DICT) {
    return Z_STREAM_ERROR$1;
  }
  if (state.mode === DICT) {
    dictid = 1;
    dictid = adler32_1(dictid, dictionary, dictLength, 0);
    if (dictid !== state.check) {
      return Z_DATA_ERROR$1;
    }
  }
  ret = updatewindow(strm, dictionary, dictLength, dictLength);
  if (ret) {
    state.mode = MEM;
    return Z_MEM_ERROR$1;
  }
  state.havedict = 1;
  return Z_OK$1;
};
var inflateReset_1 = inflateReset;
var inflateReset2_1 = inflateReset2;
var inflateResetKeep_1 = inflateResetKeep;
var inflateInit_1 = inflateInit;
var inflateInit2_1 = inflateInit2;
var inflate_2$1 = inflate$2;
var inflateEnd_1 = inflateEnd;
var inflateGetHeader_1 = inflateGetHeader;
var inflateSetDictionary_1 = inflateSetDictionary;
var inflateInfo = "pako inflate (from Nodeca project)";
var inflate_1$2 = {
  inflateReset: inflateReset_1,
  inflateReset2: inflateReset2_1,
  inflateResetKeep: inflateResetKeep_1,
  inflateInit: inflateInit_1,
  inflateInit2: inflateInit2_1,
  inflate: inflate_2$1,
  inflateEnd: inflateEnd_1,
  inflateGetHeader: inflateGetHeader_1,
  inflateSetDictionary: inflateSetDictionary_1,
  inflateInfo
};
function GZheader() {
  this.text = 0;
  this.time = 0;
  this.xflags = 0;
  this.os = 0;
  this.extra = null;
  this.extra_len = 0;
  this.name = "";
  this.comment = "";
  this.hcrc = 0;
  this.done = false;
}
var gzheader = GZheader;
var toString = Object.prototype.toString;
var {
  Z_NO_FLUSH,
  Z_FINISH,
  Z_OK,
  Z_STREAM_END,
  Z_NEED_DICT,
  Z_STREAM_ERROR,
  Z_DATA_ERROR,
  Z_MEM_ERROR
} = constants$2;
function Inflate$1(options) {
  this.options = common.assign({
    chunkSize: 1024 * 64,
    windowBits: 15,
    to: ""
  }, options || {});
  const opt = this.options;
  if (opt.raw && opt.windowBits >= 0 && opt.windowBits < 16) {
    opt.windowBits = -opt.windowBits;
    if (opt.windowBits === 0) {
      opt.windowBits = -15;
    }
  }
  if (opt.windowBits >= 0 && opt.windowBits < 16 && !(options && options.windowBits)) {
    opt.windowBits += 32;
  }
  if (opt.windowBits > 15 && opt.windowBits < 48) {
    if ((opt.windowBits & 15) === 0) {
      opt.windowBits |= 15;
    }
  }
  this.err = 0;
  this.msg = "";
  this.ended = false;
  this.chunks = [];
  this.strm = new zstream();
  this.strm.avail_out = 0;
  let status = inflate_1$2.inflateInit2(
    this.strm,
    opt.windowBits
  );
  if (status !== Z_OK) {
    throw new Error(messages[status]);
  }
  this.header = new gzheader();
  inflate_1$2.inflateGetHeader(this.strm, this.header);
  if (opt.dictionary) {
    if (typeof opt.dictionary === "string") {
      opt.dictionary = strings.string2buf(opt.dictionary);
    } else if (toString.call(opt.dictionary) === "[object ArrayBuffer]") {
      opt.dictionary = new Uint8Array(opt.dictionary);
    }
    if (opt.raw) {
      status = inflate_1$2.inflateSetDictionary(this.strm, opt.dictionary);
      if (status !== Z_OK) {
        throw new Error(messages[status]);
      }
    }
  }
}
Inflate$1.prototype.push = function(data, flush_mode) {
  const strm = this.strm;
  const chunkSize = this.options.chunkSize;
  const dictionary = this.options.dictionary;
  let status, _flush_mode, last_avail_out;
  if (this.ended) return false;
  if (flush_mode === ~~flush_mode) _flush_mode = flush_mode;
  else _flush_mode = flush_mode === true ? Z_FINISH : Z_NO_FLUSH;
  if (toString.call(data) === "[object ArrayBuffer]") {
    strm.input = new Uint8Array(data);
  } else {
    strm.input = data;
  }
  strm.next_in = 0;
  strm.avail_in = strm.input.length;
  for (; ; ) {
    if (strm.avail_out === 0) {
      strm.output = new Uint8Array(chunkSize);
      strm.next_out = 0;
      strm.avail_out = chunkSize;
    }
    status = inflate_1$2.inflate(strm, _flush_mode);
    if (status === Z_NEED_DICT && dictionary) {
      status = inflate_1$2.inflateSetDictionary(strm, dictionary);
      if (status === Z_OK) {
        status = inflate_1$2.inflate(strm, _flush_mode);
      } else if (status === Z_DATA_ERROR) {
        status = Z_NEED_DICT;
      }
    }
    while (strm.avail_in > 0 && status === Z_STREAM_END && strm.state.wrap > 0 && data[strm.next_in] !== 0) {
      inflate_1$2.inflateReset(strm);
      status = inflate_1$2.inflate(strm, _flush_mode);
    }
    switch (status) {
      case Z_STREAM_ERROR:
      case Z_DATA_ERROR:
      case Z_NEED_DICT:
      case Z_MEM_ERROR:
        this.onEnd(status);
        this.ended = true;
        return false;
    }
    last_avail_out = strm.avail_out;
    if (strm.next_out) {
      if (strm.avail_out === 0 || status === Z_STREAM_END) {
        if (this.options.to === "string") {
          let next_out_utf8 = strings.utf8border(strm.output, strm.next_out);
          let tail = strm.next_out - next_out_utf8;
          let utf8str = strings.buf2string(strm.output, next_out_utf8);
          strm.next_out = tail;
          strm.avail_out = chunkSize - tail;
          if (tail) strm.output.set(strm.output.subarray(next_out_utf8, next_out_utf8 + tail), 0);
          this.onData(utf8str);
        } else {
          this.onData(strm.output.length === strm.next_out ? strm.output : strm.output.subarray(0, strm.next_out));
        }
      }
    }
    if (status === Z_OK && last_avail_out === 0) continue;
    if (status === Z_STREAM_END) {
      status = inflate_1$2.inflateEnd(this.strm);
      this.onEnd(status);
      this.ended = true;
      return true;
    }
    if (strm.avail_in === 0) break;
  }
  return true;
};
Inflate$1.prototype.onData = function(chunk) {
  this.chunks.push(chunk);
};
Inflate$1.prototype.onEnd = function(status) {
  if (status === Z_OK) {
    if (this.options.to === "string") {
      this.result = this.chunks.join("");
    } else {
      this.result = common.flattenChunks(this.chunks);
    }
  }
  this.chunks = [];
  this.err = status;
  this.msg = this.strm.msg;
};
function inflate$1(input, options) {
  const inflator = new Inflate$1(options);
  inflator.push(input);
  if (inflator.err) throw inflator.msg || messages[inflator.err];
  return inflator.result;
}
function inflateRaw$1(input, options) {
  options = options || {};
  options.raw = true;
  return inflate$1(input, options);
}
var Inflate_1$1 = Inflate$1;
var inflate_2 = inflate$1;
var inflateRaw_1$1 = inflateRaw$1;
var ungzip$1 = inflate$1;
var constants2 = constants$2;
var inflate_1$1 = {
  Inflate: Inflate_1$1,
  inflate: inflate_2,
  inflateRaw: inflateRaw_1$1,
  ungzip: ungzip$1,
  constants: constants2
};
var { Deflate, deflate, deflateRaw, gzip } = deflate_1$1;
var { Inflate, inflate, inflateRaw, ungzip } = inflate_1$1;
var Deflate_1 = Deflate;

// src/weights/gzip.ts
var GZIP_BLOCK = 64 * 1024;
var GzipEncoder = class {
  deflate;
  block = new Uint8Array(GZIP_BLOCK);
  filled = 0;
  out = [];
  constructor(level) {
    this.deflate = new Deflate_1({ level, gzip: true, chunkSize: GZIP_BLOCK });
    this.deflate.onData = (chunk) => {
      this.out.push(chunk);
    };
  }
  /** Compress `data`; returns the compressed bytes that became ready (possibly none). */
  push(data) {
    let at = 0;
    while (at < data.length) {
      const n = Math.min(GZIP_BLOCK - this.filled, data.length - at);
      this.block.set(data.subarray(at, at + n), this.filled);
      this.filled += n;
      at += n;
      if (this.filled === GZIP_BLOCK) {
        this.deflate.push(this.block, false);
        this.filled = 0;
      }
    }
    return this.take();
  }
  /** End the stream; returns the last compressed bytes, trailer included. */
  finish() {
    this.deflate.push(this.block.subarray(0, this.filled), true);
    this.filled = 0;
    if (this.deflate.err) throw new Error(`gzip failed: ${this.deflate.msg}`);
    return this.take();
  }
  take() {
    const out = this.out;
    this.out = [];
    return out;
  }
};

// src/weights/gzip-worker.ts
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
var BATCH = 1024 * 1024;
var IN_FLIGHT = 2;
var WORKER_SOURCE2 = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const pako = {};
new Function('exports', 'module', 'define', workerData.pako)(pako, {}, undefined);
const BLOCK = workerData.block;
const hash = createHash('sha256');
let size = 0;
const block = new Uint8Array(BLOCK);
let filled = 0;
const deflate = new pako.Deflate({ level: workerData.level, gzip: true, chunkSize: BLOCK });
deflate.onData = (chunk) => { size += chunk.length; hash.update(chunk); };
parentPort.on('message', (m) => {
  if (m.op === 'push') {
    const data = new Uint8Array(m.data);
    for (let at = 0; at < data.length;) {
      const n = Math.min(BLOCK - filled, data.length - at);
      block.set(data.subarray(at, at + n), filled);
      filled += n;
      at += n;
      if (filled === BLOCK) { deflate.push(block, false); filled = 0; }
    }
    parentPort.postMessage({ seq: m.seq });
  } else {
    deflate.push(block.subarray(0, filled), true);
    if (deflate.err) parentPort.postMessage({ seq: m.seq, error: 'gzip failed: ' + deflate.msg });
    else parentPort.postMessage({ seq: m.seq, digest: 'sha256:' + hash.digest('hex'), size });
  }
});
`;
var pakoText;
function pakoSource() {
  if (true) return `
/*! pako 2.1.0 https://github.com/nodeca/pako @license (MIT AND Zlib) */
(function (global, factory) {
  typeof exports === 'object' && typeof module !== 'undefined' ? factory(exports) :
  typeof define === 'function' && define.amd ? define(['exports'], factory) :
  (global = typeof globalThis !== 'undefined' ? globalThis : global || self, factory(global.pako = {}));
})(this, (function (exports) { 'use strict';

  // (C) 1995-2013 Jean-loup Gailly and Mark Adler
  // (C) 2014-2017 Vitaly Puzrin and Andrey Tupitsin
  //
  // This software is provided 'as-is', without any express or implied
  // warranty. In no event will the authors be held liable for any damages
  // arising from the use of this software.
  //
  // Permission is granted to anyone to use this software for any purpose,
  // including commercial applications, and to alter it and redistribute it
  // freely, subject to the following restrictions:
  //
  // 1. The origin of this software must not be misrepresented; you must not
  //   claim that you wrote the original software. If you use this software
  //   in a product, an acknowledgment in the product documentation would be
  //   appreciated but is not required.
  // 2. Altered source versions must be plainly marked as such, and must not be
  //   misrepresented as being the original software.
  // 3. This notice may not be removed or altered from any source distribution.

  /* eslint-disable space-unary-ops */

  /* Public constants ==========================================================*/
  /* ===========================================================================*/


  //const Z_FILTERED          = 1;
  //const Z_HUFFMAN_ONLY      = 2;
  //const Z_RLE               = 3;
  const Z_FIXED$1               = 4;
  //const Z_DEFAULT_STRATEGY  = 0;

  /* Possible values of the data_type field (though see inflate()) */
  const Z_BINARY              = 0;
  const Z_TEXT                = 1;
  //const Z_ASCII             = 1; // = Z_TEXT
  const Z_UNKNOWN$1             = 2;

  /*============================================================================*/


  function zero$1(buf) { let len = buf.length; while (--len >= 0) { buf[len] = 0; } }

  // From zutil.h

  const STORED_BLOCK = 0;
  const STATIC_TREES = 1;
  const DYN_TREES    = 2;
  /* The three kinds of block type */

  const MIN_MATCH$1    = 3;
  const MAX_MATCH$1    = 258;
  /* The minimum and maximum match lengths */

  // From deflate.h
  /* ===========================================================================
   * Internal compression state.
   */

  const LENGTH_CODES$1  = 29;
  /* number of length codes, not counting the special END_BLOCK code */

  const LITERALS$1      = 256;
  /* number of literal bytes 0..255 */

  const L_CODES$1       = LITERALS$1 + 1 + LENGTH_CODES$1;
  /* number of Literal or Length codes, including the END_BLOCK code */

  const D_CODES$1       = 30;
  /* number of distance codes */

  const BL_CODES$1      = 19;
  /* number of codes used to transfer the bit lengths */

  const HEAP_SIZE$1     = 2 * L_CODES$1 + 1;
  /* maximum heap size */

  const MAX_BITS$1      = 15;
  /* All codes must not exceed MAX_BITS bits */

  const Buf_size      = 16;
  /* size of bit buffer in bi_buf */


  /* ===========================================================================
   * Constants
   */

  const MAX_BL_BITS = 7;
  /* Bit length codes must not exceed MAX_BL_BITS bits */

  const END_BLOCK   = 256;
  /* end of block literal code */

  const REP_3_6     = 16;
  /* repeat previous bit length 3-6 times (2 bits of repeat count) */

  const REPZ_3_10   = 17;
  /* repeat a zero length 3-10 times  (3 bits of repeat count) */

  const REPZ_11_138 = 18;
  /* repeat a zero length 11-138 times  (7 bits of repeat count) */

  /* eslint-disable comma-spacing,array-bracket-spacing */
  const extra_lbits =   /* extra bits for each length code */
    new Uint8Array([0,0,0,0,0,0,0,0,1,1,1,1,2,2,2,2,3,3,3,3,4,4,4,4,5,5,5,5,0]);

  const extra_dbits =   /* extra bits for each distance code */
    new Uint8Array([0,0,0,0,1,1,2,2,3,3,4,4,5,5,6,6,7,7,8,8,9,9,10,10,11,11,12,12,13,13]);

  const extra_blbits =  /* extra bits for each bit length code */
    new Uint8Array([0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,2,3,7]);

  const bl_order =
    new Uint8Array([16,17,18,0,8,7,9,6,10,5,11,4,12,3,13,2,14,1,15]);
  /* eslint-enable comma-spacing,array-bracket-spacing */

  /* The lengths of the bit length codes are sent in order of decreasing
   * probability, to avoid transmitting the lengths for unused bit length codes.
   */

  /* ===========================================================================
   * Local data. These are initialized only once.
   */

  // We pre-fill arrays with 0 to avoid uninitialized gaps

  const DIST_CODE_LEN = 512; /* see definition of array dist_code below */

  // !!!! Use flat array instead of structure, Freq = i*2, Len = i*2+1
  const static_ltree  = new Array((L_CODES$1 + 2) * 2);
  zero$1(static_ltree);
  /* The static literal tree. Since the bit lengths are imposed, there is no
   * need for the L_CODES extra codes used during heap construction. However
   * The codes 286 and 287 are needed to build a canonical tree (see _tr_init
   * below).
   */

  const static_dtree  = new Array(D_CODES$1 * 2);
  zero$1(static_dtree);
  /* The static distance tree. (Actually a trivial tree since all codes use
   * 5 bits.)
   */

  const _dist_code    = new Array(DIST_CODE_LEN);
  zero$1(_dist_code);
  /* Distance codes. The first 256 values correspond to the distances
   * 3 .. 258, the last 256 values correspond to the top 8 bits of
   * the 15 bit distances.
   */

  const _length_code  = new Array(MAX_MATCH$1 - MIN_MATCH$1 + 1);
  zero$1(_length_code);
  /* length code for each normalized match length (0 == MIN_MATCH) */

  const base_length   = new Array(LENGTH_CODES$1);
  zero$1(base_length);
  /* First normalized length for each code (0 = MIN_MATCH) */

  const base_dist     = new Array(D_CODES$1);
  zero$1(base_dist);
  /* First normalized distance for each code (0 = distance of 1) */


  function StaticTreeDesc(static_tree, extra_bits, extra_base, elems, max_length) {

    this.static_tree  = static_tree;  /* static tree or NULL */
    this.extra_bits   = extra_bits;   /* extra bits for each code or NULL */
    this.extra_base   = extra_base;   /* base index for extra_bits */
    this.elems        = elems;        /* max number of elements in the tree */
    this.max_length   = max_length;   /* max bit length for the codes */

    // show if \`static_tree\` has data or dummy - needed for monomorphic objects
    this.has_stree    = static_tree && static_tree.length;
  }


  let static_l_desc;
  let static_d_desc;
  let static_bl_desc;


  function TreeDesc(dyn_tree, stat_desc) {
    this.dyn_tree = dyn_tree;     /* the dynamic tree */
    this.max_code = 0;            /* largest code with non zero frequency */
    this.stat_desc = stat_desc;   /* the corresponding static tree */
  }



  const d_code = (dist) => {

    return dist < 256 ? _dist_code[dist] : _dist_code[256 + (dist >>> 7)];
  };


  /* ===========================================================================
   * Output a short LSB first on the stream.
   * IN assertion: there is enough room in pendingBuf.
   */
  const put_short = (s, w) => {
  //    put_byte(s, (uch)((w) & 0xff));
  //    put_byte(s, (uch)((ush)(w) >> 8));
    s.pending_buf[s.pending++] = (w) & 0xff;
    s.pending_buf[s.pending++] = (w >>> 8) & 0xff;
  };


  /* ===========================================================================
   * Send a value on a given number of bits.
   * IN assertion: length <= 16 and value fits in length bits.
   */
  const send_bits = (s, value, length) => {

    if (s.bi_valid > (Buf_size - length)) {
      s.bi_buf |= (value << s.bi_valid) & 0xffff;
      put_short(s, s.bi_buf);
      s.bi_buf = value >> (Buf_size - s.bi_valid);
      s.bi_valid += length - Buf_size;
    } else {
      s.bi_buf |= (value << s.bi_valid) & 0xffff;
      s.bi_valid += length;
    }
  };


  const send_code = (s, c, tree) => {

    send_bits(s, tree[c * 2]/*.Code*/, tree[c * 2 + 1]/*.Len*/);
  };


  /* ===========================================================================
   * Reverse the first len bits of a code, using straightforward code (a faster
   * method would use a table)
   * IN assertion: 1 <= len <= 15
   */
  const bi_reverse = (code, len) => {

    let res = 0;
    do {
      res |= code & 1;
      code >>>= 1;
      res <<= 1;
    } while (--len > 0);
    return res >>> 1;
  };


  /* ===========================================================================
   * Flush the bit buffer, keeping at most 7 bits in it.
   */
  const bi_flush = (s) => {

    if (s.bi_valid === 16) {
      put_short(s, s.bi_buf);
      s.bi_buf = 0;
      s.bi_valid = 0;

    } else if (s.bi_valid >= 8) {
      s.pending_buf[s.pending++] = s.bi_buf & 0xff;
      s.bi_buf >>= 8;
      s.bi_valid -= 8;
    }
  };


  /* ===========================================================================
   * Compute the optimal bit lengths for a tree and update the total bit length
   * for the current block.
   * IN assertion: the fields freq and dad are set, heap[heap_max] and
   *    above are the tree nodes sorted by increasing frequency.
   * OUT assertions: the field len is set to the optimal bit length, the
   *     array bl_count contains the frequencies for each bit length.
   *     The length opt_len is updated; static_len is also updated if stree is
   *     not null.
   */
  const gen_bitlen = (s, desc) => {
  //    deflate_state *s;
  //    tree_desc *desc;    /* the tree descriptor */

    const tree            = desc.dyn_tree;
    const max_code        = desc.max_code;
    const stree           = desc.stat_desc.static_tree;
    const has_stree       = desc.stat_desc.has_stree;
    const extra           = desc.stat_desc.extra_bits;
    const base            = desc.stat_desc.extra_base;
    const max_length      = desc.stat_desc.max_length;
    let h;              /* heap index */
    let n, m;           /* iterate over the tree elements */
    let bits;           /* bit length */
    let xbits;          /* extra bits */
    let f;              /* frequency */
    let overflow = 0;   /* number of elements with bit length too large */

    for (bits = 0; bits <= MAX_BITS$1; bits++) {
      s.bl_count[bits] = 0;
    }

    /* In a first pass, compute the optimal bit lengths (which may
     * overflow in the case of the bit length tree).
     */
    tree[s.heap[s.heap_max] * 2 + 1]/*.Len*/ = 0; /* root of the heap */

    for (h = s.heap_max + 1; h < HEAP_SIZE$1; h++) {
      n = s.heap[h];
      bits = tree[tree[n * 2 + 1]/*.Dad*/ * 2 + 1]/*.Len*/ + 1;
      if (bits > max_length) {
        bits = max_length;
        overflow++;
      }
      tree[n * 2 + 1]/*.Len*/ = bits;
      /* We overwrite tree[n].Dad which is no longer needed */

      if (n > max_code) { continue; } /* not a leaf node */

      s.bl_count[bits]++;
      xbits = 0;
      if (n >= base) {
        xbits = extra[n - base];
      }
      f = tree[n * 2]/*.Freq*/;
      s.opt_len += f * (bits + xbits);
      if (has_stree) {
        s.static_len += f * (stree[n * 2 + 1]/*.Len*/ + xbits);
      }
    }
    if (overflow === 0) { return; }

    // Tracev((stderr,"\\nbit length overflow\\n"));
    /* This happens for example on obj2 and pic of the Calgary corpus */

    /* Find the first bit length which could increase: */
    do {
      bits = max_length - 1;
      while (s.bl_count[bits] === 0) { bits--; }
      s.bl_count[bits]--;      /* move one leaf down the tree */
      s.bl_count[bits + 1] += 2; /* move one overflow item as its brother */
      s.bl_count[max_length]--;
      /* The brother of the overflow item also moves one step up,
       * but this does not affect bl_count[max_length]
       */
      overflow -= 2;
    } while (overflow > 0);

    /* Now recompute all bit lengths, scanning in increasing frequency.
     * h is still equal to HEAP_SIZE. (It is simpler to reconstruct all
     * lengths instead of fixing only the wrong ones. This idea is taken
     * from 'ar' written by Haruhiko Okumura.)
     */
    for (bits = max_length; bits !== 0; bits--) {
      n = s.bl_count[bits];
      while (n !== 0) {
        m = s.heap[--h];
        if (m > max_code) { continue; }
        if (tree[m * 2 + 1]/*.Len*/ !== bits) {
          // Tracev((stderr,"code %d bits %d->%d\\n", m, tree[m].Len, bits));
          s.opt_len += (bits - tree[m * 2 + 1]/*.Len*/) * tree[m * 2]/*.Freq*/;
          tree[m * 2 + 1]/*.Len*/ = bits;
        }
        n--;
      }
    }
  };


  /* ===========================================================================
   * Generate the codes for a given tree and bit counts (which need not be
   * optimal).
   * IN assertion: the array bl_count contains the bit length statistics for
   * the given tree and the field len is set for all tree elements.
   * OUT assertion: the field code is set for all tree elements of non
   *     zero code length.
   */
  const gen_codes = (tree, max_code, bl_count) => {
  //    ct_data *tree;             /* the tree to decorate */
  //    int max_code;              /* largest code with non zero frequency */
  //    ushf *bl_count;            /* number of codes at each bit length */

    const next_code = new Array(MAX_BITS$1 + 1); /* next code value for each bit length */
    let code = 0;              /* running code value */
    let bits;                  /* bit index */
    let n;                     /* code index */

    /* The distribution counts are first used to generate the code values
     * without bit reversal.
     */
    for (bits = 1; bits <= MAX_BITS$1; bits++) {
      code = (code + bl_count[bits - 1]) << 1;
      next_code[bits] = code;
    }
    /* Check that the bit counts in bl_count are consistent. The last code
     * must be all ones.
     */
    //Assert (code + bl_count[MAX_BITS]-1 == (1<<MAX_BITS)-1,
    //        "inconsistent bit counts");
    //Tracev((stderr,"\\ngen_codes: max_code %d ", max_code));

    for (n = 0;  n <= max_code; n++) {
      let len = tree[n * 2 + 1]/*.Len*/;
      if (len === 0) { continue; }
      /* Now reverse the bits */
      tree[n * 2]/*.Code*/ = bi_reverse(next_code[len]++, len);

      //Tracecv(tree != static_ltree, (stderr,"\\nn %3d %c l %2d c %4x (%x) ",
      //     n, (isgraph(n) ? n : ' '), len, tree[n].Code, next_code[len]-1));
    }
  };


  /* ===========================================================================
   * Initialize the various 'constant' tables.
   */
  const tr_static_init = () => {

    let n;        /* iterates over tree elements */
    let bits;     /* bit counter */
    let length;   /* length value */
    let code;     /* code value */
    let dist;     /* distance index */
    const bl_count = new Array(MAX_BITS$1 + 1);
    /* number of codes at each bit length for an optimal tree */

    // do check in _tr_init()
    //if (static_init_done) return;

    /* For some embedded targets, global variables are not initialized: */
  /*#ifdef NO_INIT_GLOBAL_POINTERS
    static_l_desc.static_tree = static_ltree;
    static_l_desc.extra_bits = extra_lbits;
    static_d_desc.static_tree = static_dtree;
    static_d_desc.extra_bits = extra_dbits;
    static_bl_desc.extra_bits = extra_blbits;
  #endif*/

    /* Initialize the mapping length (0..255) -> length code (0..28) */
    length = 0;
    for (code = 0; code < LENGTH_CODES$1 - 1; code++) {
      base_length[code] = length;
      for (n = 0; n < (1 << extra_lbits[code]); n++) {
        _length_code[length++] = code;
      }
    }
    //Assert (length == 256, "tr_static_init: length != 256");
    /* Note that the length 255 (match length 258) can be represented
     * in two different ways: code 284 + 5 bits or code 285, so we
     * overwrite length_code[255] to use the best encoding:
     */
    _length_code[length - 1] = code;

    /* Initialize the mapping dist (0..32K) -> dist code (0..29) */
    dist = 0;
    for (code = 0; code < 16; code++) {
      base_dist[code] = dist;
      for (n = 0; n < (1 << extra_dbits[code]); n++) {
        _dist_code[dist++] = code;
      }
    }
    //Assert (dist == 256, "tr_static_init: dist != 256");
    dist >>= 7; /* from now on, all distances are divided by 128 */
    for (; code < D_CODES$1; code++) {
      base_dist[code] = dist << 7;
      for (n = 0; n < (1 << (extra_dbits[code] - 7)); n++) {
        _dist_code[256 + dist++] = code;
      }
    }
    //Assert (dist == 256, "tr_static_init: 256+dist != 512");

    /* Construct the codes of the static literal tree */
    for (bits = 0; bits <= MAX_BITS$1; bits++) {
      bl_count[bits] = 0;
    }

    n = 0;
    while (n <= 143) {
      static_ltree[n * 2 + 1]/*.Len*/ = 8;
      n++;
      bl_count[8]++;
    }
    while (n <= 255) {
      static_ltree[n * 2 + 1]/*.Len*/ = 9;
      n++;
      bl_count[9]++;
    }
    while (n <= 279) {
      static_ltree[n * 2 + 1]/*.Len*/ = 7;
      n++;
      bl_count[7]++;
    }
    while (n <= 287) {
      static_ltree[n * 2 + 1]/*.Len*/ = 8;
      n++;
      bl_count[8]++;
    }
    /* Codes 286 and 287 do not exist, but we must include them in the
     * tree construction to get a canonical Huffman tree (longest code
     * all ones)
     */
    gen_codes(static_ltree, L_CODES$1 + 1, bl_count);

    /* The static distance tree is trivial: */
    for (n = 0; n < D_CODES$1; n++) {
      static_dtree[n * 2 + 1]/*.Len*/ = 5;
      static_dtree[n * 2]/*.Code*/ = bi_reverse(n, 5);
    }

    // Now data ready and we can init static trees
    static_l_desc = new StaticTreeDesc(static_ltree, extra_lbits, LITERALS$1 + 1, L_CODES$1, MAX_BITS$1);
    static_d_desc = new StaticTreeDesc(static_dtree, extra_dbits, 0,          D_CODES$1, MAX_BITS$1);
    static_bl_desc = new StaticTreeDesc(new Array(0), extra_blbits, 0,         BL_CODES$1, MAX_BL_BITS);

    //static_init_done = true;
  };


  /* ===========================================================================
   * Initialize a new block.
   */
  const init_block = (s) => {

    let n; /* iterates over tree elements */

    /* Initialize the trees. */
    for (n = 0; n < L_CODES$1;  n++) { s.dyn_ltree[n * 2]/*.Freq*/ = 0; }
    for (n = 0; n < D_CODES$1;  n++) { s.dyn_dtree[n * 2]/*.Freq*/ = 0; }
    for (n = 0; n < BL_CODES$1; n++) { s.bl_tree[n * 2]/*.Freq*/ = 0; }

    s.dyn_ltree[END_BLOCK * 2]/*.Freq*/ = 1;
    s.opt_len = s.static_len = 0;
    s.sym_next = s.matches = 0;
  };


  /* ===========================================================================
   * Flush the bit buffer and align the output on a byte boundary
   */
  const bi_windup = (s) =>
  {
    if (s.bi_valid > 8) {
      put_short(s, s.bi_buf);
    } else if (s.bi_valid > 0) {
      //put_byte(s, (Byte)s->bi_buf);
      s.pending_buf[s.pending++] = s.bi_buf;
    }
    s.bi_buf = 0;
    s.bi_valid = 0;
  };

  /* ===========================================================================
   * Compares to subtrees, using the tree depth as tie breaker when
   * the subtrees have equal frequency. This minimizes the worst case length.
   */
  const smaller = (tree, n, m, depth) => {

    const _n2 = n * 2;
    const _m2 = m * 2;
    return (tree[_n2]/*.Freq*/ < tree[_m2]/*.Freq*/ ||
           (tree[_n2]/*.Freq*/ === tree[_m2]/*.Freq*/ && depth[n] <= depth[m]));
  };

  /* ===========================================================================
   * Restore the heap property by moving down the tree starting at node k,
   * exchanging a node with the smallest of its two sons if necessary, stopping
   * when the heap property is re-established (each father smaller than its
   * two sons).
   */
  const pqdownheap = (s, tree, k) => {
  //    deflate_state *s;
  //    ct_data *tree;  /* the tree to restore */
  //    int k;               /* node to move down */

    const v = s.heap[k];
    let j = k << 1;  /* left son of k */
    while (j <= s.heap_len) {
      /* Set j to the smallest of the two sons: */
      if (j < s.heap_len &&
        smaller(tree, s.heap[j + 1], s.heap[j], s.depth)) {
        j++;
      }
      /* Exit if v is smaller than both sons */
      if (smaller(tree, v, s.heap[j], s.depth)) { break; }

      /* Exchange v with the smallest son */
      s.heap[k] = s.heap[j];
      k = j;

      /* And continue down the tree, setting j to the left son of k */
      j <<= 1;
    }
    s.heap[k] = v;
  };


  // inlined manually
  // const SMALLEST = 1;

  /* ===========================================================================
   * Send the block data compressed using the given Huffman trees
   */
  const compress_block = (s, ltree, dtree) => {
  //    deflate_state *s;
  //    const ct_data *ltree; /* literal tree */
  //    const ct_data *dtree; /* distance tree */

    let dist;           /* distance of matched string */
    let lc;             /* match length or unmatched char (if dist == 0) */
    let sx = 0;         /* running index in sym_buf */
    let code;           /* the code to send */
    let extra;          /* number of extra bits to send */

    if (s.sym_next !== 0) {
      do {
        dist = s.pending_buf[s.sym_buf + sx++] & 0xff;
        dist += (s.pending_buf[s.sym_buf + sx++] & 0xff) << 8;
        lc = s.pending_buf[s.sym_buf + sx++];
        if (dist === 0) {
          send_code(s, lc, ltree); /* send a literal byte */
          //Tracecv(isgraph(lc), (stderr," '%c' ", lc));
        } else {
          /* Here, lc is the match length - MIN_MATCH */
          code = _length_code[lc];
          send_code(s, code + LITERALS$1 + 1, ltree); /* send the length code */
          extra = extra_lbits[code];
          if (extra !== 0) {
            lc -= base_length[code];
            send_bits(s, lc, extra);       /* send the extra length bits */
          }
          dist--; /* dist is now the match distance - 1 */
          code = d_code(dist);
          //Assert (code < D_CODES, "bad d_code");

          send_code(s, code, dtree);       /* send the distance code */
          extra = extra_dbits[code];
          if (extra !== 0) {
            dist -= base_dist[code];
            send_bits(s, dist, extra);   /* send the extra distance bits */
          }
        } /* literal or match pair ? */

        /* Check that the overlay between pending_buf and sym_buf is ok: */
        //Assert(s->pending < s->lit_bufsize + sx, "pendingBuf overflow");

      } while (sx < s.sym_next);
    }

    send_code(s, END_BLOCK, ltree);
  };


  /* ===========================================================================
   * Construct one Huffman tree and assigns the code bit strings and lengths.
   * Update the total bit length for the current block.
   * IN assertion: the field freq is set for all tree elements.
   * OUT assertions: the fields len and code are set to the optimal bit length
   *     and corresponding code. The length opt_len is updated; static_len is
   *     also updated if stree is not null. The field max_code is set.
   */
  const build_tree = (s, desc) => {
  //    deflate_state *s;
  //    tree_desc *desc; /* the tree descriptor */

    const tree     = desc.dyn_tree;
    const stree    = desc.stat_desc.static_tree;
    const has_stree = desc.stat_desc.has_stree;
    const elems    = desc.stat_desc.elems;
    let n, m;          /* iterate over heap elements */
    let max_code = -1; /* largest code with non zero frequency */
    let node;          /* new node being created */

    /* Construct the initial heap, with least frequent element in
     * heap[SMALLEST]. The sons of heap[n] are heap[2*n] and heap[2*n+1].
     * heap[0] is not used.
     */
    s.heap_len = 0;
    s.heap_max = HEAP_SIZE$1;

    for (n = 0; n < elems; n++) {
      if (tree[n * 2]/*.Freq*/ !== 0) {
        s.heap[++s.heap_len] = max_code = n;
        s.depth[n] = 0;

      } else {
        tree[n * 2 + 1]/*.Len*/ = 0;
      }
    }

    /* The pkzip format requires that at least one distance code exists,
     * and that at least one bit should be sent even if there is only one
     * possible code. So to avoid special checks later on we force at least
     * two codes of non zero frequency.
     */
    while (s.heap_len < 2) {
      node = s.heap[++s.heap_len] = (max_code < 2 ? ++max_code : 0);
      tree[node * 2]/*.Freq*/ = 1;
      s.depth[node] = 0;
      s.opt_len--;

      if (has_stree) {
        s.static_len -= stree[node * 2 + 1]/*.Len*/;
      }
      /* node is 0 or 1 so it does not have extra bits */
    }
    desc.max_code = max_code;

    /* The elements heap[heap_len/2+1 .. heap_len] are leaves of the tree,
     * establish sub-heaps of increasing lengths:
     */
    for (n = (s.heap_len >> 1/*int /2*/); n >= 1; n--) { pqdownheap(s, tree, n); }

    /* Construct the Huffman tree by repeatedly combining the least two
     * frequent nodes.
     */
    node = elems;              /* next internal node of the tree */
    do {
      //pqremove(s, tree, n);  /* n = node of least frequency */
      /*** pqremove ***/
      n = s.heap[1/*SMALLEST*/];
      s.heap[1/*SMALLEST*/] = s.heap[s.heap_len--];
      pqdownheap(s, tree, 1/*SMALLEST*/);
      /***/

      m = s.heap[1/*SMALLEST*/]; /* m = node of next least frequency */

      s.heap[--s.heap_max] = n; /* keep the nodes sorted by frequency */
      s.heap[--s.heap_max] = m;

      /* Create a new node father of n and m */
      tree[node * 2]/*.Freq*/ = tree[n * 2]/*.Freq*/ + tree[m * 2]/*.Freq*/;
      s.depth[node] = (s.depth[n] >= s.depth[m] ? s.depth[n] : s.depth[m]) + 1;
      tree[n * 2 + 1]/*.Dad*/ = tree[m * 2 + 1]/*.Dad*/ = node;

      /* and insert the new node in the heap */
      s.heap[1/*SMALLEST*/] = node++;
      pqdownheap(s, tree, 1/*SMALLEST*/);

    } while (s.heap_len >= 2);

    s.heap[--s.heap_max] = s.heap[1/*SMALLEST*/];

    /* At this point, the fields freq and dad are set. We can now
     * generate the bit lengths.
     */
    gen_bitlen(s, desc);

    /* The field len is now set, we can generate the bit codes */
    gen_codes(tree, max_code, s.bl_count);
  };


  /* ===========================================================================
   * Scan a literal or distance tree to determine the frequencies of the codes
   * in the bit length tree.
   */
  const scan_tree = (s, tree, max_code) => {
  //    deflate_state *s;
  //    ct_data *tree;   /* the tree to be scanned */
  //    int max_code;    /* and its largest code of non zero frequency */

    let n;                     /* iterates over all tree elements */
    let prevlen = -1;          /* last emitted length */
    let curlen;                /* length of current code */

    let nextlen = tree[0 * 2 + 1]/*.Len*/; /* length of next code */

    let count = 0;             /* repeat count of the current code */
    let max_count = 7;         /* max repeat count */
    let min_count = 4;         /* min repeat count */

    if (nextlen === 0) {
      max_count = 138;
      min_count = 3;
    }
    tree[(max_code + 1) * 2 + 1]/*.Len*/ = 0xffff; /* guard */

    for (n = 0; n <= max_code; n++) {
      curlen = nextlen;
      nextlen = tree[(n + 1) * 2 + 1]/*.Len*/;

      if (++count < max_count && curlen === nextlen) {
        continue;

      } else if (count < min_count) {
        s.bl_tree[curlen * 2]/*.Freq*/ += count;

      } else if (curlen !== 0) {

        if (curlen !== prevlen) { s.bl_tree[curlen * 2]/*.Freq*/++; }
        s.bl_tree[REP_3_6 * 2]/*.Freq*/++;

      } else if (count <= 10) {
        s.bl_tree[REPZ_3_10 * 2]/*.Freq*/++;

      } else {
        s.bl_tree[REPZ_11_138 * 2]/*.Freq*/++;
      }

      count = 0;
      prevlen = curlen;

      if (nextlen === 0) {
        max_count = 138;
        min_count = 3;

      } else if (curlen === nextlen) {
        max_count = 6;
        min_count = 3;

      } else {
        max_count = 7;
        min_count = 4;
      }
    }
  };


  /* ===========================================================================
   * Send a literal or distance tree in compressed form, using the codes in
   * bl_tree.
   */
  const send_tree = (s, tree, max_code) => {
  //    deflate_state *s;
  //    ct_data *tree; /* the tree to be scanned */
  //    int max_code;       /* and its largest code of non zero frequency */

    let n;                     /* iterates over all tree elements */
    let prevlen = -1;          /* last emitted length */
    let curlen;                /* length of current code */

    let nextlen = tree[0 * 2 + 1]/*.Len*/; /* length of next code */

    let count = 0;             /* repeat count of the current code */
    let max_count = 7;         /* max repeat count */
    let min_count = 4;         /* min repeat count */

    /* tree[max_code+1].Len = -1; */  /* guard already set */
    if (nextlen === 0) {
      max_count = 138;
      min_count = 3;
    }

    for (n = 0; n <= max_code; n++) {
      curlen = nextlen;
      nextlen = tree[(n + 1) * 2 + 1]/*.Len*/;

      if (++count < max_count && curlen === nextlen) {
        continue;

      } else if (count < min_count) {
        do { send_code(s, curlen, s.bl_tree); } while (--count !== 0);

      } else if (curlen !== 0) {
        if (curlen !== prevlen) {
          send_code(s, curlen, s.bl_tree);
          count--;
        }
        //Assert(count >= 3 && count <= 6, " 3_6?");
        send_code(s, REP_3_6, s.bl_tree);
        send_bits(s, count - 3, 2);

      } else if (count <= 10) {
        send_code(s, REPZ_3_10, s.bl_tree);
        send_bits(s, count - 3, 3);

      } else {
        send_code(s, REPZ_11_138, s.bl_tree);
        send_bits(s, count - 11, 7);
      }

      count = 0;
      prevlen = curlen;
      if (nextlen === 0) {
        max_count = 138;
        min_count = 3;

      } else if (curlen === nextlen) {
        max_count = 6;
        min_count = 3;

      } else {
        max_count = 7;
        min_count = 4;
      }
    }
  };


  /* ===========================================================================
   * Construct the Huffman tree for the bit lengths and return the index in
   * bl_order of the last bit length code to send.
   */
  const build_bl_tree = (s) => {

    let max_blindex;  /* index of last bit length code of non zero freq */

    /* Determine the bit length frequencies for literal and distance trees */
    scan_tree(s, s.dyn_ltree, s.l_desc.max_code);
    scan_tree(s, s.dyn_dtree, s.d_desc.max_code);

    /* Build the bit length tree: */
    build_tree(s, s.bl_desc);
    /* opt_len now includes the length of the tree representations, except
     * the lengths of the bit lengths codes and the 5+5+4 bits for the counts.
     */

    /* Determine the number of bit length codes to send. The pkzip format
     * requires that at least 4 bit length codes be sent. (appnote.txt says
     * 3 but the actual value used is 4.)
     */
    for (max_blindex = BL_CODES$1 - 1; max_blindex >= 3; max_blindex--) {
      if (s.bl_tree[bl_order[max_blindex] * 2 + 1]/*.Len*/ !== 0) {
        break;
      }
    }
    /* Update opt_len to include the bit length tree and counts */
    s.opt_len += 3 * (max_blindex + 1) + 5 + 5 + 4;
    //Tracev((stderr, "\\ndyn trees: dyn %ld, stat %ld",
    //        s->opt_len, s->static_len));

    return max_blindex;
  };


  /* ===========================================================================
   * Send the header for a block using dynamic Huffman trees: the counts, the
   * lengths of the bit length codes, the literal tree and the distance tree.
   * IN assertion: lcodes >= 257, dcodes >= 1, blcodes >= 4.
   */
  const send_all_trees = (s, lcodes, dcodes, blcodes) => {
  //    deflate_state *s;
  //    int lcodes, dcodes, blcodes; /* number of codes for each tree */

    let rank;                    /* index in bl_order */

    //Assert (lcodes >= 257 && dcodes >= 1 && blcodes >= 4, "not enough codes");
    //Assert (lcodes <= L_CODES && dcodes <= D_CODES && blcodes <= BL_CODES,
    //        "too many codes");
    //Tracev((stderr, "\\nbl counts: "));
    send_bits(s, lcodes - 257, 5); /* not +255 as stated in appnote.txt */
    send_bits(s, dcodes - 1,   5);
    send_bits(s, blcodes - 4,  4); /* not -3 as stated in appnote.txt */
    for (rank = 0; rank < blcodes; rank++) {
      //Tracev((stderr, "\\nbl code %2d ", bl_order[rank]));
      send_bits(s, s.bl_tree[bl_order[rank] * 2 + 1]/*.Len*/, 3);
    }
    //Tracev((stderr, "\\nbl tree: sent %ld", s->bits_sent));

    send_tree(s, s.dyn_ltree, lcodes - 1); /* literal tree */
    //Tracev((stderr, "\\nlit tree: sent %ld", s->bits_sent));

    send_tree(s, s.dyn_dtree, dcodes - 1); /* distance tree */
    //Tracev((stderr, "\\ndist tree: sent %ld", s->bits_sent));
  };


  /* ===========================================================================
   * Check if the data type is TEXT or BINARY, using the following algorithm:
   * - TEXT if the two conditions below are satisfied:
   *    a) There are no non-portable control characters belonging to the
   *       "block list" (0..6, 14..25, 28..31).
   *    b) There is at least one printable character belonging to the
   *       "allow list" (9 {TAB}, 10 {LF}, 13 {CR}, 32..255).
   * - BINARY otherwise.
   * - The following partially-portable control characters form a
   *   "gray list" that is ignored in this detection algorithm:
   *   (7 {BEL}, 8 {BS}, 11 {VT}, 12 {FF}, 26 {SUB}, 27 {ESC}).
   * IN assertion: the fields Freq of dyn_ltree are set.
   */
  const detect_data_type = (s) => {
    /* block_mask is the bit mask of block-listed bytes
     * set bits 0..6, 14..25, and 28..31
     * 0xf3ffc07f = binary 11110011111111111100000001111111
     */
    let block_mask = 0xf3ffc07f;
    let n;

    /* Check for non-textual ("block-listed") bytes. */
    for (n = 0; n <= 31; n++, block_mask >>>= 1) {
      if ((block_mask & 1) && (s.dyn_ltree[n * 2]/*.Freq*/ !== 0)) {
        return Z_BINARY;
      }
    }

    /* Check for textual ("allow-listed") bytes. */
    if (s.dyn_ltree[9 * 2]/*.Freq*/ !== 0 || s.dyn_ltree[10 * 2]/*.Freq*/ !== 0 ||
        s.dyn_ltree[13 * 2]/*.Freq*/ !== 0) {
      return Z_TEXT;
    }
    for (n = 32; n < LITERALS$1; n++) {
      if (s.dyn_ltree[n * 2]/*.Freq*/ !== 0) {
        return Z_TEXT;
      }
    }

    /* There are no "block-listed" or "allow-listed" bytes:
     * this stream either is empty or has tolerated ("gray-listed") bytes only.
     */
    return Z_BINARY;
  };


  let static_init_done = false;

  /* ===========================================================================
   * Initialize the tree data structures for a new zlib stream.
   */
  const _tr_init$1 = (s) =>
  {

    if (!static_init_done) {
      tr_static_init();
      static_init_done = true;
    }

    s.l_desc  = new TreeDesc(s.dyn_ltree, static_l_desc);
    s.d_desc  = new TreeDesc(s.dyn_dtree, static_d_desc);
    s.bl_desc = new TreeDesc(s.bl_tree, static_bl_desc);

    s.bi_buf = 0;
    s.bi_valid = 0;

    /* Initialize the first block of the first file: */
    init_block(s);
  };


  /* ===========================================================================
   * Send a stored block
   */
  const _tr_stored_block$1 = (s, buf, stored_len, last) => {
  //DeflateState *s;
  //charf *buf;       /* input block */
  //ulg stored_len;   /* length of input block */
  //int last;         /* one if this is the last block for a file */

    send_bits(s, (STORED_BLOCK << 1) + (last ? 1 : 0), 3);    /* send block type */
    bi_windup(s);        /* align on byte boundary */
    put_short(s, stored_len);
    put_short(s, ~stored_len);
    if (stored_len) {
      s.pending_buf.set(s.window.subarray(buf, buf + stored_len), s.pending);
    }
    s.pending += stored_len;
  };


  /* ===========================================================================
   * Send one empty static block to give enough lookahead for inflate.
   * This takes 10 bits, of which 7 may remain in the bit buffer.
   */
  const _tr_align$1 = (s) => {
    send_bits(s, STATIC_TREES << 1, 3);
    send_code(s, END_BLOCK, static_ltree);
    bi_flush(s);
  };


  /* ===========================================================================
   * Determine the best encoding for the current block: dynamic trees, static
   * trees or store, and write out the encoded block.
   */
  const _tr_flush_block$1 = (s, buf, stored_len, last) => {
  //DeflateState *s;
  //charf *buf;       /* input block, or NULL if too old */
  //ulg stored_len;   /* length of input block */
  //int last;         /* one if this is the last block for a file */

    let opt_lenb, static_lenb;  /* opt_len and static_len in bytes */
    let max_blindex = 0;        /* index of last bit length code of non zero freq */

    /* Build the Huffman trees unless a stored block is forced */
    if (s.level > 0) {

      /* Check if the file is binary or text */
      if (s.strm.data_type === Z_UNKNOWN$1) {
        s.strm.data_type = detect_data_type(s);
      }

      /* Construct the literal and distance trees */
      build_tree(s, s.l_desc);
      // Tracev((stderr, "\\nlit data: dyn %ld, stat %ld", s->opt_len,
      //        s->static_len));

      build_tree(s, s.d_desc);
      // Tracev((stderr, "\\ndist data: dyn %ld, stat %ld", s->opt_len,
      //        s->static_len));
      /* At this point, opt_len and static_len are the total bit lengths of
       * the compressed block data, excluding the tree representations.
       */

      /* Build the bit length tree for the above two trees, and get the index
       * in bl_order of the last bit length code to send.
       */
      max_blindex = build_bl_tree(s);

      /* Determine the best encoding. Compute the block lengths in bytes. */
      opt_lenb = (s.opt_len + 3 + 7) >>> 3;
      static_lenb = (s.static_len + 3 + 7) >>> 3;

      // Tracev((stderr, "\\nopt %lu(%lu) stat %lu(%lu) stored %lu lit %u ",
      //        opt_lenb, s->opt_len, static_lenb, s->static_len, stored_len,
      //        s->sym_next / 3));

      if (static_lenb <= opt_lenb) { opt_lenb = static_lenb; }

    } else {
      // Assert(buf != (char*)0, "lost buf");
      opt_lenb = static_lenb = stored_len + 5; /* force a stored block */
    }

    if ((stored_len + 4 <= opt_lenb) && (buf !== -1)) {
      /* 4: two words for the lengths */

      /* The test buf != NULL is only necessary if LIT_BUFSIZE > WSIZE.
       * Otherwise we can't have processed more than WSIZE input bytes since
       * the last block flush, because compression would have been
       * successful. If LIT_BUFSIZE <= WSIZE, it is never too late to
       * transform a block into a stored block.
       */
      _tr_stored_block$1(s, buf, stored_len, last);

    } else if (s.strategy === Z_FIXED$1 || static_lenb === opt_lenb) {

      send_bits(s, (STATIC_TREES << 1) + (last ? 1 : 0), 3);
      compress_block(s, static_ltree, static_dtree);

    } else {
      send_bits(s, (DYN_TREES << 1) + (last ? 1 : 0), 3);
      send_all_trees(s, s.l_desc.max_code + 1, s.d_desc.max_code + 1, max_blindex + 1);
      compress_block(s, s.dyn_ltree, s.dyn_dtree);
    }
    // Assert (s->compressed_len == s->bits_sent, "bad compressed size");
    /* The above check is made mod 2^32, for files larger than 512 MB
     * and uLong implemented on 32 bits.
     */
    init_block(s);

    if (last) {
      bi_windup(s);
    }
    // Tracev((stderr,"\\ncomprlen %lu(%lu) ", s->compressed_len>>3,
    //       s->compressed_len-7*last));
  };

  /* ===========================================================================
   * Save the match info and tally the frequency counts. Return true if
   * the current block must be flushed.
   */
  const _tr_tally$1 = (s, dist, lc) => {
  //    deflate_state *s;
  //    unsigned dist;  /* distance of matched string */
  //    unsigned lc;    /* match length-MIN_MATCH or unmatched char (if dist==0) */

    s.pending_buf[s.sym_buf + s.sym_next++] = dist;
    s.pending_buf[s.sym_buf + s.sym_next++] = dist >> 8;
    s.pending_buf[s.sym_buf + s.sym_next++] = lc;
    if (dist === 0) {
      /* lc is the unmatched char */
      s.dyn_ltree[lc * 2]/*.Freq*/++;
    } else {
      s.matches++;
      /* Here, lc is the match length - MIN_MATCH */
      dist--;             /* dist = match distance - 1 */
      //Assert((ush)dist < (ush)MAX_DIST(s) &&
      //       (ush)lc <= (ush)(MAX_MATCH-MIN_MATCH) &&
      //       (ush)d_code(dist) < (ush)D_CODES,  "_tr_tally: bad match");

      s.dyn_ltree[(_length_code[lc] + LITERALS$1 + 1) * 2]/*.Freq*/++;
      s.dyn_dtree[d_code(dist) * 2]/*.Freq*/++;
    }

    return (s.sym_next === s.sym_end);
  };

  var _tr_init_1  = _tr_init$1;
  var _tr_stored_block_1 = _tr_stored_block$1;
  var _tr_flush_block_1  = _tr_flush_block$1;
  var _tr_tally_1 = _tr_tally$1;
  var _tr_align_1 = _tr_align$1;

  var trees = {
  	_tr_init: _tr_init_1,
  	_tr_stored_block: _tr_stored_block_1,
  	_tr_flush_block: _tr_flush_block_1,
  	_tr_tally: _tr_tally_1,
  	_tr_align: _tr_align_1
  };

  // Note: adler32 takes 12% for level 0 and 2% for level 6.
  // It isn't worth it to make additional optimizations as in original.
  // Small size is preferable.

  // (C) 1995-2013 Jean-loup Gailly and Mark Adler
  // (C) 2014-2017 Vitaly Puzrin and Andrey Tupitsin
  //
  // This software is provided 'as-is', without any express or implied
  // warranty. In no event will the authors be held liable for any damages
  // arising from the use of this software.
  //
  // Permission is granted to anyone to use this software for any purpose,
  // including commercial applications, and to alter it and redistribute it
  // freely, subject to the following restrictions:
  //
  // 1. The origin of this software must not be misrepresented; you must not
  //   claim that you wrote the original software. If you use this software
  //   in a product, an acknowledgment in the product documentation would be
  //   appreciated but is not required.
  // 2. Altered source versions must be plainly marked as such, and must not be
  //   misrepresented as being the original software.
  // 3. This notice may not be removed or altered from any source distribution.

  const adler32 = (adler, buf, len, pos) => {
    let s1 = (adler & 0xffff) |0,
        s2 = ((adler >>> 16) & 0xffff) |0,
        n = 0;

    while (len !== 0) {
      // Set limit ~ twice less than 5552, to keep
      // s2 in 31-bits, because we force signed ints.
      // in other case %= will fail.
      n = len > 2000 ? 2000 : len;
      len -= n;

      do {
        s1 = (s1 + buf[pos++]) |0;
        s2 = (s2 + s1) |0;
      } while (--n);

      s1 %= 65521;
      s2 %= 65521;
    }

    return (s1 | (s2 << 16)) |0;
  };


  var adler32_1 = adler32;

  // Note: we can't get significant speed boost here.
  // So write code to minimize size - no pregenerated tables
  // and array tools dependencies.

  // (C) 1995-2013 Jean-loup Gailly and Mark Adler
  // (C) 2014-2017 Vitaly Puzrin and Andrey Tupitsin
  //
  // This software is provided 'as-is', without any express or implied
  // warranty. In no event will the authors be held liable for any damages
  // arising from the use of this software.
  //
  // Permission is granted to anyone to use this software for any purpose,
  // including commercial applications, and to alter it and redistribute it
  // freely, subject to the following restrictions:
  //
  // 1. The origin of this software must not be misrepresented; you must not
  //   claim that you wrote the original software. If you use this software
  //   in a product, an acknowledgment in the product documentation would be
  //   appreciated but is not required.
  // 2. Altered source versions must be plainly marked as such, and must not be
  //   misrepresented as being the original software.
  // 3. This notice may not be removed or altered from any source distribution.

  // Use ordinary array, since untyped makes no boost here
  const makeTable = () => {
    let c, table = [];

    for (var n = 0; n < 256; n++) {
      c = n;
      for (var k = 0; k < 8; k++) {
        c = ((c & 1) ? (0xEDB88320 ^ (c >>> 1)) : (c >>> 1));
      }
      table[n] = c;
    }

    return table;
  };

  // Create table on load. Just 255 signed longs. Not a problem.
  const crcTable = new Uint32Array(makeTable());


  const crc32 = (crc, buf, len, pos) => {
    const t = crcTable;
    const end = pos + len;

    crc ^= -1;

    for (let i = pos; i < end; i++) {
      crc = (crc >>> 8) ^ t[(crc ^ buf[i]) & 0xFF];
    }

    return (crc ^ (-1)); // >>> 0;
  };


  var crc32_1 = crc32;

  // (C) 1995-2013 Jean-loup Gailly and Mark Adler
  // (C) 2014-2017 Vitaly Puzrin and Andrey Tupitsin
  //
  // This software is provided 'as-is', without any express or implied
  // warranty. In no event will the authors be held liable for any damages
  // arising from the use of this software.
  //
  // Permission is granted to anyone to use this software for any purpose,
  // including commercial applications, and to alter it and redistribute it
  // freely, subject to the following restrictions:
  //
  // 1. The origin of this software must not be misrepresented; you must not
  //   claim that you wrote the original software. If you use this software
  //   in a product, an acknowledgment in the product documentation would be
  //   appreciated but is not required.
  // 2. Altered source versions must be plainly marked as such, and must not be
  //   misrepresented as being the original software.
  // 3. This notice may not be removed or altered from any source distribution.

  var messages = {
    2:      'need dictionary',     /* Z_NEED_DICT       2  */
    1:      'stream end',          /* Z_STREAM_END      1  */
    0:      '',                    /* Z_OK              0  */
    '-1':   'file error',          /* Z_ERRNO         (-1) */
    '-2':   'stream error',        /* Z_STREAM_ERROR  (-2) */
    '-3':   'data error',          /* Z_DATA_ERROR    (-3) */
    '-4':   'insufficient memory', /* Z_MEM_ERROR     (-4) */
    '-5':   'buffer error',        /* Z_BUF_ERROR     (-5) */
    '-6':   'incompatible version' /* Z_VERSION_ERROR (-6) */
  };

  // (C) 1995-2013 Jean-loup Gailly and Mark Adler
  // (C) 2014-2017 Vitaly Puzrin and Andrey Tupitsin
  //
  // This software is provided 'as-is', without any express or implied
  // warranty. In no event will the authors be held liable for any damages
  // arising from the use of this software.
  //
  // Permission is granted to anyone to use this software for any purpose,
  // including commercial applications, and to alter it and redistribute it
  // freely, subject to the following restrictions:
  //
  // 1. The origin of this software must not be misrepresented; you must not
  //   claim that you wrote the original software. If you use this software
  //   in a product, an acknowledgment in the product documentation would be
  //   appreciated but is not required.
  // 2. Altered source versions must be plainly marked as such, and must not be
  //   misrepresented as being the original software.
  // 3. This notice may not be removed or altered from any source distribution.

  var constants$1 = {

    /* Allowed flush values; see deflate() and inflate() below for details */
    Z_NO_FLUSH:         0,
    Z_PARTIAL_FLUSH:    1,
    Z_SYNC_FLUSH:       2,
    Z_FULL_FLUSH:       3,
    Z_FINISH:           4,
    Z_BLOCK:            5,
    Z_TREES:            6,

    /* Return codes for the compression/decompression functions. Negative values
    * are errors, positive values are used for special but normal events.
    */
    Z_OK:               0,
    Z_STREAM_END:       1,
    Z_NEED_DICT:        2,
    Z_ERRNO:           -1,
    Z_STREAM_ERROR:    -2,
    Z_DATA_ERROR:      -3,
    Z_MEM_ERROR:       -4,
    Z_BUF_ERROR:       -5,
    //Z_VERSION_ERROR: -6,

    /* compression levels */
    Z_NO_COMPRESSION:         0,
    Z_BEST_SPEED:             1,
    Z_BEST_COMPRESSION:       9,
    Z_DEFAULT_COMPRESSION:   -1,


    Z_FILTERED:               1,
    Z_HUFFMAN_ONLY:           2,
    Z_RLE:                    3,
    Z_FIXED:                  4,
    Z_DEFAULT_STRATEGY:       0,

    /* Possible values of the data_type field (though see inflate()) */
    Z_BINARY:                 0,
    Z_TEXT:                   1,
    //Z_ASCII:                1, // = Z_TEXT (deprecated)
    Z_UNKNOWN:                2,

    /* The deflate compression method */
    Z_DEFLATED:               8
    //Z_NULL:                 null // Use -1 or null inline, depending on var type
  };

  // (C) 1995-2013 Jean-loup Gailly and Mark Adler
  // (C) 2014-2017 Vitaly Puzrin and Andrey Tupitsin
  //
  // This software is provided 'as-is', without any express or implied
  // warranty. In no event will the authors be held liable for any damages
  // arising from the use of this software.
  //
  // Permission is granted to anyone to use this software for any purpose,
  // including commercial applications, and to alter it and redistribute it
  // freely, subject to the following restrictions:
  //
  // 1. The origin of this software must not be misrepresented; you must not
  //   claim that you wrote the original software. If you use this software
  //   in a product, an acknowledgment in the product documentation would be
  //   appreciated but is not required.
  // 2. Altered source versions must be plainly marked as such, and must not be
  //   misrepresented as being the original software.
  // 3. This notice may not be removed or altered from any source distribution.

  const { _tr_init, _tr_stored_block, _tr_flush_block, _tr_tally, _tr_align } = trees;




  /* Public constants ==========================================================*/
  /* ===========================================================================*/

  const {
    Z_NO_FLUSH: Z_NO_FLUSH$1, Z_PARTIAL_FLUSH, Z_FULL_FLUSH: Z_FULL_FLUSH$1, Z_FINISH: Z_FINISH$1, Z_BLOCK,
    Z_OK: Z_OK$1, Z_STREAM_END: Z_STREAM_END$1, Z_STREAM_ERROR, Z_DATA_ERROR, Z_BUF_ERROR,
    Z_DEFAULT_COMPRESSION: Z_DEFAULT_COMPRESSION$1,
    Z_FILTERED, Z_HUFFMAN_ONLY, Z_RLE, Z_FIXED, Z_DEFAULT_STRATEGY: Z_DEFAULT_STRATEGY$1,
    Z_UNKNOWN,
    Z_DEFLATED: Z_DEFLATED$1
  } = constants$1;

  /*============================================================================*/


  const MAX_MEM_LEVEL = 9;
  /* Maximum value for memLevel in deflateInit2 */
  const MAX_WBITS = 15;
  /* 32K LZ77 window */
  const DEF_MEM_LEVEL = 8;


  const LENGTH_CODES  = 29;
  /* number of length codes, not counting the special END_BLOCK code */
  const LITERALS      = 256;
  /* number of literal bytes 0..255 */
  const L_CODES       = LITERALS + 1 + LENGTH_CODES;
  /* number of Literal or Length codes, including the END_BLOCK code */
  const D_CODES       = 30;
  /* number of distance codes */
  const BL_CODES      = 19;
  /* number of codes used to transfer the bit lengths */
  const HEAP_SIZE     = 2 * L_CODES + 1;
  /* maximum heap size */
  const MAX_BITS  = 15;
  /* All codes must not exceed MAX_BITS bits */

  const MIN_MATCH = 3;
  const MAX_MATCH = 258;
  const MIN_LOOKAHEAD = (MAX_MATCH + MIN_MATCH + 1);

  const PRESET_DICT = 0x20;

  const INIT_STATE    =  42;    /* zlib header -> BUSY_STATE */
  //#ifdef GZIP
  const GZIP_STATE    =  57;    /* gzip header -> BUSY_STATE | EXTRA_STATE */
  //#endif
  const EXTRA_STATE   =  69;    /* gzip extra block -> NAME_STATE */
  const NAME_STATE    =  73;    /* gzip file name -> COMMENT_STATE */
  const COMMENT_STATE =  91;    /* gzip comment -> HCRC_STATE */
  const HCRC_STATE    = 103;    /* gzip header CRC -> BUSY_STATE */
  const BUSY_STATE    = 113;    /* deflate -> FINISH_STATE */
  const FINISH_STATE  = 666;    /* stream complete */

  const BS_NEED_MORE      = 1; /* block not completed, need more input or more output */
  const BS_BLOCK_DONE     = 2; /* block flush performed */
  const BS_FINISH_STARTED = 3; /* finish started, need only more output at next deflate */
  const BS_FINISH_DONE    = 4; /* finish done, accept no more input or output */

  const OS_CODE = 0x03; // Unix :) . Don't detect, use this default.

  const err = (strm, errorCode) => {
    strm.msg = messages[errorCode];
    return errorCode;
  };

  const rank = (f) => {
    return ((f) * 2) - ((f) > 4 ? 9 : 0);
  };

  const zero = (buf) => {
    let len = buf.length; while (--len >= 0) { buf[len] = 0; }
  };

  /* ===========================================================================
   * Slide the hash table when sliding the window down (could be avoided with 32
   * bit values at the expense of memory usage). We slide even when level == 0 to
   * keep the hash table consistent if we switch back to level > 0 later.
   */
  const slide_hash = (s) => {
    let n, m;
    let p;
    let wsize = s.w_size;

    n = s.hash_size;
    p = n;
    do {
      m = s.head[--p];
      s.head[p] = (m >= wsize ? m - wsize : 0);
    } while (--n);
    n = wsize;
  //#ifndef FASTEST
    p = n;
    do {
      m = s.prev[--p];
      s.prev[p] = (m >= wsize ? m - wsize : 0);
      /* If n is not on any hash chain, prev[n] is garbage but
       * its value will never be used.
       */
    } while (--n);
  //#endif
  };

  /* eslint-disable new-cap */
  let HASH_ZLIB = (s, prev, data) => ((prev << s.hash_shift) ^ data) & s.hash_mask;
  // This hash causes less collisions, https://github.com/nodeca/pako/issues/135
  // But breaks binary compatibility
  //let HASH_FAST = (s, prev, data) => ((prev << 8) + (prev >> 8) + (data << 4)) & s.hash_mask;
  let HASH = HASH_ZLIB;


  /* =========================================================================
   * Flush as much pending output as possible. All deflate() output, except for
   * some deflate_stored() output, goes through this function so some
   * applications may wish to modify it to avoid allocating a large
   * strm->next_out buffer and copying into it. (See also read_buf()).
   */
  const flush_pending = (strm) => {
    const s = strm.state;

    //_tr_flush_bits(s);
    let len = s.pending;
    if (len > strm.avail_out) {
      len = strm.avail_out;
    }
    if (len === 0) { return; }

    strm.output.set(s.pending_buf.subarray(s.pending_out, s.pending_out + len), strm.next_out);
    strm.next_out  += len;
    s.pending_out  += len;
    strm.total_out += len;
    strm.avail_out -= len;
    s.pending      -= len;
    if (s.pending === 0) {
      s.pending_out = 0;
    }
  };


  const flush_block_only = (s, last) => {
    _tr_flush_block(s, (s.block_start >= 0 ? s.block_start : -1), s.strstart - s.block_start, last);
    s.block_start = s.strstart;
    flush_pending(s.strm);
  };


  const put_byte = (s, b) => {
    s.pending_buf[s.pending++] = b;
  };


  /* =========================================================================
   * Put a short in the pending buffer. The 16-bit value is put in MSB order.
   * IN assertion: the stream state is correct and there is enough room in
   * pending_buf.
   */
  const putShortMSB = (s, b) => {

    //  put_byte(s, (Byte)(b >> 8));
  //  put_byte(s, (Byte)(b & 0xff));
    s.pending_buf[s.pending++] = (b >>> 8) & 0xff;
    s.pending_buf[s.pending++] = b & 0xff;
  };


  /* ===========================================================================
   * Read a new buffer from the current input stream, update the adler32
   * and total number of bytes read.  All deflate() input goes through
   * this function so some applications may wish to modify it to avoid
   * allocating a large strm->input buffer and copying from it.
   * (See also flush_pending()).
   */
  const read_buf = (strm, buf, start, size) => {

    let len = strm.avail_in;

    if (len > size) { len = size; }
    if (len === 0) { return 0; }

    strm.avail_in -= len;

    // zmemcpy(buf, strm->next_in, len);
    buf.set(strm.input.subarray(strm.next_in, strm.next_in + len), start);
    if (strm.state.wrap === 1) {
      strm.adler = adler32_1(strm.adler, buf, len, start);
    }

    else if (strm.state.wrap === 2) {
      strm.adler = crc32_1(strm.adler, buf, len, start);
    }

    strm.next_in += len;
    strm.total_in += len;

    return len;
  };


  /* ===========================================================================
   * Set match_start to the longest match starting at the given string and
   * return its length. Matches shorter or equal to prev_length are discarded,
   * in which case the result is equal to prev_length and match_start is
   * garbage.
   * IN assertions: cur_match is the head of the hash chain for the current
   *   string (strstart) and its distance is <= MAX_DIST, and prev_length >= 1
   * OUT assertion: the match length is not greater than s->lookahead.
   */
  const longest_match = (s, cur_match) => {

    let chain_length = s.max_chain_length;      /* max hash chain length */
    let scan = s.strstart; /* current string */
    let match;                       /* matched string */
    let len;                           /* length of current match */
    let best_len = s.prev_length;              /* best match length so far */
    let nice_match = s.nice_match;             /* stop if match long enough */
    const limit = (s.strstart > (s.w_size - MIN_LOOKAHEAD)) ?
        s.strstart - (s.w_size - MIN_LOOKAHEAD) : 0/*NIL*/;

    const _win = s.window; // shortcut

    const wmask = s.w_mask;
    const prev  = s.prev;

    /* Stop when cur_match becomes <= limit. To simplify the code,
     * we prevent matches with the string of window index 0.
     */

    const strend = s.strstart + MAX_MATCH;
    let scan_end1  = _win[scan + best_len - 1];
    let scan_end   = _win[scan + best_len];

    /* The code is optimized for HASH_BITS >= 8 and MAX_MATCH-2 multiple of 16.
     * It is easy to get rid of this optimization if necessary.
     */
    // Assert(s->hash_bits >= 8 && MAX_MATCH == 258, "Code too clever");

    /* Do not waste too much time if we already have a good match: */
    if (s.prev_length >= s.good_match) {
      chain_length >>= 2;
    }
    /* Do not look for matches beyond the end of the input. This is necessary
     * to make deflate deterministic.
     */
    if (nice_match > s.lookahead) { nice_match = s.lookahead; }

    // Assert((ulg)s->strstart <= s->window_size-MIN_LOOKAHEAD, "need lookahead");

    do {
      // Assert(cur_match < s->strstart, "no future");
      match = cur_match;

      /* Skip to next match if the match length cannot increase
       * or if the match length is less than 2.  Note that the checks below
       * for insufficient lookahead only occur occasionally for performance
       * reasons.  Therefore uninitialized memory will be accessed, and
       * conditional jumps will be made that depend on those values.
       * However the length of the match is limited to the lookahead, so
       * the output of deflate is not affected by the uninitialized values.
       */

      if (_win[match + best_len]     !== scan_end  ||
          _win[match + best_len - 1] !== scan_end1 ||
          _win[match]                !== _win[scan] ||
          _win[++match]              !== _win[scan + 1]) {
        continue;
      }

      /* The check at best_len-1 can be removed because it will be made
       * again later. (This heuristic is not always a win.)
       * It is not necessary to compare scan[2] and match[2] since they
       * are always equal when the other bytes match, given that
       * the hash keys are equal and that HASH_BITS >= 8.
       */
      scan += 2;
      match++;
      // Assert(*scan == *match, "match[2]?");

      /* We check for insufficient lookahead only every 8th comparison;
       * the 256th check will be made at strstart+258.
       */
      do {
        /*jshint noempty:false*/
      } while (_win[++scan] === _win[++match] && _win[++scan] === _win[++match] &&
               _win[++scan] === _win[++match] && _win[++scan] === _win[++match] &&
               _win[++scan] === _win[++match] && _win[++scan] === _win[++match] &&
               _win[++scan] === _win[++match] && _win[++scan] === _win[++match] &&
               scan < strend);

      // Assert(scan <= s->window+(unsigned)(s->window_size-1), "wild scan");

      len = MAX_MATCH - (strend - scan);
      scan = strend - MAX_MATCH;

      if (len > best_len) {
        s.match_start = cur_match;
        best_len = len;
        if (len >= nice_match) {
          break;
        }
        scan_end1  = _win[scan + best_len - 1];
        scan_end   = _win[scan + best_len];
      }
    } while ((cur_match = prev[cur_match & wmask]) > limit && --chain_length !== 0);

    if (best_len <= s.lookahead) {
      return best_len;
    }
    return s.lookahead;
  };


  /* ===========================================================================
   * Fill the window when the lookahead becomes insufficient.
   * Updates strstart and lookahead.
   *
   * IN assertion: lookahead < MIN_LOOKAHEAD
   * OUT assertions: strstart <= window_size-MIN_LOOKAHEAD
   *    At least one byte has been read, or avail_in == 0; reads are
   *    performed for at least two bytes (required for the zip translate_eol
   *    option -- not supported here).
   */
  const fill_window = (s) => {

    const _w_size = s.w_size;
    let n, more, str;

    //Assert(s->lookahead < MIN_LOOKAHEAD, "already enough lookahead");

    do {
      more = s.window_size - s.lookahead - s.strstart;

      // JS ints have 32 bit, block below not needed
      /* Deal with !@#$% 64K limit: */
      //if (sizeof(int) <= 2) {
      //    if (more == 0 && s->strstart == 0 && s->lookahead == 0) {
      //        more = wsize;
      //
      //  } else if (more == (unsigned)(-1)) {
      //        /* Very unlikely, but possible on 16 bit machine if
      //         * strstart == 0 && lookahead == 1 (input done a byte at time)
      //         */
      //        more--;
      //    }
      //}


      /* If the window is almost full and there is insufficient lookahead,
       * move the upper half to the lower one to make room in the upper half.
       */
      if (s.strstart >= _w_size + (_w_size - MIN_LOOKAHEAD)) {

        s.window.set(s.window.subarray(_w_size, _w_size + _w_size - more), 0);
        s.match_start -= _w_size;
        s.strstart -= _w_size;
        /* we now have strstart >= MAX_DIST */
        s.block_start -= _w_size;
        if (s.insert > s.strstart) {
          s.insert = s.strstart;
        }
        slide_hash(s);
        more += _w_size;
      }
      if (s.strm.avail_in === 0) {
        break;
      }

      /* If there was no sliding:
       *    strstart <= WSIZE+MAX_DIST-1 && lookahead <= MIN_LOOKAHEAD - 1 &&
       *    more == window_size - lookahead - strstart
       * => more >= window_size - (MIN_LOOKAHEAD-1 + WSIZE + MAX_DIST-1)
       * => more >= window_size - 2*WSIZE + 2
       * In the BIG_MEM or MMAP case (not yet supported),
       *   window_size == input_size + MIN_LOOKAHEAD  &&
       *   strstart + s->lookahead <= input_size => more >= MIN_LOOKAHEAD.
       * Otherwise, window_size == 2*WSIZE so more >= 2.
       * If there was sliding, more >= WSIZE. So in all cases, more >= 2.
       */
      //Assert(more >= 2, "more < 2");
      n = read_buf(s.strm, s.window, s.strstart + s.lookahead, more);
      s.lookahead += n;

      /* Initialize the hash value now that we have some input: */
      if (s.lookahead + s.insert >= MIN_MATCH) {
        str = s.strstart - s.insert;
        s.ins_h = s.window[str];

        /* UPDATE_HASH(s, s->ins_h, s->window[str + 1]); */
        s.ins_h = HASH(s, s.ins_h, s.window[str + 1]);
  //#if MIN_MATCH != 3
  //        Call update_hash() MIN_MATCH-3 more times
  //#endif
        while (s.insert) {
          /* UPDATE_HASH(s, s->ins_h, s->window[str + MIN_MATCH-1]); */
          s.ins_h = HASH(s, s.ins_h, s.window[str + MIN_MATCH - 1]);

          s.prev[str & s.w_mask] = s.head[s.ins_h];
          s.head[s.ins_h] = str;
          str++;
          s.insert--;
          if (s.lookahead + s.insert < MIN_MATCH) {
            break;
          }
        }
      }
      /* If the whole input has less than MIN_MATCH bytes, ins_h is garbage,
       * but this is not important since only literal bytes will be emitted.
       */

    } while (s.lookahead < MIN_LOOKAHEAD && s.strm.avail_in !== 0);

    /* If the WIN_INIT bytes after the end of the current data have never been
     * written, then zero those bytes in order to avoid memory check reports of
     * the use of uninitialized (or uninitialised as Julian writes) bytes by
     * the longest match routines.  Update the high water mark for the next
     * time through here.  WIN_INIT is set to MAX_MATCH since the longest match
     * routines allow scanning to strstart + MAX_MATCH, ignoring lookahead.
     */
  //  if (s.high_water < s.window_size) {
  //    const curr = s.strstart + s.lookahead;
  //    let init = 0;
  //
  //    if (s.high_water < curr) {
  //      /* Previous high water mark below current data -- zero WIN_INIT
  //       * bytes or up to end of window, whichever is less.
  //       */
  //      init = s.window_size - curr;
  //      if (init > WIN_INIT)
  //        init = WIN_INIT;
  //      zmemzero(s->window + curr, (unsigned)init);
  //      s->high_water = curr + init;
  //    }
  //    else if (s->high_water < (ulg)curr + WIN_INIT) {
  //      /* High water mark at or above current data, but below current data
  //       * plus WIN_INIT -- zero out to current data plus WIN_INIT, or up
  //       * to end of window, whichever is less.
  //       */
  //      init = (ulg)curr + WIN_INIT - s->high_water;
  //      if (init > s->window_size - s->high_water)
  //        init = s->window_size - s->high_water;
  //      zmemzero(s->window + s->high_water, (unsigned)init);
  //      s->high_water += init;
  //    }
  //  }
  //
  //  Assert((ulg)s->strstart <= s->window_size - MIN_LOOKAHEAD,
  //    "not enough room for search");
  };

  /* ===========================================================================
   * Copy without compression as much as possible from the input stream, return
   * the current block state.
   *
   * In case deflateParams() is used to later switch to a non-zero compression
   * level, s->matches (otherwise unused when storing) keeps track of the number
   * of hash table slides to perform. If s->matches is 1, then one hash table
   * slide will be done when switching. If s->matches is 2, the maximum value
   * allowed here, then the hash table will be cleared, since two or more slides
   * is the same as a clear.
   *
   * deflate_stored() is written to minimize the number of times an input byte is
   * copied. It is most efficient with large input and output buffers, which
   * maximizes the opportunites to have a single copy from next_in to next_out.
   */
  const deflate_stored = (s, flush) => {

    /* Smallest worthy block size when not flushing or finishing. By default
     * this is 32K. This can be as small as 507 bytes for memLevel == 1. For
     * large input and output buffers, the stored block size will be larger.
     */
    let min_block = s.pending_buf_size - 5 > s.w_size ? s.w_size : s.pending_buf_size - 5;

    /* Copy as many min_block or larger stored blocks directly to next_out as
     * possible. If flushing, copy the remaining available input to next_out as
     * stored blocks, if there is enough space.
     */
    let len, left, have, last = 0;
    let used = s.strm.avail_in;
    do {
      /* Set len to the maximum size block that we can copy directly with the
       * available input data and output space. Set left to how much of that
       * would be copied from what's left in the window.
       */
      len = 65535/* MAX_STORED */;     /* maximum deflate stored block length */
      have = (s.bi_valid + 42) >> 3;     /* number of header bytes */
      if (s.strm.avail_out < have) {         /* need room for header */
        break;
      }
        /* maximum stored block length that will fit in avail_out: */
      have = s.strm.avail_out - have;
      left = s.strstart - s.block_start;  /* bytes left in window */
      if (len > left + s.strm.avail_in) {
        len = left + s.strm.avail_in;   /* limit len to the input */
      }
      if (len > have) {
        len = have;             /* limit len to the output */
      }

      /* If the stored block would be less than min_block in length, or if
       * unable to copy all of the available input when flushing, then try
       * copying to the window and the pending buffer instead. Also don't
       * write an empty block when flushing -- deflate() does that.
       */
      if (len < min_block && ((len === 0 && flush !== Z_FINISH$1) ||
                          flush === Z_NO_FLUSH$1 ||
                          len !== left + s.strm.avail_in)) {
        break;
      }

      /* Make a dummy stored block in pending to get the header bytes,
       * including any pending bits. This also updates the debugging counts.
       */
      last = flush === Z_FINISH$1 && len === left + s.strm.avail_in ? 1 : 0;
      _tr_stored_block(s, 0, 0, last);

      /* Replace the lengths in the dummy stored block with len. */
      s.pending_buf[s.pending - 4] = len;
      s.pending_buf[s.pending - 3] = len >> 8;
      s.pending_buf[s.pending - 2] = ~len;
      s.pending_buf[s.pending - 1] = ~len >> 8;

      /* Write the stored block header bytes. */
      flush_pending(s.strm);

  //#ifdef ZLIB_DEBUG
  //    /* Update debugging counts for the data about to be copied. */
  //    s->compressed_len += len << 3;
  //    s->bits_sent += len << 3;
  //#endif

      /* Copy uncompressed bytes from the window to next_out. */
      if (left) {
        if (left > len) {
          left = len;
        }
        //zmemcpy(s->strm->next_out, s->window + s->block_start, left);
        s.strm.output.set(s.window.subarray(s.block_start, s.block_start + left), s.strm.next_out);
        s.strm.next_out += left;
        s.strm.avail_out -= left;
        s.strm.total_out += left;
        s.block_start += left;
        len -= left;
      }

      /* Copy uncompressed bytes directly from next_in to next_out, updating
       * the check value.
       */
      if (len) {
        read_buf(s.strm, s.strm.output, s.strm.next_out, len);
        s.strm.next_out += len;
        s.strm.avail_out -= len;
        s.strm.total_out += len;
      }
    } while (last === 0);

    /* Update the sliding window with the last s->w_size bytes of the copied
     * data, or append all of the copied data to the existing window if less
     * than s->w_size bytes were copied. Also update the number of bytes to
     * insert in the hash tables, in the event that deflateParams() switches to
     * a non-zero compression level.
     */
    used -= s.strm.avail_in;    /* number of input bytes directly copied */
    if (used) {
      /* If any input was used, then no unused input remains in the window,
       * therefore s->block_start == s->strstart.
       */
      if (used >= s.w_size) {  /* supplant the previous history */
        s.matches = 2;     /* clear hash */
        //zmemcpy(s->window, s->strm->next_in - s->w_size, s->w_size);
        s.window.set(s.strm.input.subarray(s.strm.next_in - s.w_size, s.strm.next_in), 0);
        s.strstart = s.w_size;
        s.insert = s.strstart;
      }
      else {
        if (s.window_size - s.strstart <= used) {
          /* Slide the window down. */
          s.strstart -= s.w_size;
          //zmemcpy(s->window, s->window + s->w_size, s->strstart);
          s.window.set(s.window.subarray(s.w_size, s.w_size + s.strstart), 0);
          if (s.matches < 2) {
            s.matches++;   /* add a pending slide_hash() */
          }
          if (s.insert > s.strstart) {
            s.insert = s.strstart;
          }
        }
        //zmemcpy(s->window + s->strstart, s->strm->next_in - used, used);
        s.window.set(s.strm.input.subarray(s.strm.next_in - used, s.strm.next_in), s.strstart);
        s.strstart += used;
        s.insert += used > s.w_size - s.insert ? s.w_size - s.insert : used;
      }
      s.block_start = s.strstart;
    }
    if (s.high_water < s.strstart) {
      s.high_water = s.strstart;
    }

    /* If the last block was written to next_out, then done. */
    if (last) {
      return BS_FINISH_DONE;
    }

    /* If flushing and all input has been consumed, then done. */
    if (flush !== Z_NO_FLUSH$1 && flush !== Z_FINISH$1 &&
      s.strm.avail_in === 0 && s.strstart === s.block_start) {
      return BS_BLOCK_DONE;
    }

    /* Fill the window with any remaining input. */
    have = s.window_size - s.strstart;
    if (s.strm.avail_in > have && s.block_start >= s.w_size) {
      /* Slide the window down. */
      s.block_start -= s.w_size;
      s.strstart -= s.w_size;
      //zmemcpy(s->window, s->window + s->w_size, s->strstart);
      s.window.set(s.window.subarray(s.w_size, s.w_size + s.strstart), 0);
      if (s.matches < 2) {
        s.matches++;       /* add a pending slide_hash() */
      }
      have += s.w_size;      /* more space now */
      if (s.insert > s.strstart) {
        s.insert = s.strstart;
      }
    }
    if (have > s.strm.avail_in) {
      have = s.strm.avail_in;
    }
    if (have) {
      read_buf(s.strm, s.window, s.strstart, have);
      s.strstart += have;
      s.insert += have > s.w_size - s.insert ? s.w_size - s.insert : have;
    }
    if (s.high_water < s.strstart) {
      s.high_water = s.strstart;
    }

    /* There was not enough avail_out to write a complete worthy or flushed
     * stored block to next_out. Write a stored block to pending instead, if we
     * have enough input for a worthy block, or if flushing and there is enough
     * room for the remaining input as a stored block in the pending buffer.
     */
    have = (s.bi_valid + 42) >> 3;     /* number of header bytes */
      /* maximum stored block length that will fit in pending: */
    have = s.pending_buf_size - have > 65535/* MAX_STORED */ ? 65535/* MAX_STORED */ : s.pending_buf_size - have;
    min_block = have > s.w_size ? s.w_size : have;
    left = s.strstart - s.block_start;
    if (left >= min_block ||
       ((left || flush === Z_FINISH$1) && flush !== Z_NO_FLUSH$1 &&
       s.strm.avail_in === 0 && left <= have)) {
      len = left > have ? have : left;
      last = flush === Z_FINISH$1 && s.strm.avail_in === 0 &&
           len === left ? 1 : 0;
      _tr_stored_block(s, s.block_start, len, last);
      s.block_start += len;
      flush_pending(s.strm);
    }

    /* We've done all we can with the available input and output. */
    return last ? BS_FINISH_STARTED : BS_NEED_MORE;
  };


  /* ===========================================================================
   * Compress as much as possible from the input stream, return the current
   * block state.
   * This function does not perform lazy evaluation of matches and inserts
   * new strings in the dictionary only for unmatched strings or for short
   * matches. It is used only for the fast compression options.
   */
  const deflate_fast = (s, flush) => {

    let hash_head;        /* head of the hash chain */
    let bflush;           /* set if current block must be flushed */

    for (;;) {
      /* Make sure that we always have enough lookahead, except
       * at the end of the input file. We need MAX_MATCH bytes
       * for the next match, plus MIN_MATCH bytes to insert the
       * string following the next match.
       */
      if (s.lookahead < MIN_LOOKAHEAD) {
        fill_window(s);
        if (s.lookahead < MIN_LOOKAHEAD && flush === Z_NO_FLUSH$1) {
          return BS_NEED_MORE;
        }
        if (s.lookahead === 0) {
          break; /* flush the current block */
        }
      }

      /* Insert the string window[strstart .. strstart+2] in the
       * dictionary, and set hash_head to the head of the hash chain:
       */
      hash_head = 0/*NIL*/;
      if (s.lookahead >= MIN_MATCH) {
        /*** INSERT_STRING(s, s.strstart, hash_head); ***/
        s.ins_h = HASH(s, s.ins_h, s.window[s.strstart + MIN_MATCH - 1]);
        hash_head = s.prev[s.strstart & s.w_mask] = s.head[s.ins_h];
        s.head[s.ins_h] = s.strstart;
        /***/
      }

      /* Find the longest match, discarding those <= prev_length.
       * At this point we have always match_length < MIN_MATCH
       */
      if (hash_head !== 0/*NIL*/ && ((s.strstart - hash_head) <= (s.w_size - MIN_LOOKAHEAD))) {
        /* To simplify the code, we prevent matches with the string
         * of window index 0 (in particular we have to avoid a match
         * of the string with itself at the start of the input file).
         */
        s.match_length = longest_match(s, hash_head);
        /* longest_match() sets match_start */
      }
      if (s.match_length >= MIN_MATCH) {
        // check_match(s, s.strstart, s.match_start, s.match_length); // for debug only

        /*** _tr_tally_dist(s, s.strstart - s.match_start,
                       s.match_length - MIN_MATCH, bflush); ***/
        bflush = _tr_tally(s, s.strstart - s.match_start, s.match_length - MIN_MATCH);

        s.lookahead -= s.match_length;

        /* Insert new strings in the hash table only if the match length
         * is not too large. This saves time but degrades compression.
         */
        if (s.match_length <= s.max_lazy_match/*max_insert_length*/ && s.lookahead >= MIN_MATCH) {
          s.match_length--; /* string at strstart already in table */
          do {
            s.strstart++;
            /*** INSERT_STRING(s, s.strstart, hash_head); ***/
            s.ins_h = HASH(s, s.ins_h, s.window[s.strstart + MIN_MATCH - 1]);
            hash_head = s.prev[s.strstart & s.w_mask] = s.head[s.ins_h];
            s.head[s.ins_h] = s.strstart;
            /***/
            /* strstart never exceeds WSIZE-MAX_MATCH, so there are
             * always MIN_MATCH bytes ahead.
             */
          } while (--s.match_length !== 0);
          s.strstart++;
        } else
        {
          s.strstart += s.match_length;
          s.match_length = 0;
          s.ins_h = s.window[s.strstart];
          /* UPDATE_HASH(s, s.ins_h, s.window[s.strstart+1]); */
          s.ins_h = HASH(s, s.ins_h, s.window[s.strstart + 1]);

  //#if MIN_MATCH != 3
  //                Call UPDATE_HASH() MIN_MATCH-3 more times
  //#endif
          /* If lookahead < MIN_MATCH, ins_h is garbage, but it does not
           * matter since it will be recomputed at next deflate call.
           */
        }
      } else {
        /* No match, output a literal byte */
        //Tracevv((stderr,"%c", s.window[s.strstart]));
        /*** _tr_tally_lit(s, s.window[s.strstart], bflush); ***/
        bflush = _tr_tally(s, 0, s.window[s.strstart]);

        s.lookahead--;
        s.strstart++;
      }
      if (bflush) {
        /*** FLUSH_BLOCK(s, 0); ***/
        flush_block_only(s, false);
        if (s.strm.avail_out === 0) {
          return BS_NEED_MORE;
        }
        /***/
      }
    }
    s.insert = ((s.strstart < (MIN_MATCH - 1)) ? s.strstart : MIN_MATCH - 1);
    if (flush === Z_FINISH$1) {
      /*** FLUSH_BLOCK(s, 1); ***/
      flush_block_only(s, true);
      if (s.strm.avail_out === 0) {
        return BS_FINISH_STARTED;
      }
      /***/
      return BS_FINISH_DONE;
    }
    if (s.sym_next) {
      /*** FLUSH_BLOCK(s, 0); ***/
      flush_block_only(s, false);
      if (s.strm.avail_out === 0) {
        return BS_NEED_MORE;
      }
      /***/
    }
    return BS_BLOCK_DONE;
  };

  /* ===========================================================================
   * Same as above, but achieves better compression. We use a lazy
   * evaluation for matches: a match is finally adopted only if there is
   * no better match at the next window position.
   */
  const deflate_slow = (s, flush) => {

    let hash_head;          /* head of hash chain */
    let bflush;              /* set if current block must be flushed */

    let max_insert;

    /* Process the input block. */
    for (;;) {
      /* Make sure that we always have enough lookahead, except
       * at the end of the input file. We need MAX_MATCH bytes
       * for the next match, plus MIN_MATCH bytes to insert the
       * string following the next match.
       */
      if (s.lookahead < MIN_LOOKAHEAD) {
        fill_window(s);
        if (s.lookahead < MIN_LOOKAHEAD && flush === Z_NO_FLUSH$1) {
          return BS_NEED_MORE;
        }
        if (s.lookahead === 0) { break; } /* flush the current block */
      }

      /* Insert the string window[strstart .. strstart+2] in the
       * dictionary, and set hash_head to the head of the hash chain:
       */
      hash_head = 0/*NIL*/;
      if (s.lookahead >= MIN_MATCH) {
        /*** INSERT_STRING(s, s.strstart, hash_head); ***/
        s.ins_h = HASH(s, s.ins_h, s.window[s.strstart + MIN_MATCH - 1]);
        hash_head = s.prev[s.strstart & s.w_mask] = s.head[s.ins_h];
        s.head[s.ins_h] = s.strstart;
        /***/
      }

      /* Find the longest match, discarding those <= prev_length.
       */
      s.prev_length = s.match_length;
      s.prev_match = s.match_start;
      s.match_length = MIN_MATCH - 1;

      if (hash_head !== 0/*NIL*/ && s.prev_length < s.max_lazy_match &&
          s.strstart - hash_head <= (s.w_size - MIN_LOOKAHEAD)/*MAX_DIST(s)*/) {
        /* To simplify the code, we prevent matches with the string
         * of window index 0 (in particular we have to avoid a match
         * of the string with itself at the start of the input file).
         */
        s.match_length = longest_match(s, hash_head);
        /* longest_match() sets match_start */

        if (s.match_length <= 5 &&
           (s.strategy === Z_FILTERED || (s.match_length === MIN_MATCH && s.strstart - s.match_start > 4096/*TOO_FAR*/))) {

          /* If prev_match is also MIN_MATCH, match_start is garbage
           * but we will ignore the current match anyway.
           */
          s.match_length = MIN_MATCH - 1;
        }
      }
      /* If there was a match at the previous step and the current
       * match is not better, output the previous match:
       */
      if (s.prev_length >= MIN_MATCH && s.match_length <= s.prev_length) {
        max_insert = s.strstart + s.lookahead - MIN_MATCH;
        /* Do not insert strings in hash table beyond this. */

        //check_match(s, s.strstart-1, s.prev_match, s.prev_length);

        /***_tr_tally_dist(s, s.strstart - 1 - s.prev_match,
                       s.prev_length - MIN_MATCH, bflush);***/
        bflush = _tr_tally(s, s.strstart - 1 - s.prev_match, s.prev_length - MIN_MATCH);
        /* Insert in hash table all strings up to the end of the match.
         * strstart-1 and strstart are already inserted. If there is not
         * enough lookahead, the last two strings are not inserted in
         * the hash table.
         */
        s.lookahead -= s.prev_length - 1;
        s.prev_length -= 2;
        do {
          if (++s.strstart <= max_insert) {
            /*** INSERT_STRING(s, s.strstart, hash_head); ***/
            s.ins_h = HASH(s, s.ins_h, s.window[s.strstart + MIN_MATCH - 1]);
            hash_head = s.prev[s.strstart & s.w_mask] = s.head[s.ins_h];
            s.head[s.ins_h] = s.strstart;
            /***/
          }
        } while (--s.prev_length !== 0);
        s.match_available = 0;
        s.match_length = MIN_MATCH - 1;
        s.strstart++;

        if (bflush) {
          /*** FLUSH_BLOCK(s, 0); ***/
          flush_block_only(s, false);
          if (s.strm.avail_out === 0) {
            return BS_NEED_MORE;
          }
          /***/
        }

      } else if (s.match_available) {
        /* If there was no match at the previous position, output a
         * single literal. If there was a match but the current match
         * is longer, truncate the previous match to a single literal.
         */
        //Tracevv((stderr,"%c", s->window[s->strstart-1]));
        /*** _tr_tally_lit(s, s.window[s.strstart-1], bflush); ***/
        bflush = _tr_tally(s, 0, s.window[s.strstart - 1]);

        if (bflush) {
          /*** FLUSH_BLOCK_ONLY(s, 0) ***/
          flush_block_only(s, false);
          /***/
        }
        s.strstart++;
        s.lookahead--;
        if (s.strm.avail_out === 0) {
          return BS_NEED_MORE;
        }
      } else {
        /* There is no previous match to compare with, wait for
         * the next step to decide.
         */
        s.match_available = 1;
        s.strstart++;
        s.lookahead--;
      }
    }
    //Assert (flush != Z_NO_FLUSH, "no flush?");
    if (s.match_available) {
      //Tracevv((stderr,"%c", s->window[s->strstart-1]));
      /*** _tr_tally_lit(s, s.window[s.strstart-1], bflush); ***/
      bflush = _tr_tally(s, 0, s.window[s.strstart - 1]);

      s.match_available = 0;
    }
    s.insert = s.strstart < MIN_MATCH - 1 ? s.strstart : MIN_MATCH - 1;
    if (flush === Z_FINISH$1) {
      /*** FLUSH_BLOCK(s, 1); ***/
      flush_block_only(s, true);
      if (s.strm.avail_out === 0) {
        return BS_FINISH_STARTED;
      }
      /***/
      return BS_FINISH_DONE;
    }
    if (s.sym_next) {
      /*** FLUSH_BLOCK(s, 0); ***/
      flush_block_only(s, false);
      if (s.strm.avail_out === 0) {
        return BS_NEED_MORE;
      }
      /***/
    }

    return BS_BLOCK_DONE;
  };


  /* ===========================================================================
   * For Z_RLE, simply look for runs of bytes, generate matches only of distance
   * one.  Do not maintain a hash table.  (It will be regenerated if this run of
   * deflate switches away from Z_RLE.)
   */
  const deflate_rle = (s, flush) => {

    let bflush;            /* set if current block must be flushed */
    let prev;              /* byte at distance one to match */
    let scan, strend;      /* scan goes up to strend for length of run */

    const _win = s.window;

    for (;;) {
      /* Make sure that we always have enough lookahead, except
       * at the end of the input file. We need MAX_MATCH bytes
       * for the longest run, plus one for the unrolled loop.
       */
      if (s.lookahead <= MAX_MATCH) {
        fill_window(s);
        if (s.lookahead <= MAX_MATCH && flush === Z_NO_FLUSH$1) {
          return BS_NEED_MORE;
        }
        if (s.lookahead === 0) { break; } /* flush the current block */
      }

      /* See how many times the previous byte repeats */
      s.match_length = 0;
      if (s.lookahead >= MIN_MATCH && s.strstart > 0) {
        scan = s.strstart - 1;
        prev = _win[scan];
        if (prev === _win[++scan] && prev === _win[++scan] && prev === _win[++scan]) {
          strend = s.strstart + MAX_MATCH;
          do {
            /*jshint noempty:false*/
          } while (prev === _win[++scan] && prev === _win[++scan] &&
                   prev === _win[++scan] && prev === _win[++scan] &&
                   prev === _win[++scan] && prev === _win[++scan] &&
                   prev === _win[++scan] && prev === _win[++scan] &&
                   scan < strend);
          s.match_length = MAX_MATCH - (strend - scan);
          if (s.match_length > s.lookahead) {
            s.match_length = s.lookahead;
          }
        }
        //Assert(scan <= s->window+(uInt)(s->window_size-1), "wild scan");
      }

      /* Emit match if have run of MIN_MATCH or longer, else emit literal */
      if (s.match_length >= MIN_MATCH) {
        //check_match(s, s.strstart, s.strstart - 1, s.match_length);

        /*** _tr_tally_dist(s, 1, s.match_length - MIN_MATCH, bflush); ***/
        bflush = _tr_tally(s, 1, s.match_length - MIN_MATCH);

        s.lookahead -= s.match_length;
        s.strstart += s.match_length;
        s.match_length = 0;
      } else {
        /* No match, output a literal byte */
        //Tracevv((stderr,"%c", s->window[s->strstart]));
        /*** _tr_tally_lit(s, s.window[s.strstart], bflush); ***/
        bflush = _tr_tally(s, 0, s.window[s.strstart]);

        s.lookahead--;
        s.strstart++;
      }
      if (bflush) {
        /*** FLUSH_BLOCK(s, 0); ***/
        flush_block_only(s, false);
        if (s.strm.avail_out === 0) {
          return BS_NEED_MORE;
        }
        /***/
      }
    }
    s.insert = 0;
    if (flush === Z_FINISH$1) {
      /*** FLUSH_BLOCK(s, 1); ***/
      flush_block_only(s, true);
      if (s.strm.avail_out === 0) {
        return BS_FINISH_STARTED;
      }
      /***/
      return BS_FINISH_DONE;
    }
    if (s.sym_next) {
      /*** FLUSH_BLOCK(s, 0); ***/
      flush_block_only(s, false);
      if (s.strm.avail_out === 0) {
        return BS_NEED_MORE;
      }
      /***/
    }
    return BS_BLOCK_DONE;
  };

  /* ===========================================================================
   * For Z_HUFFMAN_ONLY, do not look for matches.  Do not maintain a hash table.
   * (It will be regenerated if this run of deflate switches away from Huffman.)
   */
  const deflate_huff = (s, flush) => {

    let bflush;             /* set if current block must be flushed */

    for (;;) {
      /* Make sure that we have a literal to write. */
      if (s.lookahead === 0) {
        fill_window(s);
        if (s.lookahead === 0) {
          if (flush === Z_NO_FLUSH$1) {
            return BS_NEED_MORE;
          }
          break;      /* flush the current block */
        }
      }

      /* Output a literal byte */
      s.match_length = 0;
      //Tracevv((stderr,"%c", s->window[s->strstart]));
      /*** _tr_tally_lit(s, s.window[s.strstart], bflush); ***/
      bflush = _tr_tally(s, 0, s.window[s.strstart]);
      s.lookahead--;
      s.strstart++;
      if (bflush) {
        /*** FLUSH_BLOCK(s, 0); ***/
        flush_block_only(s, false);
        if (s.strm.avail_out === 0) {
          return BS_NEED_MORE;
        }
        /***/
      }
    }
    s.insert = 0;
    if (flush === Z_FINISH$1) {
      /*** FLUSH_BLOCK(s, 1); ***/
      flush_block_only(s, true);
      if (s.strm.avail_out === 0) {
        return BS_FINISH_STARTED;
      }
      /***/
      return BS_FINISH_DONE;
    }
    if (s.sym_next) {
      /*** FLUSH_BLOCK(s, 0); ***/
      flush_block_only(s, false);
      if (s.strm.avail_out === 0) {
        return BS_NEED_MORE;
      }
      /***/
    }
    return BS_BLOCK_DONE;
  };

  /* Values for max_lazy_match, good_match and max_chain_length, depending on
   * the desired pack level (0..9). The values given below have been tuned to
   * exclude worst case performance for pathological files. Better values may be
   * found for specific files.
   */
  function Config(good_length, max_lazy, nice_length, max_chain, func) {

    this.good_length = good_length;
    this.max_lazy = max_lazy;
    this.nice_length = nice_length;
    this.max_chain = max_chain;
    this.func = func;
  }

  const configuration_table = [
    /*      good lazy nice chain */
    new Config(0, 0, 0, 0, deflate_stored),          /* 0 store only */
    new Config(4, 4, 8, 4, deflate_fast),            /* 1 max speed, no lazy matches */
    new Config(4, 5, 16, 8, deflate_fast),           /* 2 */
    new Config(4, 6, 32, 32, deflate_fast),          /* 3 */

    new Config(4, 4, 16, 16, deflate_slow),          /* 4 lazy matches */
    new Config(8, 16, 32, 32, deflate_slow),         /* 5 */
    new Config(8, 16, 128, 128, deflate_slow),       /* 6 */
    new Config(8, 32, 128, 256, deflate_slow),       /* 7 */
    new Config(32, 128, 258, 1024, deflate_slow),    /* 8 */
    new Config(32, 258, 258, 4096, deflate_slow)     /* 9 max compression */
  ];


  /* ===========================================================================
   * Initialize the "longest match" routines for a new zlib stream
   */
  const lm_init = (s) => {

    s.window_size = 2 * s.w_size;

    /*** CLEAR_HASH(s); ***/
    zero(s.head); // Fill with NIL (= 0);

    /* Set the default configuration parameters:
     */
    s.max_lazy_match = configuration_table[s.level].max_lazy;
    s.good_match = configuration_table[s.level].good_length;
    s.nice_match = configuration_table[s.level].nice_length;
    s.max_chain_length = configuration_table[s.level].max_chain;

    s.strstart = 0;
    s.block_start = 0;
    s.lookahead = 0;
    s.insert = 0;
    s.match_length = s.prev_length = MIN_MATCH - 1;
    s.match_available = 0;
    s.ins_h = 0;
  };


  function DeflateState() {
    this.strm = null;            /* pointer back to this zlib stream */
    this.status = 0;            /* as the name implies */
    this.pending_buf = null;      /* output still pending */
    this.pending_buf_size = 0;  /* size of pending_buf */
    this.pending_out = 0;       /* next pending byte to output to the stream */
    this.pending = 0;           /* nb of bytes in the pending buffer */
    this.wrap = 0;              /* bit 0 true for zlib, bit 1 true for gzip */
    this.gzhead = null;         /* gzip header information to write */
    this.gzindex = 0;           /* where in extra, name, or comment */
    this.method = Z_DEFLATED$1; /* can only be DEFLATED */
    this.last_flush = -1;   /* value of flush param for previous deflate call */

    this.w_size = 0;  /* LZ77 window size (32K by default) */
    this.w_bits = 0;  /* log2(w_size)  (8..16) */
    this.w_mask = 0;  /* w_size - 1 */

    this.window = null;
    /* Sliding window. Input bytes are read into the second half of the window,
     * and move to the first half later to keep a dictionary of at least wSize
     * bytes. With this organization, matches are limited to a distance of
     * wSize-MAX_MATCH bytes, but this ensures that IO is always
     * performed with a length multiple of the block size.
     */

    this.window_size = 0;
    /* Actual size of window: 2*wSize, except when the user input buffer
     * is directly used as sliding window.
     */

    this.prev = null;
    /* Link to older string with same hash index. To limit the size of this
     * array to 64K, this link is maintained only for the last 32K strings.
     * An index in this array is thus a window index modulo 32K.
     */

    this.head = null;   /* Heads of the hash chains or NIL. */

    this.ins_h = 0;       /* hash index of string to be inserted */
    this.hash_size = 0;   /* number of elements in hash table */
    this.hash_bits = 0;   /* log2(hash_size) */
    this.hash_mask = 0;   /* hash_size-1 */

    this.hash_shift = 0;
    /* Number of bits by which ins_h must be shifted at each input
     * step. It must be such that after MIN_MATCH steps, the oldest
     * byte no longer takes part in the hash key, that is:
     *   hash_shift * MIN_MATCH >= hash_bits
     */

    this.block_start = 0;
    /* Window position at the beginning of the current output block. Gets
     * negative when the window is moved backwards.
     */

    this.match_length = 0;      /* length of best match */
    this.prev_match = 0;        /* previous match */
    this.match_available = 0;   /* set if previous match exists */
    this.strstart = 0;          /* start of string to insert */
    this.match_start = 0;       /* start of matching string */
    this.lookahead = 0;         /* number of valid bytes ahead in window */

    this.prev_length = 0;
    /* Length of the best match at previous step. Matches not greater than this
     * are discarded. This is used in the lazy match evaluation.
     */

    this.max_chain_length = 0;
    /* To speed up deflation, hash chains are never searched beyond this
     * length.  A higher limit improves compression ratio but degrades the
     * speed.
     */

    this.max_lazy_match = 0;
    /* Attempt to find a better match only when the current match is strictly
     * smaller than this value. This mechanism is used only for compression
     * levels >= 4.
     */
    // That's alias to max_lazy_match, don't use directly
    //this.max_insert_length = 0;
    /* Insert new strings in the hash table only if the match length is not
     * greater than this length. This saves time but degrades compression.
     * max_insert_length is used only for compression levels <= 3.
     */

    this.level = 0;     /* compression level (1..9) */
    this.strategy = 0;  /* favor or force Huffman coding*/

    this.good_match = 0;
    /* Use a faster search when the previous match is longer than this */

    this.nice_match = 0; /* Stop searching when current match exceeds this */

                /* used by trees.c: */

    /* Didn't use ct_data typedef below to suppress compiler warning */

    // struct ct_data_s dyn_ltree[HEAP_SIZE];   /* literal and length tree */
    // struct ct_data_s dyn_dtree[2*D_CODES+1]; /* distance tree */
    // struct ct_data_s bl_tree[2*BL_CODES+1];  /* Huffman tree for bit lengths */

    // Use flat array of DOUBLE size, with interleaved fata,
    // because JS does not support effective
    this.dyn_ltree  = new Uint16Array(HEAP_SIZE * 2);
    this.dyn_dtree  = new Uint16Array((2 * D_CODES + 1) * 2);
    this.bl_tree    = new Uint16Array((2 * BL_CODES + 1) * 2);
    zero(this.dyn_ltree);
    zero(this.dyn_dtree);
    zero(this.bl_tree);

    this.l_desc   = null;         /* desc. for literal tree */
    this.d_desc   = null;         /* desc. for distance tree */
    this.bl_desc  = null;         /* desc. for bit length tree */

    //ush bl_count[MAX_BITS+1];
    this.bl_count = new Uint16Array(MAX_BITS + 1);
    /* number of codes at each bit length for an optimal tree */

    //int heap[2*L_CODES+1];      /* heap used to build the Huffman trees */
    this.heap = new Uint16Array(2 * L_CODES + 1);  /* heap used to build the Huffman trees */
    zero(this.heap);

    this.heap_len = 0;               /* number of elements in the heap */
    this.heap_max = 0;               /* element of largest frequency */
    /* The sons of heap[n] are heap[2*n] and heap[2*n+1]. heap[0] is not used.
     * The same heap array is used to build all trees.
     */

    this.depth = new Uint16Array(2 * L_CODES + 1); //uch depth[2*L_CODES+1];
    zero(this.depth);
    /* Depth of each subtree used as tie breaker for trees of equal frequency
     */

    this.sym_buf = 0;        /* buffer for distances and literals/lengths */

    this.lit_bufsize = 0;
    /* Size of match buffer for literals/lengths.  There are 4 reasons for
     * limiting lit_bufsize to 64K:
     *   - frequencies can be kept in 16 bit counters
     *   - if compression is not successful for the first block, all input
     *     data is still in the window so we can still emit a stored block even
     *     when input comes from standard input.  (This can also be done for
     *     all blocks if lit_bufsize is not greater than 32K.)
     *   - if compression is not successful for a file smaller than 64K, we can
     *     even emit a stored file instead of a stored block (saving 5 bytes).
     *     This is applicable only for zip (not gzip or zlib).
     *   - creating new Huffman trees less frequently may not provide fast
     *     adaptation to changes in the input data statistics. (Take for
     *     example a binary file with poorly compressible code followed by
     *     a highly compressible string table.) Smaller buffer sizes give
     *     fast adaptation but have of course the overhead of transmitting
     *     trees more frequently.
     *   - I can't count above 4
     */

    this.sym_next = 0;      /* running index in sym_buf */
    this.sym_end = 0;       /* symbol table full when sym_next reaches this */

    this.opt_len = 0;       /* bit length of current block with optimal trees */
    this.static_len = 0;    /* bit length of current block with static trees */
    this.matches = 0;       /* number of string matches in current block */
    this.insert = 0;        /* bytes at end of window left to insert */


    this.bi_buf = 0;
    /* Output buffer. bits are inserted starting at the bottom (least
     * significant bits).
     */
    this.bi_valid = 0;
    /* Number of valid bits in bi_buf.  All bits above the last valid bit
     * are always zero.
     */

    // Used for window memory init. We safely ignore it for JS. That makes
    // sense only for pointers and memory check tools.
    //this.high_water = 0;
    /* High water mark offset in window for initialized bytes -- bytes above
     * this are set to zero in order to avoid memory check warnings when
     * longest match routines access bytes past the input.  This is then
     * updated to the new high water mark.
     */
  }


  /* =========================================================================
   * Check for a valid deflate stream state. Return 0 if ok, 1 if not.
   */
  const deflateStateCheck = (strm) => {

    if (!strm) {
      return 1;
    }
    const s = strm.state;
    if (!s || s.strm !== strm || (s.status !== INIT_STATE &&
  //#ifdef GZIP
                                  s.status !== GZIP_STATE &&
  //#endif
                                  s.status !== EXTRA_STATE &&
                                  s.status !== NAME_STATE &&
                                  s.status !== COMMENT_STATE &&
                                  s.status !== HCRC_STATE &&
                                  s.status !== BUSY_STATE &&
                                  s.status !== FINISH_STATE)) {
      return 1;
    }
    return 0;
  };


  const deflateResetKeep = (strm) => {

    if (deflateStateCheck(strm)) {
      return err(strm, Z_STREAM_ERROR);
    }

    strm.total_in = strm.total_out = 0;
    strm.data_type = Z_UNKNOWN;

    const s = strm.state;
    s.pending = 0;
    s.pending_out = 0;

    if (s.wrap < 0) {
      s.wrap = -s.wrap;
      /* was made negative by deflate(..., Z_FINISH); */
    }
    s.status =
  //#ifdef GZIP
      s.wrap === 2 ? GZIP_STATE :
  //#endif
      s.wrap ? INIT_STATE : BUSY_STATE;
    strm.adler = (s.wrap === 2) ?
      0  // crc32(0, Z_NULL, 0)
    :
      1; // adler32(0, Z_NULL, 0)
    s.last_flush = -2;
    _tr_init(s);
    return Z_OK$1;
  };


  const deflateReset = (strm) => {

    const ret = deflateResetKeep(strm);
    if (ret === Z_OK$1) {
      lm_init(strm.state);
    }
    return ret;
  };


  const deflateSetHeader = (strm, head) => {

    if (deflateStateCheck(strm) || strm.state.wrap !== 2) {
      return Z_STREAM_ERROR;
    }
    strm.state.gzhead = head;
    return Z_OK$1;
  };


  const deflateInit2 = (strm, level, method, windowBits, memLevel, strategy) => {

    if (!strm) { // === Z_NULL
      return Z_STREAM_ERROR;
    }
    let wrap = 1;

    if (level === Z_DEFAULT_COMPRESSION$1) {
      level = 6;
    }

    if (windowBits < 0) { /* suppress zlib wrapper */
      wrap = 0;
      windowBits = -windowBits;
    }

    else if (windowBits > 15) {
      wrap = 2;           /* write gzip wrapper instead */
      windowBits -= 16;
    }


    if (memLevel < 1 || memLevel > MAX_MEM_LEVEL || method !== Z_DEFLATED$1 ||
      windowBits < 8 || windowBits > 15 || level < 0 || level > 9 ||
      strategy < 0 || strategy > Z_FIXED || (windowBits === 8 && wrap !== 1)) {
      return err(strm, Z_STREAM_ERROR);
    }


    if (windowBits === 8) {
      windowBits = 9;
    }
    /* until 256-byte window bug fixed */

    const s = new DeflateState();

    strm.state = s;
    s.strm = strm;
    s.status = INIT_STATE;     /* to pass state test in deflateReset() */

    s.wrap = wrap;
    s.gzhead = null;
    s.w_bits = windowBits;
    s.w_size = 1 << s.w_bits;
    s.w_mask = s.w_size - 1;

    s.hash_bits = memLevel + 7;
    s.hash_size = 1 << s.hash_bits;
    s.hash_mask = s.hash_size - 1;
    s.hash_shift = ~~((s.hash_bits + MIN_MATCH - 1) / MIN_MATCH);

    s.window = new Uint8Array(s.w_size * 2);
    s.head = new Uint16Array(s.hash_size);
    s.prev = new Uint16Array(s.w_size);

    // Don't need mem init magic for JS.
    //s.high_water = 0;  /* nothing written to s->window yet */

    s.lit_bufsize = 1 << (memLevel + 6); /* 16K elements by default */

    /* We overlay pending_buf and sym_buf. This works since the average size
     * for length/distance pairs over any compressed block is assured to be 31
     * bits or less.
     *
     * Analysis: The longest fixed codes are a length code of 8 bits plus 5
     * extra bits, for lengths 131 to 257. The longest fixed distance codes are
     * 5 bits plus 13 extra bits, for distances 16385 to 32768. The longest
     * possible fixed-codes length/distance pair is then 31 bits total.
     *
     * sym_buf starts one-fourth of the way into pending_buf. So there are
     * three bytes in sym_buf for every four bytes in pending_buf. Each symbol
     * in sym_buf is three bytes -- two for the distance and one for the
     * literal/length. As each symbol is consumed, the pointer to the next
     * sym_buf value to read moves forward three bytes. From that symbol, up to
     * 31 bits are written to pending_buf. The closest the written pending_buf
     * bits gets to the next sym_buf symbol to read is just before the last
     * code is written. At that time, 31*(n-2) bits have been written, just
     * after 24*(n-2) bits have been consumed from sym_buf. sym_buf starts at
     * 8*n bits into pending_buf. (Note that the symbol buffer fills when n-1
     * symbols are written.) The closest the writing gets to what is unread is
     * then n+14 bits. Here n is lit_bufsize, which is 16384 by default, and
     * can range from 128 to 32768.
     *
     * Therefore, at a minimum, there are 142 bits of space between what is
     * written and what is read in the overlain buffers, so the symbols cannot
     * be overwritten by the compressed data. That space is actually 139 bits,
     * due to the three-bit fixed-code block header.
     *
     * That covers the case where either Z_FIXED is specified, forcing fixed
     * codes, or when the use of fixed codes is chosen, because that choice
     * results in a smaller compressed block than dynamic codes. That latter
     * condition then assures that the above analysis also covers all dynamic
     * blocks. A dynamic-code block will only be chosen to be emitted if it has
     * fewer bits than a fixed-code block would for the same set of symbols.
     * Therefore its average symbol length is assured to be less than 31. So
     * the compressed data for a dynamic block also cannot overwrite the
     * symbols from which it is being constructed.
     */

    s.pending_buf_size = s.lit_bufsize * 4;
    s.pending_buf = new Uint8Array(s.pending_buf_size);

    // It is offset from \`s.pending_buf\` (size is \`s.lit_bufsize * 2\`)
    //s->sym_buf = s->pending_buf + s->lit_bufsize;
    s.sym_buf = s.lit_bufsize;

    //s->sym_end = (s->lit_bufsize - 1) * 3;
    s.sym_end = (s.lit_bufsize - 1) * 3;
    /* We avoid equality with lit_bufsize*3 because of wraparound at 64K
     * on 16 bit machines and because stored blocks are restricted to
     * 64K-1 bytes.
     */

    s.level = level;
    s.strategy = strategy;
    s.method = method;

    return deflateReset(strm);
  };

  const deflateInit = (strm, level) => {

    return deflateInit2(strm, level, Z_DEFLATED$1, MAX_WBITS, DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY$1);
  };


  /* ========================================================================= */
  const deflate$1 = (strm, flush) => {

    if (deflateStateCheck(strm) || flush > Z_BLOCK || flush < 0) {
      return strm ? err(strm, Z_STREAM_ERROR) : Z_STREAM_ERROR;
    }

    const s = strm.state;

    if (!strm.output ||
        (strm.avail_in !== 0 && !strm.input) ||
        (s.status === FINISH_STATE && flush !== Z_FINISH$1)) {
      return err(strm, (strm.avail_out === 0) ? Z_BUF_ERROR : Z_STREAM_ERROR);
    }

    const old_flush = s.last_flush;
    s.last_flush = flush;

    /* Flush as much pending output as possible */
    if (s.pending !== 0) {
      flush_pending(strm);
      if (strm.avail_out === 0) {
        /* Since avail_out is 0, deflate will be called again with
         * more output space, but possibly with both pending and
         * avail_in equal to zero. There won't be anything to do,
         * but this is not an error situation so make sure we
         * return OK instead of BUF_ERROR at next call of deflate:
         */
        s.last_flush = -1;
        return Z_OK$1;
      }

      /* Make sure there is something to do and avoid duplicate consecutive
       * flushes. For repeated and useless calls with Z_FINISH, we keep
       * returning Z_STREAM_END instead of Z_BUF_ERROR.
       */
    } else if (strm.avail_in === 0 && rank(flush) <= rank(old_flush) &&
      flush !== Z_FINISH$1) {
      return err(strm, Z_BUF_ERROR);
    }

    /* User must not provide more input after the first FINISH: */
    if (s.status === FINISH_STATE && strm.avail_in !== 0) {
      return err(strm, Z_BUF_ERROR);
    }

    /* Write the header */
    if (s.status === INIT_STATE && s.wrap === 0) {
      s.status = BUSY_STATE;
    }
    if (s.status === INIT_STATE) {
      /* zlib header */
      let header = (Z_DEFLATED$1 + ((s.w_bits - 8) << 4)) << 8;
      let level_flags = -1;

      if (s.strategy >= Z_HUFFMAN_ONLY || s.level < 2) {
        level_flags = 0;
      } else if (s.level < 6) {
        level_flags = 1;
      } else if (s.level === 6) {
        level_flags = 2;
      } else {
        level_flags = 3;
      }
      header |= (level_flags << 6);
      if (s.strstart !== 0) { header |= PRESET_DICT; }
      header += 31 - (header % 31);

      putShortMSB(s, header);

      /* Save the adler32 of the preset dictionary: */
      if (s.strstart !== 0) {
        putShortMSB(s, strm.adler >>> 16);
        putShortMSB(s, strm.adler & 0xffff);
      }
      strm.adler = 1; // adler32(0L, Z_NULL, 0);
      s.status = BUSY_STATE;

      /* Compression must start with an empty pending buffer */
      flush_pending(strm);
      if (s.pending !== 0) {
        s.last_flush = -1;
        return Z_OK$1;
      }
    }
  //#ifdef GZIP
    if (s.status === GZIP_STATE) {
      /* gzip header */
      strm.adler = 0;  //crc32(0L, Z_NULL, 0);
      put_byte(s, 31);
      put_byte(s, 139);
      put_byte(s, 8);
      if (!s.gzhead) { // s->gzhead == Z_NULL
        put_byte(s, 0);
        put_byte(s, 0);
        put_byte(s, 0);
        put_byte(s, 0);
        put_byte(s, 0);
        put_byte(s, s.level === 9 ? 2 :
                    (s.strategy >= Z_HUFFMAN_ONLY || s.level < 2 ?
                     4 : 0));
        put_byte(s, OS_CODE);
        s.status = BUSY_STATE;

        /* Compression must start with an empty pending buffer */
        flush_pending(strm);
        if (s.pending !== 0) {
          s.last_flush = -1;
          return Z_OK$1;
        }
      }
      else {
        put_byte(s, (s.gzhead.text ? 1 : 0) +
                    (s.gzhead.hcrc ? 2 : 0) +
                    (!s.gzhead.extra ? 0 : 4) +
                    (!s.gzhead.name ? 0 : 8) +
                    (!s.gzhead.comment ? 0 : 16)
        );
        put_byte(s, s.gzhead.time & 0xff);
        put_byte(s, (s.gzhead.time >> 8) & 0xff);
        put_byte(s, (s.gzhead.time >> 16) & 0xff);
        put_byte(s, (s.gzhead.time >> 24) & 0xff);
        put_byte(s, s.level === 9 ? 2 :
                    (s.strategy >= Z_HUFFMAN_ONLY || s.level < 2 ?
                     4 : 0));
        put_byte(s, s.gzhead.os & 0xff);
        if (s.gzhead.extra && s.gzhead.extra.length) {
          put_byte(s, s.gzhead.extra.length & 0xff);
          put_byte(s, (s.gzhead.extra.length >> 8) & 0xff);
        }
        if (s.gzhead.hcrc) {
          strm.adler = crc32_1(strm.adler, s.pending_buf, s.pending, 0);
        }
        s.gzindex = 0;
        s.status = EXTRA_STATE;
      }
    }
    if (s.status === EXTRA_STATE) {
      if (s.gzhead.extra/* != Z_NULL*/) {
        let beg = s.pending;   /* start of bytes to update crc */
        let left = (s.gzhead.extra.length & 0xffff) - s.gzindex;
        while (s.pending + left > s.pending_buf_size) {
          let copy = s.pending_buf_size - s.pending;
          // zmemcpy(s.pending_buf + s.pending,
          //    s.gzhead.extra + s.gzindex, copy);
          s.pending_buf.set(s.gzhead.extra.subarray(s.gzindex, s.gzindex + copy), s.pending);
          s.pending = s.pending_buf_size;
          //--- HCRC_UPDATE(beg) ---//
          if (s.gzhead.hcrc && s.pending > beg) {
            strm.adler = crc32_1(strm.adler, s.pending_buf, s.pending - beg, beg);
          }
          //---//
          s.gzindex += copy;
          flush_pending(strm);
          if (s.pending !== 0) {
            s.last_flush = -1;
            return Z_OK$1;
          }
          beg = 0;
          left -= copy;
        }
        // JS specific: s.gzhead.extra may be TypedArray or Array for backward compatibility
        //              TypedArray.slice and TypedArray.from don't exist in IE10-IE11
        let gzhead_extra = new Uint8Array(s.gzhead.extra);
        // zmemcpy(s->pending_buf + s->pending,
        //     s->gzhead->extra + s->gzindex, left);
        s.pending_buf.set(gzhead_extra.subarray(s.gzindex, s.gzindex + left), s.pending);
        s.pending += left;
        //--- HCRC_UPDATE(beg) ---//
        if (s.gzhead.hcrc && s.pending > beg) {
          strm.adler = crc32_1(strm.adler, s.pending_buf, s.pending - beg, beg);
        }
        //---//
        s.gzindex = 0;
      }
      s.status = NAME_STATE;
    }
    if (s.status === NAME_STATE) {
      if (s.gzhead.name/* != Z_NULL*/) {
        let beg = s.pending;   /* start of bytes to update crc */
        let val;
        do {
          if (s.pending === s.pending_buf_size) {
            //--- HCRC_UPDATE(beg) ---//
            if (s.gzhead.hcrc && s.pending > beg) {
              strm.adler = crc32_1(strm.adler, s.pending_buf, s.pending - beg, beg);
            }
            //---//
            flush_pending(strm);
            if (s.pending !== 0) {
              s.last_flush = -1;
              return Z_OK$1;
            }
            beg = 0;
          }
          // JS specific: little magic to add zero terminator to end of string
          if (s.gzindex < s.gzhead.name.length) {
            val = s.gzhead.name.charCodeAt(s.gzindex++) & 0xff;
          } else {
            val = 0;
          }
          put_byte(s, val);
        } while (val !== 0);
        //--- HCRC_UPDATE(beg) ---//
        if (s.gzhead.hcrc && s.pending > beg) {
          strm.adler = crc32_1(strm.adler, s.pending_buf, s.pending - beg, beg);
        }
        //---//
        s.gzindex = 0;
      }
      s.status = COMMENT_STATE;
    }
    if (s.status === COMMENT_STATE) {
      if (s.gzhead.comment/* != Z_NULL*/) {
        let beg = s.pending;   /* start of bytes to update crc */
        let val;
        do {
          if (s.pending === s.pending_buf_size) {
            //--- HCRC_UPDATE(beg) ---//
            if (s.gzhead.hcrc && s.pending > beg) {
              strm.adler = crc32_1(strm.adler, s.pending_buf, s.pending - beg, beg);
            }
            //---//
            flush_pending(strm);
            if (s.pending !== 0) {
              s.last_flush = -1;
              return Z_OK$1;
            }
            beg = 0;
          }
          // JS specific: little magic to add zero terminator to end of string
          if (s.gzindex < s.gzhead.comment.length) {
            val = s.gzhead.comment.charCodeAt(s.gzindex++) & 0xff;
          } else {
            val = 0;
          }
          put_byte(s, val);
        } while (val !== 0);
        //--- HCRC_UPDATE(beg) ---//
        if (s.gzhead.hcrc && s.pending > beg) {
          strm.adler = crc32_1(strm.adler, s.pending_buf, s.pending - beg, beg);
        }
        //---//
      }
      s.status = HCRC_STATE;
    }
    if (s.status === HCRC_STATE) {
      if (s.gzhead.hcrc) {
        if (s.pending + 2 > s.pending_buf_size) {
          flush_pending(strm);
          if (s.pending !== 0) {
            s.last_flush = -1;
            return Z_OK$1;
          }
        }
        put_byte(s, strm.adler & 0xff);
        put_byte(s, (strm.adler >> 8) & 0xff);
        strm.adler = 0; //crc32(0L, Z_NULL, 0);
      }
      s.status = BUSY_STATE;

      /* Compression must start with an empty pending buffer */
      flush_pending(strm);
      if (s.pending !== 0) {
        s.last_flush = -1;
        return Z_OK$1;
      }
    }
  //#endif

    /* Start a new block or continue the current one.
     */
    if (strm.avail_in !== 0 || s.lookahead !== 0 ||
      (flush !== Z_NO_FLUSH$1 && s.status !== FINISH_STATE)) {
      let bstate = s.level === 0 ? deflate_stored(s, flush) :
                   s.strategy === Z_HUFFMAN_ONLY ? deflate_huff(s, flush) :
                   s.strategy === Z_RLE ? deflate_rle(s, flush) :
                   configuration_table[s.level].func(s, flush);

      if (bstate === BS_FINISH_STARTED || bstate === BS_FINISH_DONE) {
        s.status = FINISH_STATE;
      }
      if (bstate === BS_NEED_MORE || bstate === BS_FINISH_STARTED) {
        if (strm.avail_out === 0) {
          s.last_flush = -1;
          /* avoid BUF_ERROR next call, see above */
        }
        return Z_OK$1;
        /* If flush != Z_NO_FLUSH && avail_out == 0, the next call
         * of deflate should use the same flush parameter to make sure
         * that the flush is complete. So we don't have to output an
         * empty block here, this will be done at next call. This also
         * ensures that for a very small output buffer, we emit at most
         * one empty block.
         */
      }
      if (bstate === BS_BLOCK_DONE) {
        if (flush === Z_PARTIAL_FLUSH) {
          _tr_align(s);
        }
        else if (flush !== Z_BLOCK) { /* FULL_FLUSH or SYNC_FLUSH */

          _tr_stored_block(s, 0, 0, false);
          /* For a full flush, this empty block will be recognized
           * as a special marker by inflate_sync().
           */
          if (flush === Z_FULL_FLUSH$1) {
            /*** CLEAR_HASH(s); ***/             /* forget history */
            zero(s.head); // Fill with NIL (= 0);

            if (s.lookahead === 0) {
              s.strstart = 0;
              s.block_start = 0;
              s.insert = 0;
            }
          }
        }
        flush_pending(strm);
        if (strm.avail_out === 0) {
          s.last_flush = -1; /* avoid BUF_ERROR at next call, see above */
          return Z_OK$1;
        }
      }
    }

    if (flush !== Z_FINISH$1) { return Z_OK$1; }
    if (s.wrap <= 0) { return Z_STREAM_END$1; }

    /* Write the trailer */
    if (s.wrap === 2) {
      put_byte(s, strm.adler & 0xff);
      put_byte(s, (strm.adler >> 8) & 0xff);
      put_byte(s, (strm.adler >> 16) & 0xff);
      put_byte(s, (strm.adler >> 24) & 0xff);
      put_byte(s, strm.total_in & 0xff);
      put_byte(s, (strm.total_in >> 8) & 0xff);
      put_byte(s, (strm.total_in >> 16) & 0xff);
      put_byte(s, (strm.total_in >> 24) & 0xff);
    }
    else
    {
      putShortMSB(s, strm.adler >>> 16);
      putShortMSB(s, strm.adler & 0xffff);
    }

    flush_pending(strm);
    /* If avail_out is zero, the application will call deflate again
     * to flush the rest.
     */
    if (s.wrap > 0) { s.wrap = -s.wrap; }
    /* write the trailer only once! */
    return s.pending !== 0 ? Z_OK$1 : Z_STREAM_END$1;
  };


  const deflateEnd = (strm) => {

    if (deflateStateCheck(strm)) {
      return Z_STREAM_ERROR;
    }

    const status = strm.state.status;

    strm.state = null;

    return status === BUSY_STATE ? err(strm, Z_DATA_ERROR) : Z_OK$1;
  };


  /* =========================================================================
   * Initializes the compression dictionary from the given byte
   * sequence without producing any compressed output.
   */
  const deflateSetDictionary = (strm, dictionary) => {

    let dictLength = dictionary.length;

    if (deflateStateCheck(strm)) {
      return Z_STREAM_ERROR;
    }

    const s = strm.state;
    const wrap = s.wrap;

    if (wrap === 2 || (wrap === 1 && s.status !== INIT_STATE) || s.lookahead) {
      return Z_STREAM_ERROR;
    }

    /* when using zlib wrappers, compute Adler-32 for provided dictionary */
    if (wrap === 1) {
      /* adler32(strm->adler, dictionary, dictLength); */
      strm.adler = adler32_1(strm.adler, dictionary, dictLength, 0);
    }

    s.wrap = 0;   /* avoid computing Adler-32 in read_buf */

    /* if dictionary would fill window, just replace the history */
    if (dictLength >= s.w_size) {
      if (wrap === 0) {            /* already empty otherwise */
        /*** CLEAR_HASH(s); ***/
        zero(s.head); // Fill with NIL (= 0);
        s.strstart = 0;
        s.block_start = 0;
        s.insert = 0;
      }
      /* use the tail */
      // dictionary = dictionary.slice(dictLength - s.w_size);
      let tmpDict = new Uint8Array(s.w_size);
      tmpDict.set(dictionary.subarray(dictLength - s.w_size, dictLength), 0);
      dictionary = tmpDict;
      dictLength = s.w_size;
    }
    /* insert dictionary into window and hash */
    const avail = strm.avail_in;
    const next = strm.next_in;
    const input = strm.input;
    strm.avail_in = dictLength;
    strm.next_in = 0;
    strm.input = dictionary;
    fill_window(s);
    while (s.lookahead >= MIN_MATCH) {
      let str = s.strstart;
      let n = s.lookahead - (MIN_MATCH - 1);
      do {
        /* UPDATE_HASH(s, s->ins_h, s->window[str + MIN_MATCH-1]); */
        s.ins_h = HASH(s, s.ins_h, s.window[str + MIN_MATCH - 1]);

        s.prev[str & s.w_mask] = s.head[s.ins_h];

        s.head[s.ins_h] = str;
        str++;
      } while (--n);
      s.strstart = str;
      s.lookahead = MIN_MATCH - 1;
      fill_window(s);
    }
    s.strstart += s.lookahead;
    s.block_start = s.strstart;
    s.insert = s.lookahead;
    s.lookahead = 0;
    s.match_length = s.prev_length = MIN_MATCH - 1;
    s.match_available = 0;
    strm.next_in = next;
    strm.input = input;
    strm.avail_in = avail;
    s.wrap = wrap;
    return Z_OK$1;
  };


  var deflateInit_1 = deflateInit;
  var deflateInit2_1 = deflateInit2;
  var deflateReset_1 = deflateReset;
  var deflateResetKeep_1 = deflateResetKeep;
  var deflateSetHeader_1 = deflateSetHeader;
  var deflate_2$1 = deflate$1;
  var deflateEnd_1 = deflateEnd;
  var deflateSetDictionary_1 = deflateSetDictionary;
  var deflateInfo = 'pako deflate (from Nodeca project)';

  /* Not implemented
  module.exports.deflateBound = deflateBound;
  module.exports.deflateCopy = deflateCopy;
  module.exports.deflateGetDictionary = deflateGetDictionary;
  module.exports.deflateParams = deflateParams;
  module.exports.deflatePending = deflatePending;
  module.exports.deflatePrime = deflatePrime;
  module.exports.deflateTune = deflateTune;
  */

  var deflate_1$1 = {
  	deflateInit: deflateInit_1,
  	deflateInit2: deflateInit2_1,
  	deflateReset: deflateReset_1,
  	deflateResetKeep: deflateResetKeep_1,
  	deflateSetHeader: deflateSetHeader_1,
  	deflate: deflate_2$1,
  	deflateEnd: deflateEnd_1,
  	deflateSetDictionary: deflateSetDictionary_1,
  	deflateInfo: deflateInfo
  };

  const _has = (obj, key) => {
    return Object.prototype.hasOwnProperty.call(obj, key);
  };

  var assign = function (obj /*from1, from2, from3, ...*/) {
    const sources = Array.prototype.slice.call(arguments, 1);
    while (sources.length) {
      const source = sources.shift();
      if (!source) { continue; }

      if (typeof source !== 'object') {
        throw new TypeError(source + 'must be non-object');
      }

      for (const p in source) {
        if (_has(source, p)) {
          obj[p] = source[p];
        }
      }
    }

    return obj;
  };


  // Join array of chunks to single array.
  var flattenChunks = (chunks) => {
    // calculate data length
    let len = 0;

    for (let i = 0, l = chunks.length; i < l; i++) {
      len += chunks[i].length;
    }

    // join chunks
    const result = new Uint8Array(len);

    for (let i = 0, pos = 0, l = chunks.length; i < l; i++) {
      let chunk = chunks[i];
      result.set(chunk, pos);
      pos += chunk.length;
    }

    return result;
  };

  var common = {
  	assign: assign,
  	flattenChunks: flattenChunks
  };

  // String encode/decode helpers


  // Quick check if we can use fast array to bin string conversion
  //
  // - apply(Array) can fail on Android 2.2
  // - apply(Uint8Array) can fail on iOS 5.1 Safari
  //
  let STR_APPLY_UIA_OK = true;

  try { String.fromCharCode.apply(null, new Uint8Array(1)); } catch (__) { STR_APPLY_UIA_OK = false; }


  // Table with utf8 lengths (calculated by first byte of sequence)
  // Note, that 5 & 6-byte values and some 4-byte values can not be represented in JS,
  // because max possible codepoint is 0x10ffff
  const _utf8len = new Uint8Array(256);
  for (let q = 0; q < 256; q++) {
    _utf8len[q] = (q >= 252 ? 6 : q >= 248 ? 5 : q >= 240 ? 4 : q >= 224 ? 3 : q >= 192 ? 2 : 1);
  }
  _utf8len[254] = _utf8len[254] = 1; // Invalid sequence start


  // convert string to array (typed, when possible)
  var string2buf = (str) => {
    if (typeof TextEncoder === 'function' && TextEncoder.prototype.encode) {
      return new TextEncoder().encode(str);
    }

    let buf, c, c2, m_pos, i, str_len = str.length, buf_len = 0;

    // count binary size
    for (m_pos = 0; m_pos < str_len; m_pos++) {
      c = str.charCodeAt(m_pos);
      if ((c & 0xfc00) === 0xd800 && (m_pos + 1 < str_len)) {
        c2 = str.charCodeAt(m_pos + 1);
        if ((c2 & 0xfc00) === 0xdc00) {
          c = 0x10000 + ((c - 0xd800) << 10) + (c2 - 0xdc00);
          m_pos++;
        }
      }
      buf_len += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    }

    // allocate buffer
    buf = new Uint8Array(buf_len);

    // convert
    for (i = 0, m_pos = 0; i < buf_len; m_pos++) {
      c = str.charCodeAt(m_pos);
      if ((c & 0xfc00) === 0xd800 && (m_pos + 1 < str_len)) {
        c2 = str.charCodeAt(m_pos + 1);
        if ((c2 & 0xfc00) === 0xdc00) {
          c = 0x10000 + ((c - 0xd800) << 10) + (c2 - 0xdc00);
          m_pos++;
        }
      }
      if (c < 0x80) {
        /* one byte */
        buf[i++] = c;
      } else if (c < 0x800) {
        /* two bytes */
        buf[i++] = 0xC0 | (c >>> 6);
        buf[i++] = 0x80 | (c & 0x3f);
      } else if (c < 0x10000) {
        /* three bytes */
        buf[i++] = 0xE0 | (c >>> 12);
        buf[i++] = 0x80 | (c >>> 6 & 0x3f);
        buf[i++] = 0x80 | (c & 0x3f);
      } else {
        /* four bytes */
        buf[i++] = 0xf0 | (c >>> 18);
        buf[i++] = 0x80 | (c >>> 12 & 0x3f);
        buf[i++] = 0x80 | (c >>> 6 & 0x3f);
        buf[i++] = 0x80 | (c & 0x3f);
      }
    }

    return buf;
  };

  // Helper
  const buf2binstring = (buf, len) => {
    // On Chrome, the arguments in a function call that are allowed is \`65534\`.
    // If the length of the buffer is smaller than that, we can use this optimization,
    // otherwise we will take a slower path.
    if (len < 65534) {
      if (buf.subarray && STR_APPLY_UIA_OK) {
        return String.fromCharCode.apply(null, buf.length === len ? buf : buf.subarray(0, len));
      }
    }

    let result = '';
    for (let i = 0; i < len; i++) {
      result += String.fromCharCode(buf[i]);
    }
    return result;
  };


  // convert array to string
  var buf2string = (buf, max) => {
    const len = max || buf.length;

    if (typeof TextDecoder === 'function' && TextDecoder.prototype.decode) {
      return new TextDecoder().decode(buf.subarray(0, max));
    }

    let i, out;

    // Reserve max possible length (2 words per char)
    // NB: by unknown reasons, Array is significantly faster for
    //     String.fromCharCode.apply than Uint16Array.
    const utf16buf = new Array(len * 2);

    for (out = 0, i = 0; i < len;) {
      let c = buf[i++];
      // quick process ascii
      if (c < 0x80) { utf16buf[out++] = c; continue; }

      let c_len = _utf8len[c];
      // skip 5 & 6 byte codes
      if (c_len > 4) { utf16buf[out++] = 0xfffd; i += c_len - 1; continue; }

      // apply mask on first byte
      c &= c_len === 2 ? 0x1f : c_len === 3 ? 0x0f : 0x07;
      // join the rest
      while (c_len > 1 && i < len) {
        c = (c << 6) | (buf[i++] & 0x3f);
        c_len--;
      }

      // terminated by end of string?
      if (c_len > 1) { utf16buf[out++] = 0xfffd; continue; }

      if (c < 0x10000) {
        utf16buf[out++] = c;
      } else {
        c -= 0x10000;
        utf16buf[out++] = 0xd800 | ((c >> 10) & 0x3ff);
        utf16buf[out++] = 0xdc00 | (c & 0x3ff);
      }
    }

    return buf2binstring(utf16buf, out);
  };


  // Calculate max possible position in utf8 buffer,
  // that will not break sequence. If that's not possible
  // - (very small limits) return max size as is.
  //
  // buf[] - utf8 bytes array
  // max   - length limit (mandatory);
  var utf8border = (buf, max) => {

    max = max || buf.length;
    if (max > buf.length) { max = buf.length; }

    // go back from last position, until start of sequence found
    let pos = max - 1;
    while (pos >= 0 && (buf[pos] & 0xC0) === 0x80) { pos--; }

    // Very small and broken sequence,
    // return max, because we should return something anyway.
    if (pos < 0) { return max; }

    // If we came to start of buffer - that means buffer is too small,
    // return max too.
    if (pos === 0) { return max; }

    return (pos + _utf8len[buf[pos]] > max) ? pos : max;
  };

  var strings = {
  	string2buf: string2buf,
  	buf2string: buf2string,
  	utf8border: utf8border
  };

  // (C) 1995-2013 Jean-loup Gailly and Mark Adler
  // (C) 2014-2017 Vitaly Puzrin and Andrey Tupitsin
  //
  // This software is provided 'as-is', without any express or implied
  // warranty. In no event will the authors be held liable for any damages
  // arising from the use of this software.
  //
  // Permission is granted to anyone to use this software for any purpose,
  // including commercial applications, and to alter it and redistribute it
  // freely, subject to the following restrictions:
  //
  // 1. The origin of this software must not be misrepresented; you must not
  //   claim that you wrote the original software. If you use this software
  //   in a product, an acknowledgment in the product documentation would be
  //   appreciated but is not required.
  // 2. Altered source versions must be plainly marked as such, and must not be
  //   misrepresented as being the original software.
  // 3. This notice may not be removed or altered from any source distribution.

  function ZStream() {
    /* next input byte */
    this.input = null; // JS specific, because we have no pointers
    this.next_in = 0;
    /* number of bytes available at input */
    this.avail_in = 0;
    /* total number of input bytes read so far */
    this.total_in = 0;
    /* next output byte should be put there */
    this.output = null; // JS specific, because we have no pointers
    this.next_out = 0;
    /* remaining free space at output */
    this.avail_out = 0;
    /* total number of bytes output so far */
    this.total_out = 0;
    /* last error message, NULL if no error */
    this.msg = ''/*Z_NULL*/;
    /* not visible by applications */
    this.state = null;
    /* best guess about the data type: binary or text */
    this.data_type = 2/*Z_UNKNOWN*/;
    /* adler32 value of the uncompressed data */
    this.adler = 0;
  }

  var zstream = ZStream;

  const toString = Object.prototype.toString;

  /* Public constants ==========================================================*/
  /* ===========================================================================*/

  const {
    Z_NO_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH,
    Z_OK, Z_STREAM_END,
    Z_DEFAULT_COMPRESSION,
    Z_DEFAULT_STRATEGY,
    Z_DEFLATED
  } = constants$1;

  /* ===========================================================================*/


  /**
   * class Deflate
   *
   * Generic JS-style wrapper for zlib calls. If you don't need
   * streaming behaviour - use more simple functions: [[deflate]],
   * [[deflateRaw]] and [[gzip]].
   **/

  /* internal
   * Deflate.chunks -> Array
   *
   * Chunks of output data, if [[Deflate#onData]] not overridden.
   **/

  /**
   * Deflate.result -> Uint8Array
   *
   * Compressed result, generated by default [[Deflate#onData]]
   * and [[Deflate#onEnd]] handlers. Filled after you push last chunk
   * (call [[Deflate#push]] with \`Z_FINISH\` / \`true\` param).
   **/

  /**
   * Deflate.err -> Number
   *
   * Error code after deflate finished. 0 (Z_OK) on success.
   * You will not need it in real life, because deflate errors
   * are possible only on wrong options or bad \`onData\` / \`onEnd\`
   * custom handlers.
   **/

  /**
   * Deflate.msg -> String
   *
   * Error message, if [[Deflate.err]] != 0
   **/


  /**
   * new Deflate(options)
   * - options (Object): zlib deflate options.
   *
   * Creates new deflator instance with specified params. Throws exception
   * on bad params. Supported options:
   *
   * - \`level\`
   * - \`windowBits\`
   * - \`memLevel\`
   * - \`strategy\`
   * - \`dictionary\`
   *
   * [http://zlib.net/manual.html#Advanced](http://zlib.net/manual.html#Advanced)
   * for more information on these.
   *
   * Additional options, for internal needs:
   *
   * - \`chunkSize\` - size of generated data chunks (16K by default)
   * - \`raw\` (Boolean) - do raw deflate
   * - \`gzip\` (Boolean) - create gzip wrapper
   * - \`header\` (Object) - custom header for gzip
   *   - \`text\` (Boolean) - true if compressed data believed to be text
   *   - \`time\` (Number) - modification time, unix timestamp
   *   - \`os\` (Number) - operation system code
   *   - \`extra\` (Array) - array of bytes with extra data (max 65536)
   *   - \`name\` (String) - file name (binary string)
   *   - \`comment\` (String) - comment (binary string)
   *   - \`hcrc\` (Boolean) - true if header crc should be added
   *
   * ##### Example:
   *
   * \`\`\`javascript
   * const pako = require('pako')
   *   , chunk1 = new Uint8Array([1,2,3,4,5,6,7,8,9])
   *   , chunk2 = new Uint8Array([10,11,12,13,14,15,16,17,18,19]);
   *
   * const deflate = new pako.Deflate({ level: 3});
   *
   * deflate.push(chunk1, false);
   * deflate.push(chunk2, true);  // true -> last chunk
   *
   * if (deflate.err) { throw new Error(deflate.err); }
   *
   * console.log(deflate.result);
   * \`\`\`
   **/
  function Deflate(options) {
    this.options = common.assign({
      level: Z_DEFAULT_COMPRESSION,
      method: Z_DEFLATED,
      chunkSize: 16384,
      windowBits: 15,
      memLevel: 8,
      strategy: Z_DEFAULT_STRATEGY
    }, options || {});

    let opt = this.options;

    if (opt.raw && (opt.windowBits > 0)) {
      opt.windowBits = -opt.windowBits;
    }

    else if (opt.gzip && (opt.windowBits > 0) && (opt.windowBits < 16)) {
      opt.windowBits += 16;
    }

    this.err    = 0;      // error code, if happens (0 = Z_OK)
    this.msg    = '';     // error message
    this.ended  = false;  // used to avoid multiple onEnd() calls
    this.chunks = [];     // chunks of compressed data

    this.strm = new zstream();
    this.strm.avail_out = 0;

    let status = deflate_1$1.deflateInit2(
      this.strm,
      opt.level,
      opt.method,
      opt.windowBits,
      opt.memLevel,
      opt.strategy
    );

    if (status !== Z_OK) {
      throw new Error(messages[status]);
    }

    if (opt.header) {
      deflate_1$1.deflateSetHeader(this.strm, opt.header);
    }

    if (opt.dictionary) {
      let dict;
      // Convert data if needed
      if (typeof opt.dictionary === 'string') {
        // If we need to compress text, change encoding to utf8.
        dict = strings.string2buf(opt.dictionary);
      } else if (toString.call(opt.dictionary) === '[object ArrayBuffer]') {
        dict = new Uint8Array(opt.dictionary);
      } else {
        dict = opt.dictionary;
      }

      status = deflate_1$1.deflateSetDictionary(this.strm, dict);

      if (status !== Z_OK) {
        throw new Error(messages[status]);
      }

      this._dict_set = true;
    }
  }

  /**
   * Deflate#push(data[, flush_mode]) -> Boolean
   * - data (Uint8Array|ArrayBuffer|String): input data. Strings will be
   *   converted to utf8 byte sequence.
   * - flush_mode (Number|Boolean): 0..6 for corresponding Z_NO_FLUSH..Z_TREE modes.
   *   See constants. Skipped or \`false\` means Z_NO_FLUSH, \`true\` means Z_FINISH.
   *
   * Sends input data to deflate pipe, generating [[Deflate#onData]] calls with
   * new compressed chunks. Returns \`true\` on success. The last data block must
   * have \`flush_mode\` Z_FINISH (or \`true\`). That will flush internal pending
   * buffers and call [[Deflate#onEnd]].
   *
   * On fail call [[Deflate#onEnd]] with error code and return false.
   *
   * ##### Example
   *
   * \`\`\`javascript
   * push(chunk, false); // push one of data chunks
   * ...
   * push(chunk, true);  // push last chunk
   * \`\`\`
   **/
  Deflate.prototype.push = function (data, flush_mode) {
    const strm = this.strm;
    const chunkSize = this.options.chunkSize;
    let status, _flush_mode;

    if (this.ended) { return false; }

    if (flush_mode === ~~flush_mode) _flush_mode = flush_mode;
    else _flush_mode = flush_mode === true ? Z_FINISH : Z_NO_FLUSH;

    // Convert data if needed
    if (typeof data === 'string') {
      // If we need to compress text, change encoding to utf8.
      strm.input = strings.string2buf(data);
    } else if (toString.call(data) === '[object ArrayBuffer]') {
      strm.input = new Uint8Array(data);
    } else {
      strm.input = data;
    }

    strm.next_in = 0;
    strm.avail_in = strm.input.length;

    for (;;) {
      if (strm.avail_out === 0) {
        strm.output = new Uint8Array(chunkSize);
        strm.next_out = 0;
        strm.avail_out = chunkSize;
      }

      // Make sure avail_out > 6 to avoid repeating markers
      if ((_flush_mode === Z_SYNC_FLUSH || _flush_mode === Z_FULL_FLUSH) && strm.avail_out <= 6) {
        this.onData(strm.output.subarray(0, strm.next_out));
        strm.avail_out = 0;
        continue;
      }

      status = deflate_1$1.deflate(strm, _flush_mode);

      // Ended => flush and finish
      if (status === Z_STREAM_END) {
        if (strm.next_out > 0) {
          this.onData(strm.output.subarray(0, strm.next_out));
        }
        status = deflate_1$1.deflateEnd(this.strm);
        this.onEnd(status);
        this.ended = true;
        return status === Z_OK;
      }

      // Flush if out buffer full
      if (strm.avail_out === 0) {
        this.onData(strm.output);
        continue;
      }

      // Flush if requested and has data
      if (_flush_mode > 0 && strm.next_out > 0) {
        this.onData(strm.output.subarray(0, strm.next_out));
        strm.avail_out = 0;
        continue;
      }

      if (strm.avail_in === 0) break;
    }

    return true;
  };


  /**
   * Deflate#onData(chunk) -> Void
   * - chunk (Uint8Array): output data.
   *
   * By default, stores data blocks in \`chunks[]\` property and glue
   * those in \`onEnd\`. Override this handler, if you need another behaviour.
   **/
  Deflate.prototype.onData = function (chunk) {
    this.chunks.push(chunk);
  };


  /**
   * Deflate#onEnd(status) -> Void
   * - status (Number): deflate status. 0 (Z_OK) on success,
   *   other if not.
   *
   * Called once after you tell deflate that the input stream is
   * complete (Z_FINISH). By default - join collected chunks,
   * free memory and fill \`results\` / \`err\` properties.
   **/
  Deflate.prototype.onEnd = function (status) {
    // On success - join
    if (status === Z_OK) {
      this.result = common.flattenChunks(this.chunks);
    }
    this.chunks = [];
    this.err = status;
    this.msg = this.strm.msg;
  };


  /**
   * deflate(data[, options]) -> Uint8Array
   * - data (Uint8Array|ArrayBuffer|String): input data to compress.
   * - options (Object): zlib deflate options.
   *
   * Compress \`data\` with deflate algorithm and \`options\`.
   *
   * Supported options are:
   *
   * - level
   * - windowBits
   * - memLevel
   * - strategy
   * - dictionary
   *
   * [http://zlib.net/manual.html#Advanced](http://zlib.net/manual.html#Advanced)
   * for more information on these.
   *
   * Sugar (options):
   *
   * - \`raw\` (Boolean) - say that we work with raw stream, if you don't wish to specify
   *   negative windowBits implicitly.
   *
   * ##### Example:
   *
   * \`\`\`javascript
   * const pako = require('pako')
   * const data = new Uint8Array([1,2,3,4,5,6,7,8,9]);
   *
   * console.log(pako.deflate(data));
   * \`\`\`
   **/
  function deflate(input, options) {
    const deflator = new Deflate(options);

    deflator.push(input, true);

    // That will never happens, if you don't cheat with options :)
    if (deflator.err) { throw deflator.msg || messages[deflator.err]; }

    return deflator.result;
  }


  /**
   * deflateRaw(data[, options]) -> Uint8Array
   * - data (Uint8Array|ArrayBuffer|String): input data to compress.
   * - options (Object): zlib deflate options.
   *
   * The same as [[deflate]], but creates raw data, without wrapper
   * (header and adler32 crc).
   **/
  function deflateRaw(input, options) {
    options = options || {};
    options.raw = true;
    return deflate(input, options);
  }


  /**
   * gzip(data[, options]) -> Uint8Array
   * - data (Uint8Array|ArrayBuffer|String): input data to compress.
   * - options (Object): zlib deflate options.
   *
   * The same as [[deflate]], but create gzip wrapper instead of
   * deflate one.
   **/
  function gzip(input, options) {
    options = options || {};
    options.gzip = true;
    return deflate(input, options);
  }


  var Deflate_1 = Deflate;
  var deflate_2 = deflate;
  var deflateRaw_1 = deflateRaw;
  var gzip_1 = gzip;
  var constants = constants$1;

  var deflate_1 = {
  	Deflate: Deflate_1,
  	deflate: deflate_2,
  	deflateRaw: deflateRaw_1,
  	gzip: gzip_1,
  	constants: constants
  };

  exports.Deflate = Deflate_1;
  exports.constants = constants;
  exports["default"] = deflate_1;
  exports.deflate = deflate_2;
  exports.deflateRaw = deflateRaw_1;
  exports.gzip = gzip_1;

  Object.defineProperty(exports, '__esModule', { value: true });

}));
`;
  pakoText ??= readFileSync(
    createRequire(import.meta.url).resolve("pako/dist/pako_deflate.js"),
    "utf8"
  );
  return pakoText;
}
var GzipDigest = class {
  worker;
  batch = new Uint8Array(BATCH);
  filled = 0;
  posted = [];
  constructor(level) {
    this.worker = new WorkerCalls(WORKER_SOURCE2, "gzip worker", {
      workerData: { pako: pakoSource(), level, block: GZIP_BLOCK }
    });
  }
  /** Take `data` (copied: the caller may reuse it); waits only when the worker is behind. */
  async push(data) {
    for (let at = 0; at < data.length; ) {
      const n = Math.min(BATCH - this.filled, data.length - at);
      this.batch.set(data.subarray(at, at + n), this.filled);
      this.filled += n;
      at += n;
      if (this.filled === BATCH) await this.post();
    }
  }
  async post() {
    const buffer = this.batch.buffer.slice(0, this.filled);
    this.filled = 0;
    const sent = this.worker.call({ op: "push", data: buffer }, [buffer]);
    sent.catch(() => void 0);
    this.posted.push(sent);
    if (this.posted.length >= IN_FLIGHT) await this.posted.shift();
  }
  /** End the stream: the gzip bytes' digest and length. */
  async finish() {
    if (this.filled > 0) await this.post();
    await Promise.all(this.posted.splice(0));
    const { digest: digest2, size } = await this.worker.call({ op: "finish" });
    return { digest: digest2, size };
  }
  close() {
    return this.worker.terminate();
  }
};

// src/weights/tar-read.ts
import { closeSync, constants as constants3, fstatSync, openSync, readSync } from "node:fs";
import { open as open5 } from "node:fs/promises";
var READ_CHUNK = SLOT_SIZE;
var SMALL_READ = 256 * 1024;
var PackError = class extends Error {
  name = "PackError";
};
var freshBuffers = {
  acquire: async () => new Uint8Array(READ_CHUNK),
  release: () => void 0
};
function reusedBuffers(count = 2) {
  const free = [];
  return {
    acquire: async () => free.pop() ?? new Uint8Array(READ_CHUNK),
    release: (b) => {
      if (free.length < count) free.push(b);
    }
  };
}
async function openFile(file) {
  try {
    return await open5(file.source, "r");
  } catch (e) {
    throw new PackError(`cannot read ${file.source}: ${e.message}`);
  }
}
function changed(file, found) {
  return new PackError(
    `${file.source} changed while packing: expected ${file.size} bytes, found ${found}`
  );
}
function readSmall(file) {
  let fd;
  try {
    fd = openSync(file.source, constants3.O_RDONLY | constants3.O_NOFOLLOW | constants3.O_NONBLOCK);
  } catch (e) {
    throw new PackError(`cannot read ${file.source}: ${e.message}`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new PackError(`${file.source} is no longer a regular file`);
    if (st.size !== file.size) throw changed(file, st.size);
    const data = Buffer.allocUnsafe(file.size);
    let done = 0;
    while (done < file.size) {
      const n = readSync(fd, data, done, file.size - done, done);
      if (n === 0) throw changed(file, done);
      done += n;
    }
    const after = fstatSync(fd).size;
    if (after !== file.size) throw changed(file, after);
    return data;
  } catch (e) {
    if (e instanceof PackError) throw e;
    throw new PackError(`cannot read ${file.source}: ${e.message}`);
  } finally {
    closeSync(fd);
  }
}
async function* readTar(plan, buffers, start = 0) {
  const yielder = new Yielder();
  let at = 0;
  for (const segment of tarSegments(plan.files)) {
    const length = segment.kind === "bytes" ? segment.data.length : segment.file.size;
    const skip = Math.max(0, start - at);
    at += length;
    if (skip >= length) continue;
    if (segment.kind === "bytes") {
      yield { data: segment.data.subarray(skip), file: null, buffer: null };
      continue;
    }
    const file = segment.file;
    if (file.size <= SMALL_READ) {
      const data = readSmall(file);
      if (data.length > skip) yield { data: data.subarray(skip), file, buffer: null };
      await yielder.turn();
      continue;
    }
    yield* readLarge(file, buffers, skip);
  }
}
async function* readLarge(file, buffers, skip) {
  const handle = await openFile(file);
  try {
    let done = skip;
    while (done < file.size) {
      const buffer = await buffers.acquire();
      const want = Math.min(buffer.length, file.size - done);
      let bytesRead = 0;
      try {
        ({ bytesRead } = await handle.read(buffer, 0, want, done));
      } finally {
        if (bytesRead === 0) buffers.release(buffer);
      }
      if (bytesRead === 0) throw changed(file, done);
      done += bytesRead;
      yield { data: buffer.subarray(0, bytesRead), file, buffer };
    }
    const { size } = await handle.stat();
    if (size !== file.size) throw changed(file, size);
  } finally {
    await handle.close();
  }
}

// src/weights/layer.ts
var EMPTY_SHA256 = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
async function* layerStream2(plan, offset = 0) {
  if (plan.gzipLevel === null) {
    for await (const chunk of readTar(plan, freshBuffers, offset)) yield chunk.data;
    return;
  }
  yield* skipBytes(gzipStream(plan, plan.gzipLevel), offset);
}
async function* gzipStream(plan, level) {
  const gzip2 = new GzipEncoder(level);
  for await (const chunk of readTar(plan, freshBuffers)) yield* gzip2.push(chunk.data);
  yield* gzip2.finish();
}
function digestLayer(plan, pool) {
  return plan.gzipLevel === null ? digestPlainLayer(plan, pool) : digestGzipLayer(plan);
}
async function digestGzipLayer(plan) {
  const gzip2 = new GzipDigest(plan.gzipLevel);
  try {
    const tarHash = createHash4("sha256");
    const digests = /* @__PURE__ */ new Map();
    let current;
    let tarBytes = 0;
    const buffers = reusedBuffers();
    for await (const chunk of readTar(plan, buffers)) {
      tarBytes += chunk.data.length;
      tarHash.update(chunk.data);
      if (chunk.file) {
        if (current?.file !== chunk.file)
          current = { file: chunk.file, hash: createHash4("sha256"), seen: 0 };
        current.hash.update(chunk.data);
        current.seen += chunk.data.length;
        if (current.seen === chunk.file.size)
          digests.set(chunk.file, `sha256:${current.hash.digest("hex")}`);
      }
      await gzip2.push(chunk.data);
      if (chunk.buffer) buffers.release(chunk.buffer);
    }
    const blob = await gzip2.finish();
    return {
      mediaType: plan.mediaType,
      digest: blob.digest,
      size: blob.size,
      tarDigest: `sha256:${tarHash.digest("hex")}`,
      tarSize: tarBytes,
      sizeUncompressed: plan.sizeUncompressed,
      files: plan.files.map((f) => ({
        path: f.path,
        size: f.size,
        digest: f.size === 0 ? EMPTY_SHA256 : digests.get(f)
      }))
    };
  } finally {
    await gzip2.close();
  }
}
async function digestPlainLayer(plan, pool) {
  const tarHash = pool.create();
  const fileHashes = plan.files.map((f) => f.size === 0 ? void 0 : pool.create());
  const made = [tarHash, ...fileHashes.filter((h) => h !== void 0)];
  const tar = (async () => {
    let size2 = 0;
    for (const segment of tarSegments(plan.files)) {
      if (segment.kind === "bytes") await tarHash.update(segment.data);
      else await fromFile(tarHash, segment.file);
      size2 += segment.kind === "bytes" ? segment.data.length : segment.file.size;
    }
    return { digest: await tarHash.digest(), size: size2 };
  })();
  const files = Promise.all(
    plan.files.map(async (f, i) => {
      const hash = fileHashes[i];
      if (!hash) return { path: f.path, size: f.size, digest: EMPTY_SHA256 };
      await fromFile(hash, f);
      return { path: f.path, size: f.size, digest: await hash.digest() };
    })
  );
  try {
    await allSettledOrThrow([tar, files]);
  } catch (e) {
    await Promise.allSettled(made.map((h) => h.dispose()));
    throw e;
  }
  const { digest: digest2, size } = await tar;
  return {
    mediaType: plan.mediaType,
    digest: digest2,
    size,
    tarDigest: digest2,
    tarSize: size,
    sizeUncompressed: plan.sizeUncompressed,
    files: await files
  };
}
async function fromFile(hash, file) {
  await hash.updateFromFile(file.source, file.size).catch((e) => {
    throw new PackError(e.message);
  });
}

// src/weights/pack.ts
var CorruptFileError = class extends Error {
  constructor(weight, files) {
    const f = files[0];
    super(
      `weight "${weight}": ${files.length} file(s) do not hash to the digest they are known by, e.g. ${f.path} (${f.source}) is ${f.actual}, not ${f.known}`
    );
    this.files = files;
  }
  files;
  name = "CorruptFileError";
};
function checkKnown(request, packed) {
  const actual = new Map(packed.files.map((f) => [f.path, f.digest]));
  const bad = request.files.filter((f) => f.known !== void 0 && actual.get(f.path) !== f.known).map((f) => ({ path: f.path, source: f.source, known: f.known, actual: actual.get(f.path) }));
  if (bad.length > 0) throw new CorruptFileError(request.name, bad);
  return packed;
}
async function packWeight(request) {
  for (const f of request.files) {
    const problem = pathProblem(f.path);
    if (problem)
      throw new Error(`weight "${request.name}": file path ${JSON.stringify(f.path)} ${problem}`);
  }
  const plans = planLayers(request.files, request.options);
  if (plans.length === 0) throw new Error(`weight "${request.name}": inventory is empty`);
  const cache = request.cache;
  const key = cache?.key(request.name, request.target, request.files, request.options ?? {});
  const cached = key ? await cache.load(key, plans) : void 0;
  if (cached) return checkKnown(request, assemble(request, plans, cached));
  const digests = await digestLayers(plans, request.pool, request.arrived);
  const packed = checkKnown(request, assemble(request, plans, digests));
  if (key) await cache.save(key, digests);
  return packed;
}
function assemble(request, plans, digests) {
  const layers = plans.map((plan, i) => ({ ...digests[i], plan }));
  const files = layers.flatMap((l) => l.files.map((f) => ({ ...f, layer: l.digest }))).sort(byPath);
  const artifact = buildWeightArtifact(request.name, request.target, files, layers);
  return { artifact, files, layers };
}
function arrivedLayer(plan, arrived) {
  const file = plan.files.length === 1 ? plan.files[0] : void 0;
  if (!file || plan.mediaType !== MEDIA_TYPE.layerTar) return void 0;
  const got = arrived?.get(file.source);
  if (!got?.layer || got.path !== file.path || got.size !== file.size) return void 0;
  return {
    mediaType: plan.mediaType,
    digest: got.layer.digest,
    size: got.layer.size,
    tarDigest: got.layer.digest,
    tarSize: got.layer.size,
    sizeUncompressed: file.size,
    files: [{ path: file.path, size: file.size, digest: got.digest }]
  };
}
async function digestLayers(plans, shared, arrived) {
  const layers = plans.map((plan) => arrivedLayer(plan, arrived));
  if (layers.every(Boolean)) return layers;
  const pool = shared ?? new HashPool();
  try {
    const order = plans.map((plan, i) => ({ plan, i })).filter(({ i }) => !layers[i]).sort((a, b) => b.plan.sizeUncompressed - a.plan.sizeUncompressed);
    const digested = await mapLimit(order, pool.size, async ({ plan }) => digestLayer(plan, pool));
    order.forEach(({ i }, k) => layers[i] = digested[k]);
    return layers;
  } finally {
    if (!shared) await pool.close();
  }
}

// src/publish/from-source.ts
async function packFromSource(session, config, name, earlyBlobs) {
  try {
    return await packOnce(session, config, name, earlyBlobs);
  } catch (e) {
    if (!(e instanceof CorruptFileError)) throw e;
    if (!await dropCorruptStoreFiles(e, session.packing.store, session.log)) throw e;
    return packOnce(session, config, name, earlyBlobs);
  }
}
async function dropCorruptStoreFiles(e, store, log) {
  if (!e.files.every((f) => f.source === store.path(f.known))) return false;
  for (const f of e.files) await rm6(f.source, { force: true });
  log.warning(`${e.message}; removed from the local store, fetching again`);
  return true;
}
async function packOnce(session, config, name, earlyBlobs) {
  const { pool, packCache } = session.packing;
  const spec = config.weights.find((w) => w.name === name);
  if (!spec) throw new PublishError(`weight "${name}" is not in ${config.file}`);
  const sourced = await localWeightFiles(
    config,
    spec,
    (m) => session.log.info(m),
    session.sourceDownloads(earlyBlobs)
  );
  const packed = await packWeight({
    name,
    target: spec.target,
    files: sourced.files,
    pool,
    cache: packCache,
    arrived: sourced.arrived
  });
  const known = new Map(
    packed.layers.flatMap(
      (l) => l.files.map((f, k) => [l.plan.files[k].source, f.digest])
    )
  );
  for (const [k, v] of sourced.arrived) known.set(k, v.digest);
  return { packed, fingerprints: () => localFingerprints(sourced, known) };
}

// src/publish/import.ts
async function importWeights(session, config, previous, dryRun) {
  const weights = [];
  const imported = [];
  const packed = /* @__PURE__ */ new Map();
  for (const w of config.weights) {
    const before = previous?.weights.find((e) => e.name === w.name);
    let entry = previous && before ? await fastPath(session, config, previous, before) : void 0;
    if (!entry) {
      const got = await packFromSource(
        session,
        config,
        w.name,
        dryRun ? void 0 : session.target
      );
      entry = lockEntryFor(config, got.packed, await got.fingerprints(), before);
      packed.set(w.name, { packed: got.packed });
    }
    const status = !before ? "new" : entry === before ? "unchanged" : "repacked";
    imported.push({ name: w.name, files: entry.files.length, bytes: entry.size, status });
    session.log.info(
      `weight ${w.name}: ${entry.files.length} file(s), ${formatBytes(entry.size)}, ${status}`
    );
    weights.push(entry);
  }
  const keptCog = (e) => previous?.envelopeFormat === COG_ENVELOPE_FORMAT && previous.weights.includes(e);
  return {
    lock: { version: 1, envelopeFormat: envelopeFor(weights, keptCog), weights },
    imported,
    packed
  };
}
async function fastPath(session, config, previous, entry) {
  if (previous.envelopeFormat !== COG_ENVELOPE_FORMAT && previous.envelopeFormat !== OUR_ENVELOPE_FORMAT)
    return void 0;
  const spec = config.weights.find((w) => w.name === entry.name);
  const alone = { ...config, weights: [spec] };
  if (checkDrift(alone, { ...previous, weights: [entry] }).length > 0) return void 0;
  if (checkEntry(entry).length > 0) return void 0;
  for (const [i, source] of spec.sources.entries()) {
    const now = await cheapFingerprint(config, source, session.packing.hub);
    if (!now)
      session.log.info(
        `weight ${entry.name}: ${source.uri} gives no strong ETag to compare (a HEAD found none), so it is downloaded again to see whether it changed`
      );
    if (!now || now !== entry.sources[i]?.fingerprint) return void 0;
  }
  return await hasManifest(session.target, entry.digest) ? entry : void 0;
}
var hasManifest = async (target, digest2) => await target.hasManifest(digest2) !== null;
function lockEntryFor(config, packed, fingerprints, previous) {
  const spec = config.weights.find((w) => w.name === packed.artifact.name);
  const sources = spec.sources.map((s, i) => ({
    uri: normalizeSourceUri(s.uri),
    fingerprint: fingerprints[i],
    include: s.include,
    exclude: s.exclude
  }));
  const fresh = lockEntry(packed, sources, rfc3339(/* @__PURE__ */ new Date()));
  if (previous && JSON.stringify({ ...previous, importedAt: "" }) === JSON.stringify({ ...fresh, importedAt: "" })) {
    return previous;
  }
  return fresh;
}
function rfc3339(date) {
  return date.toISOString().replace(/\.?0+Z$/, "Z");
}

// src/publish/lock-gate.ts
function lockFindings(config, lock, lockPath) {
  if (!lock) {
    const pending = config.weights.map((w) => `
  weight "${w.name}": not imported yet`).join("");
    return config.weights.length > 0 ? [
      {
        message: `${lockPath} not found, but cog.yaml declares ${config.weights.length} weight(s):${pending}`,
        fix: "fix: run `cog weights import` and commit weights.lock, or set the action input `import-weights: true`"
      }
    ] : [];
  }
  const findings = [];
  const broken = checkLockfile(lock);
  if (broken.length > 0) findings.push({ message: integrityMessage(broken, lockPath) });
  const drift = checkDrift(config, lock);
  if (drift.length > 0) findings.push({ message: driftMessage(drift, lockPath) });
  return findings;
}
async function lockGate(config, lockPath, importWeights2) {
  const lock = await readLockfile(config.projectDir);
  if (importWeights2 || config.weights.length === 0) return lock;
  const first = lockFindings(config, lock, lockPath)[0];
  if (first) throw new PublishError(first.fix ? `${first.message}
${first.fix}` : first.message);
  return lock;
}

// src/publish/build-output.ts
import { createReadStream as createReadStream5, createWriteStream as createWriteStream2 } from "node:fs";
import { mkdtemp as mkdtemp3, rm as rm7 } from "node:fs/promises";
import path19 from "node:path";
import { createInterface } from "node:readline";
var HELD_LIMIT = 64 * 1024 * 1024;
var HeldBuildOutput = class _HeldBuildOutput {
  constructor(log, dir, file, beat) {
    this.log = log;
    this.dir = dir;
    this.file = file;
    this.beat = beat;
    this.timer = setInterval(() => this.heartbeat(), beat.intervalMs);
    this.timer.unref();
  }
  log;
  dir;
  file;
  beat;
  /** Forgets the directory registered for removal on a signal. */
  forget = () => void 0;
  mode = "held";
  pending = [];
  held = 0;
  dropped = 0;
  count = 0;
  last = "";
  started = Date.now();
  timer;
  static async start(log, scratchRoot, label, intervalMs) {
    const dir = await mkdtemp3(path19.join(scratchRoot, "cog-push-build-log-"));
    const forget = removeOnSignal(dir);
    const file = createWriteStream2(path19.join(dir, "output.log"));
    const output = new _HeldBuildOutput(log, dir, file, { label, intervalMs });
    output.forget = forget;
    return output;
  }
  /** One line of the builder's output. */
  line(text) {
    this.count++;
    if (text.trim()) this.last = text;
    if (this.mode === "live") return this.log.info(text);
    if (this.mode === "replaying") {
      this.pending.push(text);
      return;
    }
    if (this.held + text.length > HELD_LIMIT) {
      this.dropped++;
      return;
    }
    this.held += text.length + 1;
    this.file.write(`${text}
`);
  }
  heartbeat() {
    if (this.mode !== "held") return;
    const s = Math.round((Date.now() - this.started) / 1e3);
    const since = s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s` : `${s}s`;
    const last = this.last ? `, last: ${this.last.trim().slice(0, 160)}` : "";
    this.log.info(
      `image: ${this.beat.label} running for ${since}, ${this.count} lines of output${last}`
    );
  }
  /**
   * Write out what was held (the caller has opened the build's group), then pass the next
   * lines straight to the log.
   */
  async release() {
    if (this.mode !== "held") return;
    this.mode = "replaying";
    clearInterval(this.timer);
    await new Promise(
      (resolve, reject) => this.file.end((e) => e ? reject(e) : resolve())
    );
    const lines3 = createInterface({ input: createReadStream5(this.file.path) });
    for await (const l of lines3) this.log.info(l);
    if (this.dropped > 0) this.log.info(`(${this.dropped} more lines were not kept)`);
    for (const l of this.pending.splice(0)) this.log.info(l);
    this.mode = "live";
  }
  async close() {
    clearInterval(this.timer);
    if (!this.file.closed) await new Promise((resolve) => this.file.end(resolve));
    await rm7(this.dir, { recursive: true, force: true });
    this.forget();
  }
};

// src/publish/weights.ts
import { stat as stat2 } from "node:fs/promises";

// src/cache/weights.ts
import { rm as rm10 } from "node:fs/promises";

// src/cache/extract.ts
var import_tar_stream2 = __toESM(require_tar_stream(), 1);
import { spawn as spawn3 } from "node:child_process";
import { createHash as createHash5 } from "node:crypto";
import { createReadStream as createReadStream6 } from "node:fs";
import { mkdir as mkdir5, open as open6, rename as rename5, rm as rm8 } from "node:fs/promises";
import path20 from "node:path";
import { Transform } from "node:stream";
import { createGunzip as createGunzip2 } from "node:zlib";
var FRAMING_PER_FILE = 64 * 1024;
var FRAMING_BASE = 1024 * 1024;
var NAME_SHOWN = 200;
var OverBudget = class extends Error {
};
function byteBudget(limit) {
  let seen = 0;
  return new Transform({
    transform(chunk, _encoding, done) {
      seen += chunk.length;
      if (seen > limit)
        return done(
          new OverBudget(`it holds more than ${limit} bytes, past its files and their framing`)
        );
      done(null, chunk);
    }
  });
}
function shownName(name) {
  return JSON.stringify(name.length > NAME_SHOWN ? `${name.slice(0, NAME_SHOWN)}\u2026` : name);
}
function parseCompressProgram(program) {
  const argv = program.trim().split(/\s+/);
  if (!/^(unzstd|zstd|zstdmt)$/.test(argv[0] ?? "")) return void 0;
  if (!argv.slice(1).every((a) => /^--long=\d+$/.test(a))) return void 0;
  return { kind: "program", argv };
}
function decompressed(archive, compression) {
  if (compression.kind !== "program") {
    const file = createReadStream6(archive, { highWaterMark: 1 << 20 });
    const stream = compression.kind === "none" ? file : file.pipe(createGunzip2());
    if (stream !== file) file.on("error", (e) => stream.destroy(e));
    return { stream, done: Promise.resolve(), stop: () => file.destroy() };
  }
  const [cmd, ...args] = compression.argv;
  const child = spawn3(cmd, [...args, "-d", "-c", "--", archive], {
    stdio: ["ignore", "pipe", "pipe"]
  });
  let stderr = "";
  child.stderr.on("data", (d) => stderr = (stderr + d.toString()).slice(-2e3));
  const done = new Promise((resolve, reject) => {
    child.on("error", (e) => reject(new Error(`${cmd}: ${e.message}`)));
    child.on(
      "close",
      (code, signal) => code === 0 ? resolve() : reject(
        new Error(
          `${cmd} failed (${signal ?? `exit ${code}`})${stderr ? `: ${stderr.trim()}` : ""}`
        )
      )
    );
  });
  done.catch(() => void 0);
  return { stream: child.stdout, done, stop: () => child.kill("SIGKILL") };
}
function refusal(header2, req) {
  const type = header2.type ?? "file";
  const target = path20.resolve(req.cwd, header2.name);
  const store = path20.resolve(req.storeRoot);
  if (type === "directory") {
    return target === store || target === path20.join(store, "sha256") ? "skip" : "a directory outside the store layout";
  }
  if (type !== "file" && type !== "contiguous-file") return `a ${type}, not a regular file`;
  if (path20.dirname(target) !== path20.join(store, "sha256")) return "not in the store";
  const hex = path20.basename(target);
  if (!DIGEST_HEX_PATTERN.test(hex)) return "not named by a sha256 digest";
  const size = req.expected.get(`sha256:${hex}`);
  if (size === void 0) return "not a file of this weight";
  if (header2.size !== size) return `${header2.size} bytes where the weight's file has ${size}`;
  return void 0;
}
var WRITE_BATCH = 4 * 1024 * 1024;
async function writeVerified(entry, final, digest2, onBytes) {
  const tmp = tempName(`${path20.dirname(final)}/.${path20.basename(final)}`);
  const hash = createHash5("sha256");
  try {
    const file = await open6(tmp, "wx", 420);
    try {
      let writing = Promise.resolve();
      let batch = [];
      let batched = 0;
      let total = 0;
      for await (const chunk of entry) {
        hash.update(chunk);
        batch.push(chunk);
        batched += chunk.length;
        total += chunk.length;
        onBytes(chunk.length);
        if (batched >= WRITE_BATCH) {
          await writing;
          writing = file.writev(batch);
          batch = [];
          batched = 0;
        }
      }
      await writing;
      if (batch.length > 0) await file.writev(batch);
      if ((await file.stat()).size !== total) return false;
    } finally {
      await file.close();
    }
    if (`sha256:${hash.digest("hex")}` !== digest2) return false;
    await rename5(tmp, final);
    return true;
  } finally {
    await rm8(tmp, { force: true });
  }
}
async function extractWeightArchive(req) {
  const written = [];
  const dir = path20.join(path20.resolve(req.storeRoot), "sha256");
  await mkdir5(dir, { recursive: true });
  const { stream, done, stop } = decompressed(req.archive, req.compression);
  const total = [...req.expected.values()].reduce((a, b) => a + b, 0);
  let restored = 0;
  const onBytes = (n) => req.progress?.(restored += n, total);
  const reader = (0, import_tar_stream2.extract)();
  const budget = byteBudget(total + FRAMING_BASE + FRAMING_PER_FILE * req.expected.size);
  stream.on("error", (e) => budget.destroy(e));
  budget.on("error", (e) => reader.destroy(e));
  stream.pipe(budget).pipe(reader);
  const end = () => {
    stop();
    stream.destroy();
    budget.destroy();
    reader.destroy();
  };
  try {
    for await (const entry of reader) {
      const why = refusal(entry.header, req);
      if (why === "skip") {
        entry.resume();
        continue;
      }
      const name = shownName(entry.header.name);
      if (why !== void 0) {
        end();
        return { written, refused: `${name} (${why})` };
      }
      const final = path20.join(dir, path20.basename(path20.resolve(req.cwd, entry.header.name)));
      const digest2 = `sha256:${path20.basename(final)}`;
      if (written.includes(digest2)) {
        end();
        return { written, refused: `${name} (a second copy of a file)` };
      }
      if (!await writeVerified(entry, final, digest2, onBytes)) {
        end();
        return { written, refused: `${name} (its bytes do not hash to its name)` };
      }
      written.push(digest2);
    }
    await done;
  } catch (e) {
    end();
    if (e instanceof OverBudget) return { written, refused: `the archive (${e.message})` };
    throw new Error(`cannot read the cache archive: ${e.message}`, { cause: e });
  }
  return { written };
}

// src/cache/handoff.ts
import { chmod as chmod2, mkdtemp as mkdtemp4, readFile as readFile6, rm as rm9, writeFile as writeFile4 } from "node:fs/promises";
import os3 from "node:os";
import path21 from "node:path";
var STAND_IN = (realTar, note) => `#!${process.execPath}
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');
const args = process.argv.slice(2);
const x = args.indexOf('-xf');
if (x < 0) {
  const r = spawnSync(${JSON.stringify(realTar)}, args, { stdio: 'inherit' });
  process.exit(r.status === null ? 1 : r.status);
}
const archive = args[x + 1];
const c = args.indexOf('-C');
const p = args.indexOf('--use-compress-program');
const moved = archive + '.cog-push-' + process.pid;
fs.renameSync(archive, moved);
fs.writeFileSync(${JSON.stringify(note)}, JSON.stringify({
  archive: moved,
  cwd: c >= 0 ? args[c + 1] : process.cwd(),
  program: p >= 0 ? args[p + 1] : undefined,
  gzip: args.includes('-z'),
}));
`;
var queue = Promise.resolve();
function withArchiveHandoff(restore, prependPath) {
  const run = queue.then(async () => {
    const realTar = await which("tar", true);
    const dir = await mkdtemp4(path21.join(os3.tmpdir(), "cog-push-tar-"));
    const forget = removeOnSignal(dir);
    const note = path21.join(dir, "handoff.json");
    await writeFile4(path21.join(dir, "tar"), STAND_IN(realTar, note));
    await chmod2(path21.join(dir, "tar"), 493);
    const restorePath = prependPath(dir);
    try {
      const result2 = await restore();
      return { result: result2, handedOff: await readNote(note) };
    } finally {
      restorePath();
      await rm9(dir, { recursive: true, force: true });
      forget();
    }
  });
  queue = run.catch(() => void 0);
  return run;
}
async function readNote(note) {
  let raw;
  try {
    raw = JSON.parse(await readFile6(note, "utf8"));
  } catch {
    return void 0;
  }
  const compression = raw.program ? parseCompressProgram(raw.program) : { kind: raw.gzip ? "gzip" : "none" };
  if (!compression) {
    await discard2(raw.archive);
    throw new Error(`the cache library asked for an unknown decompressor "${raw.program}"`);
  }
  return { archive: raw.archive, cwd: raw.cwd, compression };
}
async function discard2(archive) {
  await rm9(archive, { force: true });
}

// src/cache/weights.ts
var loaded;
function actionsCache({
  service
}) {
  if (!service) return Promise.resolve(void 0);
  loaded ??= import("./cache-S6IDX6DI.js").then(
    (lib) => ["isFeatureAvailable", "restoreCache", "saveCache"].every(
      (name) => typeof lib[name] === "function"
    ) ? lib : void 0
  );
  return loaded;
}
async function cacheAvailable(cache) {
  return (await actionsCache(cache))?.isFeatureAvailable() ?? false;
}
function weightCacheKey(setDigest2, platform) {
  return `cog-weights-${platform}-${setDigest2.slice(setDigest2.indexOf(":") + 1)}`;
}
function weightCachePaths(weight, store) {
  return [...new Set(weight.files.map((f) => store.path(f.digest)))].sort();
}
async function restoreWeight(weight, { service, store, platform, prependPath, log, progress }) {
  const cache = await actionsCache({ service });
  if (!cache?.isFeatureAvailable()) return "unavailable";
  const key = weightCacheKey(weight.setDigest, platform);
  const fail2 = (e) => {
    log.warning(
      `weight ${weight.name}: cache restore failed (${e.message}); using its source`
    );
    return "error";
  };
  let restored;
  try {
    restored = await withArchiveHandoff(
      () => cache.restoreCache(weightCachePaths(weight, store), key),
      prependPath
    );
  } catch (e) {
    return fail2(e);
  }
  const { result: matched, handedOff } = restored;
  if (!handedOff) return "miss";
  let result2;
  try {
    if (matched !== key) return "miss";
    result2 = await extractWeightArchive({
      ...handedOff,
      storeRoot: store.root,
      expected: new Map(weight.files.map((f) => [f.digest, f.size])),
      progress: progress?.("restoring", `weight ${weight.name} from the cache`)
    });
  } catch (e) {
    return fail2(e);
  } finally {
    await discard2(handedOff.archive);
  }
  const missing = [];
  for (const f of weight.files)
    if (!result2.written.includes(f.digest) && !await store.has(f.digest, f.size)) missing.push(f);
  if (result2.refused || missing.length > 0) {
    const what = result2.refused ? `refused ${result2.refused}` : `${missing.length} file(s) missing, e.g. ${missing[0].path}`;
    if (result2.refused)
      for (const digest2 of result2.written) await rm10(store.path(digest2), { force: true });
    log.warning(
      `weight ${weight.name}: cache entry ${key} is corrupt (${what}); dropped, using its source`
    );
    return "corrupt";
  }
  log.info(`weight ${weight.name}: restored from cache (${key})`);
  return "hit";
}
async function saveWeight(weight, { service, store, platform, log }, maxSize) {
  const cache = await actionsCache({ service });
  if (!cache?.isFeatureAvailable()) return "unavailable";
  const key = weightCacheKey(weight.setDigest, platform);
  const size = weight.files.reduce((n, f) => n + f.size, 0);
  if (size > maxSize) {
    log.notice(
      `weight ${weight.name}: ${size} bytes is over cache-max-size (${maxSize}); not cached`
    );
    return "too-large";
  }
  try {
    const id = await cache.saveCache(weightCachePaths(weight, store), key);
    return id > 0 ? "saved" : "exists";
  } catch (e) {
    log.warning(`weight ${weight.name}: cache save failed (${e.message})`);
    return "error";
  }
}

// src/weights/push.ts
var DEFAULT_CONCURRENCY = 4;
function layerBlob(layer2) {
  return {
    digest: layer2.digest,
    size: layer2.size,
    open: (offset = 0) => layerStream2(layer2.plan, offset)
  };
}
async function pushBlob(target, blob, options) {
  const moved = await transferBlob(target, blob, { mountFrom: options.mountFrom });
  return { digest: blob.digest, size: blob.size, ...moved };
}
async function pushWeight(packed, target, options = {}) {
  const a = packed.artifact;
  const utf83 = new TextEncoder();
  const manifest = utf83.encode(a.manifest);
  const config = bytesBlob(a.configDigest, utf83.encode(a.config));
  const done = (blobs2) => ({
    digest: a.manifestDigest,
    tag: a.tag,
    bytesUploaded: blobs2.reduce((n, b) => n + b.bytesUploaded, 0),
    bytesSkipped: blobs2.reduce((n, b) => n + (b.outcome === "uploaded" ? 0 : b.size), 0),
    blobs: blobs2
  });
  const tagged = await target.hasManifest(a.tag);
  if (tagged?.digest === a.manifestDigest) {
    const all = [...packed.layers, config];
    return done(
      all.map((b) => ({ digest: b.digest, size: b.size, outcome: "present", bytesUploaded: 0 }))
    );
  }
  const sources = [...packed.layers.map(layerBlob), config];
  const blobs = await mapLimit(
    sources,
    options.concurrency ?? DEFAULT_CONCURRENCY,
    (blob) => pushBlob(target, blob, options)
  );
  const digest2 = await target.putManifest(manifest, MEDIA_TYPE.ociManifest, a.tag);
  if (digest2 !== a.manifestDigest) {
    throw new Error(
      `${target.name}: weight "${a.name}" manifest went up as ${digest2}, expected ${a.manifestDigest}`
    );
  }
  return done(blobs);
}

// src/publish/weights.ts
async function publishWeights(plan, session, request) {
  const hits = [];
  const misses = [];
  const weights = await mapLimit(request.lock.weights, 1, async (entry) => {
    const done = await publishWeight(plan, session, request, entry);
    if (!plan.dryRun) recordWeight(session, done.weight);
    if (done.cache === "hit") hits.push(entry.name);
    if (done.cache === "miss") misses.push(entry.name);
    return done.weight;
  });
  return { weights, cache: { hits, misses } };
}
function recordWeight(session, weight) {
  session.ledger.record({
    what: `weight ${weight.name}`,
    digest: weight.digest,
    tag: weight.tag,
    state: weight.origin === "registry" ? "present" : "pushed",
    bytesUploaded: weight.bytesUploaded
  });
}
async function publishWeight(plan, session, request, entry) {
  const { target, log } = session;
  const base = {
    name: entry.name,
    target: entry.target,
    setDigest: entry.setDigest,
    digest: entry.digest,
    size: entry.size,
    tag: weightTag(entry.name, entry.setDigest)
  };
  const present = await target.hasManifest(entry.digest);
  if (present) {
    log.info(`weight ${entry.name}: in ${target.name} (${entry.digest})`);
    const weight = {
      ...base,
      manifestSize: present.size,
      manifestMediaType: present.mediaType,
      bytesUploaded: 0,
      bytesSkipped: entry.sizeCompressed,
      origin: "registry"
    };
    return { weight, cache: "none" };
  }
  const ready = request.imported?.get(entry.name);
  const got = ready ? { ...ready, origin: "source", cache: "none" } : await weightBytes(plan, session, request.config, entry);
  if (got.packed.artifact.manifestDigest !== entry.digest) {
    throw new PublishError(
      `weight "${entry.name}": its files give manifest ${got.packed.artifact.manifestDigest}, but ${LOCKFILE_NAME} says ${entry.digest}${fileChanges(entry, got.packed.files)}; re-import the weights (\`import-weights: true\`, or \`cog weights import\`) and commit weights.lock`
    );
  }
  const manifest = {
    manifestSize: got.packed.artifact.manifestSize,
    manifestMediaType: MEDIA_TYPE.ociManifest
  };
  if (plan.dryRun) {
    const config = Buffer.byteLength(got.packed.artifact.config);
    const bytes = got.packed.layers.reduce((n, l) => n + l.size, config);
    log.info(`weight ${entry.name}: would push ${bytes} bytes to ${target.name}`);
    const weight = {
      ...base,
      ...manifest,
      bytesUploaded: bytes,
      bytesSkipped: 0,
      origin: got.origin
    };
    return { weight, cache: got.cache };
  }
  const counts = await pushPacked(plan, session, entry, got);
  return { weight: { ...base, ...manifest, ...counts, origin: got.origin }, cache: got.cache };
}
async function pushPacked(plan, session, entry, got) {
  const { target, log } = session;
  const saving = got.origin === "source" && plan.cache.enabled && await cacheAvailable(session.cache) ? cacheFromSource(plan, session, entry, got.packed) : void 0;
  const pushed = await pushWeight(got.packed, target, { concurrency: plan.concurrency });
  await saving;
  const { bytesUploaded, bytesSkipped } = pushed;
  const early = pushed.blobs.filter((b) => b.asArrived).reduce((n, b) => n + b.bytesUploaded, 0);
  log.info(
    `weight ${entry.name}: pushed ${bytesUploaded} bytes${early > 0 ? ` (${early} as they downloaded)` : ""}, skipped ${bytesSkipped} (${pushed.digest})`
  );
  return { bytesUploaded, bytesSkipped };
}
async function weightBytes(plan, session, config, entry) {
  const { store } = session.packing;
  const inStore = async () => (await Promise.all(entry.files.map((f) => store.has(f.digest, f.size)))).every(Boolean);
  let origin;
  let cache = "none";
  if (await inStore()) origin = "store";
  else if (plan.cache.enabled) {
    const outcome = await restoreWeight(entry, session.cache);
    if (outcome === "hit") origin = "cache";
    if (outcome !== "unavailable") cache = outcome === "hit" ? "hit" : "miss";
  }
  if (origin) {
    const packed2 = await packFromStore(session, entry);
    if (packed2) return { packed: packed2, origin, cache };
  }
  const earlyBlobs = plan.dryRun ? void 0 : session.target;
  const { packed } = await packFromSource(session, config, entry.name, earlyBlobs);
  return { packed, origin: "source", cache };
}
async function packFromStore(session, entry) {
  const { pool, store } = session.packing;
  const files = entry.files.map((f) => ({
    path: f.path,
    size: f.size,
    source: store.path(f.digest),
    known: f.digest
  }));
  try {
    const packed = await packWeight({ name: entry.name, target: entry.target, files, pool });
    if (packed.artifact.manifestDigest === entry.digest) return packed;
    session.log.warning(
      `weight ${entry.name}: the local store does not reproduce ${entry.digest}; packing from its source`
    );
  } catch (e) {
    if (!(e instanceof CorruptFileError)) throw e;
    if (!await dropCorruptStoreFiles(e, store, session.log)) throw e;
  }
  return void 0;
}
async function cacheFromSource(plan, session, entry, packed) {
  const { store } = session.packing;
  try {
    const sources = new Map(
      packed.layers.flatMap((l) => l.plan.files.map((f) => [f.path, f.source]))
    );
    const passedThrough = [];
    for (const f of packed.files)
      if (!await exists(sources.get(f.path))) passedThrough.push(f.path);
    if (passedThrough.length > 0) {
      session.log.info(
        `weight ${entry.name}: not cached: ${passedThrough.length} of its files went to ${session.target.name} without a local copy (not enough free disk), e.g. ${passedThrough[0]}`
      );
      return;
    }
    for (const f of packed.files) await store.ingest(sources.get(f.path), f.digest, f.size);
  } catch (e) {
    session.log.warning(
      `weight ${entry.name}: could not put its files in the local store (${e.message}); not cached`
    );
    return;
  }
  await saveWeight(entry, session.cache, plan.cache.maxSize);
}
var exists = (file) => stat2(file).then(
  () => true,
  () => false
);
function fileChanges(entry, files) {
  const locked = new Map(entry.files.map((f) => [f.path, f]));
  const now = new Map(files.map((f) => [f.path, f]));
  const changed2 = files.filter((f) => locked.has(f.path) && locked.get(f.path).digest !== f.digest).map((f) => `${f.path} (${locked.get(f.path).digest} \u2192 ${f.digest})`);
  const added = files.filter((f) => !locked.has(f.path)).map((f) => f.path);
  const gone = entry.files.filter((f) => !now.has(f.path)).map((f) => f.path);
  const parts = [
    changed2.length ? `changed: ${changed2.join(", ")}` : "",
    added.length ? `not in ${LOCKFILE_NAME}: ${added.join(", ")}` : "",
    gone.length ? `gone: ${gone.join(", ")}` : ""
  ].filter(Boolean);
  return parts.length ? ` (${parts.join("; ")})` : "";
}

// src/publish/halves.ts
async function publishHalves(plan, session, request) {
  const { log } = session;
  if (plan.image.kind !== "build" || plan.dryRun) {
    const { weights, cache } = await log.group(
      "Weights",
      () => publishWeights(plan, session, request)
    );
    const image = await log.group("Image", () => publishImage(plan, session, request.lock));
    return { weights, cache, image: image.descriptor, imageReport: image.report };
  }
  const label = `build (${plan.image.builder})`;
  const output = await HeldBuildOutput.start(
    log,
    session.builds.scratchRoot,
    label,
    session.builds.progressIntervalMs
  );
  const stopBuild = new AbortController();
  let failed;
  const stopBoth = (e) => {
    failed ??= e;
    stopBuild.abort(e);
    session.cancel(e instanceof Error ? e : new Error(String(e)));
    throw e;
  };
  log.info(`building the image and uploading the weights side by side`);
  const weightsHalf = publishWeights(plan, session, request).catch(stopBoth);
  const imageHalf = publishImage(plan, session, request.lock, {
    output: (l) => output.line(l),
    signal: stopBuild.signal
  }).catch(stopBoth);
  try {
    await Promise.race([weightsHalf, imageHalf]).catch(() => void 0);
    await log.group(`Image ${label}`, async () => {
      await output.release();
      await imageHalf.catch(() => void 0);
    });
    const [weights, image] = await Promise.allSettled([weightsHalf, imageHalf]);
    if (failed !== void 0) throw failed;
    const published = image.value;
    return {
      ...weights.value,
      image: published.descriptor,
      imageReport: published.report
    };
  } finally {
    await Promise.allSettled([weightsHalf, imageHalf]);
    await output.close();
  }
}

// src/publish/verify.ts
import { createHash as createHash6 } from "node:crypto";
var VerifyError = class extends Error {
  name = "VerifyError";
};
async function verifyPublished(target, indexDigest, lock, mode = "digests") {
  const start = process.hrtime.bigint();
  const check = new Checker(target, mode === "full" || target.localReads === true);
  const index = await check.manifest(indexDigest, "index");
  const [image, ...weights] = index?.manifests ?? [];
  if (index && !image) check.problems.push(`index ${indexDigest} names no image`);
  if (image) await check.children(await check.manifest(image.digest, "image"), "image");
  if (index && weights.length !== lock.weights.length)
    check.problems.push(
      `index names ${weights.length} weight(s), weights.lock ${lock.weights.length}`
    );
  for (const [i, d] of weights.entries()) await check.weight(d, lock.weights[i], i);
  if (check.problems.length > 0) {
    throw new VerifyError(
      `post-publish verification of ${target.name}@${indexDigest} failed:
  ${check.problems.join("\n  ")}`
    );
  }
  const { manifests, blobs, hashed } = check;
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, manifests, blobs, hashed };
}
var Checker = class {
  constructor(target, full) {
    this.target = target;
    this.full = full;
  }
  target;
  full;
  problems = [];
  manifests = 0;
  blobs = 0;
  hashed = 0;
  /** A manifest by digest, parsed; undefined (and a problem) when it is missing. */
  async manifest(digest2, what) {
    const m = await this.target.getManifest(digest2);
    this.manifests++;
    if (!m) {
      this.problems.push(`${what} manifest ${digest2} is missing`);
      return void 0;
    }
    return parseJsonObject(m.bytes, `${this.target.name}: ${what} manifest ${digest2}`);
  }
  /** A manifest's config and layers. */
  async children(m, what) {
    if (m?.config) await this.blob(m.config, `${what} config`);
    for (const l of m?.layers ?? []) await this.blob(l, `${what} layer`);
  }
  /** One weight of the index against its lockfile entry, then its manifest and blobs. */
  async weight(d, entry, i) {
    const name = d.annotations?.[ANNOTATION.weightName] ?? `#${i + 1}`;
    if (entry) this.annotations(d, entry, name);
    const m = await this.manifest(d.digest, `weight ${name}`);
    if (!m) return;
    if (entry && m.annotations?.[ANNOTATION.weightTarget] !== entry.target) {
      this.problems.push(
        `weight ${name}: manifest target ${m.annotations?.[ANNOTATION.weightTarget]}, weights.lock ${entry.target}`
      );
    }
    await this.children(m, `weight ${name}`);
  }
  /** The index's descriptor of a weight says what weights.lock says. */
  annotations(d, entry, name) {
    const want = {
      [ANNOTATION.weightName]: entry.name,
      [ANNOTATION.weightSetDigest]: entry.setDigest,
      [ANNOTATION.weightSizeUncompressed]: String(entry.size)
    };
    for (const [key, value] of Object.entries(want)) {
      if (d.annotations?.[key] !== value)
        this.problems.push(
          `weight ${name}: index annotation ${key} is ${d.annotations?.[key] ?? "missing"}, weights.lock says ${value}`
        );
    }
    if (d.digest !== entry.digest)
      this.problems.push(`weight ${name}: index names ${d.digest}, weights.lock ${entry.digest}`);
  }
  /** A blob is there with its size; read back and hashed when `full` (or its size is unknown). */
  async blob(d, what) {
    this.blobs++;
    const size = await this.target.hasBlob(d.digest);
    if (size === null) return void this.problems.push(`${what} blob ${d.digest} is missing`);
    if (size >= 0 && size !== d.size)
      return void this.problems.push(
        `${what} blob ${d.digest} has ${size} bytes, the manifest says ${d.size}`
      );
    if (this.full || size < 0) {
      const wrong = await this.readBack(d);
      if (wrong) this.problems.push(`${what} blob ${d.digest} ${wrong}`);
    }
  }
  /** Read the blob back, hashing it: why it is not what `d` says, or undefined. */
  async readBack(d) {
    this.hashed++;
    const hash = createHash6("sha256");
    let size = 0;
    try {
      for await (const chunk of this.target.openBlob(d.digest)) {
        hash.update(chunk);
        size += chunk.length;
        if (size > d.size) return `has more than the ${d.size} bytes the manifest says`;
      }
    } catch (e) {
      return `cannot be read back: ${e.message}`;
    }
    const digest2 = `sha256:${hash.digest("hex")}`;
    if (size !== d.size) return `has ${size} bytes read back, the manifest says ${d.size}`;
    if (digest2 !== d.digest) return `reads back as ${digest2}`;
    return void 0;
  }
};

// src/publish/model-index.ts
async function publishModelIndex(plan, session, { image, weights, lock }) {
  const { target, log } = session;
  const head = await readImageHead(target, image.digest);
  await checkImageAgainstLock(session, { image, head }, lock);
  await verifyChildren(target, image, weights);
  const index = buildModelIndex(
    image,
    indexPlatform(plan, image, head),
    weights.map((w) => ({
      name: w.name,
      setDigest: w.setDigest,
      size: w.size,
      manifest: { mediaType: w.manifestMediaType, size: w.manifestSize, digest: w.digest }
    })),
    plan.annotations
  );
  const bytes = new TextEncoder().encode(index);
  const digest2 = await target.putManifest(bytes, MEDIA_TYPE.ociIndex, sha256(bytes));
  if (plan.verify !== "off") {
    const mode = plan.verify;
    await log.group("Verify", async () => {
      const report = await verifyPublished(target, digest2, lock, mode);
      log.info(
        `verified ${report.manifests} manifest(s) and ${report.blobs} blob(s) by digest in ${report.seconds.toFixed(2)} s` + (report.hashed > 0 ? ` (${report.hashed} read back and hashed)` : "")
      );
    });
  }
  for (const tag of plan.tags) {
    await target.putManifest(bytes, MEDIA_TYPE.ociIndex, tag);
    session.ledger.record({
      what: "model index",
      digest: digest2,
      tag,
      state: "pushed",
      bytesUploaded: bytes.length
    });
  }
  if (plan.tags.length > 1) log.info(`tagged ${plan.tags.join(", ")}`);
  return digest2;
}
function indexPlatform(plan, image, head) {
  const own = head && platformOf(head);
  if (!own) return plan.platform;
  const name = (p) => [p.os, p.architecture, p.variant].filter(Boolean).join("/");
  const asked = plan.platform;
  const differs = own.os !== asked.os || own.architecture !== asked.architecture || asked.variant !== void 0 && own.variant !== asked.variant;
  if (plan.platformGiven && differs)
    throw new PublishError(
      `not pushing the index: the image ${image.digest} is ${name(own)}, but the platform input asks for ${name(asked)}`
    );
  return own;
}
async function checkImageAgainstLock(session, { image, head }, lock) {
  const found = head && await readImageWeights(session.target, head);
  if (!found) {
    if (lock.weights.length > 0)
      session.log.info(
        `image ${image.digest} has no .cog/weights.json; not checked against weights.lock`
      );
    return;
  }
  const problems = compareImageWeights(found, lock);
  if (problems.length > 0) {
    throw new PublishError(
      `not pushing the index: the image's .cog/weights.json does not match weights.lock, and Cog's runtime would refuse to start:
  ${problems.join("\n  ")}
fix: rebuild the image from this weights.lock`
    );
  }
  session.log.info(
    `image .cog/weights.json matches weights.lock (${found.weights.length} weight(s))`
  );
}
async function verifyChildren(target, image, weights) {
  const missing = [];
  if (!await target.hasManifest(image.digest)) missing.push(`image ${image.digest}`);
  for (const w of weights)
    if (!await target.hasManifest(w.digest)) missing.push(`weight ${w.name} ${w.digest}`);
  if (missing.length > 0) {
    throw new TargetError(
      `not pushing the index: ${target.name} does not have ${missing.join(", ")}`
    );
  }
}

// src/publish/plan.ts
import path23 from "node:path";

// src/image/image-spec.ts
import path22 from "node:path";
var UNREAD = {
  "docker-daemon": "push it from the engine (docker push) and name the registry reference, or docker save -o FILE and use docker-archive:FILE",
  "containers-storage": "podman save --format oci-archive -o FILE and use oci-archive:FILE, or push it and name the registry reference",
  dir: "skopeo copy dir:DIR oci:LAYOUT and use oci-layout:LAYOUT",
  tarball: "docker save or podman save it, and use docker-archive:FILE or oci-archive:FILE",
  sif: "push it to a registry and name the reference",
  ostree: "push it to a registry and name the reference"
};
var KNOWN = "docker-archive:FILE, oci-layout:DIR[:TAG|@sha256:\u2026], oci-archive:FILE[:TAG|@sha256:\u2026], or a registry reference";
function parsePrebuilt(spec, projectDir) {
  const colon = spec.indexOf(":");
  const transport = colon > 0 ? spec.slice(0, colon) : "";
  const rest = spec.slice(colon + 1);
  if (transport === "docker-archive")
    return { kind: "docker-archive", spec, file: path22.resolve(projectDir, rest) };
  if (transport === "oci-layout" || transport === "oci" || transport === "oci-archive") {
    const { place, reference: reference2 } = location(spec, rest);
    return {
      kind: transport === "oci-archive" ? "oci-archive" : "oci-layout",
      spec,
      path: path22.resolve(projectDir, place),
      reference: reference2
    };
  }
  if (spec.startsWith("docker://")) return { kind: "registry", spec, ref: spec.slice(9) };
  if (transport in UNREAD)
    throw new InputError(
      `input 'image': ${transport}: images are not read here; ${UNREAD[transport]}`
    );
  const file = /\.(tar|tgz|tar\.gz|oci)$/i.test(rest);
  const reference = !file && (/^[\w][\w.-]{0,127}$/.test(rest) || /^\d+(\/|$)/.test(rest));
  if (/^[a-z][a-z0-9+-]*$/.test(transport) && !reference)
    throw new InputError(`input 'image': unknown transport "${transport}:"; give ${KNOWN}`);
  return { kind: "registry", spec, ref: spec };
}
function location(spec, rest) {
  const at = rest.lastIndexOf("@");
  if (at >= 0) {
    const digest2 = rest.slice(at + 1);
    if (!isDigest(digest2))
      throw new InputError(`input 'image': "${spec}": after @ comes sha256:<64 hex digits>`);
    return { place: rest.slice(0, at), reference: digest2 };
  }
  const colon = rest.indexOf(":");
  if (colon < 0) return { place: rest, reference: void 0 };
  const reference = rest.slice(colon + 1);
  if (reference === "") throw new InputError(`input 'image': "${spec}" ends in an empty tag`);
  return { place: rest.slice(0, colon), reference };
}

// src/publish/plan.ts
function planTransfer(inputs, modelRef, env) {
  const destination = planDestination(inputs, modelRef);
  const registryHost = destination.kind === "registry" ? destination.host : void 0;
  const login = inputs.username && inputs.password && registryHost ? { host: registryHost, username: inputs.username, password: inputs.password } : void 0;
  return {
    destination,
    login,
    replicateToken: !login && registryHost === env.replicateRegistryHost ? inputs.replicateToken : void 0,
    concurrency: inputs.concurrency,
    downloadConnections: inputs.downloadConnections,
    dryRun: inputs.dryRun,
    insecureRegistries: inputs.insecureRegistries,
    cache: planCache(inputs, env.platform)
  };
}
function planCache(inputs, platform) {
  if (!inputs.cache || platform === "linux")
    return { enabled: inputs.cache, maxSize: inputs.cacheMaxSize };
  return {
    enabled: false,
    maxSize: inputs.cacheMaxSize,
    off: `the weight cache runs on Linux runners only; off on this ${platform} runner (weights come from the registry or their sources)`
  };
}
function planPublish(inputs, project, env) {
  const { config, target: model } = project;
  if (model.format === "bundle") assertPushable(model.ref);
  const tag = model.ref.tag ?? "latest";
  const transfer = planTransfer(inputs, model.ref, env);
  const { destination, login } = transfer;
  const imageRepository = destination.kind === "layout" ? repositoryName(model.ref) : destination.ref;
  const imageTagName = model.format === "bundle" ? imageTag(tag) : tag;
  return {
    ...transfer,
    format: model.format,
    projectDir: config.projectDir,
    configName: path23.basename(config.file),
    image: planImage(inputs, config.projectDir, {
      imageRef: `${imageRepository}:${imageTagName}`,
      destination,
      login,
      platform: env.platform
    }),
    tag,
    tags: planTags(inputs, tag, destination),
    annotations: inputs.annotations,
    imageTag: imageTagName,
    platform: inputs.platform,
    platformGiven: inputs.platformGiven,
    lockPath: lockfilePath(config.projectDir),
    importWeights: inputs.importWeights,
    verify: inputs.verify
  };
}
function planTags(inputs, tag, destination) {
  const canonical = (name) => {
    try {
      return repositoryName(parseRepository(name));
    } catch {
      return name;
    }
  };
  const target = destination.kind === "registry" ? canonical(destination.ref) : destination.ref;
  for (const t of inputs.tags)
    if (t.repository !== void 0 && canonical(t.repository) !== target)
      throw new PublishError(
        `input 'tags': ${t.repository}:${t.tag} names ${t.repository}, but the model goes to ${destination.ref}`
      );
  return [.../* @__PURE__ */ new Set([tag, ...inputs.tags.map((t) => t.tag)])];
}
function planDestination(inputs, modelRef) {
  const to = inputs.to;
  if (to?.startsWith(OCI_LAYOUT_PREFIX)) {
    const named = to.slice(OCI_LAYOUT_PREFIX.length);
    if (named.trim() === "")
      throw new PublishError("input `to`: oci-layout: needs a directory, e.g. oci-layout:./bundle");
    const dir = path23.resolve(inputs.workingDirectory, named);
    return { kind: "layout", ref: `${OCI_LAYOUT_PREFIX}${dir}`, dir };
  }
  const ref = to ?? (modelRef ? repositoryName(modelRef) : void 0);
  if (!ref)
    throw new PublishError("no destination: set `to` (registry/repository or oci-layout:DIR)");
  return { kind: "registry", ref, host: parseReference(ref).registry };
}
function planImage(inputs, projectDir, where) {
  if (inputs.build === "buildah" && where.platform !== "linux")
    throw new PublishError(
      `build: buildah runs on Linux only, and this runner is ${where.platform}: use build: docker or cog where Docker is, or a prebuilt image`
    );
  if (inputs.build !== "none") {
    if (inputs.build !== "buildah" && where.destination.kind === "layout")
      throw new PublishError(
        `build: ${inputs.build} pushes to a registry; use build: buildah (or a prebuilt image) with to: oci-layout:DIR`
      );
    return {
      kind: "build",
      builder: inputs.build,
      imageRef: where.imageRef,
      options: inputs.buildOptions
    };
  }
  const prebuilt = parsePrebuilt(inputs.image, projectDir);
  if (prebuilt.kind === "docker-archive") return { ...prebuilt, compress: inputs.compressLayers };
  if (prebuilt.kind !== "registry") return prebuilt;
  const spec = prebuilt.spec;
  const ref = parseReference(prebuilt.ref);
  const sameRegistry = ref.registry === parseReference(where.imageRef).registry;
  return {
    kind: "registry",
    spec,
    repository: repositoryName(ref),
    reference: ref.digest ?? ref.tag ?? "latest",
    mountFrom: !inputs.to && sameRegistry ? ref.repository : void 0,
    login: where.login
  };
}

// src/oci/registry/replicate.ts
async function replicateUsername(host, token, insecure = []) {
  const url = `${registryScheme(host, insecure)}://${host}/cog/v1/verify-token`;
  let text;
  let status;
  const { request } = await undici();
  try {
    const res = await request(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token }).toString(),
      ...stallOptions()
    });
    status = res.statusCode;
    text = (await readLimited(res.body, BODY_LIMIT.token, "the answer", status !== 200)).toString();
    res.body.destroy();
  } catch (e) {
    throw new Error(
      `${host}: verify-token: ${e instanceof BodyTooLargeError ? e.message : describeFetchError(e)}`
    );
  }
  if (status !== 200) {
    throw new Error(`${host} did not accept the replicate-token (verify-token answered ${status})`);
  }
  let username;
  try {
    username = JSON.parse(text).username;
  } catch {
  }
  if (typeof username !== "string" || username === "") {
    throw new Error(`${host}: verify-token answered without a username`);
  }
  return username;
}

// src/util/progress.ts
function progressLines(log, intervalMs, clock = Date.now) {
  return (verb, what) => {
    const start = clock();
    let last = start;
    let shown2 = false;
    return (done, total) => {
      const now = clock();
      const ended = total !== void 0 && done >= total;
      if (now - last < intervalMs && !(ended && shown2)) return;
      if (ended && !shown2 && intervalMs > 0) return;
      last = now;
      shown2 = !ended;
      const seconds = (now - start) / 1e3;
      const rate = seconds > 0 ? `, ${formatBytes(Math.round(done / seconds))}/s` : "";
      const of = total !== void 0 && total > 0 ? ` / ${formatBytes(total)} (${Math.floor(100 * done / total)}%)` : "";
      log(`${verb} ${what}  ${formatBytes(done)}${of}${rate}`);
    };
  };
}

// src/weights/packcache.ts
var CACHE_VERSION = 1;
var PackCache = class {
  /** `dir`: RuntimeEnv.packCacheDir. */
  constructor(dir) {
    this.dir = dir;
    this.files = new JsonFiles(dir);
  }
  dir;
  files;
  /** The key of a pack, or undefined when some file has no stamp (not a local file). */
  key(name, target, files, options) {
    if (files.some((f) => !f.stamp)) return void 0;
    const identity = [
      CACHE_VERSION,
      name,
      target,
      options.bundleFileMax ?? 0,
      options.bundleSizeMax ?? 0,
      [...files].map((f) => [f.path, f.source, f.stamp]).sort()
    ];
    return sha256(JSON.stringify(identity)).slice("sha256:".length);
  }
  /** Digests of `plans` from a previous pack, if every layer matches file for file. */
  async load(key, plans) {
    const stored = await this.files.get(key);
    if (!Array.isArray(stored) || stored.length !== plans.length) return void 0;
    const same = plans.every(
      (p, i) => stored[i].mediaType === p.mediaType && stored[i].files.length === p.files.length && stored[i].files.every(
        (f, j) => f.path === p.files[j].path && f.size === p.files[j].size
      )
    );
    return same ? stored : void 0;
  }
  /** Best effort: a cache that cannot be written only costs the next run a hashing pass. */
  async save(key, layers) {
    await this.files.set(key, layers);
  }
};

// src/weights/store.ts
import { copyFile, link, lstat as lstat3, mkdir as mkdir6, rename as rename6, rm as rm11, statfs } from "node:fs/promises";
import path24 from "node:path";
var MARGIN = { bytes: 1024 ** 3, share: 0.25 };
var WeightStore = class {
  /** `root`: RuntimeEnv.storeDir. */
  constructor(root) {
    this.root = root;
  }
  root;
  /** Bytes promised to copies being written now (reserve()). */
  reserved = 0;
  /**
   * Room for a `size`-byte copy on the store's disk, beside every copy already promised and
   * a margin for everything else the runner writes; undefined when it does not fit.
   */
  async reserve(size) {
    await mkdir6(this.root, { recursive: true });
    const fs = await statfs(this.root);
    const free = fs.bavail * fs.bsize;
    const margin = Math.min(MARGIN.bytes, MARGIN.share * fs.blocks * fs.bsize);
    if (free - this.reserved - size < margin) return void 0;
    this.reserved += size;
    let held = true;
    return {
      release: () => {
        if (held) this.reserved -= size;
        held = false;
      }
    };
  }
  path(digest2) {
    if (!isDigest(digest2)) throw new Error(`not a sha256 digest: ${digest2}`);
    return path24.join(this.root, "sha256", digest2.slice("sha256:".length));
  }
  /** Is a regular file (not a link) of this size there? Its bytes are checked by `verify`. */
  async has(digest2, size) {
    try {
      const st = await lstat3(this.path(digest2));
      return st.isFile() && st.size === size;
    } catch {
      return false;
    }
  }
  /**
   * Add a file whose digest is known (it was just read to compute it): a hard link when the
   * store is on the same filesystem, else a copy; written under a temporary name, then renamed.
   */
  async ingest(source, digest2, size) {
    if (await this.has(digest2, size)) return;
    const final = this.path(digest2);
    await mkdir6(path24.dirname(final), { recursive: true });
    const tmp = tempName(final);
    try {
      await link(source, tmp).catch(() => copyFile(source, tmp));
      await rename6(tmp, final);
    } finally {
      await rm11(tmp, { force: true });
    }
  }
};

// src/publish/session.ts
async function openSession(plan, runtime, log, { tuning = {}, ledger = new PushLedger() } = {}) {
  if (plan.cache.off) log.notice(plan.cache.off);
  const cancelling = new AbortController();
  const signal = AbortSignal.any([cancelling.signal, termination]);
  const registryOptions = (login2) => ({
    ...makeRegistryOptions(plan, runtime, log, login2),
    ...tuning,
    signal
  });
  const login = await destinationLogin(plan);
  const opened = openTarget(plan.destination.ref, registryOptions(login));
  const progress = progressLines((m) => log.info(m), runtime.progressIntervalMs);
  const store = new WeightStore(runtime.storeDir);
  const packing = {
    pool: new HashPool(),
    packCache: new PackCache(runtime.packCacheDir),
    store,
    downloads: new Limiter(plan.concurrency),
    rangeRequests: new Limiter(plan.downloadConnections),
    rangeWindows: new WindowPool(plan.downloadConnections + 2),
    hub: runtime.hub
  };
  return {
    target: opened.target,
    repositoryRef: opened.repositoryRef,
    packing,
    cache: {
      service: runtime.cacheService,
      store,
      platform: runtime.platform,
      prependPath: runtime.prependPath,
      log,
      progress
    },
    builds: buildEnv(runtime),
    log,
    ledger,
    registryOptions,
    sourceDownloads: (earlyBlobs) => sourceDownloads(plan, runtime, { packing, earlyBlobs, signal, progress, log }),
    signal,
    cancel: (why) => cancelling.abort(why),
    close: async () => {
      await packing.pool.close();
      await opened.close();
    }
  };
}
function sourceDownloads(plan, runtime, run) {
  const { packing, earlyBlobs, signal, progress, log } = run;
  return {
    store: packing.store,
    hub: runtime.hub,
    pool: packing.pool,
    layerBlobs: earlyBlobs?.blobWriter?.bind(earlyBlobs),
    limit: packing.downloads,
    stall: runtime.stall,
    signal,
    progress,
    ranges: {
      threshold: runtime.rangedMin,
      connections: plan.downloadConnections,
      limit: packing.rangeRequests,
      buffers: packing.rangeWindows
    },
    log: (m) => log.info(m),
    keepMax: streamedCopyMax(plan, runtime, earlyBlobs)
  };
}
function streamedCopyMax(plan, runtime, earlyBlobs) {
  if (earlyBlobs?.localReads || !plan.cache.enabled || !runtime.cacheService) return 0;
  return plan.cache.maxSize;
}
function buildEnv(runtime) {
  const { scratchRoot, childEnv, dockerConfigDir, progressIntervalMs } = runtime;
  return { scratchRoot, childEnv, dockerConfigDir, progressIntervalMs };
}
async function destinationLogin(plan) {
  const destination = plan.destination;
  if (plan.login) return plan.login;
  if (!plan.replicateToken || destination.kind !== "registry") return void 0;
  return {
    host: destination.host,
    username: await replicateUsername(
      destination.host,
      plan.replicateToken,
      plan.insecureRegistries
    ),
    password: plan.replicateToken
  };
}
function makeRegistryOptions(plan, runtime, log, explicit) {
  const uploads = /* @__PURE__ */ new Map();
  const progress = progressLines((m) => log.info(m), runtime.progressIntervalMs);
  return {
    insecureRegistries: plan.insecureRegistries,
    proxy: runtime.proxy,
    credentials: {
      explicit,
      dockerConfigDir: runtime.dockerConfigDir,
      authFiles: runtime.containersAuthFiles
    },
    stall: runtime.stall,
    log: (m) => log.info(m),
    onProgress: (digest2, sent, total) => {
      let report = uploads.get(digest2);
      if (!report) uploads.set(digest2, report = progress("uploading", `${digest2.slice(0, 19)}\u2026`));
      report(sent, total);
      if (sent >= total) uploads.delete(digest2);
    }
  };
}

// src/publish/flow.ts
var EMPTY_LOCK = { version: 1, envelopeFormat: COG_ENVELOPE_FORMAT, weights: [] };
var readProject = (inputs) => loadProject({ dir: inputs.workingDirectory, configName: inputs.config, env: inputs.modelRef });
async function publish(inputs, runtime, log, ledger = new PushLedger()) {
  const project = await readProject(inputs);
  const plan = planPublish(inputs, project, runtime);
  const open7 = () => openSession(plan, runtime, log, { ledger });
  if (plan.format === "image") return publishLegacyImage(plan, project, open7);
  const { config } = project;
  const committed = await lockGate(config, plan.lockPath, plan.importWeights);
  const session = await open7();
  const weights = config.weights.map((w) => `weight ${w.name}`);
  ledger.plan({
    repository: session.repositoryRef,
    tags: plan.tags,
    artifacts: [...weights, "image", "model index"]
  });
  try {
    await checkImage(plan, session);
    const imported = plan.importWeights ? await log.group(
      "Import weights",
      () => importWeights(session, config, committed, plan.dryRun)
    ) : void 0;
    const lock = imported?.lock ?? committed ?? EMPTY_LOCK;
    log.info(`Pushing to ${session.repositoryRef}:${plan.tag}...`);
    const halves = await publishHalves(plan, session, {
      config,
      lock,
      imported: imported?.packed
    });
    const made = { ...halves, imported, declared: config.weights.length > 0 };
    if (plan.dryRun) return result(plan, session.repositoryRef, made);
    const { image, weights: weights2 } = halves;
    const indexDigest = await publishModelIndex(plan, session, { image, weights: weights2, lock });
    const lockfileChanged = plan.importWeights ? (await writeLockfile(config.projectDir, lock)).changed : false;
    return result(plan, session.repositoryRef, { ...made, indexDigest, lockfileChanged });
  } finally {
    await session.close();
  }
}
function result(plan, repository, made) {
  return {
    format: "bundle",
    dryRun: plan.dryRun,
    repository,
    tag: plan.tag,
    tags: plan.tags,
    indexDigest: made.indexDigest,
    image: made.image,
    imageReport: made.imageReport,
    weights: made.weights,
    lockfile: made.declared || plan.importWeights ? plan.lockPath : void 0,
    lockfileChanged: made.lockfileChanged ?? false,
    imported: made.imported?.imported,
    cache: made.cache
  };
}
async function publishLegacyImage(plan, project, open7) {
  if (project.config.weights.length > 0)
    throw new PublishError("managed weights need 'model' in cog.yaml, not 'image'");
  const session = await open7();
  session.ledger.plan({ repository: session.repositoryRef, tags: plan.tags, artifacts: ["image"] });
  try {
    await checkImage(plan, session);
    session.log.info(`Pushing to ${referenceString(project.target.ref)}...`);
    const { descriptor: image, report } = await publishImage(plan, session, void 0);
    if (!plan.dryRun) await tagImage(session, image.digest, plan.tags.slice(1));
    return {
      format: "image",
      dryRun: plan.dryRun,
      repository: session.repositoryRef,
      tag: plan.tag,
      tags: plan.tags,
      indexDigest: void 0,
      image,
      imageReport: report,
      weights: [],
      lockfile: void 0,
      lockfileChanged: false,
      imported: void 0,
      cache: { hits: [], misses: [] }
    };
  } finally {
    await session.close();
  }
}
async function tagImage(session, digest2, tags) {
  if (tags.length === 0) return;
  const manifest = await session.target.getManifest(digest2);
  if (!manifest) throw new PublishError(`image ${digest2} is not in ${session.target.name}`);
  for (const tag of tags) {
    await session.target.putManifest(manifest.bytes, manifest.mediaType, tag);
    session.ledger.record({ what: "image", digest: digest2, tag, state: "pushed", bytesUploaded: 0 });
  }
}
async function importToTarget(inputs, runtime, log) {
  const project = await readProject(inputs);
  const { config } = project;
  if (config.weights.length === 0) throw new PublishError(`${config.file} declares no weights`);
  const plan = planTransfer(inputs, project.target.ref, runtime);
  const previous = await readLockfile(config.projectDir);
  const session = await openSession(plan, runtime, log);
  let imported;
  try {
    imported = await importWeights(session, config, previous, plan.dryRun);
    await publishWeights(plan, session, {
      config,
      lock: imported.lock,
      imported: imported.packed
    });
  } finally {
    await session.close();
  }
  const { lock } = imported;
  const written = await writeLockfile(config.projectDir, lock);
  const why = lock.envelopeFormat === COG_ENVELOPE_FORMAT ? "Cog's envelope: every layer is plain tar, byte-identical to Cog's" : `our envelope (compressor ${COMPRESSOR}): some layers are gzip we compressed, so Cog will recompute them`;
  log.info(`${written.changed ? "wrote" : "unchanged"} ${written.path} with ${why}`);
  return {
    lockPath: written.path,
    changed: written.changed,
    imported: imported.imported,
    envelope: lock.envelopeFormat
  };
}

// src/report/reftree.ts
function formatRefTree(tree) {
  const ref = (digest2) => `${tree.repository}@${digest2}`;
  const width = Math.max(0, ...tree.weights.map((w) => w.name.length));
  const children = [
    `${"image".padEnd(6)}  ${ref(tree.imageDigest)}`,
    ...tree.weights.map((w) => `${"weight".padEnd(6)}  ${w.name.padEnd(width)}  ${ref(w.digest)}`)
  ];
  return [
    `  ${"model".padEnd(6)}  ${ref(tree.indexDigest)}`,
    ...children.map((c, i) => `  ${i === children.length - 1 ? "\u2514\u2500" : "\u251C\u2500"} ${c}`)
  ].join("\n");
}
function formatImageRef(repository, digest2) {
  return `  image  ${repository}@${digest2}`;
}

// src/report/publish.ts
function totals(result2) {
  return {
    weightBytesUploaded: result2.weights.reduce((n, w) => n + w.bytesUploaded, 0),
    weightBytesSkipped: result2.weights.reduce((n, w) => n + w.bytesSkipped, 0)
  };
}
function publishOutputs(result2) {
  const repo = result2.repository;
  const pinned = (digest2) => digest2 ? `${repo}@${digest2}` : "";
  const weights = result2.weights.map((w) => ({
    name: w.name,
    setDigest: w.setDigest,
    ref: pinned(w.digest),
    tag: w.tag,
    size: w.size
  }));
  const mainDigest = result2.format === "bundle" ? result2.indexDigest : result2.image?.digest;
  const taggedRefs = result2.tags.map((t) => `${repo}:${t}`);
  const outputs = {
    ref: pinned(mainDigest),
    digest: mainDigest ?? "",
    // The bare name, as actions/attest-build-provenance's subject-name wants it.
    name: repo,
    tag: result2.tag,
    "tagged-ref": `${repo}:${result2.tag}`,
    tags: taggedRefs.join("\n"),
    "image-ref": pinned(result2.image?.digest || void 0),
    "image-digest": result2.image?.digest ?? "",
    weights: JSON.stringify(weights),
    lockfile: result2.lockfile ?? "",
    "cache-hits": JSON.stringify(result2.cache.hits),
    "cache-misses": JSON.stringify(result2.cache.misses)
  };
  const metadata = {
    format: result2.format,
    dryRun: result2.dryRun,
    ...outputs,
    // Values, not the strings the step outputs have to be.
    tags: taggedRefs,
    "cache-hits": result2.cache.hits,
    "cache-misses": result2.cache.misses,
    weights,
    image: result2.image ?? null,
    weightOrigins: Object.fromEntries(result2.weights.map((w) => [w.name, w.origin])),
    lockfileChanged: result2.lockfileChanged,
    imported: result2.imported ?? null,
    ...totals(result2)
  };
  return { ...outputs, metadata: JSON.stringify(metadata) };
}
function refTreeText(result2) {
  if (result2.format === "image")
    return formatImageRef(result2.repository, result2.image?.digest ?? "");
  return formatRefTree({
    repository: result2.repository,
    indexDigest: result2.indexDigest ?? "(dry run)",
    imageDigest: result2.image?.digest || "(dry run)",
    weights: result2.weights.map((w) => ({ name: w.name, digest: w.digest }))
  });
}
var ORIGIN_WORDS = {
  registry: "in registry",
  store: "from local store",
  cache: "from cache",
  source: "from source"
};
function summaryMarkdown(result2) {
  const what = result2.format === "bundle" ? "Cog model" : "Cog model image";
  const lines3 = [
    result2.dryRun ? `### Dry run: ${what} not published (nothing was pushed)` : `### ${what} published`,
    "",
    ...result2.tags.map((tag) => `- \`${result2.repository}:${tag}\``),
    "",
    ...pinsTable(result2),
    "",
    ...imageTable(result2),
    ...result2.weights.length > 0 ? weightsTable(result2) : [],
    "",
    "<details><summary>Ref tree</summary>",
    "",
    "```",
    refTreeText(result2),
    "```",
    "",
    "</details>"
  ];
  return lines3.join("\n") + "\n";
}
function pinsTable(result2) {
  const repo = result2.repository;
  const pins = [
    ...result2.format === "bundle" ? [["model index", result2.indexDigest]] : [],
    ["image", result2.image?.digest || void 0],
    ...result2.weights.map((w) => [`weight ${w.name}`, w.digest])
  ];
  return [
    "| what | digest | pinned ref |",
    "|---|---|---|",
    ...pins.map(
      ([name, digest2]) => digest2 ? `| ${name} | \`${digest2.slice(0, 19)}\` | \`${repo}@${digest2}\` |` : `| ${name} | (dry run) | |`
    )
  ];
}
function imageTable(result2) {
  const r = result2.imageReport;
  if (!r || result2.dryRun) return [];
  const sent = r.bytesUploaded === void 0 ? "by the builder" : formatBytes(r.bytesUploaded);
  const size = r.size === void 0 ? "" : formatBytes(r.size);
  return [
    "| image | size | uploaded | time |",
    "|---|---:|---:|---:|",
    `| ${r.how} | ${size} | ${sent} | ${r.seconds.toFixed(1)} s |`,
    ""
  ];
}
function weightsTable(result2) {
  const t = totals(result2);
  const imported = new Map(result2.imported?.map((i) => [i.name, i]));
  const importColumn = result2.imported !== void 0;
  const [up, skip] = result2.dryRun ? ["would upload", "already there"] : ["uploaded", "skipped"];
  return [
    `| weight | size | ${up} | ${skip} | origin |${importColumn ? " import |" : ""}`,
    `|---|---:|---:|---:|---|${importColumn ? "---|" : ""}`,
    ...result2.weights.map((w) => {
      const i = imported.get(w.name);
      return `| ${w.name} | ${formatBytes(w.size)} | ${formatBytes(w.bytesUploaded)} | ${formatBytes(w.bytesSkipped)} | ${ORIGIN_WORDS[w.origin]} |` + (importColumn ? ` ${i ? `${i.status}, ${i.files} file(s)` : ""} |` : "");
    }),
    "",
    result2.dryRun ? `Weights: ${formatBytes(t.weightBytesUploaded)} would be uploaded, ${formatBytes(t.weightBytesSkipped)} already there.` : `Weights: ${formatBytes(t.weightBytesUploaded)} uploaded, ${formatBytes(t.weightBytesSkipped)} already there.`
  ];
}
function failureMarkdown(error, ledger) {
  const first = error.split("\n")[0] ?? error;
  const head = ["### Cog model not published", "", `> ${first}`, ""];
  const plan = ledger?.plan;
  if (!plan) {
    return [
      ...head,
      "No tag moved: the model tag goes up last, only after everything it names is verified, so each tag still names what it named before this run. Weights and image layers uploaded before the failure stay in the registry, untagged; the next run finds them there and skips them.",
      ""
    ].join("\n");
  }
  const entries = ledger.entries;
  const refs = (tags) => tags.map((t) => `\`${plan.repository}:${t}\``);
  const moved = plan.tags.filter((t) => entries.some((e) => e.tag === t));
  const still = plan.tags.filter((t) => !moved.includes(t));
  const one2 = still.length === 1;
  return [
    ...head,
    "| artifact | this run | digest |",
    "|---|---|---|",
    ...plan.artifacts.map(
      (what) => artifactRow(
        what,
        entries.find((e) => e.what === what)
      )
    ),
    "",
    ...moved.length > 0 ? [
      `Moved before the failure: ${refs(moved).join(", ")}, to what this run pushed there (listed above).`
    ] : [],
    ...still.length > 0 ? [
      `${moved.length > 0 ? "No other tag" : "No tag"} moved: ${refs(still).join(", ")} still ${one2 ? "names" : "name"} what ${one2 ? "it" : "they"} named before this run (the model tag goes up last, only after everything it names is verified).`
    ] : [],
    "What went up stays in the destination; the next run finds it there and skips it.",
    ""
  ].join("\n");
}
function artifactRow(what, entry) {
  if (!entry) return `| ${what} | not pushed | |`;
  const digest2 = `\`${entry.digest.slice(0, 19)}\``;
  if (entry.state === "present") return `| ${what} | already there | ${digest2} |`;
  const at = entry.tag ? ` at \`${entry.tag}\`` : "";
  const sent = entry.bytesUploaded === void 0 ? " by the builder" : ` (${formatBytes(entry.bytesUploaded)} uploaded)`;
  return `| ${what} | pushed${at}${sent} | ${digest2} |`;
}

export {
  formatBytes,
  shown,
  referenceString,
  ConfigError,
  WEIGHT_NAME_PATTERN,
  loadCogConfig,
  useProxies,
  readRuntimeEnv,
  logSafe,
  boundedLog,
  termination,
  signalExitCode,
  releaseNow,
  exitOnSignals,
  parseInputs,
  loadProject,
  lockfilePath,
  readLockfile,
  inventoryDirectory,
  packWeight,
  lockFindings,
  pushWeight,
  planTransfer,
  PackCache,
  PushLedger,
  openSession,
  publish,
  importToTarget,
  publishOutputs,
  refTreeText,
  summaryMarkdown,
  failureMarkdown
};
