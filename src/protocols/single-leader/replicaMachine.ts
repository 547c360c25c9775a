/**
 * A replica's lifecycle and role, as a statechart with two parallel regions.
 * It sees only the rare events that change them (crash, restart, snapshot installed, caught up,
 * promotion, demotion); replication itself is plain handlers over plain data. Effects come back
 * as named actions that the protocol executes (see engine/statechart.ts).
 */
import { setup } from 'xstate';

export type ReplicaEvent =
  | { type: 'CRASH' }
  | { type: 'RESTART' }
  | { type: 'SNAPSHOT_INSTALLED' }
  | { type: 'CAUGHT_UP' }
  | { type: 'PROMOTE' }
  | { type: 'DEMOTE' };

/** How a replica starts: its role at time 0, and whether it joins a running cluster. */
export interface ReplicaInput {
  role: 'leader' | 'follower';
  joining: boolean;
}

export const replicaMachine = setup({
  types: {
    input: {} as ReplicaInput,
    context: {} as ReplicaInput,
    events: {} as ReplicaEvent,
  },
  actions: {
    /** Ask the leader for what was missed while down. */
    startRecovery: () => {},
    /** Ask the leader for a snapshot to start from. */
    requestSnapshot: () => {},
    /** Fetch the log after the installed snapshot. */
    startCatchUp: () => {},
    becomeLeader: () => {},
    becomeFollower: () => {},
  },
  guards: {
    joining: ({ context }) => context.joining,
    startsAsLeader: ({ context }) => context.role === 'leader',
  },
}).createMachine({
  id: 'replica',
  type: 'parallel',
  context: ({ input }) => input,
  states: {
    lifecycle: {
      initial: 'starting',
      states: {
        starting: {
          always: [{ guard: 'joining', target: 'bootstrapping' }, { target: 'active' }],
        },
        bootstrapping: {
          entry: 'requestSnapshot',
          on: { SNAPSHOT_INSTALLED: 'catchingUp' },
        },
        catchingUp: {
          entry: 'startCatchUp',
          on: { CAUGHT_UP: 'active' },
        },
        recovering: {
          entry: 'startRecovery',
          on: { CAUGHT_UP: 'active' },
        },
        active: {},
        down: { on: { RESTART: 'recovering' } },
      },
      on: { CRASH: '.down' },
    },
    role: {
      initial: 'choosing',
      states: {
        choosing: {
          always: [{ guard: 'startsAsLeader', target: 'leader' }, { target: 'follower' }],
        },
        follower: { on: { PROMOTE: { target: 'leader', actions: 'becomeLeader' } } },
        leader: { on: { DEMOTE: { target: 'follower', actions: 'becomeFollower' } } },
      },
    },
  },
});
