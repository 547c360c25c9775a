import { describe, expect, it } from 'vitest';
import { createReplicaStore, SIM_MS_PER_SECOND_AT_1X } from './store';

describe('replica store', () => {
  it('plays by advancing the playhead with real time and speed, and stops at the end', () => {
    const store = createReplicaStore('sync-vs-async', 1);
    store.getState().play();
    store.getState().setSpeed(2);
    store.getState().advance(1000);
    expect(store.getState().playhead).toBeCloseTo(2 * SIM_MS_PER_SECOND_AT_1X);
    expect(store.getState().view.t).toBe(Math.floor(2 * SIM_MS_PER_SECOND_AT_1X));
    store.getState().advance(10_000_000);
    expect(store.getState().playing).toBe(false);
    expect(store.getState().view.ended).toBe(true);
  });

  it('shows a message delivered and a follower applying a write', () => {
    const store = createReplicaStore('sync-vs-async', 1);
    store.getState().seek(1500);
    const { view } = store.getState();
    const follower = view.nodes.find((n) => n.id === 'follower-1');
    expect(follower?.data['users.1234.picture_url']).toBe('me-new.jpg');
    expect(view.history.some((h) => h.type === 'ok' && h.f === 'write')).toBe(true);
  });

  it('keeps the session when asked for an unknown scenario, and says so', () => {
    const store = createReplicaStore('sync-vs-async', 1);
    store.getState().seek(500);
    store.getState().loadScenario('no-such-scenario');
    expect(store.getState().scenario.id).toBe('sync-vs-async');
    expect(store.getState().view.t).toBe(500);
    expect(store.getState().notice).toMatch(/no-such-scenario/);
  });

  it('injects a crash at the current time and the node goes down', () => {
    const store = createReplicaStore('sync-vs-async', 1);
    store.getState().seek(300);
    store.getState().inject({ type: 'crash', node: 'follower-1' });
    expect(store.getState().view.nodes.find((n) => n.id === 'follower-1')?.up).toBe(false);
    expect(store.getState().session.userInputs).toEqual([
      { type: 'crash', node: 'follower-1', at: 300 },
    ]);
  });
});

describe('replica store playback, through the playback chart', () => {
  it('ends at the end of the run, and Play there starts over from time 0', () => {
    const store = createReplicaStore('sync-vs-async', 1);
    const end = store.getState().view.durationMs;
    store.getState().seek(end);
    expect(store.getState().playbackState).toBe('ended');
    expect(store.getState().playing).toBe(false);
    store.getState().play();
    expect(store.getState().playbackState).toBe('playing');
    expect(store.getState().view.t).toBe(0);
  });

  it('scrubbing while playing keeps playing; stepping pauses', () => {
    const store = createReplicaStore('sync-vs-async', 1);
    store.getState().togglePlay();
    store.getState().seek(400);
    expect(store.getState().playing).toBe(true);
    expect(store.getState().view.t).toBe(400);
    const events = store.getState().view.eventsProcessed;
    store.getState().stepBack();
    expect(store.getState().playbackState).toBe('paused');
    expect(store.getState().view.eventsProcessed).toBe(events - 1);
    store.getState().stepForward();
    expect(store.getState().view.eventsProcessed).toBe(events);
  });

  it('stepping back from the end leaves the ended state', () => {
    const store = createReplicaStore('sync-vs-async', 1);
    const end = store.getState().view.durationMs;
    store.getState().seek(end);
    // Events may fall on the last millisecond itself: undo them until the clock leaves the end.
    for (let i = 0; i < 50 && store.getState().view.t === end; i++) {
      expect(store.getState().playbackState).toBe('ended');
      store.getState().stepBack();
    }
    expect(store.getState().view.t).toBeLessThan(end);
    expect(store.getState().playbackState).toBe('paused');
  });

  it('jumping to the start pauses at time 0', () => {
    const store = createReplicaStore('sync-vs-async', 1);
    store.getState().play();
    store.getState().advance(2000);
    store.getState().jumpToStart();
    expect(store.getState().playbackState).toBe('paused');
    expect(store.getState().playhead).toBe(0);
  });
});

describe('replica store start', () => {
  it('explains falling back from an unknown scenario id', () => {
    const store = createReplicaStore('nope', 4);
    expect(store.getState().scenario.id).toBe('sync-vs-async');
    expect(store.getState().notice).toMatch(/Unknown scenario "nope"/);
  });
});

describe('injected inputs and time travel', () => {
  it('stepping back across an injected crash and forward again shows the same picture', () => {
    const store = createReplicaStore('failover-loses-async-writes', 1);
    store.getState().seek(400);
    store.getState().inject({ type: 'crash', node: 'n1' });
    const injected = store.getState().view;
    expect(injected.nodes.find((n) => n.id === 'n1')?.up).toBe(false);
    let steps = 0;
    while (store.getState().view.nodes.find((n) => n.id === 'n1')?.up === false) {
      store.getState().stepBack();
      steps++;
    }
    expect(steps).toBeGreaterThan(0);
    for (let i = 0; i < steps; i++) store.getState().stepForward();
    expect(store.getState().view).toEqual(injected);
  });

  it('records a batch with a scheduled end, and refuses a bad batch with a notice', () => {
    const store = createReplicaStore('sync-vs-async', 1);
    store.getState().seek(200);
    store
      .getState()
      .injectAll([
        { input: { type: 'clock-skew', node: 'follower-2', skewMs: 250 } },
        { input: { type: 'clock-skew', node: 'follower-2', skewMs: 0 }, delayMs: 300 },
      ]);
    const skew = () => store.getState().view.nodes.find((n) => n.id === 'follower-2')?.clockSkewMs;
    expect(skew()).toBe(250);
    store.getState().seek(500);
    expect(skew()).toBe(0);
    store.getState().seek(499);
    expect(skew()).toBe(250);

    store.getState().injectAll([{ input: { type: 'crash', node: 'nobody' } }]);
    expect(store.getState().notice).toMatch(/node: no node "nobody"/);
    expect(store.getState().session.userInputs).toHaveLength(2);
  });
});

describe('cures in the store', () => {
  it('switching a cure on re-derives the run at the same time, and its anomalies go', () => {
    const store = createReplicaStore('read-your-writes', 1);
    const end = store.getState().scenario.durationMs;
    store.getState().seek(end);
    const kinds = () => store.getState().view.anomalies.map((f) => f.kind);
    expect(kinds()).toContain('read-your-writes');
    store.getState().setCures({ readYourWrites: 'wait-for-position' });
    expect(store.getState().view.t).toBe(end);
    expect(store.getState().scenario.cures.readYourWrites).toBe('wait-for-position');
    expect(kinds()).not.toContain('read-your-writes');
    store.getState().setCures({ readYourWrites: 'off' });
    expect(kinds()).toContain('read-your-writes');
  });
});
