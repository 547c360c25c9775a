/** The inspector: what is selected (a node, a message or a client), in detail. */
import type { ReplicaState } from '../../store/store';
import { useReplica } from '../StoreContext';
import { ClientInspector } from './ClientInspector';
import { MessageInspector } from './MessageInspector';
import { NodeInspector } from './NodeInspector';
import './panels.css';

const selectKind = (s: ReplicaState) => s.inspection?.kind ?? null;

export function Inspector() {
  const kind = useReplica(selectKind);
  if (kind === 'node') return <NodeInspector />;
  if (kind === 'message') return <MessageInspector />;
  if (kind === 'client') return <ClientInspector />;
  return (
    <section className="panel inspector" aria-labelledby="inspector-heading">
      <h2 id="inspector-heading" className="panel__title">
        Inspector
      </h2>
      <p className="panel__empty">
        Select a node, a client or a moving message in the diagram to inspect it.
      </p>
    </section>
  );
}
