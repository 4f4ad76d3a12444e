// The two halves of a built publish side by side: the weights upload while the builder runs
// (each half waits on proof that the other is under way, so a publish that ran them one after
// the other could not finish), a failure in either stops the other and pushes no index, and
// the log keeps the build's lines in one group.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoManifest,
  startFaultProxy,
  startRegistry,
  type FaultProxy,
  type Registry,
} from './helpers/registry.js';
import { actionRunner, errorLines, EXAMPLE } from './helpers/action.js';
import { tempDir, writeTree } from './helpers/tmp.js';

const root = tempDir('overlap-');
const { runAction } = actionRunner(root);
const lock = JSON.parse(readFileSync(path.join(EXAMPLE, 'weights.lock'), 'utf8'));
const weightManifests: string[] = lock.weights.map((w: { digest: string }) => w.digest);

/**
 * A `docker` stand-in: marks that it started (with its pid), prints `lines` lines, waits for
 * `waitFor` (up to 20 s, else fails), then does `then` (push the example image, or fail).
 */
function dockerStandIn(
  name: string,
  o: { waitFor?: string; then: 'push' | 'fail' | 'sleep'; lines?: number },
): { bin: string; started: string } {
  const bin = path.join(root, `${name}-bin`);
  const started = path.join(root, `${name}-started`);
  const wait = o.waitFor
    ? `i=0; while [ ! -e "${o.waitFor}" ]; do i=$((i+1)); [ $i -gt 400 ] && { echo "gave up waiting for the weights" >&2; exit 9; }; sleep 0.05; done`
    : '';
  const then = {
    push: `ref=""; prev=""; for a in "$@"; do [ "$prev" = "-t" ] && ref="$a"; prev="$a"; done
exec skopeo copy --quiet --preserve-digests --dest-tls-verify=false "oci:${EXAMPLE}/image:latest" "docker://$ref"`,
    fail: `echo "step 2/2: RUN pip install: boom" >&2; exit 3`,
    sleep: `exec sleep 60`,
  }[o.then];
  writeTree(bin, {
    docker: `#!/bin/sh
[ "$1 $2" = "buildx version" ] && exit 0 # a docker with buildx, as on GitHub's runners
echo $$ > "${started}"
n=0; while [ $n -lt ${o.lines ?? 3} ]; do n=$((n+1)); echo "#$n building step $n"; sleep 0.1; done
touch "${started}.lines"
${wait}
${then}
`,
  });
  chmodSync(path.join(bin, 'docker'), 0o755);
  return { bin, started };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('build and weight upload side by side', () => {
  let registry: Registry;
  let proxy: FaultProxy;
  /** What the proxy does with the weights' manifest PUTs and blob uploads, per test. */
  let onWeightManifest: (() => boolean) | undefined;
  let refuseBlobs = false;
  let blobUploadSeen = path.join(root, 'never');
  beforeAll(async () => {
    registry = await startRegistry(path.join(root, 'registry'));
    proxy = await startFaultProxy(registry.host, (req) => {
      const url = req.url ?? '';
      if (req.method === 'POST' && url.includes('/blobs/uploads/')) {
        writeFileSync(blobUploadSeen, '');
        if (refuseBlobs) return { kind: 'status', status: 400 };
      }
      // A weight's manifest goes up at its tag (cog-weight.<name>.<short>) or its digest.
      const isWeight =
        url.includes('/manifests/cog-weight.') ||
        weightManifests.some((d) => url.endsWith(`/manifests/${d}`));
      if (req.method === 'PUT' && isWeight && onWeightManifest)
        return { kind: 'hold', until: onWeightManifest, ms: 20_000 };
      return { kind: 'pass' };
    });
  });
  afterAll(async () => {
    await proxy.stop();
    await registry.stop();
  });

  const inputs = (repository: string) => ({
    'working-directory': 'examples/hello',
    registry: proxy.host,
    repository,
    tag: 'v1',
    build: 'docker',
  });

  it('uploads the weights while the image builds, and groups the build output', async () => {
    blobUploadSeen = path.join(root, 'weights-started');
    const docker = dockerStandIn('overlap', { waitFor: blobUploadSeen, then: 'push', lines: 8 });
    // The weights cannot finish before the build has printed its lines (0.8 s, four
    // heartbeat intervals), nor the build before the weights have started: only a publish
    // that runs both at once gets through.
    onWeightManifest = () => existsSync(`${docker.started}.lines`);
    const r = await runAction(inputs('side/by-side'), {
      PATH: `${docker.bin}:${process.env['PATH']}`,
      COG_PUSH_PROGRESS_SECONDS: '0.2',
    });
    onWeightManifest = undefined;
    expect(errorLines(r)).toEqual([]);
    expect(r.status).toBe(0);
    expect(r.outputs['digest']).toMatch(/^sha256:/);
    const out = r.stdout.split('\n');
    const group = out.indexOf('::group::Image build (docker)');
    const end = out.indexOf('::endgroup::', group);
    expect(group).toBeGreaterThan(0);
    // Every builder line is in the build's group, in order, and nowhere else.
    const built = out.filter((l) => /^#\d+ building step/.test(l));
    expect(built).toEqual(Array.from({ length: 8 }, (_, i) => `#${i + 1} building step ${i + 1}`));
    const firstBuilt = out.indexOf('#1 building step 1');
    expect(firstBuilt).toBeGreaterThan(group);
    expect(out.indexOf('#8 building step 8')).toBeLessThan(end);
    // Outside the group while both ran: the weights' own lines and the build's heartbeat.
    const before = out.slice(0, group);
    expect(before.some((l) => /^weight (tokenizer|encoder): pushed/.test(l))).toBe(true);
    expect(before.some((l) => /^image: build \(docker\) running for \d+s, \d+ lines/.test(l))).toBe(
      true,
    );
  });

  it('a failed weight upload stops the build and pushes no index', async () => {
    blobUploadSeen = path.join(root, 'refused-seen');
    refuseBlobs = true;
    const docker = dockerStandIn('weights-fail', { then: 'sleep' });
    const r = await runAction(inputs('side/weights-fail'), {
      PATH: `${docker.bin}:${process.env['PATH']}`,
    });
    refuseBlobs = false;
    expect(r.status).toBe(1);
    const errors = errorLines(r);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/answered 400/);
    expect(errors[0]).not.toMatch(/docker|stopped|cancel/);
    // The builder was stopped, not left running for its 60 s.
    const pid = Number(readFileSync(docker.started, 'utf8'));
    expect(alive(pid)).toBe(false);
    await expectNoManifest(`${registry.host}/side/weights-fail:v1`);
  });

  it('a failed build stops the weight upload and pushes no index', async () => {
    const docker = dockerStandIn('build-fail', { then: 'fail' });
    // The weights would wait for ever (their manifests are held, and peers may stall for
    // 10 minutes): only cancelling them lets the publish end now.
    onWeightManifest = () => false;
    const r = await runAction(inputs('side/build-fail'), {
      PATH: `${docker.bin}:${process.env['PATH']}`,
      COG_PUSH_STALL_SECONDS: '600',
    });
    onWeightManifest = undefined;
    expect(r.status).toBe(1);
    const errors = errorLines(r);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/`docker buildx build` failed with exit code 3/);
    // The builder's last lines, where the user looks.
    expect(errors[0]).toMatch(/step 2\/2: RUN pip install: boom/);
    await expectNoManifest(`${registry.host}/side/build-fail:v1`);
    for (const d of weightManifests)
      await expectNoManifest(`${registry.host}/side/build-fail@${d}`);
  });
});
