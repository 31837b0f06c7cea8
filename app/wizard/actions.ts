'use server';

import { z } from 'zod';

import { CONFIG_SECTIONS, withDefaults } from '@/lib/config';
import { parseCertificateBundle } from '@/lib/config/ca-parse';
import {
  currentDraftId,
  draftStore,
  type JsonObject,
  SECRET_FIELD_PATHS,
  type SecretMarkers,
} from '@/lib/draft';
import { toUserError } from '@/lib/errors';
import { importInstallConfig } from '@/lib/generate/import';

import { type ActionResult, fail, ok } from '../action-result';

/** What the browser gets back after a save: no values, only which secrets the server holds. */
export interface SavedDraft {
  secrets: SecretMarkers;
  updatedAt: string | null;
}

const saveDraftInput = z.object({
  values: z.record(z.string(), z.unknown()),
  keepSecrets: z.boolean(),
  forget: z.array(z.enum(SECRET_FIELD_PATHS)).default([]),
  visited: z.array(z.string().max(64)).max(32).default([]),
});

/** The configuration sections of a draft, laid over the defaults; anything else is dropped. */
function draftValues(values: Record<string, unknown>): JsonObject {
  const known = Object.fromEntries(
    Object.entries(values).filter(([k]) => (CONFIG_SECTIONS as readonly string[]).includes(k)),
  );
  // A JSON round trip drops undefined and turns NaN (an emptied number field) into null.
  return JSON.parse(JSON.stringify(withDefaults(known))) as JsonObject;
}

/**
 * Stores the wizard's draft. The draft is incomplete while the user types, so it is not validated
 * against the schema here (the review page and the downloads are); only its shape is checked.
 */
export async function saveDraft(input: unknown): Promise<ActionResult<SavedDraft>> {
  const parsed = saveDraftInput.safeParse(input);
  if (!parsed.success) return fail('ui.error.badRequest');
  const id = await currentDraftId();
  if (!id) return fail('ui.error.noSession');
  try {
    const saved = await draftStore().save(id, {
      values: draftValues(parsed.data.values),
      keepSecrets: parsed.data.keepSecrets,
      forget: parsed.data.forget,
      visited: parsed.data.visited,
    });
    return ok({ secrets: saved.secrets, updatedAt: saved.updatedAt });
  } catch (e) {
    const { key, params } = toUserError(e);
    return fail(key, params);
  }
}

/** Forgets the draft and its secrets (start over). */
export async function resetDraft(): Promise<ActionResult<null>> {
  const id = await currentDraftId();
  if (!id) return fail('ui.error.noSession');
  try {
    await draftStore().clear(id);
    return ok(null);
  } catch (e) {
    const { key, params } = toUserError(e);
    return fail(key, params);
  }
}

/** One certificate as the browser shows it (no PEM: the browser has it already). */
export interface CertificateSummary {
  block: number;
  line: number;
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  isCA: boolean;
  selfSigned: boolean;
  fingerprint256: string;
  expired: boolean;
  notYetValid: boolean;
}

export interface CertificateReport {
  certificates: CertificateSummary[];
  findings: { key: string; severity: 'error' | 'warning'; params: Record<string, string | number> }[];
}

/** Parses a PEM bundle with the server's X.509 parser and describes each certificate. */
export async function describeCertificates(bundle: unknown): Promise<ActionResult<CertificateReport>> {
  const parsed = z.string().max(1_048_576).safeParse(bundle);
  if (!parsed.success) return fail('ui.error.badRequest');
  const report = parseCertificateBundle(parsed.data);
  return ok({
    certificates: report.certificates.map((c) => ({
      block: c.block,
      line: c.line,
      subject: c.subject,
      issuer: c.issuer,
      notBefore: c.notBefore,
      notAfter: c.notAfter,
      isCA: c.isCA,
      selfSigned: c.selfSigned,
      fingerprint256: c.fingerprint256,
      expired: c.expired,
      notYetValid: c.notYetValid,
    })),
    findings: report.findings.map((f) => ({ key: f.key, severity: f.severity, params: { ...f.params } })),
  });
}

/** What an import gives back: the draft without secrets, which secrets were found, and what was not understood. */
export interface ImportReport {
  values: JsonObject;
  secrets: SecretMarkers;
  /** Number of settings read from the files. */
  fieldCount: number;
  unknownKeys: string[];
  /** Documents that could not be read (never their content). */
  problems: { key: string; params: Record<string, string | number> }[];
}

const importInput = z.object({
  wandbYaml: z.string().max(4_194_304),
  valuesYaml: z.string().max(4_194_304),
});

function countLeaves(value: unknown): number {
  if (Array.isArray(value)) return value.reduce<number>((n, v) => n + countLeaves(v), 0);
  if (value && typeof value === 'object')
    return Object.values(value).reduce<number>((n, v) => n + countLeaves(v), 0);
  return value === undefined ? 0 : 1;
}

/**
 * Imports an existing wandb.yaml and/or values.yaml into the draft (replacing it). The secrets the
 * files hold go to the draft store like typed ones; the browser gets the values without them.
 */
export async function importDraft(input: unknown): Promise<ActionResult<ImportReport>> {
  const parsed = importInput.safeParse(input);
  if (!parsed.success) return fail('ui.error.badRequest');
  const id = await currentDraftId();
  if (!id) return fail('ui.error.noSession');
  const wandbYaml = parsed.data.wandbYaml.trim() === '' ? undefined : parsed.data.wandbYaml;
  const valuesYaml = parsed.data.valuesYaml.trim() === '' ? undefined : parsed.data.valuesYaml;
  if (!wandbYaml && !valuesYaml) return fail('ui.error.badRequest');
  try {
    const result = importInstallConfig({ wandbYaml, valuesYaml });
    const problems = Object.values(result.documents)
      .map((d) => d?.error)
      .filter((e): e is NonNullable<typeof e> => Boolean(e))
      .map((e) => ({ key: e.key, params: { ...e.params } }));
    const documentsRead = Object.values(result.documents).filter((d) => d && !d.error).length;
    if (documentsRead === 0 && problems[0]) return fail(problems[0].key, problems[0].params);
    const store = draftStore();
    const current = await store.load(id);
    const saved = await store.save(id, {
      values: draftValues(result.config as Record<string, unknown>),
      keepSecrets: current.keepSecrets,
      // Secrets of the previous draft do not belong to the imported installation.
      forget: SECRET_FIELD_PATHS,
      visited: [],
    });
    return ok({
      values: saved.values ?? {},
      secrets: saved.secrets,
      fieldCount: countLeaves(result.config),
      unknownKeys: [...result.unknownKeys],
      problems,
    });
  } catch (e) {
    const { key, params } = toUserError(e);
    return fail(key, params);
  }
}

/** The cluster's IngressClasses, or `connected: false` when the server reaches no cluster. */
export interface IngressClassList {
  connected: boolean;
  classes: { name: string; isDefault: boolean }[];
}

/**
 * Lists the IngressClasses of the cluster for the ingress step. The wizard has no cluster
 * connection yet (lib/kube lands with the prerequisite checks), so it answers "not connected"
 * and the step offers free text.
 */
export async function listIngressClasses(context: unknown): Promise<ActionResult<IngressClassList>> {
  const parsed = z.string().max(253).safeParse(context);
  if (!parsed.success) return fail('ui.error.badRequest');
  return ok({ connected: false, classes: [] });
}
