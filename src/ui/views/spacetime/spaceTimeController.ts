/**
 * The imperative side of the space-time diagram, created once per mount on ref'd elements
 * (canvas, SVG overlay, tooltip, summary). It subscribes to the store outside React and
 * redraws at most once per animation frame, so playback never re-renders the React tree. React
 * hands it the lanes and the size when they change, and the buttons call its methods.
 */
import type { ReplicaState, ReplicaStore, Selection } from '../../../store/store';
import {
  finishedMessagesBetween,
  type LifecycleMark,
  lifecycleMarks,
} from '../../../store/timeline';
import type { SimView } from '../../../store/view';
import { type PaintContext, registerVectorPainter } from '../vectorPainters';
import { sceneSummary } from './describe';
import { type LaneLayout, laneYs } from './lanes';
import { createOpSpanTracker } from './opSpans';
import { type OverlayParts, updateOverlay } from './overlay';
import { type Palette, paintScene, readPalette } from './paint';
import { attachPointer } from './pointer';
import { buildScene, type Scene } from './scene';
import {
  clampWindow,
  followWindow,
  initialWindow,
  type TimeWindow,
  zoomWindow,
} from './timeWindow';
import { createTimeZoom, type Gesture } from './zoomBehaviour';

export interface SpaceTimeElements extends OverlayParts {
  canvas: HTMLCanvasElement;
  overlay: SVGSVGElement;
  tooltip: HTMLElement;
  summary: HTMLElement;
}

export interface SpaceTimeLayout {
  lanes: LaneLayout;
  width: number;
  height: number;
}

export interface SpaceTimeController {
  /** Null while the diagram is hidden or has no size: nothing is drawn. */
  setLayout(layout: SpaceTimeLayout | null): void;
  setReducedMotion(reduced: boolean): void;
  setFollow(follow: boolean): void;
  /** Zoom in (factor above 1) or out, around the playhead when following, else the middle. */
  zoomBy(factor: number): void;
  showWholeRun(): void;
  destroy(): void;
}

/** The diagram may use one part in DRAW_SHARE of the main thread while it is expensive. */
const DRAW_SHARE = 8;

const messageId = (s: Selection) => (s?.kind === 'message' ? Number(s.id) : null);

/**
 * The scene at a state, for a window and layout. Operation spans extend as the history grows,
 * and crash marks are read once per view (the view is rebuilt on every change).
 */
function createSceneSource(): (
  state: ReplicaState,
  shown: TimeWindow,
  layout: SpaceTimeLayout,
) => Scene {
  const spanTracker = createOpSpanTracker();
  let marks: { view: SimView; marks: LifecycleMark[] } | null = null;
  return (state, shown, layout) => {
    const { view, session } = state;
    if (marks?.view !== view) marks = { view, marks: lifecycleMarks(session) };
    return buildScene({
      t: state.playhead,
      window: shown,
      widthPx: layout.width,
      laneY: laneYs(layout.lanes),
      finished: finishedMessagesBetween(session, shown.startMs, shown.startMs + shown.spanMs),
      inFlight: view.inFlight,
      spans: spanTracker.update(view.history),
      marks: marks.marks,
    });
  };
}

/** Paint the scene into a canvas (at its pixel ratio) or an exported picture (ratio 1). */
function paintLayer(
  ctx: PaintContext,
  scene: Scene,
  layout: SpaceTimeLayout,
  state: ReplicaState,
  palette: Palette,
  ratio: number,
): void {
  const size = { width: layout.width, height: layout.height, ratio };
  paintScene(
    ctx,
    scene,
    layout.lanes,
    size,
    palette,
    new Set(state.highlightedOps),
    state.quorumFocus,
  );
}

/** Paint the canvas, update the overlay, and say what is shown. */
function paintFrame(
  ctx: CanvasRenderingContext2D,
  el: SpaceTimeElements,
  scene: Scene,
  layout: SpaceTimeLayout,
  state: ReplicaState,
  palette: Palette,
): void {
  paintLayer(ctx, scene, layout, state, palette, globalThis.devicePixelRatio || 1);
  updateOverlay(el, scene, layout, {
    hovered: messageId(state.hover),
    selected: messageId(state.selection),
  });
  const summary = sceneSummary(scene);
  if (el.summary.textContent !== summary) el.summary.textContent = summary;
}

