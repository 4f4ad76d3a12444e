// A separate process that tags `count` manifests in one OCI layout, as a concurrent publish
// into a shared layout directory would: `node --import tsx layout-writer.ts DIR PREFIX COUNT`.
import { OciLayoutTarget } from '../../src/oci/layout.js';
import { MEDIA_TYPE } from '../../src/oci/mediatypes.js';

const [dir, prefix, count] = process.argv.slice(2) as [string, string, string];
const target = new OciLayoutTarget(dir);
for (let i = 0; i < Number(count); i++) {
  const bytes = new TextEncoder().encode(
    JSON.stringify({ schemaVersion: 2, mediaType: MEDIA_TYPE.ociManifest, note: `${prefix}-${i}` }),
  );
  await target.putManifest(bytes, MEDIA_TYPE.ociManifest, `${prefix}-${i}`);
}
