/** The store's message for the user (an unknown scenario, a rejected input), until dismissed. */
import type { ReplicaState } from '../store/store';
import { useReplica, useReplicaStore } from './StoreContext';

const selectNotice = (s: ReplicaState) => s.notice;

export function NoticeBanner() {
  const store = useReplicaStore();
  const notice = useReplica(selectNotice);
  if (notice === null) return null;
  return (
    <div className="notice" role="alert">
      <p className="notice__text">{notice}</p>
      <button
        type="button"
        className="button button--small"
        onClick={() => store.getState().dismissNotice()}
      >
        Dismiss notice
      </button>
    </div>
  );
}
