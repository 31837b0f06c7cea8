import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { PROCEDURE_EXAMPLE } from '@/lib/config';

import { actionId, callAction, request, routes, signIn, startWizard, type Wizard } from './support';

/**
 * A full walk with known secret values — saved, every page and its RSC payload fetched, every
 * download without secrets, the checks run and reported, a bypass, a dry run, an apply refused for
 * a changed configuration — after which the server's log, the audit log, every response and the
 * draft folder (without opt-in) hold none of them in any common form; with opt-in the draft holds
 * them only as ciphertext, with a new nonce on every save.
 */
const SECRETS = {
  license: 'walk-LICENSE-7f3a9c1e5b',
  registry: 'walk-REGISTRY-pa55:w0rd"x',
  chart: 'walk-CHART-pa55/4b2e',
  mysql: 'walk-MYSQL-pa55 9d1f',
  accessKey: 'walk-ACCESSKEY-AKIA9E',
  secretKey: 'walk-SECRETKEY+e2e/1',
  kubeToken: 'walk-KUBETOKEN-3c8d0a',
  mirrorSource: 'walk-MIRRORSRC-pa55&6e1b',
};
/** An uploaded kubeconfig whose API server refuses at once (port 9 on loopback): its token is a secret. */
const KUBECONFIG_UPLOAD = `apiVersion: v1
kind: Config
clusters:
- name: site
  cluster: { server: 'https://127.0.0.1:9' }
users:
- name: ops
  user: { token: '${SECRETS.kubeToken}' }
contexts:
- name: ops@site
  context: { cluster: site, user: ops }
current-context: ops@site
`;
const config = {
  ...PROCEDURE_EXAMPLE,
  registry: { ...PROCEDURE_EXAMPLE.registry, username: 'puller', password: SECRETS.registry },
  charts: {
    ...PROCEDURE_EXAMPLE.charts,
    operator: {
      ...PROCEDURE_EXAMPLE.charts.operator,
      source: { ...PROCEDURE_EXAMPLE.charts.operator.source, username: 'charts', password: SECRETS.chart },
    },
  },
  platform: { ...PROCEDURE_EXAMPLE.platform, license: SECRETS.license },
  bucket: { ...PROCEDURE_EXAMPLE.bucket, accessKey: SECRETS.accessKey, secretKey: SECRETS.secretKey },
  mysql: { ...PROCEDURE_EXAMPLE.mysql, password: SECRETS.mysql },
  mirror: {
    ...PROCEDURE_EXAMPLE.mirror,
    from: 'registry' as const,
    registry: {
      ...PROCEDURE_EXAMPLE.mirror.registry,
      host: 'source.example.com/wandb',
      username: 'source-puller',
      password: SECRETS.mirrorSource,
    },
  },
  target: {
    ...PROCEDURE_EXAMPLE.target,
    kubeconfig: { source: 'upload', path: '', content: KUBECONFIG_UPLOAD },
  },
};

/** Each secret as is, JSON-escaped, URL-encoded, base64 and hex. */
function forms(secret: string): string[] {
  return [
    secret,
    JSON.stringify(secret).slice(1, -1),
    encodeURIComponent(secret),
    Buffer.from(secret).toString('base64').replace(/=+$/, ''),
    Buffer.from(secret).toString('hex'),
  ];
}
const ALL_FORMS = Object.values(SECRETS).flatMap(forms);
const leaks = (text: string) => ALL_FORMS.filter((f) => text.includes(f));

let wizard: Wizard;
let cookie: string;
const responses: Array<{ what: string; body: string }> = [];

beforeAll(async () => {
  wizard = await startWizard();
  cookie = await signIn(wizard.signinUrl);
});
afterAll(async () => {
  await wizard?.stop();
});

async function action(name: string, args: unknown[], file?: string) {
  const answer = await callAction(wizard, cookie, actionId(name, file), args);
  responses.push({ what: `action ${name}`, body: answer.body });
  expect(answer.status, `${name}: ${answer.body.slice(0, 300)}`).toBe(200);
  if (answer.result === undefined) throw new Error(`${name}: no result in ${answer.body.slice(0, 500)}`);
  return answer.result as {
    ok: boolean;
    data?: unknown;
    error?: { key: string; params: Record<string, unknown> };
  };
}

