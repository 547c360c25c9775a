/** One checker finding as a button: pressing it outlines its operations and opens its client. */
import type { Finding } from '../../checker';

export const sameOps = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((op, i) => op === b[i]);

export function FindingButton(props: {
  finding: Finding;
  highlighted: readonly number[];
  onShow: (ops: readonly number[]) => void;
}) {
  const { finding, highlighted, onShow } = props;
  return (
    <button
      type="button"
      className="anomalies__finding"
      aria-pressed={sameOps(finding.ops, highlighted)}
      title="Outline the operations involved in the space-time diagram and inspect the client"
      onClick={() => onShow(finding.ops)}
    >
      <span className="anomalies__kind">{finding.kind}</span> {finding.explanation}
    </button>
  );
}
