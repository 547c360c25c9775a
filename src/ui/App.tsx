/**
 * The application shell: one store per mounted app, the playback loop and keyboard shortcuts,
 * and the page layout (header, diagram with its controls, side panels).
 */
import { type CSSProperties, useCallback, useId, useState } from 'react';
import { ControlsBar } from './controls/ControlsBar';
import { GuaranteeDialog } from './guarantees/GuaranteeDialog';
import { Header } from './header/Header';
import { KeyboardHint } from './KeyboardHint';
import { Legend } from './Legend';
import { DEFAULT_LAYOUT, SIDE_WIDTH, TIMELINE_HEIGHT } from './layout/panelSizes';
import { ResizeHandle } from './layout/ResizeHandle';
import { usePanelLayout } from './layout/usePanelLayout';
import { NoticeBanner } from './NoticeBanner';
import { AnomaliesPanel } from './panels/AnomaliesPanel';
import { ClientsPanel } from './panels/ClientsPanel';
import { ConflictsPanel } from './panels/ConflictsPanel';
import { FaultPanel } from './panels/faults/FaultPanel';
import { Inspector } from './panels/Inspector';
import { LogFormatPanel } from './panels/LogFormatPanel';
import { QuorumPanel } from './panels/leaderless/QuorumPanel';
import { NarrationPanel } from './panels/NarrationPanel';
import { PresenterView } from './presenter/PresenterView';
import { SeedErrorBanner } from './SeedErrorBanner';
import { StoreProvider, useReplicaStore } from './StoreContext';
import { EmbedShell } from './share/EmbedShell';
import { ImportButton } from './share/ImportButton';
import { ShareDialog } from './share/ShareDialog';
import { useFileDrop } from './share/useFileDrop';
import { useLinkedPanels } from './share/useLinkedPanels';
import { TourEffects } from './tour/TourEffects';
import { parseStartParams, type StartParams } from './urlParams';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';
import { usePlaybackLoop } from './usePlaybackLoop';
import { useSeedError } from './useSeedError';
import { useUrlSync } from './useUrlSync';
import { ClusterView } from './views/ClusterView';
import { SpaceTimeDiagram } from './views/spacetime/SpaceTimeDiagram';

function Shell({ start, onPresent }: { start: StartParams; onPresent: () => void }) {
  const store = useReplicaStore();
  usePlaybackLoop(store);
  useKeyboardShortcuts(store);
  useUrlSync(store);
  const [seedError, setSeedError] = useSeedError(store, start.seedError);
  const seedErrorId = useId();
  const sideId = useId();
  const [layout, setLayout] = usePanelLayout();
  useLinkedPanels(start.run, setLayout);
  const dropping = useFileDrop(store);
  const sideOpen = layout.sideOpen;
  return (
    <div
      className={`app${sideOpen ? '' : ' app--side-closed'}`}
      style={
        {
          '--side-width': `${layout.sideWidth}px`,
          // Until the user sizes the timeline, its CSS fits it to the screen's height.
          ...(layout.timelineSized ? { '--timeline-height': `${layout.timelineHeight}px` } : {}),
        } as CSSProperties
      }
    >
      <Header seedError={seedError} seedErrorId={seedErrorId} onSeedError={setSeedError}>
        <button
          type="button"
          className="button button--small"
          title="Full screen, large type, narration as a tour: → or Page Down for the next step, ← or Page Up back, Space plays, Esc leaves"
          onClick={onPresent}
        >
          Presenter mode
        </button>
        <ShareDialog sidePanels={sideOpen} timelineOpen={layout.timelineOpen} />
        <ImportButton />
        <button
          type="button"
          className="button button--small"
          aria-expanded={sideOpen}
          aria-controls={sideId}
          title="Show or hide the side panels (narration, inspector, clients), to give the diagram the whole width"
          onClick={() => setLayout({ sideOpen: !sideOpen })}
        >
          {sideOpen ? 'Hide panels' : 'Show panels'}
        </button>
        <GuaranteeDialog />
      </Header>
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
      {sideOpen && (
        <ResizeHandle
          label="Resize side panels"
          orientation="vertical"
          size={layout.sideWidth}
          range={SIDE_WIDTH}
          defaultSize={DEFAULT_LAYOUT.sideWidth}
          growDirection={-1}
          onResize={(sideWidth) => setLayout({ sideWidth })}
        />
      )}
      <aside id={sideId} className="side" aria-label="Details" hidden={!sideOpen}>
        <NarrationPanel />
        <Inspector />
        <QuorumPanel />
        <AnomaliesPanel />
        <ConflictsPanel />
        <LogFormatPanel />
        <ClientsPanel />
        <FaultPanel />
      </aside>
      <ResizeHandle
        label="Resize timeline"
        orientation="horizontal"
        size={layout.timelineHeight}
        range={TIMELINE_HEIGHT}
        defaultSize={DEFAULT_LAYOUT.timelineHeight}
        growDirection={1}
        onResize={(timelineHeight) => setLayout({ timelineHeight, timelineSized: true })}
      />
      <SpaceTimeDiagram
        expanded={layout.timelineOpen}
        onExpandedChange={(timelineOpen) => setLayout({ timelineOpen })}
      />
      <TourEffects />
      {dropping && <div className="drop-hint">Drop a scenario or run file to open it</div>}
    </div>
  );
}

export function App() {
  // Read once: later address changes are ours (useUrlSync), not requests to restart.
  const [start] = useState(() => parseStartParams(window.location.search));
  const [presenting, setPresenting] = useState(false);
  // The page is remounted after presenting: what the address asked for at start is done with.
  const [shellStart, setShellStart] = useState(start);
  const leave = useCallback(() => setPresenting(false), []);
  const present = useCallback(() => {
    setShellStart((s) => ({ ...s, seedError: null, run: null }));
    setPresenting(true);
  }, []);
  return (
    <StoreProvider start={start}>
      {start.embed ? (
        <EmbedShell />
      ) : presenting ? (
        <PresenterView onExit={leave} />
      ) : (
        <Shell start={shellStart} onPresent={present} />
      )}
    </StoreProvider>
  );
}
