/**
 * The cluster picture: replicas on a ring, the monitor above, clients below, links with their
 * state, and messages moving along them. Zoom and pan with the wheel and a drag on empty space
 * (d3-zoom); drag a node or client to move it (d3-drag); "Reset view" undoes both.
 *
 * Nodes and links re-render only when what they show changes; messages are drawn on a canvas
 * outside React (see MessageLayer); the zoom is applied to one group by a store subscription.
 */
import { drag, select, zoom, zoomIdentity } from 'd3';
import { useCallback, useEffect, useId, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { groupArrangement, nodeGroups } from '../../store/nodeGroups';
import { IDENTITY_ZOOM, type ReplicaState } from '../../store/store';
import { useReplica, useReplicaStore } from '../StoreContext';
import { useReducedMotion } from '../useReducedMotion';
import { CascadeLayer } from './CascadeLayer';
import { ClientMark } from './ClientMark';
import { CLUSTER_ZOOM_EXTENT, clusterLayout, withPositions } from './clusterLayout';
import { GroupLayer } from './GroupLayer';
import { LinkLayer } from './LinkLayer';
import { MessageLayer } from './MessageLayer';
import { MessageTooltip } from './MessageTooltip';
import { NodeMark } from './NodeMark';
import './cluster.css';

const selectReplicaIds = (s: ReplicaState) =>
  s.view.nodes.filter((n) => !n.isMonitor).map((n) => n.id);
const selectMonitorIds = (s: ReplicaState) =>
  s.view.nodes.filter((n) => n.isMonitor).map((n) => n.id);
const selectClientIds = (s: ReplicaState) => s.view.clients.map((c) => c.id);
const selectSelectedNode = (s: ReplicaState) =>
  s.selection?.kind === 'node' || s.selection?.kind === 'client' ? s.selection.id : null;
const selectScenario = (s: ReplicaState) => s.scenario;
const selectPositions = (s: ReplicaState) => s.clusterPositions;
const selectZoomed = ({ clusterZoom: z }: ReplicaState) => z.k !== 1 || z.x !== 0 || z.y !== 0;

export function ClusterView() {
  const store = useReplicaStore();
  const replicaIds = useReplica(useShallow(selectReplicaIds));
  const monitorIds = useReplica(useShallow(selectMonitorIds));
  const clientIds = useReplica(useShallow(selectClientIds));
  const selectedId = useReplica(selectSelectedNode);
  const zoomed = useReplica(selectZoomed);
  const scenario = useReplica(selectScenario);
  const groups = useMemo(() => nodeGroups(scenario), [scenario]);
  const arrangement = useMemo(() => groupArrangement(scenario), [scenario]);
  const reducedMotion = useReducedMotion();
  const positions = useReplica(selectPositions);
  const moved = useMemo(() => new Map(Object.entries(positions)), [positions]);
  const containerRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const rootRef = useRef<SVGGElement>(null);
  const linksRootRef = useRef<SVGGElement>(null);
  const descriptionId = useId();

  const base = useMemo(
    () => clusterLayout(replicaIds, monitorIds, clientIds, groups, arrangement),
    [replicaIds, monitorIds, clientIds, groups, arrangement],
  );
  const layout = useMemo(() => withPositions(base, moved), [base, moved]);
  const { x, y, width, height } = base.viewBox;
  // A new cluster (another scenario) starts from its own layout; the first one keeps the
  // positions the store starts with (a share link's).
  const firstBase = useRef(base);
  useEffect(() => {
    if (base !== firstBase.current) store.getState().setClusterPositions({});
  }, [base, store]);

  const onSelectNode = useCallback(
    (id: string) => store.getState().select({ kind: 'node', id }),
    [store],
  );
  const onSelectClient = useCallback(
    (id: string) => store.getState().select({ kind: 'client', id }),
    [store],
  );

  // Zoom and pan: d3-zoom owns the gesture, the store owns the transform (the canvas reads it).
  const zoomBehaviour = useMemo(
    () =>
      zoom<SVGSVGElement, unknown>()
        .scaleExtent([...CLUSTER_ZOOM_EXTENT])
        .on('zoom', (event) => store.getState().setClusterZoom(event.transform)),
    [store],
  );
  useEffect(() => {
    const svg = svgRef.current;
    const root = rootRef.current;
    const linksRoot = linksRootRef.current;
    if (!svg || !root || !linksRoot) return;
    const selection = select(svg);
    selection.call(zoomBehaviour).on('dblclick.zoom', null);
    // The store may start zoomed (a share link): d3-zoom starts from there, so the next gesture
    // carries on from what is shown instead of jumping back.
    if (selectZoomed(store.getState())) {
      const { k, x: panX, y: panY } = store.getState().clusterZoom;
      selection.call(zoomBehaviour.transform, zoomIdentity.translate(panX, panY).scale(k));
    }
    const apply = ({ clusterZoom: z }: ReplicaState) => {
      const transform = `translate(${z.x},${z.y}) scale(${z.k})`;
      root.setAttribute('transform', transform);
      linksRoot.setAttribute('transform', transform);
    };
    apply(store.getState());
    const unsubscribe = store.subscribe((s, previous) => {
      if (s.clusterZoom !== previous.clusterZoom) apply(s);
    });
    return () => {
      unsubscribe();
      selection.on('.zoom', null);
    };
  }, [store, zoomBehaviour]);

  // Dragging nodes and clients: positions are view-box units inside the zoomed group. Runs again
  // for a new cluster, whose marks are new elements.
  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  // biome-ignore lint/correctness/useExhaustiveDependencies: new marks arrive with a new layout.
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const marks = select(root).selectAll<SVGGElement, unknown>('[data-endpoint]');
    marks.call(
      drag<SVGGElement, unknown>()
        .subject(function () {
          const id = this.dataset.endpoint ?? '';
          const p = layoutRef.current.endpoints.get(id);
          return { x: p?.x ?? 0, y: p?.y ?? 0 };
        })
        .on('drag', function (event) {
          const id = this.dataset.endpoint ?? '';
          const { clusterPositions, setClusterPositions } = store.getState();
          setClusterPositions({ ...clusterPositions, [id]: { x: event.x, y: event.y } });
        }),
    );
    return () => {
      marks.on('.drag', null);
    };
  }, [base]);

  const resetView = () => {
    store.getState().setClusterPositions({});
    const svg = svgRef.current;
    if (svg) select(svg).call(zoomBehaviour.transform, zoomIdentity);
    store.getState().setClusterZoom(IDENTITY_ZOOM);
  };

  return (
    <div ref={containerRef} className={`cluster${reducedMotion ? ' cluster--still' : ''}`}>
      {/*
        Groups and links in an SVG of their own, on its own compositing layer: nodes change
        every few frames (lag, log positions), and repainting hundreds of links with them cost
        a busy cluster its frame rate. Same view box and zoom, so the two line up.
      */}
      <svg
        className="cluster__links-svg"
        viewBox={`${x} ${y} ${width} ${height}`}
        preserveAspectRatio="xMidYMid meet"
        aria-hidden="true"
      >
        <g ref={linksRootRef}>
          <GroupLayer groups={layout.groups} />
          <LinkLayer layout={layout} />
          <CascadeLayer layout={layout} />
        </g>
      </svg>
      <svg
        ref={svgRef}
        className="cluster__nodes-svg"
        viewBox={`${x} ${y} ${width} ${height}`}
        preserveAspectRatio="xMidYMid meet"
        role="img"
        aria-describedby={descriptionId}
      >
        <title>Cluster diagram: replicas, monitor, clients and the messages between them</title>
        <g ref={rootRef}>
          {[...layout.replicas, ...layout.monitors].map(([id, at]) => (
            <NodeMark
              key={id}
              id={id}
              at={at}
              selected={id === selectedId}
              onSelect={onSelectNode}
            />
          ))}
          {[...layout.clients].map(([id, at]) => (
            <ClientMark
              key={id}
              id={id}
              at={at}
              selected={id === selectedId}
              onSelect={onSelectClient}
            />
          ))}
        </g>
      </svg>
      <MessageLayer
        endpoints={layout.endpoints}
        reducedMotion={reducedMotion}
        svgRef={svgRef}
        descriptionId={descriptionId}
      />
      <p id={descriptionId} className="visually-hidden" />
      <MessageTooltip containerRef={containerRef} />
      <div className="cluster__tools">
        <button
          type="button"
          className="button button--small"
          onClick={resetView}
          disabled={!zoomed && moved.size === 0}
          title="Put every node back in its place and undo zoom and pan (scroll to zoom, drag empty space to pan, drag a node to move it)"
        >
          Reset view
        </button>
      </div>
    </div>
  );
}
