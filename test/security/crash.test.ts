import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { isDraftFile } from '@/lib/draft/draft-file';
import { openSecrets } from '@/lib/draft/keys';

import { actionId, callAction, newSigninUrl, signIn, startWizard, tempDirs, type Wizard } from './support';

/**
 * kill -9 at random moments while a browser saves as fast as it can, again and again: after each
 * kill the draft file is complete (its values and its encrypted secrets from the same save), no
 * temporary file holds a secret in clear, and the next start removes every temporary file.
 */
const { dataDir, configDir } = tempDirs();
const running: Wizard[] = [];
afterAll(async () => {
  for (const w of running) await w.stop();
});

const license = (i: number) => `crash-license-${i}-0123456789`;
const password = (i: number) => `crash-password-${i}-abcdefgh`;

function values(i: number) {
  return {
    platform: { host: `https://save-${i}.example.com`, license: license(i), extraEnv: [] },
    mysql: {
      mode: 'external',
      host: 'db',
      port: 3306,
      database: 'wandb',
      user: 'wandb',
      password: password(i),
    },
  };
}

describe('kill -9 during saves', () => {
  it('leaves every draft complete and no temporary file after the next start', async () => {
    const save = actionId('saveDraft');
    let draftId: string | undefined;
    let i = 0;
    for (let round = 0; round < 6; round++) {
      const wizard = await startWizard({ dataDir, configDir });
      running.push(wizard);
      const cookie = await signIn(draftId ? await newSigninUrl(wizard, draftId) : wizard.signinUrl);
      // After a restart the temporary files of the last kill are gone.
      const drafts = path.join(dataDir, 'drafts');
      if (round > 0) expect(readdirSync(drafts).filter((n) => n.endsWith('.tmp'))).toEqual([]);
      // One save before the kills begin (the first request loads the application).
      i += 1;
      const first = await callAction(wizard, cookie, save, [
        { values: values(i), keepSecrets: true, forget: [], visited: ['start'], baseRev: null },
      ]);
      expect(first.status).toBe(200);
      let stop = false;
      const loop = (async () => {
        while (!stop) {
          i += 1;
          const answer = await callAction(wizard, cookie, save, [
            { values: values(i), keepSecrets: i % 3 !== 0, forget: [], visited: ['start'], baseRev: null },
          ]).catch(() => null);
          if (!answer) break;
        }
      })();
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 1500));
      wizard.child.kill('SIGKILL');
      stop = true;
      await loop;
      await wizard.stop();

      const files = readdirSync(drafts);
      for (const name of files.filter((n) => n.endsWith('.tmp'))) {
        const text = readFileSync(path.join(drafts, name), 'utf8');
        expect(text).not.toMatch(/crash-license|crash-password/);
      }
      const draftFiles = files.filter((n) => n.endsWith('.json'));
      expect(draftFiles.length).toBe(1);
      draftId = draftFiles[0]!.slice(0, -5);
      const text = readFileSync(path.join(drafts, draftFiles[0]!), 'utf8');
      expect(text).not.toMatch(/crash-license|crash-password/);
      const draft = JSON.parse(text) as unknown;
      expect(isDraftFile(draft)).toBe(true);
      if (!isDraftFile(draft)) return;
      const saved = Number(/save-(\d+)\./.exec(JSON.stringify(draft.values))?.[1]);
      expect(saved).toBeGreaterThan(0);
      if (draft.secrets) {
        process.env.WIZARD_CONFIG_DIR = configDir;
        const secrets = await openSecrets(draftId, draft.secrets);
        // The secrets of the same save as the values, never of another.
        expect(secrets).toEqual({ 'platform.license': license(saved), 'mysql.password': password(saved) });
      }
    }
    expect(i).toBeGreaterThan(20);
  });
});
