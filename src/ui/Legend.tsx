/** What the colours of messages mean, and how a lost message looks. */
import { MESSAGE_CATEGORIES } from './views/messageKinds';

export function Legend() {
  return (
    <section className="legend" aria-labelledby="legend-heading">
      <h2 id="legend-heading" className="visually-hidden">
        Message legend
      </h2>
      <ul className="legend__list">
        {MESSAGE_CATEGORIES.map((c) => (
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
