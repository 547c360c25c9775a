/**
 * Messages in flight and recently dropped, drawn on a canvas over the cluster's SVG. React renders
 * the canvas once; an effect subscribes to the store and redraws whenever the playhead, the view,
 * the zoom or the highlighted message changes, so playback never re-renders the React tree.
 *
 * The canvas takes its coordinate mapping from the SVG (`getScreenCTM`: view box and page
 * position) and the store's zoom, so whatever they do to nodes they do to messages.
 * The pointer is tracked here too: the message under it becomes the store's `hover` (the
 * space-time diagram highlights it), a click selects it for the inspector. For exports, the
 * canvas's painter (vectorPainters.ts) repaints the last marks with the same `drawMessages`, in
 * CSS pixels, into an SVG recorder.
 */
import { type RefObject, useEffect, useRef } from 'react';
import type { ReplicaState } from '../../store/store';
import { useReplicaStore } from '../StoreContext';
import type { Endpoint } from './clusterLayout';
import {
  type Affine,
  type CategoryColours,
  describeMessages,
  drawMessages,
  HIT_SLOP_PX,
  markAt,
  overEndpoint,
  readCategoryColours,
} from './messageCanvas';
import { type MessageMark, messageMarks } from './messageMarks';
import { registerVectorPainter } from './vectorPainters';

function emphasisOf({ hover, selection }: ReplicaState): Set<string> {
  const keys = new Set<string>();
  if (hover?.kind === 'message') keys.add(hover.id);
  if (selection?.kind === 'message') keys.add(selection.id);
  return keys;
}

