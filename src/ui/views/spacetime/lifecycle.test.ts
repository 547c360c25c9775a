import { describe, expect, it } from 'vitest';
import { downStretches } from './lifecycle';

describe('downStretches', () => {
  it('runs from each crash to the following restart, and to the playhead if still down', () => {
    const marks = [
      { node: 'n2', t: 100, type: 'crash' as const },
      { node: 'n3', t: 150, type: 'crash' as const },
      { node: 'n2', t: 300, type: 'restart' as const },
      { node: 'n2', t: 400, type: 'crash' as const },
    ];
    expect(downStretches(marks, 450)).toEqual([
      { node: 'n2', fromMs: 100, toMs: 300 },
      { node: 'n3', fromMs: 150, toMs: 450 },
      { node: 'n2', fromMs: 400, toMs: 450 },
    ]);
  });

  it('ignores a restart without a crash before it', () => {
    expect(downStretches([{ node: 'n1', t: 5, type: 'restart' }], 10)).toEqual([]);
  });
});
