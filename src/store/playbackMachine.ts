/**
 * Playback as a statechart: paused, playing, or ended (at the end of the run, where Play starts
 * over). The store feeds it events and runs what it returns with XState's pure `transition()`,
 * the same way the engine drives the replica charts: the machine decides, the store acts. Its
 * effects come back as named actions (`stepForward`, `stepBack`, `seekTo`, `rewind`) that the
 * store executes on the session; the store tells the machine `END` whenever the session lands
 * on the end of the run.
 */
import { setup } from 'xstate';

export type PlaybackEvent =
  | { type: 'PLAY' }
  | { type: 'PAUSE' }
  | { type: 'TOGGLE' }
  | { type: 'STEP' }
  | { type: 'STEP_BACK' }
  /** Move to a time; playing carries on, from there. */
  | { type: 'SEEK'; t: number }
  /** Back to time 0, paused. */
  | { type: 'JUMP_TO_START' }
  /** The session reached the end of the run. */
  | { type: 'END' };

/** The effects the store executes, as the machine returns them. */
export type PlaybackEffect =
  | { type: 'stepForward' }
  | { type: 'stepBack' }
  | { type: 'seekTo'; params: { t: number } }
  | { type: 'rewind' };

export type PlaybackStateValue = 'paused' | 'playing' | 'ended';

const seekTo = {
  type: 'seekTo',
  params: ({ event }: { event: PlaybackEvent }) => ({ t: event.type === 'SEEK' ? event.t : 0 }),
} as const;

export const playbackMachine = setup({
  types: { events: {} as PlaybackEvent },
  actions: {
    /** Process the next event of the run. */
    stepForward: () => {},
    /** Undo the last processed event. */
    stepBack: () => {},
    /** Show the state at a time (`params.t`). */
    seekTo: (_, _params: { t: number }) => {},
    /** Back to time 0, to play the run again. */
    rewind: () => {},
  },
}).createMachine({
  id: 'playback',
  initial: 'paused',
  // What every state does alike; the states below override.
  on: {
    STEP: { target: '.paused', actions: 'stepForward' },
    STEP_BACK: { target: '.paused', actions: 'stepBack' },
    SEEK: { target: '.paused', actions: seekTo },
    JUMP_TO_START: { target: '.paused', actions: { type: 'seekTo', params: { t: 0 } } },
    END: '.ended',
  },
  states: {
    paused: {
      on: { PLAY: 'playing', TOGGLE: 'playing' },
    },
    playing: {
      on: {
        PAUSE: 'paused',
        TOGGLE: 'paused',
        // Scrubbing while playing keeps playing from the new place.
        SEEK: { target: 'playing', actions: seekTo },
      },
    },
    ended: {
      on: {
        PLAY: { target: 'playing', actions: 'rewind' },
        TOGGLE: { target: 'playing', actions: 'rewind' },
        // Nothing comes after the end.
        STEP: {},
      },
    },
  },
});
