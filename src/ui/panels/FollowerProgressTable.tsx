/** A leader's view of its followers: how far each has acknowledged, and whether writes wait for it. */
import type { FollowerProgress } from '../../store/inspect';
import type { ReplicaState } from '../../store/store';
import { useReplica } from '../StoreContext';

const selectNow = (s: ReplicaState) => s.view.t;

export function FollowerProgressTable({ followers }: { followers: readonly FollowerProgress[] }) {
  const now = useReplica(selectNow);
  return (
    <table className="kv">
      <caption className="visually-hidden">Followers as the leader sees them</caption>
      <thead>
        <tr>
          <th scope="col">Follower</th>
          <th scope="col" title="The highest log position the follower has acknowledged">
            Has up to
          </th>
          <th
            scope="col"
            title="Whether the leader waits for this follower before answering a write"
          >
            Waited for
          </th>
          <th scope="col" title="Simulated time since its last acknowledgement">
            Last ack
          </th>
        </tr>
      </thead>
      <tbody>
        {followers.map((f) => (
          <tr key={f.id}>
            <th scope="row">{f.id}</th>
            <td>#{f.matchPos}</td>
            <td>{f.required ? 'yes (sync)' : 'no'}</td>
            <td>{f.lastAckAt === null ? 'never' : `${now - f.lastAckAt} ms ago`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
