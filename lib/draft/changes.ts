/**
 * Which fields differ between two drafts' values: the dot paths of their leaves (arrays count as
 * one field: a list of annotations is one field; absent, null and '' are the same unset value). Pure; never looks at secret values (the values
 * compared have their secrets emptied).
 */
export function changedFields(a: unknown, b: unknown, prefix = ''): string[] {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => changedFields(a[k], b[k], prefix ? `${prefix}.${k}` : k));
  }
  if (isObject(a) || isObject(b)) {
    // A section replaced by another shape (a bucket provider switched): its leaves on either side.
    const leaves = (v: unknown) => (isObject(v) ? changedFields(v, {}, prefix) : prefix ? [prefix] : []);
    return [...new Set([...leaves(a), ...leaves(b)])].sort();
  }
  // A field one draft lacks and the other holds empty is unset in both (an older draft saved before
  // the field existed gains it, empty, on its next save: no change the user made).
  const value = (v: unknown) => JSON.stringify(v === undefined || v === '' ? null : v);
  return value(a) === value(b) ? [] : [prefix];
}
