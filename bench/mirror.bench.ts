/**
 * Mirror benchmark (issue 12): the fixture `wsm download` bundle (test/fixtures/mirror-bundle.ts:
 * docker, docker-gzip, an OCI index of two platforms, one image with a 201 MiB layer) pushed into
 * the test environment's TLS registry (private CA) by the wizard's engine (scripts/mirror.ts, run
 * as its own process: `node --import tsx`), by `skopeo copy` (Debian's package, one image after
 * another, as a consultant would script it) and by `crane push` (go-containerregistry v0.22.1,
 * built from the Go module proxy into ~/.cache/wandb-airgap-wizard/bin), each under a fresh path
 * prefix of its own (blob existence is per repository, so each starts empty); then a second run
 * of each into the same prefix (every blob there). Prints the wall times, the ratio to the faster
 * of skopeo and crane, and each tool's peak RSS (GNU time's %M); says whether the targets are met
 * (time ≤ 1.0× the faster of skopeo and crane; the wizard's peak under 300 MB). Asserts nothing.
 *
 *   npm run bench -- mirror
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import https from 'node:https';
import { cpus, homedir, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { defaultInstallConfig, type InstallConfig, resolveConfigImages } from '@/lib/config';

import {
  type BundleImage,
  chartName,
  configBundleImages,
  writeMirrorBundle,
} from '../test/fixtures/mirror-bundle';
import { requireEnv } from './support';

const CRANE_VERSION = 'v0.22.1';
const CHART_VERSION = '0.43.8';
const BIG = 201 * 1024 * 1024;
/** The memory target: 300 MB (decimal, the stricter reading). */
const MEMORY_TARGET = 300 * 1000 * 1000;

const registry = requireEnv('REGISTRY_TLS');
const caFile = requireEnv('REGISTRY_CA_FILE');
const cache = process.env.TEST_ENV_CACHE ?? path.join(homedir(), '.cache/wandb-airgap-wizard');

/** One process's wall time and peak RSS, and what it printed. */
interface Measured {
  ms: number;
  rssBytes: number;
  out: string;
}

/** Runs a command under GNU time (peak RSS of it and its waited-for children), timing it. */
function measure(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Measured> {
  const rssFile = path.join(work, `rss-${Math.random().toString(36).slice(2)}`);
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn('/usr/bin/time', ['-f', '%M', '-o', rssFile, cmd, ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - start;
      if (code !== 0) {
        reject(new Error(`${cmd} ${args.join(' ')}: exit ${code}\n${out.slice(-3000)}`));
        return;
      }
      const kb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
      resolve({ ms, rssBytes: kb * 1024, out });
    });
  });
}

/** The sum of sequential steps: total time, the largest peak. */
async function sequence(steps: Array<() => Promise<Measured>>): Promise<Measured> {
  const total: Measured = { ms: 0, rssBytes: 0, out: '' };
  for (const step of steps) {
    const m = await step();
    total.ms += m.ms;
    total.rssBytes = Math.max(total.rssBytes, m.rssBytes);
    total.out += m.out;
  }
  return total;
}

/** crane from the Go module proxy, built once per version (like the kube binaries of 70-kube). */
function ensureCrane(): string {
  const bin = path.join(cache, 'bin', `crane-${CRANE_VERSION}`);
  if (existsSync(bin)) return bin;
  const gobin = mkdtempSync(path.join(tmpdir(), 'crane-build-'));
  try {
    console.log(`building crane ${CRANE_VERSION} from the Go module proxy (once)...`);
    execFileSync(
      '/usr/local/go/bin/go',
      ['install', `github.com/google/go-containerregistry/cmd/crane@${CRANE_VERSION}`],
      { env: { ...process.env, GOBIN: gobin, GOFLAGS: '-buildvcs=false' }, stdio: 'inherit' },
    );
    mkdirSync(path.dirname(bin), { recursive: true });
    renameSync(path.join(gobin, 'crane'), bin);
  } finally {
    rmSync(gobin, { recursive: true, force: true });
  }
  return bin;
}

/**
 * skopeo keeps a blob-info cache (as root: /var/lib/containers/cache) that remembers where it
 * pushed each blob and would mount it from an earlier bench run's repository. To start empty
 * like the others, every skopeo of this bench runs in a mount namespace whose cache folder is
 * this run's own (kept between its first and second run, as a consultant's machine keeps it).
 * Returns the command and its leading arguments, or plain skopeo when no namespace can be made.
 */
