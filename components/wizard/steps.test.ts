import { describe, expect, it } from 'vitest';

import { CONFIG_SECTIONS } from '@/lib/config';

import { errorsByStep, neighbours, stepOfPath, WIZARD_STEPS } from './steps';

describe('WIZARD_STEPS', () => {
  it('puts the mirror and the checks after the forms they use (issue 13: the checks cannot run before)', () => {
    expect(WIZARD_STEPS.map((s) => s.id)).toEqual([
      'start',
      'registry',
      'charts',
      'platform',
      'storage',
      'database',
      'network',
      'mirror',
      'prerequisites',
      'review',
      'apply',
    ]);
  });

  it('gives every section of the configuration to exactly one step', () => {
    for (const section of CONFIG_SECTIONS) {
      const owners = WIZARD_STEPS.filter((s) => (s.fields as readonly string[]).includes(section));
      expect(
        owners.map((s) => s.id),
        section,
      ).toHaveLength(1);
    }
  });

  it('maps field paths to their step, and unknown paths to review', () => {
    expect(stepOfPath('bucket.secretKey').id).toBe('storage');
    expect(stepOfPath('images.local.tag').id).toBe('registry');
    expect(stepOfPath('').id).toBe('review');
    expect(stepOfPath('registryX').id).toBe('review');
    expect(errorsByStep(['bucket.name', 'bucket.path', 'mysql.host'])).toEqual({ storage: 2, database: 1 });
  });

  it('links each step to its neighbours', () => {
    expect(neighbours('start')).toEqual({ previous: undefined, next: WIZARD_STEPS[1] });
    expect(neighbours('apply').next).toBeUndefined();
  });
});
