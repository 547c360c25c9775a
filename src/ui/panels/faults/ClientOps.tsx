/**
 * Load by hand: pick a client, type a key (and a value), write it or read it from where you
 * choose; or fire writes of the key from several clients at the same instant. Each operation
 * is an input of the run at the current time; the client's pending line shows it in flight.
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ClientOp } from '../../../engine/types';
import { useReplica, useReplicaStore } from '../../StoreContext';
import { StatementOps } from '../StatementOps';
import { ActionButton } from './ActionButton';
import { ConcurrentWrites } from './ConcurrentWrites';
import { parseRequired } from './parseField';
import { CLIENT_SETTING, readChoices } from './readTargets';
import { SelectField } from './SelectField';
import { selectClientIds, selectProtocol, selectReplicaIds, selectScenarioId } from './selectors';
import { FieldError, TextField } from './TextField';
import { useFieldError } from './useFieldError';
import './faults.css';

export type OpField = 'key' | 'value' | 'clients';

/** The client operation controls, fresh for each scenario (its clients and nodes differ). */
export function ClientOps() {
  return <ClientOpsForm key={useReplica(selectScenarioId)} />;
}

function ClientOpsForm() {
  const store = useReplicaStore();
  const clients = useReplica(useShallow(selectClientIds));
  const replicas = useReplica(useShallow(selectReplicaIds));
  const [client, setClient] = useState(clients[0] ?? '');
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [readFrom, setReadFrom] = useState(CLIENT_SETTING);
  // Only a single-leader read has a place to be routed to; elsewhere a coordinator decides.
  const routed = useReplica(selectProtocol) === 'single-leader';
  const error = useFieldError<OpField>();
  const choices = readChoices(replicas);
  // A scenario switch can remove the chosen client: fall back to the first one.
  const chosenClient = clients.includes(client) ? client : (clients[0] ?? '');

  const keyOk = () => {
    const parsed = parseRequired('Key', key, 'the key to write or read');
    if (!parsed.ok) error.fail('key', parsed.message);
    return parsed.ok;
  };
  const send = (op: ClientOp) => {
    error.clear();
    store.getState().inject({ type: 'client-op', client: chosenClient, op });
  };
  const write = () => {
    if (!keyOk()) return;
    const parsed = parseRequired('Value', value, 'the value to write');
    if (!parsed.ok) return error.fail('value', parsed.message);
    send({ f: 'write', key, value });
  };
  const read = () => {
    if (!keyOk()) return;
    const target = routed ? choices.find((c) => c.value === readFrom)?.target : undefined;
    send(target === undefined ? { f: 'read', key } : { f: 'read', key, readFrom: target });
  };

  if (clients.length === 0) return null;
  return (
    <div className="client-ops">
      <div className="fault-row">
        <SelectField
          label="Client"
          title="The client session (a user id) that sends the operation; it waits for one answer at a time."
          value={chosenClient}
          options={clients}
          onChange={setClient}
        />
        {routed && (
          <SelectField
            label="Read from"
            title="Where the read goes: the leader sees every write, a follower may answer with stale data."
            value={readFrom}
            options={choices}
            onChange={setReadFrom}
          />
        )}
      </div>
      <div className="fault-row">
        <TextField
          label="Key"
          title="The key to write or read, e.g. cart or users.1234.picture_url."
          value={key}
          onChange={setKey}
          errorId={error.errorIdFor('key')}
        />
        <TextField
          label="Value"
          title="The value a write stores under the key (reads ignore it)."
          value={value}
          onChange={setValue}
          errorId={error.errorIdFor('value')}
        />
      </div>
      <div className="fault-row">
        <ActionButton
          title="Send a write of the key and value from this client now: a leader, or a coordinator of the key's replicas, takes it and replicates it."
          onClick={write}
        >
          Write
        </ActionButton>
        <ActionButton
          title="Send a read of the key from this client now, to the replica chosen under Read from (leaderless: to a coordinator that asks r replicas)."
          onClick={read}
        >
          Read
        </ActionButton>
      </div>
      <FieldError id={error.id} message={error.message} />
      <ConcurrentWrites clients={clients} keyText={key} valueText={value} onError={error} />
      <StatementOps client={chosenClient} />
    </div>
  );
}