export function createSpaceTimeController(
  store: ReplicaStore,
  el: SpaceTimeElements,
  onFollowChange: (follow: boolean) => void,
): SpaceTimeController {
  // Desynchronized, like the cluster view's message canvas: a busy frame's canvas commit
  // otherwise waits on the compositor and costs more than the drawing.
  const ctx = el.canvas.getContext('2d', { desynchronized: true });
  const palette: Palette = readPalette(el.canvas);
  let layout: SpaceTimeLayout | null = null;
  let reducedMotion = false;
  let session = store.getState().session;
  // The store may hold a window to start from (a share link's).
  const { timelineWindow: linked, view: firstView } = store.getState();
  let follow = linked === null || linked.startMs === null;
  let shown: TimeWindow =
    linked === null
      ? initialWindow(firstView.durationMs)
      : clampWindow({ startMs: linked.startMs ?? 0, spanMs: linked.spanMs }, firstView.durationMs);
  if (!follow) onFollowChange(false);
  let scene: Scene | null = null;
  let frame = 0;
  /** The hover this diagram set, so it clears only its own and not another view's. */
  let ownHover: Selection = null;
  const sceneAt = createSceneSource();

  /** Tell the store what the person made of the window, for a share link. */
  const report = () =>
    store
      .getState()
      .setTimelineWindow({ spanMs: shown.spanMs, startMs: follow ? null : shown.startMs });

  const setFollowing = (next: boolean) => {
    if (next === follow) return;
    follow = next;
    onFollowChange(next);
    report();
    schedule();
  };

  const zoomer = createTimeZoom(el.overlay, (w: TimeWindow, gesture: Gesture) => {
    if (gesture === 'pan') setFollowing(false);
    shown = w;
    // Following: a wheel changes how much time is shown, but the playhead keeps its place.
    if (follow) {
      shown = followWindow(
        w,
        store.getState().playhead,
        store.getState().view.durationMs,
        reducedMotion,
      );
      zoomer.show(shown);
    }
    report();
    schedule();
  });

  function draw() {
    if (layout === null || ctx === null) return;
    const state = store.getState();
    const { view, playhead } = state;
    if (state.session !== session) {
      // A new run: start again from its beginning, following.
      session = state.session;
      shown = initialWindow(view.durationMs);
      setFollowing(true);
      store.getState().setTimelineWindow(null);
    }
    shown = follow
      ? followWindow(shown, playhead, view.durationMs, reducedMotion)
      : clampWindow(shown, view.durationMs);
    zoomer.update(view.durationMs, layout.width, layout.height);
    zoomer.show(shown);
    scene = sceneAt(state, shown, layout);
    paintFrame(ctx, el, scene, layout, state, palette);
  }

  // A busy run zoomed out costs the diagram tens of milliseconds a frame; then it redraws less
  // often, so that it takes at most 1 / DRAW_SHARE of the main thread and the cluster view's
  // moving messages keep their frame rate. A cheap diagram still redraws every frame.
  /** However costly a draw, the picture never lags the run by more than this. */
  const MAX_DRAW_WAIT_MS = 400;
  let lastDrawCostMs = 0;
  let lastDrawAt = Number.NEGATIVE_INFINITY;
  function onFrame(now: number) {
    frame = 0;
    // Only playback is throttled: a step, a seek or a click is answered on the next frame.
    const throttled = store.getState().playing;
    if (throttled && now - lastDrawAt < Math.min(MAX_DRAW_WAIT_MS, lastDrawCostMs * DRAW_SHARE)) {
      frame = requestAnimationFrame(onFrame);
      return;
    }
    lastDrawAt = now;
    draw();
    // Measured from the frame's start, so it also counts this frame's other work and the cost of
    // painting the canvas that JS time alone misses; the cap keeps a slow first frame (the page
    // starting up) from holding the picture back for long.
    lastDrawCostMs = performance.now() - now;
  }

  function schedule() {
    if (frame === 0) frame = requestAnimationFrame(onFrame);
  }

  const unsubscribe = store.subscribe((s: ReplicaState, prev: ReplicaState) => {
    if (
      s.playhead !== prev.playhead ||
      s.view !== prev.view ||
      s.hover !== prev.hover ||
      s.selection !== prev.selection ||
      s.highlightedOps !== prev.highlightedOps ||
      s.quorumFocus !== prev.quorumFocus
    ) {
      schedule();
    }
  });

  // An export repaints the current frame as shapes, drawing it first if a frame is pending.
  const unregisterPainter = registerVectorPainter(el.canvas, (target) => {
    if (frame !== 0) draw();
    if (layout !== null && scene !== null) {
      paintLayer(target, scene, layout, store.getState(), palette, 1);
    }
  });

  const detachPointer = attachPointer(store, el, () => scene, {
    getOwnHover: () => ownHover,
    setOwnHover: (h) => {
      ownHover = h;
    },
  });

  return {
    setLayout(next) {
      layout = next;
      if (next === null) return;
      const ratio = globalThis.devicePixelRatio || 1;
      el.canvas.width = Math.round(next.width * ratio);
      el.canvas.height = Math.round(next.height * ratio);
      schedule();
    },
    setReducedMotion(reduced) {
      reducedMotion = reduced;
      schedule();
    },
    setFollow: setFollowing,
    zoomBy(factor) {
      const { playhead, view } = store.getState();
      const anchor = follow ? playhead : shown.startMs + shown.spanMs / 2;
      shown = zoomWindow(shown, factor, anchor, view.durationMs);
      report();
      schedule();
    },
    showWholeRun() {
      shown = { startMs: 0, spanMs: store.getState().view.durationMs };
      report();
      schedule();
    },
    destroy() {
      if (frame !== 0) cancelAnimationFrame(frame);
      unsubscribe();
      unregisterPainter();
      detachPointer();
      zoomer.destroy();
    },
  };
}
