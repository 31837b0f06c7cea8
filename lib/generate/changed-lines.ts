/**
 * Which lines of `next` are new or changed since `previous` (0-based indices into `next`): the
 * lines outside a longest common subsequence of the two texts' lines. Pure; quadratic in the line
 * counts, fine for the generated files (a few hundred lines). With no previous text, nothing is
 * marked (a first view is not a change).
 */
export function changedLines(previous: string | undefined, next: string): Set<number> {
  const changed = new Set<number>();
  if (previous === undefined || previous === next) return changed;
  const a = previous.split('\n');
  const b = next.split('\n');
  // lengths[i][j]: LCS length of a[i..] and b[j..].
  const lengths: Uint32Array[] = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i]![j] =
        a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (j < b.length) {
    if (i < a.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (i < a.length && lengths[i + 1]![j]! >= lengths[i]![j + 1]!) {
      i++;
    } else {
      changed.add(j);
      j++;
    }
  }
  return changed;
}
