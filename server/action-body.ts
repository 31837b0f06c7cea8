/**
 * Strict checks of a server action's request body before Next.js decodes it. The wizard's actions
 * take plain data (objects, arrays, strings, numbers, booleans, null, undefined) and FormData;
 * React's reply format can also carry promises, streams, Maps, temporary and server references,
 * and references that make cycles, which Next.js answers with a 500 (or never answers). Anything
 * outside plain data is refused here with a 400 naming what was wrong. Pure.
 */

export type BodyVerdict = { ok: true; actionId?: string } | { ok: false; status: 400 | 415; message: string };

/** Most arguments an action takes (Next.js throws, as a 500, from 1000 on). */
const MAX_ARGS = 64;
const MAX_DEPTH = 64;
const MAX_NODES = 200_000;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const bad = (message: string): BodyVerdict => ({ ok: false, status: 400, message });

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** The value at a path of keys in raw JSON, or undefined. */
function at(root: Json, keys: readonly string[]): Json | undefined {
  let cur: Json | undefined = root;
  for (const k of keys) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, k)) return undefined;
    cur = (cur as Record<string, Json>)[k];
  }
  return cur;
}

/** Why a `$`-string of the reply format is not plain data, or null when it is. */
function checkDollar(
  value: string,
  position: readonly string[],
  root: Json,
  formData: boolean,
): string | null {
  const tag = value[1];
  switch (tag) {
    case '$':
      return null;
    case 'u':
      return value === '$undefined' ? null : 'unknown value tag';
    case 'I':
      return value === '$Infinity' ? null : 'unknown value tag';
    case 'N':
      return value === '$NaN' ? null : 'unknown value tag';
    case '-':
      return value === '$-0' || value === '$-Infinity' ? null : 'unknown value tag';
    case 'D':
      return Number.isNaN(Date.parse(value.slice(2))) ? 'invalid date' : null;
    case 'K':
      return formData && /^\$K[0-9a-f]{1,8}$/.test(value)
        ? null
        : 'FormData is only valid in a multipart body';
    default:
      break;
  }
  const ref = /^\$0((?::[^:]+)*)$/.exec(value);
  if (!ref)
    return `"${value.slice(0, 3)}…" (a reference to a promise, stream, Map, Set, function or another part) is not accepted`;
  const keys = ref[1] ? ref[1].slice(1).split(':') : [];
  if (keys.some((k) => FORBIDDEN_KEYS.has(k))) return 'forbidden key in a reference';
  // A reference to an ancestor makes a cycle.
  if (keys.length <= position.length && keys.every((k, i) => position[i] === k)) return 'cyclic reference';
  const target = at(root, keys);
  if (target === undefined) return 'reference to nothing';
  if (typeof target === 'string' && target.startsWith('$')) return 'reference to a reference';
  return null;
}

/** Checks a decoded reply root: an array of plain-data arguments. */
export function checkReplyRoot(text: string, formData: boolean): BodyVerdict {
  let root: Json;
  try {
    root = JSON.parse(text) as Json;
  } catch {
    return bad('the body is not JSON');
  }
  if (!Array.isArray(root)) return bad('the arguments must be a JSON array');
  if (root.length > MAX_ARGS) return bad(`too many arguments (at most ${MAX_ARGS})`);
  const stack: Array<{ value: Json; path: string[] }> = [{ value: root, path: [] }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (++nodes > MAX_NODES) return bad('the arguments are too large');
    if (path.length > MAX_DEPTH) return bad('the arguments are nested too deeply');
    if (typeof value === 'string') {
      if (value.startsWith('$')) {
        const why = checkDollar(value, path, root, formData);
        if (why) return bad(`argument at /${path.join('/')}: ${why}`);
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, path: [...path, String(i)] }));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (FORBIDDEN_KEYS.has(k)) return bad(`forbidden key "${k}"`);
        stack.push({ value: v, path: [...path, k] });
      }
    }
  }
  return { ok: true };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The media type of a Content-Type header, lowercased, without parameters. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * Checks the body of a server action request. `fetchAction` is true when the request names its
 * action in the `Next-Action` header (every call from the page); otherwise it is a form posted
 * without JavaScript, which names the action in a `$ACTION_ID_<id>` field (returned).
 */
export async function checkActionBody(
  contentType: string | undefined,
  body: Uint8Array,
  fetchAction: boolean,
): Promise<BodyVerdict> {
  const type = mediaType(contentType);
  if (type === 'text/plain') {
    if (!fetchAction) return bad('a form must be posted as multipart/form-data');
    let text: string;
    try {
      text = utf8.decode(body);
    } catch {
      return bad('the body is not UTF-8');
    }
    return checkReplyRoot(text, false);
  }
  if (type !== 'multipart/form-data')
    return { ok: false, status: 415, message: 'server actions take text/plain or multipart/form-data' };
  let form: FormData;
  try {
    form = await new Response(body as Uint8Array<ArrayBuffer>, {
      headers: { 'content-type': contentType! },
    }).formData();
  } catch {
    return bad('the multipart body cannot be read');
  }
  if (fetchAction) {
    const root = form.get('0');
    if (typeof root !== 'string') return bad('the multipart body has no arguments (field "0")');
    // FormData arguments are sent as `_<id>_<name>` entries (`$K<id>` in the arguments).
    for (const key of form.keys()) {
      if (key !== '0' && !/^_?[0-9a-f]{1,8}_/.test(key)) return bad(`unexpected field "${key.slice(0, 40)}"`);
    }
    return checkReplyRoot(root, true);
  }
  // A form posted without JavaScript: `$ACTION_ID_<id>`; bound arguments (`$ACTION_REF_`) are not used.
  let actionId: string | undefined;
  for (const key of form.keys()) {
    if (key.startsWith('$ACTION_REF_') || /^\$ACTION_\d+:/.test(key))
      return bad('bound action arguments are not accepted');
    if (key.startsWith('$ACTION_ID_')) actionId = key.slice('$ACTION_ID_'.length);
  }
  if (!actionId) return bad('this address takes only server actions');
  return { ok: true, actionId };
}
