import { describe, expect, it } from 'vitest';

import { operatorReason } from './operator-log';

// The shape of the v1.22.0 controller's log (zap console encoder), as run by scripts/test-env.
const line = (level: string, message: string, fields: Record<string, unknown>) =>
  `2026-12-06T18:20:07Z\t${level}\t${message}\t${JSON.stringify({ controller: 'weightsandbiases', ...fields })}`;

describe('operatorReason', () => {
  it("returns the last apply error the operator logged for the resource, with helm's error", () => {
    const log = [
      line('INFO', 'Applying spec...', { namespace: 'default', name: 'wandb' }),
      line('ERROR', 'Failed to apply config changes.', {
        namespace: 'other',
        name: 'wandb',
        error: 'not this one',
      }),
      line('ERROR', 'Failed to apply config changes.', {
        namespace: 'default',
        name: 'wandb',
        error: 'chart "operator-wandb" version "9.9.9" not found in https://charts.example.com repository',
      }),
      line('ERROR', 'Failed to update resource with owner reference', {
        namespace: 'default',
        name: 'wandb',
      }),
      'not a log line',
    ].join('\n');
    expect(operatorReason(log, 'default', 'wandb')).toBe(
      'Failed to apply config changes. chart "operator-wandb" version "9.9.9" not found in https://charts.example.com repository',
    );
  });

  it('returns undefined when the log says nothing about the resource', () => {
    expect(
      operatorReason(
        line('INFO', 'Reconciling', { namespace: 'default', name: 'wandb' }),
        'default',
        'wandb',
      ),
    ).toBeUndefined();
  });
});
