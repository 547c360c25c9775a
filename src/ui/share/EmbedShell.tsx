/**
 * `?embed=1`: one scenario, chrome-light, for an iframe in a notes app or a slide. The cluster
 * view with the transport, the time slider and a readout; no picker, panels or timeline. A link
 * opens the full app at the same point in a new tab.
 */

import type { ReplicaState } from '../../store/store';
import { ControlsBar } from '../controls/ControlsBar';
import { NoticeBanner } from '../NoticeBanner';
import { useReplica, useReplicaStore } from '../StoreContext';
import { useKeyboardShortcuts } from '../useKeyboardShortcuts';
import { usePlaybackLoop } from '../usePlaybackLoop';
import { ClusterView } from '../views/ClusterView';
import './share.css';

const selectTitle = (s: ReplicaState) => s.scenario.title;

/** The page's own address without `embed`: the full app, same run, same point. */
function fullAppHref(): string {
  const url = new URL(window.location.href);
  url.searchParams.delete('embed');
  return url.toString();
}

export function EmbedShell() {
  const store = useReplicaStore();
  usePlaybackLoop(store);
  useKeyboardShortcuts(store);
  const title = useReplica(selectTitle);
  return (
    <div className="embed">
      <header className="embed__bar">
        <h1 className="embed__title">{title}</h1>
        <a
          className="embed__open"
          href={fullAppHref()}
          target="_blank"
          rel="noopener noreferrer"
          title="Open this run in the full Replica Lab, with narration, inspector and faults"
        >
          Open in Replica Lab
        </a>
      </header>
      {/* Always there, so the grid rows stay put when there is no notice. */}
      <div className="embed__notice">
        <NoticeBanner />
      </div>
      <main className="embed__stage">
        <ClusterView />
      </main>
      <ControlsBar />
    </div>
  );
}
