/**
 * A statement write as the cluster's log format ships it (statement text, WAL page writes,
 * a logical transaction, changes-table rows), one record per line. Text only: what a user
 * typed is never rendered as HTML.
 */
export function FormatLines({ lines, label }: { lines: readonly string[]; label?: string }) {
  return (
    <ul
      className="log__format"
      aria-label={label ?? 'As shipped in this log format'}
      title="What the leader ships for this write in the cluster's replication log format."
    >
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines are fixed once rendered
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
}
