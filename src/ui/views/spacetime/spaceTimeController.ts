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
import { hitTooltip, sceneSummary } from './describe';
import { type Hit, hitTest } from './hitTest';
import { type LaneLayout, laneYs } from './lanes';
import { createOpSpanTracker } from './opSpans';
import { type OverlayParts, updateOverlay } from './overlay';
import { type Palette, paintScene, readPalette } from './paint';
import { buildScene, type Scene } from './scene';
import { hoverChange } from './sharedHover';
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

const messageId = (s: Selection) => (s?.kind === 'message' ? Number(s.id) : null);

/** Memoise a derivation on the identity of its input (the view is rebuilt on every change). */
function memoOn<I, O>(derive: (input: I) => O): (input: I) => O {
  let last: { input: I; output: O } | null = null;
  return (input) => {
    if (last === null || last.input !== input) last = { input, output: derive(input) };
    return last.output;
  };
}

export function createSpaceTimeController(
  store: ReplicaStore,
  el: SpaceTimeElements,
  onFollowChange: (follow: boolean) => void,
): SpaceTimeController {
  const ctx = el.canvas.getContext('2d');
  const palette: Palette = readPalette(el.canvas);
  let layout: SpaceTimeLayout | null = null;
  let reducedMotion = false;
  let follow = true;
  let session = store.getState().session;
  let shown: TimeWindow = initialWindow(store.getState().view.durationMs);
  let scene: Scene | null = null;
  let frame = 0;
  /** The hover this diagram set, so it clears only its own and not another view's. */
  let ownHover: Selection = null;
  const spanTracker = createOpSpanTracker();
  const marksOf = memoOn((_view: SimView): LifecycleMark[] =>
    lifecycleMarks(store.getState().session),
  );

  const setFollowing = (next: boolean) => {
    if (next === follow) return;
    follow = next;
    onFollowChange(next);
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
    schedule();
  });

  function draw() {
    frame = 0;
    if (layout === null || ctx === null) return;
    const state = store.getState();
    const { view, playhead } = state;
    if (state.session !== session) {
      // A new run: start again from its beginning, following.
      session = state.session;
      shown = initialWindow(view.durationMs);
      setFollowing(true);
    }
    shown = follow
      ? followWindow(shown, playhead, view.durationMs, reducedMotion)
      : clampWindow(shown, view.durationMs);
    zoomer.update(view.durationMs, layout.width, layout.height);
    zoomer.show(shown);
    scene = buildScene({
      t: playhead,
      window: shown,
      widthPx: layout.width,
      laneY: laneYs(layout.lanes),
      finished: finishedMessagesBetween(state.session, shown.startMs, shown.startMs + shown.spanMs),
      inFlight: view.inFlight,
      spans: spanTracker.update(view.history),
      marks: marksOf(view),
    });
    const ratio = globalThis.devicePixelRatio || 1;
    paintScene(
      ctx,
      scene,
      layout.lanes,
      { width: layout.width, height: layout.height, ratio },
      palette,
    );
    updateOverlay(el, scene, layout, {
      hovered: messageId(state.hover),
      selected: messageId(state.selection),
    });
    const summary = sceneSummary(scene);
    if (el.summary.textContent !== summary) el.summary.textContent = summary;
    el.overlay.dataset.messages = String(scene.arrows.length);
  }

  function schedule() {
    if (frame === 0) frame = requestAnimationFrame(draw);
  }

  const unsubscribe = store.subscribe((s: ReplicaState, prev: ReplicaState) => {
    if (
      s.playhead !== prev.playhead ||
      s.view !== prev.view ||
      s.hover !== prev.hover ||
      s.selection !== prev.selection
    ) {
      schedule();
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
      schedule();
    },
    showWholeRun() {
      shown = { startMs: 0, spanMs: store.getState().view.durationMs };
      schedule();
    },
    destroy() {
      if (frame !== 0) cancelAnimationFrame(frame);
      unsubscribe();
      detachPointer();
      zoomer.destroy();
    },
  };
}

/** Hover and click: tooltips, the shared hover, selection, and seeking by clicking empty space. */
function attachPointer(
  store: ReplicaStore,
  el: SpaceTimeElements,
  currentScene: () => Scene | null,
  hover: { getOwnHover(): Selection; setOwnHover(h: Selection): void },
): () => void {
  const pointAt = (event: MouseEvent) => {
    const box = el.overlay.getBoundingClientRect();
    return { px: event.clientX - box.left, py: event.clientY - box.top };
  };
  const hitAt = (event: MouseEvent): Hit | null => {
    const scene = currentScene();
    if (scene === null) return null;
    const { px, py } = pointAt(event);
    return hitTest(scene, px, py);
  };
  const share = (next: Selection) => {
    const change = hoverChange(store.getState().hover, hover.getOwnHover(), next);
    if (change === undefined) return;
    hover.setOwnHover(change);
    store.getState().setHover(change);
  };
  const hideTooltip = () => {
    el.tooltip.hidden = true;
    el.overlay.style.cursor = '';
  };
  const onMove = (event: PointerEvent) => {
    if (event.buttons !== 0) return hideTooltip();
    const hit = hitAt(event);
    if (hit === null) {
      hideTooltip();
      share(null);
      return;
    }
    const { px, py } = pointAt(event);
    el.tooltip.textContent = hitTooltip(hit);
    el.tooltip.hidden = false;
    // On the right half the tooltip opens leftwards, so it is never cut off at the edge.
    const leftHalf = px < el.overlay.clientWidth / 2;
    el.tooltip.style.left = leftHalf ? `${px + 12}px` : '';
    el.tooltip.style.right = leftHalf ? '' : `${el.overlay.clientWidth - px + 12}px`;
    el.tooltip.style.top = `${py + 12}px`;
    el.overlay.style.cursor = 'pointer';
    share(selectionFor(hit));
  };
  const onLeave = () => {
    hideTooltip();
    share(null);
  };
  const onClick = (event: MouseEvent) => {
    const hit = hitAt(event);
    const scene = currentScene();
    if (hit !== null) store.getState().select(selectionFor(hit));
    else if (scene !== null) store.getState().seek(Math.round(scene.x.invert(pointAt(event).px)));
  };
  el.overlay.addEventListener('pointermove', onMove);
  el.overlay.addEventListener('pointerleave', onLeave);
  el.overlay.addEventListener('click', onClick);
  return () => {
    el.overlay.removeEventListener('pointermove', onMove);
    el.overlay.removeEventListener('pointerleave', onLeave);
    el.overlay.removeEventListener('click', onClick);
  };
}

/** What a hit names, in the store's terms. */
export function selectionFor(hit: Hit): NonNullable<Selection> {
  if (hit.kind === 'message') return { kind: 'message', id: String(hit.arrow.message.id) };
  if (hit.kind === 'op') return { kind: 'client', id: hit.span.client };
  return { kind: 'node', id: hit.mark.node };
}
