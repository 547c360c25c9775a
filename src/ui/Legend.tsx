/** What the colours of messages mean, and how a lost message looks. */
import type { ReplicaState } from '../store/store';
import { useReplica } from './StoreContext';
import { categoriesFor } from './views/messageKinds';

const selectProtocol = (s: ReplicaState) => s.scenario.protocol;

export function Legend() {
  const categories = categoriesFor(useReplica(selectProtocol));
  return (
    <section className="legend" aria-labelledby="legend-heading">
      <h2 id="legend-heading" className="visually-hidden">
        Message legend
      </h2>
      <ul className="legend__list">
        {categories.map((c) => (
          <li key={c.category} title={c.kinds.join(', ')}>
            <span className={`legend__swatch legend__swatch--${c.category}`} />
            {c.label}
            <span className="visually-hidden"> ({c.kinds.join(', ')})</span>
          </li>
        ))}
        <li title="dropped by a partition or lost in a crash">
          <span className="legend__swatch legend__swatch--dropped" />
          Dropped or lost
        </li>
      </ul>
    </section>
  );
}
