/** The top bar: the app's name, the scenario picker and the seed. */
import type { ReactNode } from 'react';
import type { ReplicaState } from '../../store/store';
import { useReplica } from '../StoreContext';
import { ScenarioPicker } from './ScenarioPicker';
import { SeedField } from './SeedField';

const selectScenarioId = (s: ReplicaState) => s.scenario.id;
const selectSeed = (s: ReplicaState) => s.seed;

export function Header({
  seedError,
  seedErrorId,
  onSeedError,
  children,
}: {
  seedError: string | null;
  seedErrorId: string;
  onSeedError: (message: string | null) => void;
  /** Page-level toggles shown at the end of the bar. */
  children?: ReactNode;
}) {
  const scenarioId = useReplica(selectScenarioId);
  const seed = useReplica(selectSeed);
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand__mark" aria-hidden="true" />
        <h1 className="brand__name">Replica Lab</h1>
        <span className="brand__tagline">replication, one message at a time</span>
      </div>
      <div className="app-header__fields">
        <ScenarioPicker />
        {/* Remounted per run, so the draft shows the seed the run actually uses. */}
        <SeedField
          key={`${scenarioId}:${seed}`}
          seed={seed}
          error={seedError}
          errorId={seedErrorId}
          onError={onSeedError}
        />
        {children && <div className="app-header__toggles">{children}</div>}
      </div>
    </header>
  );
}
