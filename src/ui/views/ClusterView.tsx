/**
 * The cluster picture: replicas on a ring, the monitor above, clients below, faint links, and
 * messages moving along them. Nodes and links re-render only when what they show changes; the
 * message layer redraws itself outside React (see MessageLayer).
 */
import { useCallback, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ReplicaState } from '../../store/store';
import { useReplica, useReplicaStore } from '../StoreContext';
import { useReducedMotion } from '../useReducedMotion';
import { ClientMark } from './ClientMark';
import { clusterLayout } from './clusterLayout';
import { LinkLayer } from './LinkLayer';
import { MessageLayer } from './MessageLayer';
import { NodeMark } from './NodeMark';
import './cluster.css';

const selectReplicaIds = (s: ReplicaState) =>
  s.view.nodes.filter((n) => !n.isMonitor).map((n) => n.id);
const selectMonitorIds = (s: ReplicaState) =>
  s.view.nodes.filter((n) => n.isMonitor).map((n) => n.id);
const selectClientIds = (s: ReplicaState) => s.view.clients.map((c) => c.id);
const selectSelectedNode = (s: ReplicaState) =>
  s.selection?.kind === 'node' ? s.selection.id : null;
const selectSelectedClient = (s: ReplicaState) =>
  s.selection?.kind === 'client' ? s.selection.id : null;

export function ClusterView() {
  const store = useReplicaStore();
  const replicaIds = useReplica(useShallow(selectReplicaIds));
  const monitorIds = useReplica(useShallow(selectMonitorIds));
  const clientIds = useReplica(useShallow(selectClientIds));
  const selectedId = useReplica(selectSelectedNode);
  const selectedClient = useReplica(selectSelectedClient);
  const reducedMotion = useReducedMotion();
  const layout = useMemo(
    () => clusterLayout(replicaIds, monitorIds, clientIds),
    [replicaIds, monitorIds, clientIds],
  );
  const { x, y, width, height } = layout.viewBox;
  const onSelect = useCallback(
    (id: string) => store.getState().select({ kind: 'node', id }),
    [store],
  );
  const onSelectClient = useCallback(
    (id: string) => store.getState().select({ kind: 'client', id }),
    [store],
  );

  return (
    <svg
      className={`cluster${reducedMotion ? ' cluster--still' : ''}`}
      viewBox={`${x} ${y} ${width} ${height}`}
      preserveAspectRatio="xMidYMid meet"
    >
      <title>Cluster diagram: replicas, monitor, clients and the messages between them</title>
      <LinkLayer layout={layout} />
      {[...layout.replicas, ...layout.monitors].map(([id, at]) => (
        <NodeMark key={id} id={id} at={at} selected={id === selectedId} onSelect={onSelect} />
      ))}
      {[...layout.clients].map(([id, at]) => (
        <ClientMark
          key={id}
          id={id}
          at={at}
          selected={id === selectedClient}
          onSelect={onSelectClient}
        />
      ))}
      <MessageLayer endpoints={layout.endpoints} reducedMotion={reducedMotion} />
    </svg>
  );
}
