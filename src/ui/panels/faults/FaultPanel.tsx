/**
 * Faults injected by hand: link latency, partitions, a new follower (by either bootstrap
 * method), and for the selected node a lag spike
 * and clock skew (crash and restart sit in the node inspector). Each is recorded as an input
 * of the run at the current time, so stepping back and forth replays it exactly.
 */
import { useReplica } from '../../StoreContext';
import { AddFollowerControl } from './AddFollowerControl';
import { ClockSkewControl } from './ClockSkewControl';
import { DatacenterPartition } from './DatacenterPartition';
import { LagSpikeControl } from './LagSpikeControl';
import { LatencyControl } from './LatencyControl';
import { PartitionControl } from './PartitionControl';
import { selectScenarioId, selectSelectedNodeId } from './selectors';
import { TopologyControl } from './TopologyControl';
import { UpstreamControl } from './UpstreamControl';
import './faults.css';

export function FaultPanel() {
  const node = useReplica(selectSelectedNodeId);
  const scenarioId = useReplica(selectScenarioId);
  return (
    <section className="panel faults" aria-labelledby="faults-heading">
      <h2 id="faults-heading" className="panel__title">
        Faults
      </h2>
      {/* Keyed by scenario: a new one has other nodes, so its controls start afresh. */}
      <DatacenterPartition key={`datacenters ${scenarioId}`} />
      <TopologyControl key={`topology ${scenarioId}`} />
      <PartitionControl key={`partition ${scenarioId}`} />
      <LatencyControl key={`latency ${scenarioId}`} />
      <AddFollowerControl />
      {node === null ? (
        <p className="panel__empty">
          Select a node in the diagram to give it a lag spike or skew its clock.
        </p>
      ) : (
        // Keyed by node: a half-typed entry belongs to the node it was typed for.
        <div key={`${node} ${scenarioId}`} className="faults__node">
          <LagSpikeControl node={node} />
          <ClockSkewControl node={node} />
          <UpstreamControl node={node} />
        </div>
      )}
    </section>
  );
}
