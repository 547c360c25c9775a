/**
 * The monitor's failover procedure: detect → choose → promote → reconfigure.
 * The monitor's handlers decide *when* (heartbeat silence, the positions collected) and pass the
 * facts in events; the chart decides *what happens next* and returns the steps as actions.
 */

import { assign, setup } from 'xstate';
import type { NodeId } from '../../engine/types';

export type FailoverEvent =
  | { type: 'LEADER_SILENT'; leader: NodeId }
  | { type: 'DECIDE'; candidate: NodeId | null }
  | { type: 'PROMOTED'; leader: NodeId }
  | { type: 'PROMOTE_TIMEOUT' };

export const failoverMachine = setup({
  types: {
    input: {} as { promoteTimeoutMs: number },
    context: {} as { promoteTimeoutMs: number; suspect: NodeId | null; candidate: NodeId | null },
    events: {} as FailoverEvent,
  },
  actions: {
    /** Ask every follower for its log position, then decide after a wait. */
    queryPositions: () => {},
    promote: (_, _params: { candidate: NodeId }) => {},
    /** Tell every replica (and so every client, by redirect) who leads now. */
    announce: (_, _params: { leader: NodeId }) => {},
    /** No follower answered: keep watching and try again later. */
    giveUp: () => {},
  },
  delays: {
    promoteTimeout: ({ context }) => context.promoteTimeoutMs,
  },
}).createMachine({
  id: 'failover',
  context: ({ input }) => ({ ...input, suspect: null, candidate: null }),
  initial: 'watching',
  states: {
    watching: {
      on: {
        LEADER_SILENT: {
          target: 'choosing',
          actions: assign({ suspect: ({ event }) => event.leader }),
        },
      },
    },
    choosing: {
      entry: 'queryPositions',
      on: {
        DECIDE: [
          {
            guard: ({ event }) => event.candidate !== null,
            target: 'promoting',
            actions: assign({ candidate: ({ event }) => event.candidate }),
          },
          { target: 'watching', actions: 'giveUp' },
        ],
      },
    },
    promoting: {
      entry: {
        type: 'promote',
        params: ({ context }) => ({ candidate: context.candidate as NodeId }),
      },
      after: { promoteTimeout: 'choosing' },
      on: { PROMOTED: { target: 'reconfiguring' } },
    },
    reconfiguring: {
      entry: {
        type: 'announce',
        params: ({ context }) => ({ leader: context.candidate as NodeId }),
      },
      always: 'watching',
    },
  },
});
