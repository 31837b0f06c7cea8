import 'server-only';

import { headers } from 'next/headers';

import { GATE_HEADERS, gateState } from './protocol';

/** The signed-in session of the current request, as the gate passed it. */
export interface SessionInfo {
  /** Public id (safe to log; the cookie is something else). */
  id: string;
  /** The session's draft: made by the server, never chosen by a client. */
  draftId: string;
  /** When it signed in (ISO). */
  since: string;
  /** The address it signed in from. */
  peer: string;
  /** How the audit log and the apply lock name it: address and short id. */
  label: string;
}

/**
 * The session of the current request (page, route handler or server action), or null when the
 * request did not come through the wizard's gate with a valid session. Every accessor of the
 * draft goes through this: new actions and routes are covered without work of their own.
 */
export async function currentSession(): Promise<SessionInfo | null> {
  const state = gateState();
  if (!state) return null;
  const h = await headers();
  if (h.get(GATE_HEADERS.secret) !== state.secret) return null;
  const id = h.get(GATE_HEADERS.session);
  const draftId = h.get(GATE_HEADERS.draft);
  if (!id || !draftId) return null;
  const peer = h.get(GATE_HEADERS.peer) ?? '';
  return {
    id,
    draftId,
    since: h.get(GATE_HEADERS.since) ?? '',
    peer,
    label: `${peer || 'local'} · ${id.slice(0, 8)}`,
  };
}
