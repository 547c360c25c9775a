/**
 * The tooltip of the message under the pointer in the cluster view: kind, route, times and fate.
 * It follows the pointer and reads the message from the view.
 */
import { type RefObject, useEffect, useState } from 'react';
import type { ReplicaState } from '../../store/store';
import type { MessageView } from '../../store/view';
import { useReplica } from '../StoreContext';

function hoveredMessage(state: ReplicaState): MessageView | null {
  const { hover, view } = state;
  if (hover?.kind !== 'message') return null;
  const id = Number(hover.id);
  return (
    view.inFlight.find((m) => m.id === id) ?? view.recentDrops.find((m) => m.id === id) ?? null
  );
}

export function MessageTooltip({ containerRef }: { containerRef: RefObject<HTMLElement | null> }) {
  const message = useReplica(hoveredMessage);
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);
  const hovering = message !== null;
  // Follow the pointer only while a message is under it: other moves re-render nothing.
  useEffect(() => {
    const container = containerRef.current;
    if (!hovering || !container) return;
    const onMove = (e: PointerEvent) => {
      const box = container.getBoundingClientRect();
      setAt({ x: e.clientX - box.left, y: e.clientY - box.top });
    };
    container.addEventListener('pointermove', onMove);
    return () => container.removeEventListener('pointermove', onMove);
  }, [containerRef, hovering]);
  if (message === null || at === null) return null;
  const fate =
    message.fate === 'in-flight'
      ? `arrives at ${message.deliverAt} ms`
      : `${message.fate}${message.dropReason ? ` (${message.dropReason})` : ''}`;
  return (
    <div className="cluster__tooltip" role="tooltip" style={{ left: at.x + 14, top: at.y + 14 }}>
      <strong>{message.kind}</strong> {message.from} → {message.to}
      <br />
      sent at {message.sentAt} ms, {fate}
    </div>
  );
}
