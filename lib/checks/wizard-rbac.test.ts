import { readFileSync } from 'node:fs';

import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

import { PROCEDURE_EXAMPLE } from '@/lib/config/procedure-example';

import { requiredAccess } from './kube-access';
import { wizardRbacRules } from './wizard-rbac';

const CHART_RULES = 'deploy/wandb-airgap-wizard/files/rules.yaml';

describe('wizardRbacRules', () => {
  it('covers every permission the apply plan needs, and the chart ships exactly these rules', () => {
    const rules = wizardRbacRules(PROCEDURE_EXAMPLE);
    for (const a of requiredAccess(PROCEDURE_EXAMPLE)) {
      const rule = rules.find((r) => r.apiGroups[0] === a.group && r.resources[0] === a.resource);
      expect(rule?.verbs, `${a.verb} ${a.resource}`).toContain(a.verb);
    }
    // After a change of the plan or the checks: npx tsx --conditions=react-server deploy/render-rules.ts
    expect(load(readFileSync(CHART_RULES, 'utf8'))).toEqual(rules);
  });

  it('grants nothing cluster-wide beyond what the install or a check uses: no wildcard', () => {
    const rules = wizardRbacRules(PROCEDURE_EXAMPLE);
    expect(rules.flatMap((r) => [...r.apiGroups, ...r.resources, ...r.verbs])).not.toContain('*');
    expect(rules.find((r) => r.resources[0] === 'nodes')?.verbs).toEqual(['list']);
  });
});
