import { describe, expect, it } from 'vitest';
import { initialTransition, type SnapshotFrom, transition } from 'xstate';
import { type PlaybackEvent, playbackMachine } from './playbackMachine';

type Snapshot = SnapshotFrom<typeof playbackMachine>;

/** Feed events from the start; the final state and every effect asked for, in order. */
function drive(...events: PlaybackEvent[]) {
  let [snapshot] = initialTransition(playbackMachine) as [Snapshot, unknown];
  const effects: Array<{ type: string; params?: unknown }> = [];
  for (const event of events) {
    const [next, actions] = transition(playbackMachine, snapshot, event);
    snapshot = next;
    for (const a of actions)
      effects.push(a.params ? { type: a.type, params: a.params } : { type: a.type });
  }
  return { state: snapshot.value, effects };
}

describe('playback machine', () => {
  it('starts paused and asks for nothing', () => {
    expect(drive()).toEqual({ state: 'paused', effects: [] });
  });

  it('plays and pauses, by name or by toggling', () => {
    expect(drive({ type: 'PLAY' }).state).toBe('playing');
    expect(drive({ type: 'PLAY' }, { type: 'PAUSE' }).state).toBe('paused');
    expect(drive({ type: 'TOGGLE' }).state).toBe('playing');
    expect(drive({ type: 'TOGGLE' }, { type: 'TOGGLE' })).toEqual({ state: 'paused', effects: [] });
  });

  it('stepping either way pauses and asks for the step', () => {
    expect(drive({ type: 'PLAY' }, { type: 'STEP' })).toEqual({
      state: 'paused',
      effects: [{ type: 'stepForward' }],
    });
    expect(drive({ type: 'PLAY' }, { type: 'STEP_BACK' })).toEqual({
      state: 'paused',
      effects: [{ type: 'stepBack' }],
    });
  });

  it('seeking keeps playing if it was playing, and stays paused if not', () => {
    expect(drive({ type: 'PLAY' }, { type: 'SEEK', t: 700 })).toEqual({
      state: 'playing',
      effects: [{ type: 'seekTo', params: { t: 700 } }],
    });
    expect(drive({ type: 'SEEK', t: 20 })).toEqual({
      state: 'paused',
      effects: [{ type: 'seekTo', params: { t: 20 } }],
    });
  });

  it('jumping to the start pauses at time 0', () => {
    expect(drive({ type: 'PLAY' }, { type: 'JUMP_TO_START' })).toEqual({
      state: 'paused',
      effects: [{ type: 'seekTo', params: { t: 0 } }],
    });
  });

  it('at the end, Play starts over, Step does nothing, and stepping back leaves the end', () => {
    const ended = [{ type: 'PLAY' }, { type: 'END' }] as const;
    expect(drive(...ended).state).toBe('ended');
    expect(drive(...ended, { type: 'PLAY' })).toEqual({
      state: 'playing',
      effects: [{ type: 'rewind' }],
    });
    expect(drive(...ended, { type: 'TOGGLE' }).effects).toEqual([{ type: 'rewind' }]);
    expect(drive(...ended, { type: 'STEP' })).toEqual({ state: 'ended', effects: [] });
    expect(drive(...ended, { type: 'PAUSE' }).state).toBe('ended');
    expect(drive(...ended, { type: 'STEP_BACK' })).toEqual({
      state: 'paused',
      effects: [{ type: 'stepBack' }],
    });
    expect(drive(...ended, { type: 'SEEK', t: 5 }).state).toBe('paused');
  });
});