export function MessageLayer({
  endpoints,
  reducedMotion,
  svgRef,
  descriptionId,
}: {
  endpoints: ReadonlyMap<string, Endpoint>;
  reducedMotion: boolean;
  /** The cluster's SVG: its screen matrix maps view-box units to the page. */
  svgRef: RefObject<SVGSVGElement | null>;
  /** Where the one-sentence description of the messages goes (for assistive technology). */
  descriptionId: string;
}) {
  const store = useReplicaStore();
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    const svg = svgRef.current;
    const ctx = canvas?.getContext('2d', { desynchronized: true });
    if (!canvas || !svg || !ctx) return;
    const description = document.getElementById(descriptionId);
    let colours: CategoryColours = readCategoryColours(canvas);
    const dropColour = getComputedStyle(canvas).getPropertyValue('--danger').trim() || '#b91c1c';
    let marks: MessageMark[] = [];
    let lastDescription = '';
    let toPixels: Affine = { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 };
    /** The same mapping in CSS pixels, for repainting into an exported picture. */
    let toCssPixels: Affine = toPixels;

    /** View-box units → CSS pixels from the canvas's corner: zoom, then the SVG's screen matrix. */
    const measure = ({ clusterZoom: zoom }: ReplicaState): Affine => {
      const ctm = svg.getScreenCTM();
      const box = canvas.getBoundingClientRect();
      const ratio = window.devicePixelRatio || 1;
      const width = Math.round(box.width * ratio);
      const height = Math.round(box.height * ratio);
      if (canvas.width !== width || canvas.height !== height) {
        canvas.width = width;
        canvas.height = height;
      }
      if (ctm === null) return toCssPixels;
      return new DOMMatrix()
        .translate(-box.left, -box.top)
        .multiply(DOMMatrix.fromMatrix(ctm))
        .translate(zoom.x, zoom.y)
        .scale(zoom.k);
    };

    const draw = (state: ReplicaState) => {
      const { view, playhead } = state;
      marks = messageMarks(view.inFlight, view.recentDrops, playhead, endpoints, reducedMotion);
      toCssPixels = measure(state);
      const ratio = window.devicePixelRatio || 1;
      toPixels = new DOMMatrix([ratio, 0, 0, ratio, 0, 0]).multiply(
        DOMMatrix.fromMatrix(toCssPixels),
      );
      drawMessages(ctx, marks, toPixels, {
        colours,
        emphasised: emphasisOf(state),
        dropColour,
      });
      canvas.dataset.inFlight = String(view.inFlight.length);
      const sentence = describeMessages(marks);
      if (description && sentence !== lastDescription) {
        description.textContent = sentence;
        lastDescription = sentence;
      }
    };

    /**
     * The mark under a pointer event, if any. Over a node, only a direct hit counts: a message
     * just leaving or reaching it sits at its edge, and with the slop of a zoomed-out view it
     * would take the click meant for the node.
     */
    const markUnder = (event: PointerEvent | MouseEvent): MessageMark | null => {
      const ratio = window.devicePixelRatio || 1;
      const box = canvas.getBoundingClientRect();
      const inverse = DOMMatrix.fromMatrix(toPixels).inverse();
      const p = inverse.transformPoint(
        new DOMPoint((event.clientX - box.left) * ratio, (event.clientY - box.top) * ratio),
      );
      const unitsPerPixel = ratio / Math.hypot(toPixels.a, toPixels.b);
      const slop = overEndpoint(endpoints, p.x, p.y) ? 0 : HIT_SLOP_PX * unitsPerPixel;
      return markAt(marks, p.x, p.y, slop);
    };

    // Pointer events arrive at the container: the canvas itself lets them through to the nodes.
    const container = canvas.parentElement;
    const onPointerMove = (event: PointerEvent) => {
      const mark = markUnder(event);
      const { hover, setHover } = store.getState();
      container?.classList.toggle('cluster--over-message', mark !== null);
      if (mark) {
        if (hover?.kind !== 'message' || hover.id !== mark.key) {
          setHover({ kind: 'message', id: mark.key });
        }
      } else if (hover?.kind === 'message') setHover(null);
    };
    const onPointerLeave = () => {
      container?.classList.remove('cluster--over-message');
      if (store.getState().hover?.kind === 'message') store.getState().setHover(null);
    };
    // Capture: a click on a message wins over the node button underneath it.
    const onClickCapture = (event: MouseEvent) => {
      const mark = markUnder(event);
      if (mark === null) return;
      event.stopPropagation();
      event.preventDefault();
      store.getState().select({ kind: 'message', id: mark.key });
    };
    container?.addEventListener('pointermove', onPointerMove);
    container?.addEventListener('pointerleave', onPointerLeave);
    container?.addEventListener('click', onClickCapture, true);

    const resize = new ResizeObserver(() => draw(store.getState()));
    resize.observe(canvas);
    const theme = window.matchMedia('(prefers-color-scheme: dark)');
    const onTheme = () => {
      colours = readCategoryColours(canvas);
      draw(store.getState());
    };
    theme.addEventListener('change', onTheme);

    // An export repaints the marks last drawn, as shapes.
    const unregister = registerVectorPainter(canvas, (target) =>
      drawMessages(target, marks, toCssPixels, {
        colours,
        emphasised: emphasisOf(store.getState()),
        dropColour,
      }),
    );
    draw(store.getState());
    const unsubscribe = store.subscribe((state, previous) => {
      if (
        state.playhead !== previous.playhead ||
        state.view !== previous.view ||
        state.clusterZoom !== previous.clusterZoom ||
        state.hover !== previous.hover ||
        state.selection !== previous.selection
      ) {
        draw(state);
      }
    });
    return () => {
      unsubscribe();
      unregister();
      resize.disconnect();
      theme.removeEventListener('change', onTheme);
      container?.removeEventListener('pointermove', onPointerMove);
      container?.removeEventListener('pointerleave', onPointerLeave);
      container?.removeEventListener('click', onClickCapture, true);
    };
  }, [store, endpoints, reducedMotion, svgRef, descriptionId]);

  // Decoration for sighted users: the SVG's description tells the same in words.
  return <canvas ref={canvasRef} className="cluster__messages" />;
}
