import 'server-only';

import { withDefaults } from '@/lib/config';
import { validateInstallConfig, type ValidationResult } from '@/lib/config/validate';
import { currentSession } from '@/lib/session';

import { SECRET_FIELD_PATHS } from './secret-fields';
import { createDraftStore, DRAFT_ID_PATTERN, type DraftStore } from './store';

export {
  type PublicDraft,
  type SaveDraftInput,
  type DraftStore,
  type DraftNotice,
  createDraftStore,
  DraftConflictError,
  newDraftId,
} from './store';
export {
  type SecretMarkers,
  type JsonObject,
  SECRET_FIELD_PATHS,
  type SecretFieldPath,
} from './secret-fields';

let store: DraftStore | undefined;

/** The process's draft store, under `WIZARD_DATA_DIR` (default `.data` in the working directory). */
export function draftStore(): DraftStore {
  store ??= createDraftStore({
    dir: process.env.WIZARD_DATA_DIR || '.data',
    secretPaths: SECRET_FIELD_PATHS,
  });
  return store;
}

/**
 * The draft id of the current request's session, or null without a signed-in session. The server
 * made the id at sign-in (server/sessions.ts); a client never chooses it.
 */
export async function currentDraftId(): Promise<string | null> {
  const id = (await currentSession())?.draftId;
  return id && DRAFT_ID_PATTERN.test(id) ? id : null;
}

/**
 * The current browser's draft with its secrets, laid over the defaults and validated with the
 * shared schema and the X.509 parser (`validateInstallConfig`). Null when there is no draft yet.
 * For the server only: the review page and the downloads generate from it.
 */
export async function currentDraftConfig(): Promise<ValidationResult | null> {
  const id = await currentDraftId();
  if (!id) return null;
  const { values } = await draftStore().resolve(id);
  if (!values) return null;
  return validateInstallConfig(withDefaults(values));
}
