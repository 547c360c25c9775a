/** A node's stored data as a key / value table, keys sorted so rows do not shuffle. */
import type { Value } from '../../engine/types';
import { formatValue } from '../format';

export function NodeDataTable({ nodeId, data }: { nodeId: string; data: Record<string, Value> }) {
  const keys = Object.keys(data).sort();
  if (keys.length === 0) return <p className="panel__empty">No data yet.</p>;
  return (
    <table className="kv">
      <caption className="visually-hidden">Data on {nodeId}</caption>
      <thead>
        <tr>
          <th scope="col">Key</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <tr key={key}>
            <th scope="row">{key}</th>
            <td>{formatValue(data[key])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
