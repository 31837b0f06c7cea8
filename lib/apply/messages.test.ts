import { describe, expect, it } from 'vitest';

import { applyEn } from '@/lib/i18n/messages/apply.en';
import { applyJa } from '@/lib/i18n/messages/apply.ja';

import type { ApplyRefusal } from './gate';
import type { ApplyStep } from './plan';
import type { StepChange } from './run';
import type { ApplyRun, RunStep } from './runs';

// Every value of the unions the panel and the actions turn into keys (a missing member is a compile error).
const KINDS: Record<ApplyStep['kind'], true> = {
  namespace: true,
  secret: true,
  chartsConfigMap: true,
  helm: true,
  waitCrd: true,
  waitDeployment: true,
  customResource: true,
  follow: true,
};
const CHANGES: Record<StepChange, true> = {
  create: true,
  update: true,
  unchanged: true,
  install: true,
  upgrade: true,
  waited: true,
  skipped: true,
  followed: true,
};
const STATES: Record<RunStep['state'], true> = { pending: true, running: true, done: true, failed: true };
const STATUSES: Record<ApplyRun['status'], true> = {
  running: true,
  succeeded: true,
  failed: true,
  cancelled: true,
};
// configChanged has its own message (apply.security.changedSinceChecks, with the fields).
const REFUSALS: Record<Exclude<ApplyRefusal, 'configChanged'> | 'running', true> = {
  noChecks: true,
  checksRunning: true,
  checksNotCleared: true,
  running: true,
};

const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('apply messages', () => {
  it('every key the panel and the actions build exists', () => {
    const keys = [
      ...Object.keys(KINDS).map((k) => `apply.step.kind.${k}`),
      ...Object.keys(CHANGES).flatMap((c) => [`apply.change.${c}`, `apply.change.dry.${c}`]),
      ...Object.keys(STATES).map((s) => `apply.step.state.${s}`),
      ...Object.keys(STATUSES).map((s) => `apply.ui.status.${s}`),
      ...Object.keys(REFUSALS).map((r) => `apply.ui.refused.${r}`),
      'apply.ui.noDraft',
      'apply.ui.invalidDraft',
      'apply.ui.unknownRun',
    ];
    for (const key of keys) expect(Object.keys(applyEn)).toContain(key);
  });

  it('Japanese has every key, non-empty, with the same parameters', () => {
    for (const [key, en] of Object.entries(applyEn)) {
      const ja = applyJa[key as keyof typeof applyEn];
      expect(ja, key).toBeTruthy();
      expect(params(ja), key).toEqual(params(en));
    }
  });
});
