import yaml from 'js-yaml';

/**
 * The one YAML edge of the generators: plain objects in, text out, and back.
 *
 * Quoting: js-yaml quotes every string that a YAML 1.2 parser would read as another type,
 * and (compat mode) YAML 1.1 booleans and base-60 numbers. Two gaps remain, closed by an extra
 * implicit type that is never used to represent a value, only to make the dumper quote:
 * - Helm and kubectl parse with a YAML 1.1-flavoured Go library, which also reads `1_000`,
 *   `0_7` or `+1_0` as numbers;
 * - js-yaml writes a mapping key such as `... x` plain, and at column 0 `...` ends the document
 *   (found by the round-trip property test).
 * Multi-line strings (PEM certificates) stay block literals.
 */

function isYaml11Number(text: string): boolean {
  if (!text.includes('_')) return false;
  const bare = text.replace(/_/g, '');
  return /^[-+]?(?:0b[01]+|0o?[0-7]+|0x[0-9a-fA-F]+|[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?)$/.test(
    bare,
  );
}

/** `---` or `...` followed by a blank or the end: a document marker at the start of a line. */
function startsWithDocumentMarker(text: string): boolean {
  return /^(?:---|\.\.\.)(?:[ \t\r\n]|$)/.test(text);
}

const MUST_QUOTE = new yaml.Type('tag:wandb-airgap-wizard,2025:must-quote', {
  kind: 'scalar',
  resolve: (data: unknown) =>
    typeof data === 'string' && (isYaml11Number(data) || startsWithDocumentMarker(data)),
  construct: (data: unknown) => data,
});

const DUMP_SCHEMA = yaml.DEFAULT_SCHEMA.extend({ implicit: [MUST_QUOTE] });

const DUMP_OPTIONS: yaml.DumpOptions = {
  schema: DUMP_SCHEMA,
  lineWidth: -1,
  noRefs: true,
  sortKeys: false,
  quotingType: '"',
  skipInvalid: false,
};

/** Serialises one plain object (no undefined, no functions) as a YAML document. */
export function dump(value: unknown): string {
  return yaml.dump(value, DUMP_OPTIONS);
}

/** Serialises several objects as a multi-document stream (`---` between documents). */
export function dumpAll(values: readonly unknown[]): string {
  return values.map((value) => dump(value)).join('---\n');
}

/** A parse failure: where it is and why, never the text around it (it may hold a secret). */
export interface YamlError {
  readonly reason: string;
  /** 1-based; 0 when unknown. */
  readonly line: number;
  readonly column: number;
}

export type YamlResult<T> =
  { readonly value: T; readonly error: null } | { readonly value: null; readonly error: YamlError };

function toYamlError(error: unknown): YamlError {
  if (error instanceof yaml.YAMLException) {
    const mark = error.mark as { line?: number; column?: number } | undefined;
    return { reason: error.reason, line: (mark?.line ?? -1) + 1, column: (mark?.column ?? -1) + 1 };
  }
  return { reason: 'unreadable YAML', line: 0, column: 0 };
}

/**
 * Parses one YAML document with the YAML 1.2 core schema (no timestamps or binary tags), as the
 * importers read values files. Returns `{ value, error }` and never throws.
 */
export function parseYaml(text: string): YamlResult<unknown> {
  try {
    return { value: yaml.load(text, { schema: yaml.CORE_SCHEMA }) ?? null, error: null };
  } catch (error) {
    return { value: null, error: toYamlError(error) };
  }
}

/** Parses a multi-document stream; empty documents are dropped. Never throws. */
export function parseYamlDocuments(text: string): YamlResult<unknown[]> {
  try {
    const documents: unknown[] = [];
    yaml.loadAll(
      text,
      (document) => {
        if (document !== null && document !== undefined) documents.push(document);
      },
      { schema: yaml.CORE_SCHEMA },
    );
    return { value: documents, error: null };
  } catch (error) {
    return { value: null, error: toYamlError(error) };
  }
}
