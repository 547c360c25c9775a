import { describe, expect, it } from 'vitest';
import { finishedMessages, PAYLOAD_WINDOW } from '../engine/messageLog';
import { findBuiltin } from '../scenarios/builtin';
import { msBehind } from './families/singleLeaderNodes';
import {
  type ClientInspection,
  inspect,
  type MessageInspection,
  type NodeInspection,
} from './inspect';
import { createSession, type Session, seek, stepBack, stepForward } from './session';
import { createReplicaStore } from './store';
import { buildView } from './view';

const found = findBuiltin('sync-vs-async');
if (found === undefined) throw new Error('missing built-in scenario');
const scenario = found;

const node = (s: Session, id: string) => inspect(s, { kind: 'node', id }) as NodeInspection;
const message = (s: Session, id: number) =>
  inspect(s, { kind: 'message', id: String(id) }) as MessageInspection;
const client = (s: Session, id: string) => inspect(s, { kind: 'client', id }) as ClientInspection;

/** When the leader received user-1234's first write: the write request's delivery. */
function firstWriteArrival(): number {
  const session = createSession(scenario, 1);
  seek(session, scenario.durationMs);
  const write = finishedMessages(session.sim.logs.messages).find(
    (m) => m.kind === 'write' && m.from === 'user-1234' && m.fate === 'delivered',
  );
  if (write === undefined) throw new Error('no write reached the leader');
  return write.deliverAt;
}

describe('node inspection', () => {
  it("shows the log with epochs, and the leader's acknowledged marker moves when the sync follower acks", () => {
    const arrival = firstWriteArrival();
    const session = createSession(scenario, 1);
    seek(session, arrival);
    const leader = node(session, 'leader');
    expect(leader.log.map((e) => [e.pos, e.epoch, e.value])).toEqual([[1, 1, 'me-new.jpg']]);
    expect(leader.log[0]?.appendedAt).toBe(arrival);
    // Appended, but follower-1 (synchronous) has not acknowledged it yet.
    expect(leader.marker?.pos).toBe(0);
    expect(leader.followers.find((f) => f.id === 'follower-1')?.required).toBe(true);
    expect(leader.followers.find((f) => f.id === 'follower-2')?.required).toBe(false);
    seek(session, 1500);
    const later = node(session, 'leader');
    expect(later.log.map((e) => e.pos)).toEqual([1, 2]);
    expect(later.marker?.pos).toBe(2);
    expect(later.followers.find((f) => f.id === 'follower-1')?.matchPos).toBe(2);
  });

  it('a lagging follower is behind by the age of the oldest entry it lacks', () => {
    const arrival = firstWriteArrival();
    const session = createSession(scenario, 1);
    seek(session, arrival + 150);
    const view = buildView(session);
    const slow = view.nodes.find((n) => n.id === 'follower-2');
    expect(slow?.lagPositions).toBe(1);
    expect(slow?.lagMs).toBe(150);
    expect(node(session, 'follower-2').log).toEqual([]);
    seek(session, 2500);
    expect(buildView(session).nodes.find((n) => n.id === 'follower-2')?.lagMs).toBe(0);
  });

  it('ms behind is unknown when the missing entry is only in the snapshot', () => {
    const storage = {
      snapshotPos: 5,
      snapshotEpoch: 1,
      snapshotData: {},
      log: [
        { pos: 6, epoch: 1, key: 'k', value: 1, opId: 1, client: 'c', appendedAt: 40 },
        { pos: 7, epoch: 1, key: 'k', value: 2, opId: 2, client: 'c', appendedAt: 70 },
      ],
      data: {},
      ranges: [],
    };
    expect(msBehind(storage, 5, 100)).toBe(60);
    expect(msBehind(storage, 6, 100)).toBe(30);
    expect(msBehind(storage, 7, 100)).toBe(0);
    expect(msBehind(storage, 3, 100)).toBeNull();
  });
});

