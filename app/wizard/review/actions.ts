'use server';

import { currentDraftConfig } from '@/lib/draft';
import { buildManifests, dump } from '@/lib/generate';

import { type ActionResult, ok } from '../../action-result';

/** What the live preview shows for the saved draft. */
export type Preview =
  | { kind: 'files'; files: { name: string; text: string }[] }
  | { kind: 'invalid'; fields: string[] }
  | { kind: 'empty' };

/**
 * The generated `wandb.yaml` and `values.yaml` of the saved draft, secrets masked as on the review
 * page, for the preview beside the form; or the fields still to fix while it is not valid.
 */
export async function previewFiles(): Promise<ActionResult<Preview>> {
  const result = await currentDraftConfig();
  if (!result) return ok({ kind: 'empty' });
  if (!result.ok) return ok({ kind: 'invalid', fields: Object.keys(result.fieldErrors) });
  // Only the two manifests, as generateArtifacts writes them (not the runbook, scripts and lists too).
  const manifests = buildManifests(result.config, { includeSecrets: false });
  return ok({
    kind: 'files',
    files: [
      { name: 'wandb.yaml', text: dump(manifests.wandbCr) },
      { name: 'values.yaml', text: dump(manifests.operatorValues) },
    ],
  });
}
