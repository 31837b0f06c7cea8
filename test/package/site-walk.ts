/**
 * Run by test/package/archive.test.ts inside a network namespace with only loopback (`unshare -n`),
 * on the test's Node.js (which strips the types): starts the unpacked archive's launcher with a PATH
 * that holds no `node`, and walks the wizard in Debian's chromium as a user at a site does — signs in
 * with the URL the launcher prints, imports the procedure's wandb.yaml and values.yaml on the start
 * page, types what the two files cannot carry into the forms and presses "Next" through every step
 * to the review. Prints one JSON line of what it saw (the test asserts); imports only Node.js and
 * Playwright, so that it runs without the project's TypeScript set-up.
 */
import { spawn, spawnSync } from 'node:child_process';

import { chromium, type Page } from '@playwright/test';

/** What the test hands over (one JSON argument). */
export interface SiteWalkInput {
  launcher: string;
  /** The launcher's whole PATH. */
  path: string;
  home: string;
  port: number;
  chromium: string;
  wandbYaml: string;
  valuesYaml: string;
  /** Fields the two files cannot carry, by step, as form path → value. */
  fill: Record<string, Record<string, string>>;
  /** The steps in order, from start to review, each with its title. */
  steps: Array<{ id: string; title: string }>;
  text: { wandbYaml: string; valuesYaml: string; importRun: string; next: string };
}

/** What it saw. */
export interface SiteWalkResult {
  error?: string;
  /** The step it was on when it stopped (`review` when it got there). */
  reached: string;
  signinStatus?: number;
  importResult?: string;
  review?: { valuesYaml: string; wandbYaml: string; errors: string };
  /** Requests of the browser that did not go to the launcher's server. */
  offHost: string[];
  /** Responses of 400 and above, and requests that failed (not those cancelled), with their URLs. */
  failed: string[];
  consoleErrors: string[];
  /** What a request out of the namespace ended with (anything but `reached`). */
  external: string;
  /** What the launcher printed up to the sign-in URL (the token left out). */
  printed: string;
  /** The command it names for a new sign-in URL, run: its exit code and whether it printed a URL. */
  again?: { command: string; status: number | null; url: boolean };
}

const input = JSON.parse(process.argv[2] ?? '{}') as SiteWalkInput;
const base = `http://127.0.0.1:${input.port}`;
const result: SiteWalkResult = {
  reached: '',
  offHost: [],
  failed: [],
  consoleErrors: [],
  external: '',
  printed: '',
};

// Nothing of this process's environment: the launcher's PATH has no node.
const launcherEnv = {
  PATH: input.path,
  HOME: input.home,
  WIZARD_CONFIG_DIR: `${input.home}/config`,
} as unknown as NodeJS.ProcessEnv;
const launcher = spawn(input.launcher, ['--port', String(input.port)], {
  env: launcherEnv,
  stdio: ['ignore', 'pipe', 'inherit'],
});

/** The sign-in URL the launcher prints. */
function signinUrl(): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no sign-in URL in 60 s: ${out}`)), 60_000);
    launcher.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = new RegExp(`${base.replace(/\./g, '\\.')}/signin\\?token=[\\w-]+`).exec(out);
      if (m) {
        clearTimeout(timer);
        result.printed = out.replace(/token=[\w-]+/g, 'token=…');
        resolve(m[0]);
      }
    });
    launcher.on('exit', (code) => reject(new Error(`the launcher exited (${code}): ${out}`)));
  });
}

/** Waits until the page shows the step (its URL and its title). */
async function onStep(page: Page, step: { id: string; title: string }): Promise<void> {
  await page.waitForURL(new RegExp(`/wizard/${step.id}$`), { timeout: 30_000 });
  await page.locator('#step-title', { hasText: step.title }).waitFor({ timeout: 30_000 });
  result.reached = step.id;
}

async function walk(): Promise<void> {
  const url = await signinUrl();
  const browser = await chromium.launch({
    executablePath: input.chromium,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext({ locale: 'en-US', baseURL: base });
    context.on('request', (r) => {
      const u = new URL(r.url());
      if (u.protocol !== 'data:' && u.protocol !== 'blob:' && u.origin !== base) result.offHost.push(r.url());
    });
    context.on('response', (r) => {
      if (r.status() >= 400) result.failed.push(`${r.status()} ${r.url()}`);
    });
    // A navigation or prefetch the router cancels (a step left before its data came) is no failure.
    context.on('requestfailed', (r) => {
      const error = r.failure()?.errorText ?? '';
      if (error !== 'net::ERR_ABORTED') result.failed.push(`${error} ${r.url()}`);
    });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') result.consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => result.consoleErrors.push(String(e)));

    const signin = await context.request.get(url, { maxRedirects: 0 });
    result.signinStatus = signin.status();
    const [start, ...rest] = input.steps;
    if (!start) throw new Error('no steps');
    await page.goto(`/wizard/${start.id}`);
    await onStep(page, start);

    // The start page's import: the procedure's two files, as a user pastes them.
    await page.locator('#start-mode-import').check();
    await page.getByLabel(input.text.wandbYaml, { exact: true }).fill(input.wandbYaml);
    await page.getByLabel(input.text.valuesYaml, { exact: true }).fill(input.valuesYaml);
    await page.getByRole('button', { name: input.text.importRun, exact: true }).click();
    const report = page.getByTestId('import-result');
    await report.locator('.notice, .field-error').first().waitFor({ timeout: 30_000 });
    result.importResult = ((await report.textContent()) ?? '').trim();

    for (const step of rest) {
      await page.getByRole('button', { name: input.text.next, exact: true }).click();
      await onStep(page, step);
      for (const [field, value] of Object.entries(input.fill[step.id] ?? {}))
        await page.locator(`#f-${field.replace(/\./g, '-')}`).fill(value);
    }

    const text = async (selector: string) =>
      (await page.locator(selector).count()) > 0 ? ((await page.locator(selector).textContent()) ?? '') : '';
    result.review = {
      valuesYaml: await text('#file-values-yaml'),
      wandbYaml: await text('#file-wandb-yaml'),
      errors: await text('[data-testid="review-errors"]'),
    };
    await context.close();
  } catch (e) {
    result.error = `${e instanceof Error ? e.message : String(e)} (after the step ${result.reached || 'none'})`;
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  try {
    await walk();
  } catch (e) {
    result.error = e instanceof Error ? e.message : String(e);
  }
  result.external = await fetch('http://1.1.1.1', { signal: AbortSignal.timeout(3000) }).then(
    () => 'reached',
    (e: { cause?: { code?: string }; name?: string }) => String(e.cause?.code ?? e.name),
  );
  // The command the launcher named for a new sign-in URL, run as the user would (same PATH).
  const command = /`([^`]+ signin-url)`/.exec(result.printed)?.[1];
  if (command) {
    const again = spawnSync('/bin/sh', ['-c', command], {
      env: launcherEnv,
      encoding: 'utf8',
      timeout: 30_000,
    });
    result.again = { command, status: again.status, url: again.stdout.includes(`${base}/signin?token=`) };
  }
  launcher.kill();
  console.log(JSON.stringify(result));
}

void main();
