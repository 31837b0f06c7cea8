'use server';

import { currentDraftConfig } from '@/lib/draft';
import { generateArtifacts } from '@/lib/generate';

import { type ActionResult, ok } from '../../action-result';
import { currentLocale } from '../../locale';

/** The files the live preview shows, in this order. */
const PREVIEWED = ['wandb.yaml', 'values.yaml'] as const;

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
  const files = generateArtifacts(result.config, { includeSecrets: false, locale: await currentLocale() });
  return ok({ kind: 'files', files: PREVIEWED.map((name) => ({ name, text: files[name] })) });
}
