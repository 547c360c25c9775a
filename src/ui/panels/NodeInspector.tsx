/**
 * The selected node: role, lifecycle, mode, epoch, statechart state and lag; Crash / Restart;
 * its data; its replication log with the acknowledged marker; the messages on the wire to and
 * from it; and, for a leader, how far each follower has got.
 */
import { useShallow } from 'zustand/react/shallow';
import type { NodeInspection } from '../../store/inspect';
import type { ReplicaState } from '../../store/store';
import type { NodeView } from '../../store/view';
import { useReplica } from '../StoreContext';
import { lifecycleName } from '../views/nodeLabel';
import { depthFacts } from './depthFacts';
import { type Fact, Facts } from './Facts';
import { FaultButtons } from './FaultButtons';
import { FollowerProgressTable } from './FollowerProgressTable';
import { lagText } from './inspectorText';
import { LeaderlessCopies, LeaderlessHints } from './LeaderlessCopies';
import { MultiLeaderQueues } from './MultiLeaderQueues';
import { NodeDataTable } from './NodeDataTable';
import { OnTheWire } from './OnTheWire';
import { ReplicationLog } from './ReplicationLog';
import './panels.css';

const selectedNodeId = (s: ReplicaState) => (s.selection?.kind === 'node' ? s.selection.id : null);
const findNode = (s: ReplicaState, id: string | null) =>
  id === null ? undefined : s.view.nodes.find((n) => n.id === id);
const selectNodeInspection = (s: ReplicaState) =>
  s.inspection?.kind === 'node' ? (s.inspection as NodeInspection) : null;

/** A leaderless replica is a peer: its facts are what it holds, not a role in a chain. */
function replicaFacts(node: NodeView): Fact[] {
  return [
    [
      'Role',
      'replica',
      'Every replica takes reads and writes; a coordinator sends each to the key’s n home replicas.',
    ],
    [
      'Lifecycle',
      lifecycleName(node.lifecycle),
      'Whether the node is up and answering, or down (it keeps its copies and hints across a crash).',
    ],
    ['Holds', node.holding?.words ?? '—', 'Keys it has a copy of, and hints it keeps for others.'],
  ];
}

/** A multi-leader node: its datacenter and role there, and what it holds and owes. */
function multiLeaderFacts(node: NodeView): Fact[] {
  return [
    [
      'Role',
      node.role,
      'Every datacenter’s leader takes writes and sends them to the other leaders; followers apply what their leader sends.',
    ],
    [
      'Datacenter',
      node.datacenter ?? '—',
      'The group of nodes close to each other; links between datacenters are slower.',
    ],
    [
      'Lifecycle',
      lifecycleName(node.lifecycle),
      'Whether the node is up, or down (it keeps its data and what it owes across a crash).',
    ],
    [
      'Holds',
      node.holding?.words ?? '—',
      'Keys it holds, and changes it still owes or holds back.',
    ],
  ];
}

/** The facts as a flat list of strings, so that an unchanged node does not re-render. */
function nodeFacts(node: NodeView | undefined): string[] {
  if (node === undefined) return [];
  if (node.role === 'replica') return replicaFacts(node).flat();
  if (node.datacenter !== undefined) return multiLeaderFacts(node).flat();
  const facts: Fact[] = [
    [
      'Role',
      node.role,
      'Leaders take writes and ship them; followers apply what the leader sends.',
    ],
    [
      'Lifecycle',
      lifecycleName(node.lifecycle),
      'Whether the node is up and serving, recovering after a crash, catching up, or down.',
    ],
    ['Epoch', String(node.epoch), 'The leader term this node is in: each epoch has one leader.'],
    ['State', node.chart, 'The state of its lifecycle and role statechart (XState).'],
    ['Log position', String(node.lastPos), 'The position of the last entry in its log.'],
  ];
  if (!node.isMonitor && node.role !== 'leader') {
    facts.push(
      [
        'Mode',
        node.mode ?? '—',
        'A synchronous follower must acknowledge a write before the client hears ok; an asynchronous one need not.',
      ],
      ['Follows', node.leaderId ?? '—', 'The leader this follower replicates from.'],
      [
        'Lag',
        lagText(node),
        'Entries the leader has and this follower lacks, and how long ago the leader appended the oldest of them.',
      ],
    );
  }
  facts.push(...depthFacts(node.depth));
  return facts.flat();
}

function asFacts(flat: readonly string[]): Fact[] {
  const facts: Fact[] = [];
  for (let i = 0; i + 2 < flat.length; i += 3) {
    facts.push([flat[i] as string, flat[i + 1] as string, flat[i + 2] as string]);
  }
  return facts;
}

export function NodeInspector() {
  const id = useReplica(selectedNodeId);
  const facts = useReplica(useShallow((s) => nodeFacts(findNode(s, id))));
  const up = useReplica((s) => findNode(s, id)?.up ?? false);
  const isMonitor = useReplica((s) => findNode(s, id)?.isMonitor ?? false);
  const data = useReplica(useShallow((s) => findNode(s, id)?.data ?? NO_DATA));
  const inspection = useReplica(selectNodeInspection);
  const leaderless = useReplica((s) => s.scenario.protocol === 'leaderless');
  const multiLeader = useReplica((s) => s.scenario.protocol === 'multi-leader');
  if (id === null || inspection === null) return null;
  return (
    <section className="panel inspector" aria-labelledby="inspector-heading">
      <h2 id="inspector-heading" className="panel__title">
        Node {id}
      </h2>
      <Facts facts={asFacts(facts)} />
      <FaultButtons nodeId={id} up={up} />
      {leaderless && (
        <>
          <h3 className="panel__subtitle">Copies</h3>
          <LeaderlessCopies inspection={inspection} />
          <h3 className="panel__subtitle">Hints</h3>
          <LeaderlessHints inspection={inspection} />
        </>
      )}
      {multiLeader && (
        <>
          <h3 className="panel__subtitle">Data</h3>
          <NodeDataTable nodeId={id} data={data} />
          <h3 className="panel__subtitle">Replication</h3>
          <MultiLeaderQueues inspection={inspection} />
        </>
      )}
      {!isMonitor && !leaderless && !multiLeader && (
        <>
          <h3 className="panel__subtitle">Data</h3>
          <NodeDataTable nodeId={id} data={data} />
          <h3 className="panel__subtitle">Replication log</h3>
          <ReplicationLog nodeId={id} inspection={inspection} />
          {inspection.followers.length > 0 && (
            <>
              <h3 className="panel__subtitle">Followers</h3>
              <FollowerProgressTable followers={inspection.followers} />
            </>
          )}
        </>
      )}
      <h3 className="panel__subtitle">On the wire</h3>
      <OnTheWire nodeId={id} />
    </section>
  );
}

const NO_DATA = {};
