// Prebuilt images as the tools write them (skopeo here; podman and buildx write the same
// shapes): an untagged single-manifest layout, a layout whose tag has slashes, a layout named
// by digest, and an oci-archive: tar. Each is published from the example project into an OCI
// layout with the CLI, and the image it publishes is the very manifest the tool wrote.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE } from './helpers/action.js';
import { cli } from './helpers/cli.js';
import { tempDir } from './helpers/tmp.js';

const root = tempDir('prebuilt-');
const project = path.join(root, 'project');
cpSync(EXAMPLE, project, { recursive: true });
const source = `oci:${path.join(project, 'image')}:latest`;

const skopeo = (to: string) => execFileSync('skopeo', ['copy', '--quiet', source, to]);
/** The manifest skopeo writes (it re-serialises the example's): what every publish must name. */
const written = (): string => {
  const dir = path.join(root, 'reference');
  skopeo(`oci:${dir}:x`);
  return JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')).manifests[0].digest;
};
const manifestDigest = written();

async function publish(image: string, name: string) {
  const out = path.join(root, `out-${name}`);
  const r = await cli([
    'publish',
    '--project',
    project,
    '--image',
    image,
    '--to',
    `oci-layout:${out}`,
  ]);
  return { ...r, image: /├─ image +oci-layout:[^@]+@(sha256:[0-9a-f]{64})/.exec(r.stdout)?.[1] };
}

describe('prebuilt images from anywhere', () => {
  it('an untagged single-manifest layout (skopeo oci:DIR) is its only manifest', async () => {
    skopeo(`oci:${path.join(root, 'untagged')}`);
    const index = JSON.parse(readFileSync(path.join(root, 'untagged/index.json'), 'utf8'));
    expect(index.manifests[0].annotations?.['org.opencontainers.image.ref.name']).toBeUndefined();
    const r = await publish(`oci-layout:${path.join(root, 'untagged')}`, 'untagged');
    expect(r.stderr).not.toMatch(/cog-push:/);
    expect(r.status).toBe(0);
    expect(r.image).toBe(manifestDigest);
  });

  it("a tag with slashes (podman's localhost/name:1), and the same layout by digest", async () => {
    skopeo(`oci:${path.join(root, 'slashed')}:localhost/hello:1`);
    const byTag = await publish(
      `oci-layout:${path.join(root, 'slashed')}:localhost/hello:1`,
      'tag',
    );
    expect(byTag.status).toBe(0);
    expect(byTag.image).toBe(manifestDigest);
    const byDigest = await publish(
      `oci-layout:${path.join(root, 'slashed')}@${manifestDigest}`,
      'dig',
    );
    expect(byDigest.status).toBe(0);
    expect(byDigest.image).toBe(manifestDigest);
  });

  it('an oci-archive: tar is read in place', async () => {
    const tar = path.join(root, 'hello.tar');
    skopeo(`oci-archive:${tar}:latest`);
    const r = await publish(`oci-archive:${tar}`, 'archive');
    expect(r.stderr).not.toMatch(/cog-push:/);
    expect(r.status).toBe(0);
    expect(r.image).toBe(manifestDigest);
  });

  it('a layout of several manifests, none latest, must be named: the error lists the tags', async () => {
    const many = path.join(root, 'many');
    skopeo(`oci:${many}:a`);
    skopeo(`oci:${many}:b`);
    const r = await publish(`oci-layout:${many}`, 'many');
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n').at(-1)).toBe(
      `cog-push: oci-layout:${many} holds 2 manifests (tagged a, b), none tagged latest: name one, as oci-layout:${many}:TAG or oci-layout:${many}@sha256:…`,
    );
    // Found before anything went up: no weight was written first (nor was the layout made).
    expect(r.stdout).not.toMatch(/weight \w+: pushed/);
    expect(existsSync(path.join(root, 'out-many'))).toBe(false);
  });

  it('an unknown transport fails at once, not as a registry host', async () => {
    const r = await publish('oci-archiv:hello.tar', 'typo');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^cog-push: input 'image': unknown transport "oci-archiv:"/);
  });
});