describe('message inspection', () => {
  it('finds a message in flight, then finished with its fate, and not sent after stepping back', () => {
    const session = createSession(scenario, 1);
    seek(session, 150);
    const onWire = buildView(session).inFlight[0];
    if (onWire === undefined) throw new Error('nothing in flight at 150 ms');
    const inFlight = message(session, onWire.id);
    expect(inFlight.status).toBe('in-flight');
    expect(inFlight.message?.fate).toBe('in-flight');
    expect(JSON.parse(inFlight.payloadText)).toEqual(onWire.payload);

    seek(session, onWire.deliverAt);
    const done = message(session, onWire.id);
    expect(done.status).toBe('finished');
    expect(['delivered', 'dropped', 'lost']).toContain(done.message?.fate);
    expect(done.message?.sentAt).toBe(onWire.sentAt);

    while (session.sim.core.now >= onWire.sentAt && session.sim.core.eventsProcessed > 0) {
      stepBack(session);
    }
    expect(message(session, onWire.id)).toMatchObject({ status: 'not-sent', message: null });
  });

  it('shows the payload of a message older than the payload window, recomputed by replay', () => {
    // Long enough for thousands of heartbeats: the first write's messages leave the window.
    const session = createSession({ ...scenario, durationMs: 150_000 }, 1);
    seek(session, 150);
    const early = buildView(session).inFlight;
    const texts = new Map(early.map((m) => [m.id, message(session, m.id).payloadText]));
    expect(texts.size).toBeGreaterThan(0);
    seek(session, 150_000);
    const log = session.sim.logs.messages;
    expect(log.count).toBeGreaterThan(PAYLOAD_WINDOW + 100);
    for (const [id, text] of texts) {
      const later = message(session, id);
      expect(later.status).toBe('finished');
      expect(later.payloadText).toBe(text);
    }
    // Not a leftover: the log itself no longer holds these payloads.
    expect(log.payloadFloor).toBeGreaterThan(Math.max(...texts.keys()));
  });

  it('a dropped message says why', () => {
    const store = createReplicaStore('sync-vs-async', 1);
    store.getState().seek(150);
    const target = store.getState().view.inFlight.find((m) => m.to === 'follower-2');
    if (target === undefined) throw new Error('no message to follower-2 in flight');
    store.getState().inject({ type: 'partition', groups: [['leader'], ['follower-2']] });
    store.getState().seek(target.deliverAt);
    store.getState().select({ kind: 'message', id: String(target.id) });
    const inspection = store.getState().inspection as MessageInspection;
    expect(inspection.status).toBe('finished');
    expect(inspection.message?.fate).toBe('dropped');
    expect(inspection.message?.dropReason).toBe('partition');
  });
});

describe('client inspection', () => {
  it("shows the client's own history in order and the position of its last write", () => {
    const session = createSession(scenario, 1);
    seek(session, 1500);
    const c = client(session, 'user-1234');
    expect(c.history.length).toBeGreaterThan(0);
    expect(c.history.every((h) => h.process === 'user-1234')).toBe(true);
    expect(c.history.map((h) => h.time)).toEqual(
      [...c.history.map((h) => h.time)].sort((a, b) => a - b),
    );
    expect(c.history.map((h) => h.type)).toEqual(['invoke', 'ok', 'invoke', 'ok']);
    // The leader's log holds the last write at the position the client was told.
    const leaderLog = node(session, 'leader').log;
    const lastWriteOp = c.history[c.history.length - 1];
    const entry = leaderLog.find((e) => e.pos === c.lastWrite?.pos);
    expect(entry?.value).toBe(lastWriteOp?.value);
    expect(c.leaderHint).toBe('leader');
    expect(client(session, 'user-2345').reads).toBe('replica follower-2');
  });

  it('shows the pending operation while the client waits', () => {
    const session = createSession(scenario, 1);
    seek(session, 100);
    while (client(session, 'user-1234').pending === null) stepForward(session);
    const c = client(session, 'user-1234');
    expect(c.pending).toMatchObject({
      f: 'write',
      key: 'users.1234.picture_url',
      target: 'leader',
    });
  });
});

describe('store inspection', () => {
  it('follows the selection and the time, and keeps the same object while nothing changes', () => {
    const store = createReplicaStore('sync-vs-async', 1);
    store.getState().seek(1500);
    expect(store.getState().inspection).toBeNull();
    store.getState().select({ kind: 'node', id: 'follower-1' });
    const first = store.getState().inspection as NodeInspection;
    expect(first.log.length).toBe(2);
    store.getState().seek(1600);
    expect(store.getState().inspection).toBe(first);
    store.getState().seek(50);
    expect((store.getState().inspection as NodeInspection).log).toEqual([]);
  });
});
