import { scaleLinear } from 'd3';
import { describe, expect, it } from 'vitest';
import type { HistoryOp } from '../../../engine/types';
import { createOpSpanTracker, opSpans, spanBoxes, spanLabel } from './opSpans';

let index = 0;
const h = (over: Partial<HistoryOp> & Pick<HistoryOp, 'type' | 'opId' | 'time'>): HistoryOp => ({
  index: index++,
  process: 'user-1',
  f: 'write',
  key: 'k',
  value: null,
  traceId: index,
  ...over,
});

const history: HistoryOp[] = [
  h({ type: 'invoke', opId: 1, time: 10, value: 'v1' }),
  h({ type: 'invoke', opId: 2, time: 12, f: 'read', process: 'user-2' }),
  h({ type: 'ok', opId: 1, time: 40, value: 'v1', node: 'n1' }),
  h({ type: 'ok', opId: 2, time: 50, f: 'read', process: 'user-2', value: 'old', node: 'n2' }),
  h({ type: 'invoke', opId: 3, time: 60, value: 'v2' }),
  h({ type: 'info', opId: 3, time: 90, value: 'v2', error: 'timeout' }),
  h({ type: 'invoke', opId: 4, time: 95, f: 'read' }),
];

describe('opSpans', () => {
  it('pairs invokes with completions, in invoke order, with what was written or read', () => {
    const spans = opSpans(history);
    expect(spans.map((s) => [s.opId, s.startMs, s.endMs, s.outcome, s.value])).toEqual([
      [1, 10, 40, 'ok', 'v1'],
      [2, 12, 50, 'ok', 'old'],
      [3, 60, 90, 'info', 'v2'],
      [4, 95, null, 'pending', null],
    ]);
    expect(spans[2]?.error).toBe('timeout');
    expect(spans[1]?.node).toBe('n2');
  });

  it('labels writes with the value written and reads with the value read', () => {
    const [write, read, , waiting] = opSpans(history);
    expect(write && spanLabel(write)).toBe('W k = v1');
    expect(read && spanLabel(read)).toBe('R k → old');
    expect(waiting && spanLabel(waiting)).toBe('R k');
  });
});

describe('spanBoxes', () => {
  const x = scaleLinear().domain([0, 100]).range([0, 100]);
  const lanes = new Map([
    ['user-1', 5],
    ['user-2', 25],
  ]);

  it('lays spans on their client lane; a waiting one runs to the playhead', () => {
    const boxes = spanBoxes(opSpans(history), 98, { startMs: 0, spanMs: 100 }, x, lanes);
    expect(boxes.map((b) => [b.span.opId, b.x1, b.x2, b.y])).toEqual([
      [1, 10, 40, 5],
      [2, 12, 50, 25],
      [3, 60, 90, 5],
      [4, 95, 98, 5],
    ]);
  });

  it('keeps only spans that overlap the window', () => {
    const boxes = spanBoxes(opSpans(history), 98, { startMs: 45, spanMs: 10 }, x, lanes);
    expect(boxes.map((b) => b.span.opId)).toEqual([2]);
  });
});

describe('createOpSpanTracker', () => {
  it('extends its spans as the history grows, and starts over when it is rewound', () => {
    const tracker = createOpSpanTracker();
    const grown = (n: number) => history.slice(0, n);
    expect(tracker.update(grown(2)).map((s) => s.outcome)).toEqual(['pending', 'pending']);
    expect(tracker.update(grown(4)).map((s) => s.outcome)).toEqual(['ok', 'ok']);
    for (let n = 0; n <= history.length; n++) {
      expect(tracker.update(grown(n))).toEqual(opSpans(grown(n)));
    }
    // Rewound to before the completions (a seek back): no completion may linger.
    expect(tracker.update(grown(2)).map((s) => s.endMs)).toEqual([null, null]);
    // Another history of the same length is not mistaken for a continuation.
    const other = history.map((e) => ({ ...e, time: e.time + 1 }));
    expect(tracker.update(other)).toEqual(opSpans(other));
  });
});
