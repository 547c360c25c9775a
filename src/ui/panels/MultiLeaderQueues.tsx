/**
 * A multi-leader node's replication queues: whom it sends its changes to, what it still owes
 * each of them (unacknowledged, resent until they answer: a stalled link in a ring or star shows
 * here), and the changes it holds back until their dependencies arrive.
 */
import type { NodeInspection } from '../../store/inspect';

export function MultiLeaderQueues({ inspection }: { inspection: NodeInspection }) {
  const q = inspection.queues;
  if (q === undefined) return null;
  return (
    <ul className="kv-list" aria-label={`Replication queues of ${inspection.id}`}>
      <li title="The leaders of the topology this node sends its changes to, then its own followers">
        Sends to: {q.sendsTo.length === 0 ? 'nobody' : q.sendsTo.join(', ')}
      </li>
      {q.onRestartSendsTo !== null && (
        <li title="The operator re-routed the topology while this leader was down: it takes the new topology (and asks each target what it lacks) when it restarts">
          On restart sends to:{' '}
          {q.onRestartSendsTo.length === 0 ? 'nobody' : q.onRestartSendsTo.join(', ')}
        </li>
      )}
      <li title="Changes sent but not yet acknowledged, per receiver; they are resent until acknowledged">
        Owes:{' '}
        {q.owed.length === 0
          ? 'nothing'
          : q.owed.map((o) => `${o.to} ${o.count} change${o.count === 1 ? '' : 's'}`).join(', ')}
      </li>
      <li title="Changes received but held back until the changes they depend on have been applied (version vectors)">
        Waiting for dependencies: {q.waiting.length === 0 ? 'none' : q.waiting.join(', ')}
      </li>
      <li title="Changes applied on this node, its own and those replicated to it">
        Applied: {q.applied} changes
      </li>
    </ul>
  );
}
