/**
 * A node's replication log, newest last, in a scrolling list that stays at the bottom while new
 * entries arrive (unless the reader scrolled up). The acknowledged marker is drawn after its
 * entry, and the entries at or below it are ticked.
 */
import { memo, useLayoutEffect, useRef } from 'react';
import type { NodeInspection } from '../../store/inspect';
import { formatValue } from '../format';
import { FormatLines } from './FormatLines';
import './logFormat.css';

/** Within this many pixels of the bottom counts as "at the bottom". */
const STICK_PX = 24;

// Memoised: the store keeps the same inspection object while its content is unchanged.
export const ReplicationLog = memo(function ReplicationLog({
  nodeId,
  inspection,
}: {
  nodeId: string;
  inspection: NodeInspection;
}) {
  const { log, marker, snapshotPos } = inspection;
  const listRef = useRef<HTMLOListElement>(null);
  const atBottom = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run when the entries change
  useLayoutEffect(() => {
    const list = listRef.current;
    if (list !== null && atBottom.current) list.scrollTop = list.scrollHeight;
  }, [log]);

  const markerText = marker === null ? null : marker.label;
  return (
    <>
      <p className="log__summary">
        {inspection.engineVersion !== undefined && (
          <span title="The version of this node's storage engine: WAL records can be applied only by the version that wrote them.">
            Storage engine {inspection.engineVersion}.{' '}
          </span>
        )}
        {inspection.formatNote !== undefined && <span>{inspection.formatNote} </span>}
        {inspection.formatProblem !== undefined && (
          <span className="log__problem">{inspection.formatProblem} </span>
        )}
        {snapshotPos > 0 && <span>Snapshot up to #{snapshotPos}. </span>}
        {markerText !== null && (
          <span title="The acknowledged marker: how much of this log is known to be safely replicated.">
            {markerText}
          </span>
        )}
      </p>
      {log.length === 0 ? (
        <p className="panel__empty">The log is empty.</p>
      ) : (
        <ol
          ref={listRef}
          className="log"
          aria-label={`Replication log of ${nodeId}`}
          // A scrolling region must be reachable by keyboard.
          // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region
          tabIndex={0}
          onScroll={(e) => {
            const el = e.currentTarget;
            atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
          }}
        >
          {log.map((e) => {
            const acked = marker !== null && e.pos <= marker.pos;
            return [
              <li
                key={`${e.pos}-${e.epoch}`}
                className={acked ? 'log__entry log__entry--acked' : 'log__entry'}
              >
                <span className="log__pos">#{e.pos}</span>
                <span className="log__epoch" title={`Written in epoch ${e.epoch}`}>
                  e{e.epoch}
                </span>
                <span className="log__kv">
                  {e.key} = {formatValue(e.value)}
                </span>
                <span className="log__meta">
                  {e.client} · {e.appendedAt} ms
                </span>
                {e.format !== undefined && <FormatLines lines={e.format} />}
              </li>,
              marker !== null && marker.pos === e.pos && (
                <li key="marker" className="log__marker">
                  {marker.label}
                </li>
              ),
            ];
          })}
        </ol>
      )}
    </>
  );
});
