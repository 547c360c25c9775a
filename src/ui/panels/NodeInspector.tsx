/** Everything about the selected node: role and lifecycle, log position, data, log tail, faults. */
import type { ReplicaState } from '../../store/store';
import { useReplica } from '../StoreContext';
import { lifecycleWords } from '../views/nodeLabel';
import { FaultButtons } from './FaultButtons';
import { LogTail } from './LogTail';
import { NodeDataTable } from './NodeDataTable';
import './panels.css';

const selectSelectedNode = (s: ReplicaState) => {
  if (s.selection?.kind !== 'node') return null;
  const id = s.selection.id;
  return s.view.nodes.find((n) => n.id === id) ?? null;
};

export function NodeInspector() {
  const node = useReplica(selectSelectedNode);
  if (node === null) {
    return (
      <section className="panel inspector" aria-labelledby="inspector-heading">
        <h2 id="inspector-heading" className="panel__title">
          Inspector
        </h2>
        <p className="panel__empty">Select a node in the diagram to inspect it.</p>
      </section>
    );
  }
  const facts: Array<[string, string]> = [
    ['Role', node.mode ? `${node.role} (${node.mode})` : node.role],
    ['Lifecycle', lifecycleWords(node.lifecycle)],
    ['Epoch', String(node.epoch)],
    ['State', node.chart],
    ['Log position', String(node.lastPos)],
    ['Lag', node.lagPositions > 0 ? `${node.lagPositions} behind` : 'none'],
  ];
  if (!node.isMonitor && node.role !== 'leader') facts.push(['Follows', node.leaderId ?? '—']);
  return (
    <section className="panel inspector" aria-labelledby="inspector-heading">
      <h2 id="inspector-heading" className="panel__title">
        Node {node.id}
      </h2>
      <dl className="facts">
        {facts.map(([term, value]) => (
          <div key={term} className="facts__row">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <FaultButtons nodeId={node.id} up={node.up} />
      {!node.isMonitor && (
        <>
          <h3 className="panel__subtitle">Data</h3>
          <NodeDataTable nodeId={node.id} data={node.data} />
          <h3 className="panel__subtitle">Log tail</h3>
          <LogTail nodeId={node.id} entries={node.logTail} />
        </>
      )}
    </section>
  );
}
