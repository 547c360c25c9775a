/**
 * The application shell: one store per mounted app, the playback loop and keyboard shortcuts,
 * and the page layout (header, diagram with its controls, side panels).
 */
import { useId, useState } from 'react';
import { ControlsBar } from './controls/ControlsBar';
import { Header } from './header/Header';
import { KeyboardHint } from './KeyboardHint';
import { Legend } from './Legend';
import { NoticeBanner } from './NoticeBanner';
import { ClientsPanel } from './panels/ClientsPanel';
import { NarrationPanel } from './panels/NarrationPanel';
import { NodeInspector } from './panels/NodeInspector';
import { SeedErrorBanner } from './SeedErrorBanner';
import { StoreProvider, useReplicaStore } from './StoreContext';
import { parseStartParams, type StartParams } from './urlParams';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';
import { usePlaybackLoop } from './usePlaybackLoop';
import { useSeedError } from './useSeedError';
import { useUrlSync } from './useUrlSync';
import { ClusterView } from './views/ClusterView';
import { SpaceTimeDiagram } from './views/spacetime/SpaceTimeDiagram';

function Shell({ start }: { start: StartParams }) {
  const store = useReplicaStore();
  usePlaybackLoop(store);
  useKeyboardShortcuts(store);
  useUrlSync(store);
  const [seedError, setSeedError] = useSeedError(store, start.seedError);
  const seedErrorId = useId();
  return (
    <div className="app">
      <Header seedError={seedError} seedErrorId={seedErrorId} onSeedError={setSeedError} />
      <div className="messages">
        <SeedErrorBanner
          id={seedErrorId}
          message={seedError}
          onDismiss={() => setSeedError(null)}
        />
        <NoticeBanner />
      </div>
      <main className="stage">
        <div className="stage__diagram">
          <ClusterView />
          <div className="stage__footer">
            <Legend />
            <KeyboardHint />
          </div>
        </div>
        <ControlsBar />
      </main>
      <aside className="side" aria-label="Details">
        <NarrationPanel />
        <NodeInspector />
        <ClientsPanel />
      </aside>
      <SpaceTimeDiagram />
    </div>
  );
}

export function App() {
  // Read once: later address changes are ours (useUrlSync), not requests to restart.
  const [start] = useState(() => parseStartParams(window.location.search));
  return (
    <StoreProvider start={start}>
      <Shell start={start} />
    </StoreProvider>
  );
}
