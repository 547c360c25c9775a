/** Writes of one key from several clients at the same instant: the raw material of conflicts. */
import { useState } from 'react';
import { concurrentValue, concurrentWriteInputs } from '../../../store/faultInputs';
import { useReplicaStore } from '../../StoreContext';
import { ActionButton } from './ActionButton';
import { CheckField } from './CheckField';
import type { OpField } from './ClientOps';
import { parseRequired } from './parseField';
import type { FieldErrors } from './useFieldError';

export function ConcurrentWrites({
  clients,
  keyText,
  valueText,
  onError,
}: {
  clients: readonly string[];
  keyText: string;
  valueText: string;
  onError: FieldErrors<OpField>;
}) {
  const store = useReplicaStore();
  // Unticked rather than ticked, so that clients that appear later start included.
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const chosen = clients.filter((id) => !left.has(id));

  const toggle = (id: string, included: boolean) => {
    const next = new Set(left);
    if (included) next.delete(id);
    else next.add(id);
    setLeft(next);
  };
  const fire = () => {
    const key = parseRequired('Key', keyText, 'the key the clients all write');
    if (!key.ok) return onError.fail('key', key.message);
    const value = parseRequired('Value', valueText, 'the value to write');
    if (!value.ok) return onError.fail('value', value.message);
    if (chosen.length === 0)
      return onError.fail('clients', 'Concurrent writes: tick at least one client.');
    onError.clear();
    store.getState().injectAll(concurrentWriteInputs(chosen, key.value, value.value));
  };

  return (
    <fieldset className="fault-group" aria-describedby={onError.errorIdFor('clients')}>
      <legend className="fault-group__legend">Concurrent writes</legend>
      <div className="fault-row">
        {clients.map((id) => (
          <CheckField
            key={id}
            title={`Include ${id} in the burst; it writes "${concurrentValue(valueText || 'value', id)}".`}
            checked={!left.has(id)}
            onChange={(checked) => toggle(id, checked)}
          >
            {id}
          </CheckField>
        ))}
      </div>
      <ActionButton
        title="Every ticked client sends a write of the Key at the same simulated instant (a busy one queues it), each with its own value, so the writes race."
        onClick={fire}
      >
        Fire together
      </ActionButton>
    </fieldset>
  );
}
