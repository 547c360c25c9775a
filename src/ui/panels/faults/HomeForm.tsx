/**
 * Multi-leader conflict avoidance: move a key's home leader (the timeline's `set-home`), e.g.
 * after its home datacenter failed. Recorded as one command per leader at the current time.
 */
import { useState } from 'react';
import { setHomeInputs } from '../../../store/topologyInputs';
import { useReplicaStore } from '../../StoreContext';
import { ActionButton } from './ActionButton';
import { SelectField } from './SelectField';
import { FieldError, TextField } from './TextField';
import { useFieldError } from './useFieldError';

export function HomeForm({ leaders }: { leaders: string[] }) {
  const store = useReplicaStore();
  const [key, setKey] = useState('');
  const [home, setHome] = useState(leaders[0] ?? '');
  const error = useFieldError<'key' | 'home'>();
  const apply = () => {
    const built = setHomeInputs(leaders, key, home);
    if (!built.ok)
      return error.fail(built.message.startsWith('Key') ? 'key' : 'home', built.message);
    error.clear();
    store.getState().injectAll(built.inputs.map((input) => ({ input })));
  };
  return (
    <fieldset className="fault-group">
      <legend className="fault-group__legend">Home of a key</legend>
      <div className="fault-row">
        <TextField
          label="Key"
          title="The key to move: with conflict avoidance only its home leader takes writes to it."
          value={key}
          onChange={setKey}
          errorId={error.errorIdFor('key')}
        />
        <SelectField
          label="Home leader"
          title="The leader that takes this key's writes from now on (others redirect them there)."
          value={home}
          options={leaders}
          onChange={setHome}
          errorId={error.errorIdFor('home')}
        />
        <ActionButton
          title="Every leader that is up learns the key's new home now; a leader that is down never hears of it."
          onClick={apply}
        >
          Move home
        </ActionButton>
      </div>
      <FieldError id={error.id} message={error.message} />
    </fieldset>
  );
}