async function get(route: string, headers: Record<string, string> = {}) {
  const answer = await request(wizard.base, route, {
    headers: { Host: `127.0.0.1:${wizard.port}`, Cookie: cookie, ...headers },
  });
  responses.push({ what: `GET ${route} ${JSON.stringify(headers)}`, body: answer.body });
  return answer;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('secrets stay out', () => {
  it('a full walk leaves no secret in the log, the audit log, any response or the draft folder', async () => {
    const saved = await action('saveDraft', [
      { values: config, keepSecrets: false, forget: [], visited: ['start'], baseRev: 0 },
    ]);
    expect(saved.ok).toBe(true);
    // The Platform step's connection test: it reads the uploaded kubeconfig and fails to connect.
    const inspected = await action('inspectDraftCluster', [], 'platform/actions');
    expect(inspected.ok).toBe(true);
    expect((inspected.data as { contexts: Array<{ name: string }> }).contexts[0]?.name).toBe('ops@site');
    for (const page of routes().pages) {
      await get(page);
      await get(page, { RSC: '1' });
    }
    const files = [
      'values.yaml',
      'wandb.yaml',
      'secrets.yaml',
      'RUNBOOK.md',
      'RUNBOOK.ja.md',
      'images.txt',
      'mirror-images.sh',
    ];
    for (const file of files) await get(`/download/${file}`);
    const zip = await request(wizard.base, '/download/archive', {
      headers: { Host: `127.0.0.1:${wizard.port}`, Cookie: cookie },
    });
    expect(zip.status).toBe(200);
    const archive = await new Promise<Buffer>((resolve, reject) => {
      // The body above is text-decoded: fetch it again as bytes.
      import('node:http').then(({ get: httpGet }) =>
        httpGet(`${wizard.base}/download/archive`, { headers: { Cookie: cookie } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(Buffer.concat(chunks)));
        }).on('error', reject),
      );
    });
    for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(archive))))
      responses.push({ what: `archive ${name}`, body: strFromU8(bytes) });

    // The checks, their report, a bypass and a dry run.
    const started = (await action('startChecksRun', [{ bucketWriteTest: false }])) as {
      ok: boolean;
      data: { id: string };
    };
    expect(started.ok).toBe(true);
    let run:
      | { checks: Array<{ id: string; strict: boolean; state: string; result?: { status: string } }> }
      | undefined;
    for (let i = 0; i < 240; i++) {
      const polled = (await action('pollChecksRun', [started.data.id])) as { data: typeof run };
      run = polled.data;
      if (run?.checks.every((c) => c.state === 'done')) break;
      await sleep(500);
    }
    expect(run?.checks.every((c) => c.state === 'done')).toBe(true);
    await get(`/api/checks/${started.data.id}/report`);
    await get(`/api/checks/${started.data.id}/report?format=md`);
    const failing = run!.checks.filter(
      (c) => c.strict && c.result && !['pass', 'warn'].includes(c.result.status),
    );
    for (const check of failing)
      await action('bypassCheck', [started.data.id, check.id, true, 'no such hosts in this test']);
    await action('startApply', [{ dryRun: true }]);

    // The apply gate: a changed configuration is refused, naming the field.
    const changed = { ...config, mysql: { ...config.mysql, host: 'another-db.example.com' } };
    const rev = (saved.data as { rev: number }).rev;
    const resaved = await action('saveDraft', [
      { values: changed, keepSecrets: false, forget: [], visited: ['start'], baseRev: rev },
    ]);
    expect(resaved.ok).toBe(true);
    const refused = await action('startApply', [{ dryRun: false }]);
    expect(refused.ok).toBe(false);
    expect(refused.error?.key).toBe('apply.security.changedSinceChecks');
    expect(String(refused.error?.params.fields)).toContain('mysql.host');
    // Back to the configuration checked: the gate lets it through (helm then gets the uploaded
    // kubeconfig as a file for the run only, and cannot reach its API server).
    await action('saveDraft', [
      {
        values: config,
        keepSecrets: false,
        forget: [],
        visited: ['start'],
        baseRev: (resaved.data as { rev: number }).rev,
      },
    ]);
    const accepted = await action('startApply', [{ dryRun: false }]);
    expect(accepted.ok).toBe(true);
    await action('readAuditLog', []);
    await get('/api/audit');
    await sleep(1500);

    for (const r of responses) expect(leaks(r.body), r.what).toEqual([]);
    expect(leaks(wizard.log()), 'server log').toEqual([]);
    const audit = readFileSync(path.join(wizard.dataDir, 'audit.log'), 'utf8');
    expect(audit).toMatch(/"event":"bypass"/);
    expect(audit).toMatch(/"event":"dryRun"/);
    expect(audit).toMatch(/"result":"refused","error":"configChanged"/);
    expect(leaks(audit), 'audit log').toEqual([]);
    const drafts = path.join(wizard.dataDir, 'drafts');
    for (const name of readdirSync(drafts, { recursive: true }) as string[]) {
      if (!name.endsWith('.json')) continue;
      expect(leaks(readFileSync(path.join(drafts, name), 'utf8')), name).toEqual([]);
    }
    expect(leaks(readFileSync(path.join(wizard.dataDir, 'sessions.json'), 'utf8'))).toEqual([]);
    // The uploaded kubeconfig's file for helm is gone once the apply has ended.
    const kubeFiles = () =>
      (existsSync('/dev/shm') ? readdirSync('/dev/shm') : []).filter((f) =>
        f.startsWith('wandb-wizard-kube-'),
      );
    for (let i = 0; i < 60 && kubeFiles().length > 0; i++) await sleep(500);
    expect(kubeFiles()).toEqual([]);
  });

  it('with the opt-in the draft holds the secrets only as ciphertext, a new nonce on each save', async () => {
    const nonces: string[] = [];
    let rev: number | null = null;
    for (let i = 0; i < 2; i++) {
      const saved = await action('saveDraft', [
        { values: config, keepSecrets: true, forget: [], visited: ['start'], baseRev: rev },
      ]);
      expect(saved.ok).toBe(true);
      rev = (saved.data as { rev: number }).rev;
      const drafts = path.join(wizard.dataDir, 'drafts');
      const [file] = readdirSync(drafts).filter((n) => n.endsWith('.json'));
      const text = readFileSync(path.join(drafts, file!), 'utf8');
      expect(leaks(text)).toEqual([]);
      const parsed = JSON.parse(text) as { secrets?: { alg: string; nonce: string } };
      expect(parsed.secrets?.alg).toBe('AES-256-GCM');
      nonces.push(parsed.secrets!.nonce);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });
});
