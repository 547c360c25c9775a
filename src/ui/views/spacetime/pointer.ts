/**
 * Pointer input on the diagram: tooltips, the shared hover, selection, and seeking by clicking
 * empty space. Hit testing reads the scene last drawn, so what the pointer finds is what is seen.
 */
import type { ReplicaStore, Selection } from '../../../store/store';
import { hitTooltip } from './describe';
import { type Hit, hitTest } from './hitTest';
import type { Scene } from './scene';
import { hoverChange } from './sharedHover';

export interface PointerElements {
  overlay: SVGSVGElement;
  tooltip: HTMLElement;
}

/** Hover and click: tooltips, the shared hover, selection, and seeking by clicking empty space. */
export function attachPointer(
  store: ReplicaStore,
  el: PointerElements,
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
  /** The operation this diagram asked the store to picture while hovered, if any. */
  let ownOpHover: number | null = null;
  const hoverOp = (hit: Hit | null) => {
    const opId = hit?.kind === 'op' ? hit.span.opId : null;
    if (opId === ownOpHover) return;
    // Leave another view's hovered operation alone, as the shared hover does.
    if (opId === null && store.getState().hoveredOp !== ownOpHover) {
      ownOpHover = null;
      return;
    }
    ownOpHover = opId;
    store.getState().hoverOp(opId);
  };
  const hideTooltip = () => {
    el.tooltip.hidden = true;
    el.overlay.style.cursor = '';
  };
  const onMove = (event: PointerEvent) => {
    if (event.buttons !== 0) return hideTooltip();
    const hit = hitAt(event);
    hoverOp(hit);
    if (hit === null) {
      hideTooltip();
      share(null);
      return;
    }
    const { px, py } = pointAt(event);
    el.tooltip.textContent = hitTooltip(hit);
    el.tooltip.hidden = false;
    placeTooltip(el, px, py);
    el.overlay.style.cursor = 'pointer';
    share(selectionFor(hit));
  };
  const onLeave = () => {
    hideTooltip();
    share(null);
    hoverOp(null);
  };
  const onClick = (event: MouseEvent) => {
    const hit = hitAt(event);
    const scene = currentScene();
    if (hit !== null) store.getState().select(selectionFor(hit));
    // An operation's bar also pictures its quorums (leaderless sessions draw them).
    if (hit?.kind === 'op') store.getState().focusOp(hit.span.opId);
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

/**
 * Beside the pointer, opening towards the middle of the plot (leftwards on its right half,
 * upwards on its lower half), so it is never cut off at an edge.
 */
function placeTooltip(el: PointerElements, px: number, py: number): void {
  const { clientWidth: width, clientHeight: height } = el.overlay;
  const style = el.tooltip.style;
  const left = px < width / 2;
  const above = py > height / 2;
  style.left = left ? `${px + 12}px` : '';
  style.right = left ? '' : `${width - px + 12}px`;
  style.top = above ? '' : `${py + 12}px`;
  style.bottom = above ? `${height - py + 12}px` : '';
}

/** What a hit names, in the store's terms. */
export function selectionFor(hit: Hit): NonNullable<Selection> {
  if (hit.kind === 'message') return { kind: 'message', id: String(hit.arrow.message.id) };
  if (hit.kind === 'op') return { kind: 'client', id: hit.span.client };
  return { kind: 'node', id: hit.mark.node };
}
