import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHUNK_ROWS } from './columns';
import { kindCode } from './kinds';
import {
  countMessages,
  emptyMessageLog,
  finishedMessages,
  firstDecidedFrom,
  type MessageRecord,
  messageAt,
  messageIdAt,
  PAYLOAD_NOT_KEPT,
  PAYLOAD_WINDOW,
  payloadAt,
  pushMessage,
  sentAtOf,
  truncateMessages,
} from './messageLog';

/** A delivered message whose payload names the round it was logged in. */
function record(id: number, round: string): MessageRecord {
  return {
    id,
    kind: 'k',
    kindCode: kindCode('k'),
    from: 'a',
    to: 'b',
    src: 0,
    dst: 1,
    payload: { id, round },
    sentAt: id,
    deliverAt: id + 1,
    fate: 'delivered',
    sendTraceId: 2 * id,
    fateTraceId: 2 * id + 1,
  };
}

function logOf(count: number) {
  const log = emptyMessageLog();
  log.endpointIds.push('a', 'b');
  for (let i = 0; i < count; i++) pushMessage(log, record(i + 1, 'first'));
  return log;
}

describe('message log payloads', () => {
  it('keeps the payloads of the latest PAYLOAD_WINDOW messages only', () => {
    const count = PAYLOAD_WINDOW + 300;
    const log = logOf(count);
    expect(payloadAt(log, 0)).toBe(PAYLOAD_NOT_KEPT);
    expect(payloadAt(log, count - PAYLOAD_WINDOW - 1)).toBe(PAYLOAD_NOT_KEPT);
    expect(messageAt(log, 299).payload).toBe(PAYLOAD_NOT_KEPT);
    for (const i of [count - PAYLOAD_WINDOW, count - 1000, count - 1]) {
      expect(payloadAt(log, i)).toEqual({ id: i + 1, round: 'first' });
    }
    expect(payloadAt(log, count)).toBe(PAYLOAD_NOT_KEPT);
    // Everything but the payload is kept for every message.
    expect(messageAt(log, 0)).toMatchObject({ id: 1, from: 'a', to: 'b', fateTraceId: 3 });
  });

  it('after a truncation, re-logged messages carry their new payloads and older ones stay', () => {
    const log = logOf(PAYLOAD_WINDOW + 100);
    const cut = PAYLOAD_WINDOW + 50;
    truncateMessages(log, cut);
    for (let i = cut; i < cut + 200; i++) pushMessage(log, record(i + 1, 'second'));
    expect(payloadAt(log, cut - 1)).toEqual({ id: cut, round: 'first' });
    expect(payloadAt(log, cut)).toEqual({ id: cut + 1, round: 'second' });
    expect(payloadAt(log, cut + 199)).toEqual({ id: cut + 200, round: 'second' });
    // The window moved on by the 150 messages logged beyond the old end.
    expect(payloadAt(log, 249)).toBe(PAYLOAD_NOT_KEPT);
    expect(payloadAt(log, 250)).toEqual({ id: 251, round: 'first' });
  });

  it('a truncation below the window keeps what is logged again, and not what was dropped', () => {
    const log = logOf(2 * PAYLOAD_WINDOW);
    truncateMessages(log, 10);
    expect(payloadAt(log, 9)).toBe(PAYLOAD_NOT_KEPT);
    pushMessage(log, record(11, 'second'));
    expect(payloadAt(log, 10)).toEqual({ id: 11, round: 'second' });
    expect(payloadAt(log, 9)).toBe(PAYLOAD_NOT_KEPT);
  });

  it('a message logged with a payload it had not kept stays without one', () => {
    const log = logOf(1);
    pushMessage(log, { ...record(2, 'first'), payload: PAYLOAD_NOT_KEPT });
    expect(payloadAt(log, 1)).toBe(PAYLOAD_NOT_KEPT);
  });
});

describe('message log chunks', () => {
  /** A finished message made from its index and round: fates, kinds and ends vary. */
  function finishedAt(i: number, round: number): MessageRecord {
    const kind = ['append', 'ack', 'response'][(i + round) % 3] as string;
    const fate = (['delivered', 'dropped', 'lost'] as const)[i % 3] as MessageRecord['fate'];
    const dropReason = fate === 'dropped' ? 'partition' : fate === 'lost' ? 'crash' : undefined;
    return {
      id: 2 * i + 1 + round,
      kind,
      kindCode: kindCode(kind),
      from: i % 2 === 0 ? 'a' : 'b',
      to: i % 2 === 0 ? 'b' : 'a',
      src: i % 2,
      dst: 1 - (i % 2),
      payload: PAYLOAD_NOT_KEPT,
      sentAt: i,
      deliverAt: i + 1 + round,
      fate,
      dropReason,
      sendTraceId: 3 * i,
      fateTraceId: 3 * i + 2,
    };
  }
  const span = (from: number, to: number, round: number) =>
    Array.from({ length: to - from }, (_, k) => finishedAt(from + k, round));
  /** What the log gives back: payloads outside the window are not kept. */
  const withoutPayload = (m: MessageRecord) => ({ ...m, payload: PAYLOAD_NOT_KEPT });

  it('reads back rows on both sides of chunk boundaries, across truncations into any chunk', () => {
    const length = fc.nat({ max: 3 * CHUNK_ROWS });
    fc.assert(
      fc.property(length, fc.nat(), length, (count, cutAt, more) => {
        const log = emptyMessageLog();
        log.endpointIds.push('a', 'b');
        for (const m of span(0, count, 0)) pushMessage(log, m);
        const cut = cutAt % (count + 1);
        truncateMessages(log, cut);
        for (const m of span(cut, cut + more, 1)) pushMessage(log, m);
        const expected = [...span(0, cut, 0), ...span(cut, cut + more, 1)];
        expect(log.count).toBe(expected.length);
        expect(log.chunks.length).toBe(Math.ceil(expected.length / CHUNK_ROWS));
        expect(finishedMessages(log).map(withoutPayload)).toStrictEqual(
          expected.map(withoutPayload),
        );
        expect(expected.map((_, i) => messageIdAt(log, i))).toEqual(expected.map((m) => m.id));
        expect(expected.map((_, i) => sentAtOf(log, i))).toEqual(expected.map((m) => m.sentAt));
        const t = (cutAt % (expected.length + 3)) + 0.5;
        const firstAfter = expected.findIndex((m) => m.deliverAt >= t);
        expect(firstDecidedFrom(log, t)).toBe(firstAfter === -1 ? expected.length : firstAfter);
        const byFate = { delivered: 0, dropped: 0, lost: 0 };
        for (const m of expected) byFate[m.fate as keyof typeof byFate]++;
        expect(countMessages(log).byFate).toEqual(byFate);
      }),
      { numRuns: 25 },
    );
  });
});
