/** Crash or restart the selected node, at the current time (recorded as a user input). */
import { useReplicaStore } from '../StoreContext';

export function FaultButtons({ nodeId, up }: { nodeId: string; up: boolean }) {
  const store = useReplicaStore();
  return (
    <div className="fault-buttons">
      <button
        type="button"
        className="button button--danger"
        disabled={!up}
        onClick={() => store.getState().inject({ type: 'crash', node: nodeId })}
      >
        Crash {nodeId}
      </button>
      <button
        type="button"
        className="button"
        disabled={up}
        onClick={() => store.getState().inject({ type: 'restart', node: nodeId })}
      >
        Restart {nodeId}
      </button>
    </div>
  );
}
