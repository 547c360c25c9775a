/**
 * A leaderless replica's copies: each key's surviving values (one, or several siblings written
 * concurrently), the dot that names the write behind each sibling, and the copy's version vector
 * (every write it has seen, kept or overwritten). Then the hints it holds for home replicas it
 * could not reach, waiting to be handed over.
 */
import type { NodeInspection } from '../../store/inspect';
import { formatValue } from '../format';

export function LeaderlessCopies({ inspection }: { inspection: NodeInspection }) {
  const { id, copies } = inspection;
  if (copies.length === 0) return <p className="panel__empty">No copies yet.</p>;
  return (
    <table className="kv">
      <caption className="visually-hidden">Copies on {id}</caption>
      <thead>
        <tr>
          <th scope="col">Key</th>
          <th scope="col" title="One value, or several siblings: writes no write has overwritten">
            Values
          </th>
          <th
            scope="col"
            title="The version vector: per replica, how many of its writes this copy has seen"
          >
            Version
          </th>
        </tr>
      </thead>
      <tbody>
        {copies.map((copy) => (
          <tr key={copy.key}>
            <th scope="row">
              {copy.key}
              {!copy.home && (
                <span title="This node is not one of the key's n home replicas"> (stand-in)</span>
              )}
            </th>
            <td>
              {copy.siblings.map((s) => (
                <div key={s.dot} title={`Written by ${s.client} as ${s.dot}, timestamp ${s.ts}`}>
                  {formatValue(s.value)} <span className="copy__note">@{s.dot}</span>
                </div>
              ))}
              {copy.siblings.length > 1 && (
                <div className="copy__note">{copy.siblings.length} siblings</div>
              )}
            </td>
            <td>{copy.version}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function LeaderlessHints({ inspection }: { inspection: NodeInspection }) {
  const { id, hints } = inspection;
  if (hints.length === 0) return <p className="panel__empty">No hints held.</p>;
  return (
    <ul className="hint-list" aria-label={`Hints held by ${id}`}>
      {hints.map((h) => (
        <li key={`${h.home}|${h.key}`}>
          {h.key} for {h.home}, held since {h.storedAt} ms
        </li>
      ))}
    </ul>
  );
}
