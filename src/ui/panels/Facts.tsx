/** A definition list of facts, each term with a one-sentence explanation as its tooltip. */

/** One fact: term, value, and what the term means. */
export type Fact = [term: string, value: string, meaning: string];

export function Facts({ facts }: { facts: readonly Fact[] }) {
  return (
    <dl className="facts">
      {facts.map(([term, value, meaning]) => (
        <div key={term} className="facts__row">
          <dt title={meaning}>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
