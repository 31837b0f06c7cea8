import type { JsonObject } from './secret-fields';

/** What marks a file as one of this wizard's drafts. */
export const DRAFT_FORMAT = 'wandb-airgap-wizard/draft';

/** Secrets sealed with the wizard's key (lib/draft/keys.ts). */
export interface SealedSecretsFile {
  alg: 'AES-256-GCM';
  nonce: string;
  data: string;
  tag: string;
}

/**
 * The on-disk shape of a draft (pure, so that tools such as the benchmark can seed a draft
 * without the server): `<dir>/drafts/<id>.json`, one file holding the public values and, only
 * while the user keeps secrets on the machine, the secrets encrypted with the wizard's key.
 */
export interface DraftFile {
  format: typeof DRAFT_FORMAT;
  version: 2;
  /** Grows by one with every save: a save based on an older one is refused (two tabs). */
  rev: number;
  /** The form's values with every secret field emptied. */
  values: JsonObject;
  keepSecrets: boolean;
  /** Wizard steps the user has been on (the stepper badges errors only there). */
  visited: string[];
  updatedAt: string;
  secrets?: SealedSecretsFile;
  /**
   * The secret fields the user has given a value and not cleared (their paths only, never a value):
   * the ones the server no longer holds (a restart, idle expiry) are the draft's lost secrets.
   */
  secretsHeld?: string[];
}

/** The file of draft `id` under a data folder's `drafts` directory. */
export function draftFileName(id: string): string {
  return `${id}.json`;
}

/** True when `value` has the shape of a {@link DraftFile}. */
export function isDraftFile(value: unknown): value is DraftFile {
  const v = value as Partial<DraftFile> | null;
  return (
    !!v &&
    typeof v === 'object' &&
    v.format === DRAFT_FORMAT &&
    v.version === 2 &&
    Number.isInteger(v.rev) &&
    !!v.values &&
    typeof v.values === 'object' &&
    !Array.isArray(v.values) &&
    typeof v.keepSecrets === 'boolean' &&
    Array.isArray(v.visited) &&
    typeof v.updatedAt === 'string' &&
    (v.secrets === undefined || (typeof v.secrets === 'object' && typeof v.secrets.data === 'string')) &&
    (v.secretsHeld === undefined ||
      (Array.isArray(v.secretsHeld) && v.secretsHeld.every((p) => typeof p === 'string')))
  );
}
