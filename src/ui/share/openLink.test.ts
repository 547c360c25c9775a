import { describe, expect, it } from 'vitest';
import { allBuiltinScenarios } from '../../scenarios/builtin';
import { leaderlessSettingsOf } from '../../store/families/leaderlessSettings';
import { createReplicaStore } from '../../store/store';
import { currentSharedView } from './currentView';
import { storeForLink } from './openLink';
import { encodeSharedView } from './shareLink';

const defaultTitle = allBuiltinScenarios[0]?.title;

describe('opening a share link', () => {
  it('shows what its author saw: scenario, seed, inputs, time, events, selection', () => {
    const author = createReplicaStore('split-brain-fenced', 3);
    author.getState().seek(700);
    author.getState().inject({ type: 'crash', node: 'n2' });
    author.getState().seek(1200);
    author.getState().stepForward();
    author.getState().select({ kind: 'node', id: 'n3' });
    const link = encodeSharedView(currentSharedView(author.getState(), true));

    const reader = storeForLink(link).getState();
    const original = author.getState();
    expect(reader.notice).toBeNull();
    expect(reader.scenario).toEqual(original.scenario);
    expect(reader.seed).toBe(3);
    expect(reader.view.t).toBe(original.view.t);
    expect(reader.view.eventsProcessed).toBe(original.view.eventsProcessed);
    expect(reader.view.traceHash).toBe(original.view.traceHash);
    expect(reader.view.nodes).toEqual(original.view.nodes);
    expect(reader.inspection).toEqual(original.inspection);
    expect(reader.playing).toBe(false);
  });

  it('keeps what its author changed: quorum settings, the pictured quorums, picked-out ops, zoom', () => {
    const author = createReplicaStore('quorum-overlap', 2);
    expect(author.getState().setLeaderlessSettings({ w: 4, r: 2, readRepair: false })).toEqual([]);
    author.getState().seek(1500);
    const read = author.getState().view.history.find((h) => h.f === 'read' && h.type === 'ok');
    if (read === undefined) throw new Error('the scenario should have read by 1500 ms');
    author.getState().focusOp(read.opId);
    author.getState().highlightOps([read.opId]);
    author.getState().setClusterZoom({ k: 1.8, x: -42, y: 17 });
    author.getState().setClusterPositions({ n3: { x: 120, y: -30 } });
    author.getState().setTimelineWindow({ spanMs: 300, startMs: 900 });
    const original = author.getState();
    expect(original.quorumFocus).not.toBeNull();
    const link = encodeSharedView(currentSharedView(original, true, false));

    const reader = storeForLink(link).getState();
    expect(reader.notice).toBeNull();
    expect(leaderlessSettingsOf(reader.scenario)).toEqual(leaderlessSettingsOf(original.scenario));
    expect(leaderlessSettingsOf(reader.scenario)).toMatchObject({ w: 4, r: 2, readRepair: false });
    expect(reader.view.traceHash).toBe(original.view.traceHash);
    expect(reader.focusedOp).toBe(read.opId);
    expect(reader.quorumFocus).toEqual(original.quorumFocus);
    expect(reader.highlightedOps).toEqual([read.opId]);
    expect(reader.clusterZoom).toEqual({ k: 1.8, x: -42, y: 17 });
    expect(reader.clusterPositions).toEqual({ n3: { x: 120, y: -30 } });
    expect(reader.timelineWindow).toEqual({ spanMs: 300, startMs: 900 });
  });

  it('a broken link opens the default scenario at time 0, saying why', () => {
    const state = storeForLink('definitely-not-a-link').getState();
    expect(state.scenario.title).toBe(defaultTitle);
    expect(state.view.t).toBe(0);
    expect(state.notice).toMatch(/^This link is broken or incomplete .* Showing ".+" instead\.$/);
  });

  it('a link whose input names an unknown node opens the default scenario, naming the field', () => {
    const author = createReplicaStore('sync-vs-async', 1);
    const view = { ...currentSharedView(author.getState(), null), timeMs: 50 };
    view.inputs = [{ at: 10, type: 'crash', node: 'n9' }];
    const state = storeForLink(encodeSharedView(view)).getState();
    expect(state.scenario.title).toBe(defaultTitle);
    expect(state.notice).toContain('inputs[0].node: no node "n9"');
  });

  it('a selection of something that is not there selects it but inspects nothing', () => {
    const author = createReplicaStore('sync-vs-async', 1);
    const view = {
      ...currentSharedView(author.getState(), null),
      selection: { kind: 'node' as const, id: 'ghost' },
    };
    const state = storeForLink(encodeSharedView(view)).getState();
    expect(state.notice).toBeNull();
    expect(state.inspection).toBeNull();
  });
});
