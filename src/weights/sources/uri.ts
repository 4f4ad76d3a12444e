// Source URIs: the canonical form and its rules live with cog.yaml (cog/source-uri.ts).

export {
  normalizeFileUri,
  normalizeSourceUri,
  parseHfUri,
  sourceKind,
  SourceError,
  type SourceKind,
} from '../../cog/source-uri.js';
