/**
 * The space-time diagram: a lane per node and client, time flowing right, an arrow per message
 * and a span per client operation. React renders the frame (header, lane labels, the empty
 * canvas and overlay) and re-renders only when lanes, size, hover or selection change; the
 * drawing itself follows the store outside React (see spaceTimeController).
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ReplicaState } from '../../../store/store';
import { useReplica, useReplicaStore } from '../../StoreContext';
import { useReducedMotion } from '../../useReducedMotion';
import { LaneHighlights, LaneLabels } from './LaneLabels';
import { laneLayout } from './lanes';
import { AXIS_HEIGHT_PX } from './overlay';
import { SpaceTimeToolbar } from './SpaceTimeToolbar';
import { createSpaceTimeController, type SpaceTimeController } from './spaceTimeController';
import { useElementSize } from './useElementSize';
import './spacetime.css';

/** Room above the first lane, so its span labels are not cut off. */
const TOP_PAD_PX = 6;

const selectReplicas = (s: ReplicaState) =>
  s.view.nodes.filter((n) => !n.isMonitor).map((n) => n.id);
const selectMonitors = (s: ReplicaState) =>
  s.view.nodes.filter((n) => n.isMonitor).map((n) => n.id);
const selectClients = (s: ReplicaState) => s.view.clients.map((c) => c.id);

/**
 * Open or folded: the page's layout may own that (to remember it, and to share it in a link);
 * without `expanded` the diagram keeps it itself.
 */
export function SpaceTimeDiagram({
  expanded: expandedProp,
  onExpandedChange,
}: {
  expanded?: boolean;
  onExpandedChange?: (expanded: boolean) => void;
} = {}) {
  const store = useReplicaStore();
  const replicas = useReplica(useShallow(selectReplicas));
  const monitors = useReplica(useShallow(selectMonitors));
  const clients = useReplica(useShallow(selectClients));
  const reducedMotion = useReducedMotion();
  const [expandedOwn, setExpandedOwn] = useState(true);
  const expanded = expandedProp ?? expandedOwn;
  const toggle = () => {
    setExpandedOwn(!expanded);
    onExpandedChange?.(!expanded);
  };
  const [follow, setFollow] = useState(true);
  const [plotRef, size] = useElementSize<HTMLElement>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const overlayRef = useRef<SVGSVGElement>(null);
  const axisRef = useRef<SVGGElement>(null);
  const playheadRef = useRef<SVGLineElement>(null);
  const hoveredRef = useRef<SVGPathElement>(null);
  const selectedRef = useRef<SVGPathElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const controller = useRef<SpaceTimeController | null>(null);
  const descriptionId = useId();
  const bodyId = useId();
  const summaryId = useId();

  const lanes = useMemo(
    () =>
      laneLayout(
        [
          ...replicas.map((id) => ({ id, isMonitor: false })),
          ...monitors.map((id) => ({ id, isMonitor: true })),
        ],
        clients,
        TOP_PAD_PX,
        size.height - AXIS_HEIGHT_PX - TOP_PAD_PX,
      ),
    [replicas, monitors, clients, size.height],
  );

  useEffect(() => {
    const parts = {
      canvas: canvasRef.current,
      overlay: overlayRef.current,
      axis: axisRef.current,
      playhead: playheadRef.current,
      hovered: hoveredRef.current,
      selected: selectedRef.current,
      tooltip: tooltipRef.current,
      summary: summaryRef.current,
    };
    const { canvas, overlay, axis, playhead, hovered, selected, tooltip, summary } = parts;
    if (
      !canvas ||
      !overlay ||
      !axis ||
      !playhead ||
      !hovered ||
      !selected ||
      !tooltip ||
      !summary
    ) {
      return;
    }
    const made = createSpaceTimeController(
      store,
      { canvas, overlay, axis, playhead, hovered, selected, tooltip, summary },
      setFollow,
    );
    controller.current = made;
    return () => {
      made.destroy();
      controller.current = null;
    };
  }, [store]);

  useEffect(() => {
    const drawable = expanded && size.width > 0 && size.height > 0;
    controller.current?.setLayout(
      drawable ? { lanes, width: size.width, height: size.height } : null,
    );
  }, [lanes, size.width, size.height, expanded]);

  useEffect(() => controller.current?.setReducedMotion(reducedMotion), [reducedMotion]);

  return (
    <section
      className={`spacetime${expanded ? '' : ' spacetime--collapsed'}`}
      aria-label="Space-time diagram"
      aria-describedby={descriptionId}
    >
      <SpaceTimeToolbar
        bodyId={bodyId}
        expanded={expanded}
        onToggle={toggle}
        follow={follow}
        controller={controller}
      />
      <p id={descriptionId} className="visually-hidden">
        A lane per node and client, time flowing right. Each arrow is a message from its sender to
        its receiver; a dashed arrow ending in an X is a message that was lost. Bars on client lanes
        are operations, from request to response. Click to jump to a time.
      </p>
      <div id={bodyId} className="spacetime__body" hidden={!expanded}>
        <LaneLabels lanes={lanes} />
        <figure
          className="spacetime__plot"
          ref={plotRef}
          aria-label="Messages and operations over time"
          aria-describedby={summaryId}
        >
          <canvas ref={canvasRef} className="spacetime__canvas" />
          <svg ref={overlayRef} className="spacetime__overlay" aria-hidden="true">
            <LaneHighlights lanes={lanes} />
            <g ref={axisRef} className="spacetime__axis" />
            <path ref={selectedRef} className="spacetime__selected" />
            <path ref={hoveredRef} className="spacetime__hovered" />
            <line ref={playheadRef} className="spacetime__playhead" />
          </svg>
          <div ref={tooltipRef} className="spacetime__tooltip" role="tooltip" hidden />
        </figure>
        {/* A status to query, not announced on every frame of playback. */}
        <p ref={summaryRef} id={summaryId} className="visually-hidden" aria-live="off" />
      </div>
    </section>
  );
}
