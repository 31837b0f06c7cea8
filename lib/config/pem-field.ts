import type { z } from 'zod';

import { splitPemBundle } from './ca-bundle';

/**
 * Reports the structural problems of a PEM bundle field as custom issues carrying
 * `{ block, line, label }`, so the form can say "block 2 (line 31) is a PRIVATE KEY".
 * The X.509 parse of each certificate happens on the server (`validateInstallConfig`).
 */
export function checkPemBundle(value: string, ctx: z.RefinementCtx, path: PropertyKey[]): void {
  if (value.trim() === '') return;
  const bundle = splitPemBundle(value);
  for (const issue of bundle.issues) {
    ctx.addIssue({
      code: 'custom',
      message: issue.key,
      path,
      params: { block: issue.block, line: issue.line, label: issue.label ?? '' },
    });
  }
  if (bundle.issues.length === 0 && bundle.certificates.length === 0) {
    ctx.addIssue({ code: 'custom', message: 'config.certificates.none', path, params: {} });
  }
}
