import type { JsonObject } from './secret-fields';

/**
 * The on-disk shape of a draft (pure, so that tools such as the benchmark can seed a draft
 * without the server). `<dir>/drafts/<id>.json` holds a {@link DraftFile}; `<id>.secrets.json`,
 * present only while the user keeps secrets on the machine, maps secret paths to values.
 */
export interface DraftFile {
  version: 1;
  /** The form's values with every secret field emptied. */
  values: JsonObject;
  keepSecrets: boolean;
  /** Wizard steps the user has been on (the stepper badges errors only there). */
  visited: string[];
  updatedAt: string;
}

/** The two files of draft `id` under a data folder's `drafts` directory. */
export function draftFileNames(id: string): { draft: string; secrets: string } {
  return { draft: `${id}.json`, secrets: `${id}.secrets.json` };
}
