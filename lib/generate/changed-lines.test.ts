import { describe, expect, it } from 'vitest';

import { changedLines } from './changed-lines';

describe('changedLines', () => {
  it('marks nothing on a first view or when nothing changed', () => {
    expect([...changedLines(undefined, 'a\nb')]).toEqual([]);
    expect([...changedLines('a\nb', 'a\nb')]).toEqual([]);
  });

  it('marks an edited line, and inserted lines, not the lines that moved down', () => {
    const before = 'global:\n  host: https://a.example.com\n  license: x\nmysql:\n  port: 3306';
    const after =
      'global:\n  host: https://b.example.com\n  license: x\n  extraEnv:\n    A: b\nmysql:\n  port: 3306';
    expect([...changedLines(before, after)].sort()).toEqual([1, 3, 4]);
  });

  it('marks nothing for removed lines (they are not in the new text)', () => {
    expect([...changedLines('a\nb\nc', 'a\nc')]).toEqual([]);
  });
});
