import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historyOps } from '../../engine/historyLog';
import { runUntil } from '../../engine/simulation';
import { findAnyBuiltin } from '../../scenarios/builtin';
import { startAnyScenario } from '../../scenarios/runAny';
import { createReplicaStore } from '../store';
import { quorumPicture, quorumRole } from './leaderlessQuorum';
import { withLeaderlessSettings } from './leaderlessSettings';

function historyOf(id: string, seed: number, settings = {}) {
  const base = findAnyBuiltin(id);
  if (base === undefined) throw new Error(`no scenario ${id}`);
  const scenario = withLeaderlessSettings(base, settings);
  const sim = startAnyScenario(scenario, seed);
  runUntil(sim, scenario.durationMs);
  return historyOps(sim.logs.history);
}

describe('quorum picture', () => {
  it('pairs the read of the overlap scenario with the write it must see', () => {
    const history = historyOf('quorum-overlap', 1);
    const read = history.find((h) => h.f === 'read' && h.type === 'ok');
    const picture = quorumPicture(history, read?.opId ?? -1);
    // The scenario cuts n4, n5 off during the write and n1, n2 during the read.
    expect(new Set(picture?.write?.nodes)).toEqual(new Set(['n1', 'n2', 'n3']));
    expect(new Set(picture?.read?.nodes)).toEqual(new Set(['n3', 'n4', 'n5']));
    expect(picture?.overlap).toEqual(['n3']);
    expect(quorumRole(picture, 'n3')).toBe('both');
    expect(quorumRole(picture, 'n1')).toBe('write');
    expect(quorumRole(picture, 'n5')).toBe('read');
    // Asked about the write, the picture is the same pair.
    const write = quorumPicture(history, picture?.write?.opId ?? -1);
    expect(write?.read?.opId).toBe(read?.opId);
    expect(write?.overlap).toEqual(['n3']);
  });

  it('has no partner for an operation with nothing to pair, and none for an unknown id', () => {
    const history = historyOf('quorum-read-repair', 1);
    const first = history.find((h) => h.f === 'write' && h.type === 'ok');
    const picture = quorumPicture(history, first?.opId ?? -1);
    // A write pairs with the first read that began after it was acknowledged.
    expect(picture?.write?.nodes.length).toBe(2);
    const firstRead = history.find((h) => h.f === 'read' && h.type === 'invoke');
    expect(picture?.read?.opId).toBe(firstRead?.opId);
    expect(quorumPicture(history, 9999)).toBeNull();
    expect(quorumRole(null, 'n1')).toBeNull();
  });

  it('with a strict quorum (w + r > n), every read overlaps the write acknowledged before it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        (seed, w, r) => {
          fc.pre(w + r > 3);
          const history = historyOf('quorum-read-repair', seed, { w, r });
          for (const h of history) {
            if (h.f !== 'read' || h.type !== 'ok') continue;
            const picture = quorumPicture(history, h.opId);
            expect(picture?.read?.nodes).toHaveLength(r);
            if (picture?.write?.outcome === 'ok') {
              expect(picture.write.nodes).toHaveLength(w);
              expect(picture.overlap.length).toBeGreaterThan(0);
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('the store pictures the focused operation', () => {
  it('follows time: a seek back before the read leaves the write without its partner', () => {
    const store = createReplicaStore('quorum-overlap', 1);
    store.getState().seek(2000);
    const write = store.getState().view.history.find((h) => h.f === 'write' && h.type === 'ok');
    store.getState().focusOp(write?.opId ?? -1);
    expect(store.getState().quorumFocus?.overlap).toEqual(['n3']);
    store.getState().seek(600);
    expect(store.getState().quorumFocus?.read).toBeNull();
    expect(store.getState().quorumFocus?.write?.nodes.length).toBe(3);
    store.getState().focusOp(null);
    expect(store.getState().quorumFocus).toBeNull();
  });

  it('pictures a hovered operation while it is hovered, then the focused one again', () => {
    const store = createReplicaStore('quorum-read-repair', 1);
    store.getState().seek(3000);
    const reads = store.getState().view.history.filter((h) => h.f === 'read' && h.type === 'ok');
    const [first, second] = reads;
    store.getState().focusOp(first?.opId ?? -1);
    store.getState().hoverOp(second?.opId ?? -1);
    expect(store.getState().quorumFocus?.opId).toBe(second?.opId);
    store.getState().hoverOp(null);
    expect(store.getState().quorumFocus?.opId).toBe(first?.opId);
  });

  it('a waiting write shows the acknowledgements its coordinator has so far', () => {
    const store = createReplicaStore('quorum-overlap', 1);
    store.getState().seek(200);
    const write = store.getState().view.history.find((h) => h.f === 'write');
    store.getState().focusOp(write?.opId ?? -1);
    const seen: string[][] = [];
    for (let t = 200; store.getState().quorumFocus?.write?.outcome === 'invoke'; t += 2) {
      seen.push(store.getState().quorumFocus?.write?.nodes ?? []);
      store.getState().seek(t);
    }
    const done = store.getState().quorumFocus?.write;
    expect(done?.outcome).toBe('ok');
    expect(done?.nodes).toHaveLength(3);
    // Acknowledgements only accumulate, in the order the final answer lists them: the
    // coordinator (n2, first on counter's preference list) counts its own copy first.
    for (const nodes of seen) expect(done?.nodes.slice(0, nodes.length)).toEqual(nodes);
    expect(seen.some((nodes) => nodes.length > 0 && nodes[0] === 'n2')).toBe(true);
  });

  it('has nothing to picture in a single-leader session', () => {
    const store = createReplicaStore('sync-vs-async', 1);
    store.getState().seek(2000);
    store.getState().focusOp(store.getState().view.history[0]?.opId ?? -1);
    expect(store.getState().quorumFocus).toBeNull();
  });
});
