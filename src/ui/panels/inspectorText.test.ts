import { describe, expect, it } from 'vitest';
import type { HistoryOp } from '../../engine/types';
import type { MessageView } from '../../store/view';
import { fateText, historyText } from './inspectorText';

const message = (over: Partial<MessageView>): MessageView => ({
  id: 7,
  kind: 'replicate',
  from: 'leader',
  to: 'follower-2',
  sentAt: 117,
  deliverAt: 557,
  fate: 'in-flight',
  payload: {},
  ...over,
});

const op = (over: Partial<HistoryOp>): HistoryOp => ({
  index: 0,
  type: 'invoke',
  process: 'user-1234',
  opId: 1,
  f: 'write',
  key: 'k',
  value: 'v',
  time: 100,
  traceId: 0,
  ...over,
});

describe('inspector text', () => {
  it('says what became of a message, and why it did not arrive', () => {
    expect(fateText(message({}))).toBe('in flight, due at 557 ms');
    expect(fateText(message({ fate: 'delivered' }))).toBe('delivered at 557 ms');
    expect(fateText(message({ fate: 'dropped', dropReason: 'partition' }))).toBe(
      'dropped at 557 ms: the link was cut (a network partition)',
    );
    expect(fateText(message({ fate: 'lost', dropReason: 'crash' }))).toMatch(
      /^lost at 557 ms: .*crashed/,
    );
  });

  it('words history entries: the value read, who answered, what went wrong', () => {
    expect(historyText(op({}))).toBe('invoke write k = v');
    expect(historyText(op({ type: 'ok', node: 'leader' }))).toBe('ok write k = v (leader)');
    expect(historyText(op({ f: 'read', value: null }))).toBe('invoke read k');
    expect(historyText(op({ f: 'read', type: 'ok', value: 'x', node: 'n2' }))).toBe(
      'ok read k → x (n2)',
    );
    expect(historyText(op({ type: 'info', node: 'n1', error: 'no answer' }))).toBe(
      'info write k = v (n1): no answer',
    );
  });
});
