/** The last few entries of a node's replication log, newest last. */
import type { NodeView } from '../../store/view';
import { formatValue } from '../format';

export function LogTail({ nodeId, entries }: { nodeId: string; entries: NodeView['logTail'] }) {
  if (entries.length === 0) return <p className="panel__empty">The log is empty.</p>;
  return (
    <ol className="log-tail" aria-label={`Log tail of ${nodeId}`}>
      {entries.map((e) => (
        <li key={`${e.pos}-${e.epoch}`}>
          <span className="log-tail__pos">#{e.pos}</span>
          <span className="log-tail__epoch">e{e.epoch}</span>
          <span className="log-tail__entry">
            {e.key} = {formatValue(e.value)}
          </span>
        </li>
      ))}
    </ol>
  );
}
