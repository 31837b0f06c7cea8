'use server';

import type { KubernetesObject } from '@kubernetes/client-node';
import { z } from 'zod';

import { CONFIG_SECTIONS, withDefaults } from '@/lib/config';
import { parseCertificateBundle } from '@/lib/config/ca-parse';
import {
  currentDraftId,
  DraftConflictError,
  draftStore,
  type JsonObject,
  SECRET_FIELD_PATHS,
  type SecretMarkers,
} from '@/lib/draft';
import { toUserError } from '@/lib/errors';
import { dump } from '@/lib/generate';
import { importInstallConfig } from '@/lib/generate/import';

import { type ActionResult, fail, ok } from '../action-result';
import { draftClusterClient } from './cluster';

/** What the browser gets back after a save: no values, only which secrets the server holds. */
export interface SavedDraft {
  secrets: SecretMarkers;
  updatedAt: string | null;
  /** The revision saved: the tab's next save is based on it. */
  rev: number;
}

/** A save refused because another tab saved first: what is stored there, and which fields differ. */
export interface DraftConflict {
  conflict: true;
  fields: string[];
  theirs: {
    values: JsonObject;
    secrets: SecretMarkers;
    keepSecrets: boolean;
    visited: string[];
    rev: number;
  };
}

const saveDraftInput = z.object({
  values: z.record(z.string(), z.unknown()),
  keepSecrets: z.boolean(),
  forget: z.array(z.enum(SECRET_FIELD_PATHS)).default([]),
  visited: z.array(z.string().max(64)).max(32).default([]),
  /** The revision the tab's values are based on; null saves over whatever is stored ("keep mine"). */
  baseRev: z.number().int().nonnegative().nullable(),
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
export async function saveDraft(input: unknown): Promise<ActionResult<SavedDraft | DraftConflict>> {
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
      ...(parsed.data.baseRev === null ? {} : { baseRev: parsed.data.baseRev }),
    });
    return ok({ secrets: saved.secrets, updatedAt: saved.updatedAt, rev: saved.rev });
  } catch (e) {
    if (e instanceof DraftConflictError) {
      const { theirs } = e;
      return ok({
        conflict: true,
        fields: e.fields,
        theirs: {
          values: theirs.values ?? {},
          secrets: theirs.secrets,
          keepSecrets: theirs.keepSecrets,
          visited: theirs.visited,
          rev: theirs.rev,
        },
      });
    }
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
  /** The draft's revision after the import (the tab's next save is based on it). */
  rev: number;
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

/** Saves an import's configuration as the draft (replacing it) and reports what was read. */
async function saveImport(
  id: string,
  result: ReturnType<typeof importInstallConfig>,
): Promise<ActionResult<ImportReport>> {
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
    rev: saved.rev,
    fieldCount: countLeaves(result.config),
    unknownKeys: [...result.unknownKeys],
    problems,
  });
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
    return await saveImport(id, importInstallConfig({ wandbYaml, valuesYaml }));
  } catch (e) {
    const { key, params } = toUserError(e);
    return fail(key, params);
  }
}

const clusterInput = z.object({
  context: z.string().max(253),
  namespace: z.string().max(63),
  name: z.string().max(253),
});

/**
 * Reads the WeightsAndBiases resource of an existing installation from the cluster (through the
 * draft's cluster connection) and imports it like an uploaded wandb.yaml. When several exist, the one
 * named like the draft's target wins, else the first. The operator's values.yaml is not read.
 */
export async function importFromCluster(
  input: unknown,
): Promise<ActionResult<ImportReport & { resource: string }>> {
  const parsed = clusterInput.safeParse(input);
  if (!parsed.success) return fail('ui.error.badRequest');
  const id = await currentDraftId();
  if (!id) return fail('ui.error.noSession');
  const connection = await draftClusterClient(parsed.data.context);
  if (!('client' in connection)) {
    return connection.problem
      ? fail(connection.problem.key, connection.problem.params)
      : fail('ui.start.cluster.noKubeconfig');
  }
  try {
    const all = (await connection.client.listWeightsAndBiases()) as Array<
      KubernetesObject & { spec?: unknown }
    >;
    if (all.length === 0) return fail('ui.start.cluster.none');
    const chosen =
      all.find(
        (o) => o.metadata?.name === parsed.data.name && o.metadata?.namespace === parsed.data.namespace,
      ) ?? all[0]!;
    // Only what a hand-written wandb.yaml holds: the server's bookkeeping would read as unknown keys.
    const document = {
      apiVersion: chosen.apiVersion,
      kind: chosen.kind,
      metadata: {
        labels: chosen.metadata?.labels,
        name: chosen.metadata?.name,
        namespace: chosen.metadata?.namespace,
      },
      spec: chosen.spec,
    };
    const saved = await saveImport(id, importInstallConfig({ wandbYaml: dump(document) }));
    if (!saved.ok) return saved;
    return ok({
      ...saved.data,
      resource: `${chosen.metadata?.namespace ?? ''}/${chosen.metadata?.name ?? ''}`,
    });
  } catch (e) {
    const { key, params } = toUserError(e);
    return fail(key, params);
  }
}

/** The cluster's IngressClasses, or `connected: false` (with the reason) when the server reaches no cluster. */
export interface IngressClassList {
  connected: boolean;
  classes: { name: string; isDefault: boolean }[];
  /** Why a kubeconfig that exists could not be used (unreachable API server, unknown context…). */
  problem?: { key: string; params: Record<string, string | number> };
}

/**
 * Lists the IngressClasses of the cluster for the ingress step, through the Platform step's
 * cluster connection (the context given by the form). Without a kubeconfig
 * the wizard is not connected and the step offers free text.
 */
export async function listIngressClasses(context: unknown): Promise<ActionResult<IngressClassList>> {
  const parsed = z.string().max(253).safeParse(context);
  if (!parsed.success) return fail('ui.error.badRequest');
  const connection = await draftClusterClient(parsed.data);
  if (!('client' in connection)) {
    return ok({
      connected: false,
      classes: [],
      ...(connection.problem ? { problem: connection.problem } : {}),
    });
  }
  try {
    const classes = await connection.client.listIngressClasses();
    return ok({ connected: true, classes: classes.map((c) => ({ name: c.name, isDefault: c.isDefault })) });
  } catch (e) {
    const { key, params } = toUserError(e);
    return ok({ connected: false, classes: [], problem: { key, params } });
  }
}

/**
 * The TLS Secrets (`kubernetes.io/tls`) of a namespace, for the ingress step's Secret name to
 * suggest; an empty list when the wizard reaches no cluster or may not list them.
 */
export async function listTlsSecrets(input: unknown): Promise<ActionResult<string[]>> {
  const parsed = z.object({ context: z.string().max(253), namespace: z.string().max(63) }).safeParse(input);
  if (!parsed.success) return fail('ui.error.badRequest');
  if (parsed.data.namespace === '') return ok([]);
  const connection = await draftClusterClient(parsed.data.context);
  if (!('client' in connection)) return ok([]);
  try {
    return ok(await connection.client.listSecretNames(parsed.data.namespace, 'kubernetes.io/tls'));
  } catch {
    return ok([]);
  }
}
