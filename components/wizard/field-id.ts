/** The DOM id of a field's control (`registry.host` → `f-registry-host`). */
export function fieldId(name: string): string {
  return `f-${name.replace(/\./g, '-')}`;
}
