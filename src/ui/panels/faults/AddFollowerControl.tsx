/**
 * Add a follower to the running cluster, by either bootstrap method. Each press is recorded as
 * an input of the run at the current time, so stepping back and forth replays it exactly.
 */
import type { ReplicaState } from '../../../store/store';
import { useReplica, useReplicaStore } from '../../StoreContext';
import { ActionButton } from './ActionButton';

/** The next free replica name: n<k> for the smallest k above the cluster's size. */
export function nextNodeId(existing: readonly string[]): string {
  const taken = new Set(existing);
  let k = existing.length;
  while (taken.has(`n${k}`) || k === 0) k++;
  return `n${k}`;
}

const selectNextId = (s: ReplicaState) => nextNodeId(s.view.nodes.map((n) => n.id));
/** Followers join only a single-leader cluster that is not partitioned. */
const selectCanAdd = (s: ReplicaState) =>
  s.scenario.protocol === 'single-leader' && s.scenario.cluster.partitions === undefined;

export function AddFollowerControl() {
  const store = useReplicaStore();
  const next = useReplica(selectNextId);
  const canAdd = useReplica(selectCanAdd);
  if (!canAdd) return null;
  const add = (bootstrap: 'snapshot' | 'full-log') =>
    store.getState().inject({ type: 'add-node', node: next, args: { bootstrap } });
  return (
    <fieldset className="fault-group">
      <legend className="fault-group__legend">Add a follower ({next})</legend>
      <div className="fault-row">
        <ActionButton
          title="The new follower asks the leader for a consistent snapshot tied to a log position, installs it, then fetches the log after it."
          onClick={() => add('snapshot')}
        >
          Add follower from a snapshot
        </ActionButton>
        <ActionButton
          title="The new follower replays the leader's whole log from position 1, batch by batch: the cost grows with every write ever made."
          onClick={() => add('full-log')}
        >
          Add follower by replaying the log
        </ActionButton>
      </div>
      <p className="fault-status">
        Until it holds the snapshot or the log it needs, a new follower refuses reads.
      </p>
    </fieldset>
  );
}
