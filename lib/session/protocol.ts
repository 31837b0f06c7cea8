/**
 * What the wizard's server (server/) and the Next.js application share about a request: the gate
 * in server/gate.ts checks every request (host, session, origin, body) and passes what it found
 * to the application in these headers, after removing any a client sent. The application trusts
 * them only with the process's gate secret (on globalThis, never sent to a browser), so a server
 * started without the gate (`next start`) has no session at all. Pure: no Node-only imports.
 */

/** Where the gate keeps its per-process secret; Next.js bundles share globalThis with it. */
export const GATE_KEY = Symbol.for('wandb-airgap-wizard.gate');

export interface GateProcessState {
  /** Random per process: the application accepts the headers below only with it. */
  secret: string;
}

export const GATE_HEADERS = {
  secret: 'x-wizard-gate',
  /** The session's public id (not its cookie). */
  session: 'x-wizard-session',
  /** The draft the session works on: made by the server at sign-in. */
  draft: 'x-wizard-draft',
  /** When the session signed in (ISO). */
  since: 'x-wizard-session-since',
  /** The address the session signed in from. */
  peer: 'x-wizard-session-peer',
} as const;

/** Every header the gate sets: any copy a client sends is removed first. */
export const GATE_HEADER_PREFIX = 'x-wizard-';

/** The gate's state in this process, or undefined when the application runs without the gate. */
export function gateState(): GateProcessState | undefined {
  return (globalThis as Record<symbol, GateProcessState | undefined>)[GATE_KEY];
}
