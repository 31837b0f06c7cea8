/**
 * A small YAML highlighter for the review page. It runs on the server only (the page is a server
 * component), so no parser or highlighter reaches the browser. It does not validate: it splits
 * each line into tokens that keep every character, so joining the tokens gives the text back.
 */

export type YamlTokenKind = 'key' | 'string' | 'number' | 'bool' | 'null' | 'comment' | 'punct' | 'plain';

export interface YamlToken {
  kind: YamlTokenKind;
  text: string;
}

const NUMBER = /^[-+]?(?:0x[0-9a-fA-F]+|0o[0-7]+|(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|\.inf|\.nan)$/;
const BOOL = /^(?:true|false|True|False|TRUE|FALSE)$/;
const NULL = /^(?:null|Null|NULL|~)$/;

/** Index of a ` #` comment start outside quotes, or -1. */
function commentStart(s: string): number {
  let quote: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s:,[{-]/.test(s[i - 1] ?? '')) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(s[i - 1] ?? ''))) {
      return i;
    }
  }
  return -1;
}

/** Index of the `:` that ends a mapping key at the start of `s`, or -1. */
function keyEnd(s: string): number {
  if (s.startsWith('"') || s.startsWith("'")) {
    const q = s[0] as string;
    let i = 1;
    for (; i < s.length; i++) {
      if (s[i] === '\\' && q === '"') i++;
      else if (s[i] === q) break;
    }
    const after = i + 1;
    return s[after] === ':' && (after + 1 === s.length || s[after + 1] === ' ') ? after : -1;
  }
  const m = /^[^\s#'"{}[\],&*!|>%@`][^#]*?:(?= |$)/.exec(s);
  return m ? m[0].length - 1 : -1;
}

function scalarKind(v: string): YamlTokenKind {
  if (v.startsWith('"') || v.startsWith("'")) return 'string';
  if (NUMBER.test(v)) return 'number';
  if (BOOL.test(v)) return 'bool';
  if (NULL.test(v)) return 'null';
  if (v === '|' || v === '>' || /^[|>][-+0-9]*$/.test(v)) return 'punct';
  if (v === '{}' || v === '[]') return 'punct';
  return 'string';
}

function pushValue(out: YamlToken[], value: string): void {
  if (value.trim() === '') {
    if (value) out.push({ kind: 'plain', text: value });
    return;
  }
  const trimmed = value.trimEnd();
  const lead = value.length - value.trimStart().length;
  if (lead) out.push({ kind: 'plain', text: value.slice(0, lead) });
  const core = trimmed.slice(lead);
  if (core) out.push({ kind: scalarKind(core), text: core });
  const trail = value.slice(trimmed.length);
  if (trail) out.push({ kind: 'plain', text: trail });
}

/** Tokens of one YAML document, one array per line. Lines of a block scalar (`|`, `>`) are strings. */
export function tokenizeYaml(text: string): YamlToken[][] {
  const lines = text.split('\n');
  const out: YamlToken[][] = [];
  let blockIndent: number | null = null;
  let blockParentIndent = -1;
  for (const line of lines) {
    const indent = line.length - line.trimStart().length;
    const tokens: YamlToken[] = [];
    if (blockIndent !== null || blockParentIndent >= 0) {
      if (line.trim() === '' || indent > blockParentIndent) {
        if (line) tokens.push({ kind: 'string', text: line });
        out.push(tokens);
        continue;
      }
      blockIndent = null;
      blockParentIndent = -1;
    }
    if (line.trim() === '') {
      if (line) tokens.push({ kind: 'plain', text: line });
      out.push(tokens);
      continue;
    }
    if (indent) tokens.push({ kind: 'plain', text: line.slice(0, indent) });
    let rest = line.slice(indent);
    if (rest === '---' || rest === '...') {
      tokens.push({ kind: 'punct', text: rest });
      out.push(tokens);
      continue;
    }
    const c = commentStart(rest);
    const comment = c >= 0 ? rest.slice(c) : '';
    if (c >= 0) rest = rest.slice(0, c);
    while (rest.startsWith('- ') || rest === '-') {
      tokens.push({ kind: 'punct', text: '-' });
      rest = rest.slice(1);
      const sp = rest.length - rest.trimStart().length;
      if (sp) tokens.push({ kind: 'plain', text: rest.slice(0, sp) });
      rest = rest.slice(sp);
    }
    const k = keyEnd(rest);
    let value = rest;
    if (k >= 0) {
      tokens.push({ kind: 'key', text: rest.slice(0, k) });
      tokens.push({ kind: 'punct', text: ':' });
      value = rest.slice(k + 1);
    }
    pushValue(tokens, value);
    if (/^[|>][-+0-9]*$/.test(value.trim())) {
      blockParentIndent = indent;
      blockIndent = indent;
    }
    if (comment) tokens.push({ kind: 'comment', text: comment });
    out.push(tokens);
  }
  return out;
}