function skopeoCommand(cacheDir: string): { cmd: string; pre: string[]; isolated: boolean } {
  const system = '/var/lib/containers/cache';
  try {
    mkdirSync(system, { recursive: true });
    execFileSync('unshare', ['-m', 'sh', '-c', `mount --bind "$0" "$1"`, cacheDir, system], {
      stdio: 'ignore',
    });
    return {
      cmd: 'unshare',
      pre: ['-m', 'sh', '-c', 'mount --bind "$0" "$1" && shift && exec skopeo "$@"', cacheDir, system],
      isolated: true,
    };
  } catch {
    return { cmd: 'skopeo', pre: [], isolated: false };
  }
}

const work = mkdtempSync(path.join(tmpdir(), 'mirror-bench-'));

async function main(): Promise<number> {
  for (const tool of ['skopeo', 'unshare']) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    } catch {
      console.error(`${tool} is missing: scripts/setup --bench installs it (npm run bench does)`);
      return 2;
    }
  }
  const crane = ensureCrane();
  const skopeoVersion = execFileSync('skopeo', ['--version'], { encoding: 'utf8' }).trim();
  const craneVersion = execFileSync(crane, ['version'], { encoding: 'utf8' }).trim();

  const config: InstallConfig = {
    ...defaultInstallConfig,
    charts: {
      ...defaultInstallConfig.charts,
      platform: { ...defaultInstallConfig.charts.platform, version: CHART_VERSION },
    },
  };
  const images = configBundleImages(config, BIG);
  const started = performance.now();
  const bundle = await writeMirrorBundle(path.join(work, 'fixture'), images);
  const bundleBytes = Number(execFileSync('du', ['-sb', bundle], { encoding: 'utf8' }).split('\t')[0]);
  console.log(
    `fixture bundle: ${images.length} images (${images.map((i) => i.format).join(', ')}), ` +
      `${mb(bundleBytes)} on disk, written in ${s(performance.now() - started)}`,
  );

  const run = Date.now().toString(36);
  const prefixes = {
    wizard: `bench-mirror/${run}/wizard`,
    skopeo: `bench-mirror/${run}/skopeo`,
    crane: `bench-mirror/${run}/crane`,
  };
  // Where each image goes under a prefix: the configuration's target (what the wizard pushes to).
  const targets = (prefix: string): Map<string, string> => {
    const resolved = resolveConfigImages({
      ...config,
      registry: { ...config.registry, host: `${registry}/${prefix}` },
    });
    return new Map(resolved.filter((i) => i.needed).map((i) => [chartName(i.sourceRef), i.targetRef]));
  };
  const archive = (i: BundleImage) => path.join(bundle, 'images', i.ref, 'image.tgz');

  const certDir = path.join(work, 'certs');
  mkdirSync(certDir);
  copyFileSync(caFile, path.join(certDir, 'ca.crt'));
  const skopeoCache = path.join(work, 'skopeo-cache');
  mkdirSync(skopeoCache);
  const skopeo = skopeoCommand(skopeoCache);
  const links = path.join(work, 'links');
  mkdirSync(links);
  // skopeo reads `docker-archive:PATH[:REF]`: the bundle's paths hold the tag's colon, so each
  // archive is given through a symbolic link of a name without one.
  const link = (i: BundleImage) => path.join(links, `${images.indexOf(i)}.tar`);
  images.forEach((i) => symlinkSync(archive(i), link(i)));
  const craneEnv = { ...process.env, SSL_CERT_FILE: caFile };

  // Which archive shapes each tool reads (a small image of each shape; crane reads an OCI layout
  // only as a folder, unpacked below): the comparison keeps the shapes that all three read.
  const unreadable: string[] = [];
  for (const format of [...new Set(images.map((i) => i.format))]) {
    const sample = images.find((i) => i.format === format && !i.bigLayerBytes);
    if (!sample) continue;
    const probes: Array<[string, string, string[], NodeJS.ProcessEnv]> = [
      [
        'skopeo',
        'skopeo',
        ['inspect', '--raw', `${format === 'oci-index' ? 'oci-archive' : 'docker-archive'}:${link(sample)}`],
        process.env,
      ],
      ...(format === 'oci-index'
        ? []
        : [
            ['crane', crane, ['validate', '--tarball', archive(sample)], craneEnv] as [
              string,
              string,
              string[],
              NodeJS.ProcessEnv,
            ],
          ]),
    ];
    for (const [name, cmd, args, env] of probes) {
      try {
        execFileSync(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
      } catch (e) {
        const err = String((e as { stderr?: Buffer }).stderr ?? e)
          .trim()
          .split('\n')
          .pop();
        unreadable.push(`${name} cannot read the ${format} archive (${sample.ref}): ${err}`);
      }
    }
  }
  const excluded = new Set(
    unreadable.map((u) => /the (\S+) archive/.exec(u)?.[1]).filter((f): f is string => !!f),
  );
  const compared = images.filter((i) => !excluded.has(i.format));
  // The wizard pushes the same images: a bundle of hard links to the compared archives.
  let source = bundle;
  if (compared.length < images.length) {
    source = path.join(work, 'compared', 'bundle');
    for (const i of compared) {
      mkdirSync(path.dirname(path.join(source, 'images', i.ref, 'image.tgz')), { recursive: true });
      linkSync(archive(i), path.join(source, 'images', i.ref, 'image.tgz'));
    }
    copyFileSync(path.join(bundle, 'spec.yaml'), path.join(source, 'spec.yaml'));
  }
  for (const u of unreadable) console.log(u);
  console.log(
    `compared: ${compared.length} of ${images.length} images (${[...new Set(compared.map((i) => i.format))].join(', ')})` +
      (excluded.size
        ? `; left out: ${[...excluded].join(', ')} (the wizard reads it; one or both others do not)`
        : ''),
  );

  const wizard = () =>
    measure(process.execPath, [
      '--conditions=react-server',
      '--import',
      'tsx',
      'scripts/mirror.ts',
      '--source',
      source,
      '--registry',
      `${registry}/${prefixes.wizard}`,
      '--ca',
      caFile,
      '--chart-version',
      CHART_VERSION,
    ]);
  const skopeoRun = () => {
    const to = targets(prefixes.skopeo);
    return sequence(
      compared.map((i) => () => {
        const src = `${i.format === 'oci-index' ? 'oci-archive' : 'docker-archive'}:${link(i)}`;
        return measure(skopeo.cmd, [
          ...skopeo.pre,
          'copy',
          '--quiet',
          ...(i.format === 'oci-index' ? ['--all'] : []),
          '--dest-cert-dir',
          certDir,
          src,
          `docker://${to.get(i.ref)}`,
        ]);
      }),
    );
  };
  const craneRun = () => {
    const to = targets(prefixes.crane);
    const env = craneEnv;
    return sequence(
      compared.map((i) => async () => {
        if (i.format !== 'oci-index')
          return measure(crane, ['push', archive(i), to.get(i.ref) as string], env);
        // crane reads an OCI layout only as a folder: the archive is unpacked first (timed too).
        const dir = mkdtempSync(path.join(work, 'oci-'));
        const untar = await measure('tar', ['-xf', archive(i), '-C', dir]);
        const push = await measure(crane, ['push', '--index', dir, to.get(i.ref) as string], env);
        rmSync(dir, { recursive: true, force: true });
        return { ms: untar.ms + push.ms, rssBytes: Math.max(untar.rssBytes, push.rssBytes), out: push.out };
      }),
    );
  };

  const loadStart = loadavg();
  const results: Record<'wizard' | 'skopeo' | 'crane', Measured[]> = { wizard: [], skopeo: [], crane: [] };
  for (const pass of [0, 1]) {
    for (const [name, fn] of [
      ['wizard', wizard],
      ['skopeo', skopeoRun],
      ['crane', craneRun],
    ] as const) {
      const m = await fn();
      results[name].push(m);
      console.log(`${pass === 0 ? 'first' : 'second'} run, ${name}: ${s(m.ms)}, peak ${mb(m.rssBytes)}`);
    }
  }
  const summary = results.wizard[0]?.out
    .split('\n')
    .filter((l) => /pushed|nothing to push/.test(l))
    .pop();
  const summary2 = results.wizard[1]?.out
    .split('\n')
    .filter((l) => /pushed|nothing to push/.test(l))
    .pop();

  const faster = [0, 1].map((p) => Math.min(results.skopeo[p]!.ms, results.crane[p]!.ms));
  console.log('');
  console.log(`registry: ${registry} (TLS, private CA), one prefix per tool under bench-mirror/${run}/`);
  console.log(
    `skopeo: ${skopeoVersion}${skopeo.isolated ? '' : ' (its blob-info cache could not be isolated: an earlier run may be mounted from)'}`,
  );
  console.log(`crane: ${craneVersion} (go-containerregistry ${CRANE_VERSION})`);
  console.log(
    `load average at the start / end: ${loadStart.map((l) => l.toFixed(1)).join(' ')} / ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (${cpus().length} cores; other work on the machine makes times noisy)`,
  );
  console.log('');
  console.log(
    '| tool | first run (empty) | second run (all there) | ratio to the faster, first / second | peak RSS |',
  );
  console.log('|---|---|---|---|---|');
  for (const name of ['wizard', 'skopeo', 'crane'] as const) {
    const [a, b] = results[name] as [Measured, Measured];
    console.log(
      `| ${name} | ${s(a.ms)} | ${s(b.ms)} | ${(a.ms / faster[0]!).toFixed(2)}× / ${(b.ms / faster[1]!).toFixed(2)}× | ${mb(Math.max(a.rssBytes, b.rssBytes))} |`,
    );
  }
  console.log('');
  console.log(`wizard's own summary, first run: ${summary ?? '-'}; second run: ${summary2 ?? '-'}`);
  console.log(
    'skopeo: one `skopeo copy docker-archive:FILE` per docker archive, `oci-archive:FILE --all` for the OCI index; ' +
      'crane: one `crane push FILE` per docker archive, the OCI archive unpacked with tar (timed) then `crane push --index DIR`.',
  );
  const big = compared.find((i) => i.bigLayerBytes);
  if (big)
    for (const name of ['wizard', 'skopeo', 'crane'] as const) {
      const layers = await manifestLayers(targets(prefixes[name]).get(big.ref) as string);
      const largest = layers.sort((a, b) => b.size - a.size)[0];
      console.log(
        `${name} stored ${big.ref}'s large layer as ${largest?.mediaType ?? '?'}, ${mb(largest?.size ?? 0)}`,
      );
    }
  const [w1, w2] = results.wizard as [Measured, Measured];
  const timeOk = [0, 1].map((p) => results.wizard[p]!.ms <= faster[p]!);
  const memOk = Math.max(w1.rssBytes, w2.rssBytes) < MEMORY_TARGET;
  console.log(
    `target time ≤ 1.0× the faster of skopeo/crane: first run ${timeOk[0] ? 'MET' : `NOT MET (${(w1.ms / faster[0]!).toFixed(2)}×)`}, ` +
      `second run ${timeOk[1] ? 'MET' : `NOT MET (${(w2.ms / faster[1]!).toFixed(2)}×)`}`,
  );
  console.log(
    `target wizard peak memory < 300 MB with the ${mb(BIG)} layer: ${memOk ? 'MET' : 'NOT MET'} (${mb(Math.max(w1.rssBytes, w2.rssBytes))})`,
  );
  return 0;
}

/** The layers of a pushed image's manifest (`host/repo:tag`), read from the TLS registry. */
function manifestLayers(ref: string): Promise<Array<{ mediaType: string; size: number }>> {
  const slash = ref.indexOf('/');
  const colon = ref.lastIndexOf(':');
  const url = `https://${ref.slice(0, slash)}/v2/${ref.slice(slash + 1, colon)}/manifests/${ref.slice(colon + 1)}`;
  const accept = [
    'application/vnd.docker.distribution.manifest.v2+json',
    'application/vnd.oci.image.manifest.v1+json',
  ].join(', ');
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca: readFileSync(caFile), headers: { accept } }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => {
          try {
            resolve(
              (JSON.parse(body) as { layers?: Array<{ mediaType: string; size: number }> }).layers ?? [],
            );
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)));
          }
        });
      })
      .on('error', reject);
  });
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(0)} MB`;
}
function s(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

main()
  .then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  )
  .finally(() => rmSync(work, { recursive: true, force: true }));
