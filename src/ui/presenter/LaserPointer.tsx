/**
 * A laser-pointer dot that follows the pointer over the stage, for a room watching a projector.
 * Moved by a pointer listener writing its transform: following the hand never re-renders React.
 */
import { type RefObject, useEffect, useRef } from 'react';

export function LaserPointer({ stageRef }: { stageRef: RefObject<HTMLElement | null> }) {
  const dotRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const stage = stageRef.current;
    const dot = dotRef.current;
    if (!stage || !dot) return;
    const move = (event: PointerEvent) => {
      const box = stage.getBoundingClientRect();
      dot.style.transform = `translate(${event.clientX - box.left}px, ${event.clientY - box.top}px)`;
      dot.hidden = false;
    };
    const hide = () => {
      dot.hidden = true;
    };
    stage.addEventListener('pointermove', move);
    stage.addEventListener('pointerleave', hide);
    return () => {
      stage.removeEventListener('pointermove', move);
      stage.removeEventListener('pointerleave', hide);
    };
  }, [stageRef]);
  return <div ref={dotRef} className="laser" aria-hidden="true" hidden />;
}
