/** The diagram's header: its title, how to move around in it, and the time-zoom buttons. */
import type { RefObject } from 'react';
import type { SpaceTimeController } from './spaceTimeController';

/** How much one press of a zoom button changes the time shown. */
const ZOOM_STEP = 2;

export function SpaceTimeToolbar({
  bodyId,
  expanded,
  onToggle,
  follow,
  controller,
}: {
  bodyId: string;
  expanded: boolean;
  onToggle: () => void;
  follow: boolean;
  controller: RefObject<SpaceTimeController | null>;
}) {
  return (
    <div className="spacetime__header">
      <button
        type="button"
        className="spacetime__toggle"
        aria-expanded={expanded}
        aria-controls={bodyId}
        title="Show or hide the space-time diagram: every message and operation over time"
        onClick={onToggle}
      >
        <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> Timeline
      </button>
      <span className="spacetime__hint">
        Wheel to zoom time, drag to pan, click to jump there; hover an arrow for its message.
      </span>
      <div className="spacetime__tools" hidden={!expanded}>
        <button
          type="button"
          className="button button--small"
          aria-pressed={follow}
          title="Follow playhead: keep the current time in view as the run plays"
          onClick={() => controller.current?.setFollow(!follow)}
        >
          Follow playhead
        </button>
        <button
          type="button"
          className="button button--small"
          title="Zoom in time: show a shorter stretch of the run in more detail"
          onClick={() => controller.current?.zoomBy(ZOOM_STEP)}
        >
          Zoom in time
        </button>
        <button
          type="button"
          className="button button--small"
          title="Zoom out time: show a longer stretch of the run"
          onClick={() => controller.current?.zoomBy(1 / ZOOM_STEP)}
        >
          Zoom out time
        </button>
        <button
          type="button"
          className="button button--small"
          title="Whole run: fit the entire run, start to end, in the diagram"
          onClick={() => controller.current?.showWholeRun()}
        >
          Whole run
        </button>
      </div>
    </div>
  );
}
