/** The links cut right now, read from the view: each pair once, one-way cuts with an arrow. */
import type { CutLink } from '../../../store/faultInputs';
import { cutLinks } from '../../../store/faultInputs';
import type { ReplicaState } from '../../../store/store';
import { useReplica } from '../../StoreContext';

// One string for the whole list, so the status re-renders only when the cuts change.
const selectCutText = (s: ReplicaState) =>
  cutLinks(s.view.links)
    .map((c: CutLink) => (c.bothWays ? `${c.from} ✕ ${c.to}` : `${c.from} → ${c.to} cut`))
    .join('\n');

export function PartitionStatus() {
  const text = useReplica(selectCutText);
  const cuts = text === '' ? [] : text.split('\n');
  return cuts.length === 0 ? (
    <p className="fault-status">No links are cut.</p>
  ) : (
    <ul className="fault-cuts" aria-label="Cut links">
      {cuts.map((cut) => (
        <li key={cut}>{cut}</li>
      ))}
    </ul>
  );
}
