/**
 * A leaderless session's quorum and repair settings: n, w, r, sloppy quorum, read repair,
 * who coordinates (a node or the client), anti-entropy and conflict handling. Applying re-derives the run with them (same seed, inputs
 * and time), so a changed setting is a different run; a refused one names its field and keeps
 * what was typed.
 */
import { useId, useState } from 'react';
import {
  type LeaderlessSettings,
  leaderlessSettingsOf,
  originalLeaderlessSettings,
} from '../../../store/families/leaderlessSettings';
import type { ReplicaState } from '../../../store/store';
import { useReplica, useReplicaStore } from '../../StoreContext';
import { ActionButton } from '../faults/ActionButton';
import { CheckField } from '../faults/CheckField';
import { SelectField } from '../faults/SelectField';
import { TextField } from '../faults/TextField';
import '../faults/faults.css';
import './leaderless.css';
import { SettingsChanged } from '../SettingsChanged';
import { changedSettings } from '../settingsDiff';
import { QuorumPictureBox } from './QuorumPictureBox';
import { overlapSentence, problemField } from './quorumText';

const selectScenario = (s: ReplicaState) => s.scenario;

interface Draft {
  n: string;
  w: string;
  r: string;
  antiEntropyIntervalMs: string;
  sloppyQuorum: boolean;
  readRepair: boolean;
  conflicts: LeaderlessSettings['conflicts'];
  /** `preferred`, `any`, `client`, or `node:<id>` for a fixed coordinator node. */
  coordinator: string;
}

function draftOf(s: LeaderlessSettings): Draft {
  return {
    ...s,
    coordinator: coordinatorText(s.coordinator),
    n: String(s.n),
    w: String(s.w),
    r: String(s.r),
    antiEntropyIntervalMs: String(s.antiEntropyIntervalMs),
  };
}

/** Blank or non-numeric text becomes NaN, which the store's rules refuse by name. */
const asNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));

const coordinatorText = (c: LeaderlessSettings['coordinator']) =>
  typeof c === 'object' ? `node:${c.node}` : c;

const coordinatorOf = (text: string): LeaderlessSettings['coordinator'] =>
  text.startsWith('node:')
    ? { node: text.slice('node:'.length) }
    : (text as 'preferred' | 'any' | 'client');

/** The choices, plus the fixed node the scenario names, if it names one. */
function coordinatorChoices(current: LeaderlessSettings['coordinator']) {
  const choices = [
    { value: 'preferred', label: 'a node: the key’s first replica' },
    { value: 'any', label: 'a node picked at random' },
    { value: 'client', label: 'the client itself' },
  ];
  if (typeof current === 'object')
    choices.push({ value: coordinatorText(current), label: `always node ${current.node}` });
  return choices;
}

const CONFLICT_CHOICES = [
  { value: 'siblings', label: 'siblings (the application merges)' },
  { value: 'lww', label: 'last write wins (by timestamp)' },
];

export function QuorumPanel() {
  const scenario = useReplica(selectScenario);
  const settings = leaderlessSettingsOf(scenario);
  if (settings === null) return null;
  const original = originalLeaderlessSettings(scenario) ?? settings;
  // Keyed by scenario: another scenario's cluster starts from its own settings.
  return <QuorumForm key={scenario.id} applied={settings} original={original} />;
}

function QuorumForm({
  applied,
  original,
}: {
  applied: LeaderlessSettings;
  original: LeaderlessSettings;
}) {
  const store = useReplicaStore();
  const [draft, setDraft] = useState(() => draftOf(applied));
  const [problems, setProblems] = useState<string[]>([]);
  const errorId = useId();
  const edit = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const invalid = (field: string) =>
    problems.some((p) => problemField(p) === field) ? errorId : undefined;
  const changed = JSON.stringify(draftOf(applied)) !== JSON.stringify(draft);

  const apply = () => {
    const found = store.getState().setLeaderlessSettings({
      n: asNumber(draft.n),
      w: asNumber(draft.w),
      r: asNumber(draft.r),
      antiEntropyIntervalMs: asNumber(draft.antiEntropyIntervalMs),
      sloppyQuorum: draft.sloppyQuorum,
      readRepair: draft.readRepair,
      conflicts: draft.conflicts,
      coordinator: coordinatorOf(draft.coordinator),
    });
    setProblems(found);
  };
  const changes = changedSettings({ ...applied }, { ...original });
  const restore = () => {
    setProblems(store.getState().setLeaderlessSettings(original));
    setDraft(draftOf(original));
  };

  return (
    <section className="panel quorum" aria-labelledby="quorum-heading">
      <h2 id="quorum-heading" className="panel__title">
        Quorum
      </h2>
      <p className="quorum__rule" role="status">
        {overlapSentence(applied)}
      </p>
      <SettingsChanged
        changes={changes}
        restoreTitle="Run the scenario again with its own quorum settings: same seed, inputs and moment"
        onRestore={restore}
      />
      <QuorumPictureBox w={applied.w} r={applied.r} />
      <fieldset className="fault-group quorum__fields">
        <legend className="visually-hidden">Quorum settings</legend>
        <div className="fault-row quorum__nwr">
          <TextField
            label="n"
            numeric
            title="Replicas per key: the first n nodes of the key's preference list on the hash ring."
            value={draft.n}
            onChange={(n) => edit({ n })}
            errorId={invalid('n')}
          />
          <TextField
            label="w"
            numeric
            title="Write quorum: a write is reported successful after this many replicas acknowledge it."
            value={draft.w}
            onChange={(w) => edit({ w })}
            errorId={invalid('w')}
          />
          <TextField
            label="r"
            numeric
            title="Read quorum: a read answers after this many replicas reply, returning the newest version among them."
            value={draft.r}
            onChange={(r) => edit({ r })}
            errorId={invalid('r')}
          />
        </div>
        <div className="fault-row">
          <CheckField
            title="When home replicas are unreachable, write to (and read from) the next nodes on the ring, which keep a hint and hand the write home later."
            checked={draft.sloppyQuorum}
            onChange={(sloppyQuorum) => edit({ sloppyQuorum })}
          >
            Sloppy quorum
          </CheckField>
          <CheckField
            title="After a read, the coordinator (node or client) writes the newest version back to every replica that answered with an older one."
            checked={draft.readRepair}
            onChange={(readRepair) => edit({ readRepair })}
          >
            Read repair
          </CheckField>
        </div>
        <div className="fault-row">
          <SelectField
            label="Coordinator"
            title="Who sends each operation to the key's replicas and counts w acknowledgements (r replies): a node the client sends it to, as in Dynamo and Cassandra, or the client itself, as in Voldemort, one network hop less (clients the scenario gives their own choice keep it)."
            value={draft.coordinator}
            options={coordinatorChoices(original.coordinator)}
            onChange={(coordinator) => edit({ coordinator })}
            errorId={invalid('coordinator')}
          />
        </div>
        <div className="fault-row">
          <TextField
            label="Anti-entropy every (ms)"
            numeric
            title="How often each node compares its Merkle tree with a peer's and copies what differs; 0 turns anti-entropy off."
            value={draft.antiEntropyIntervalMs}
            onChange={(antiEntropyIntervalMs) => edit({ antiEntropyIntervalMs })}
            errorId={invalid('antiEntropyIntervalMs')}
          />
          <SelectField
            label="Conflict handling"
            title="Concurrent writes: keep them all as siblings for the application to merge, or keep only the one with the highest timestamp and silently discard the rest."
            value={draft.conflicts}
            options={CONFLICT_CHOICES}
            onChange={(c) => edit({ conflicts: c as LeaderlessSettings['conflicts'] })}
          />
        </div>
        <ActionButton
          title="Run the scenario again with these settings: same seed, same inputs, same moment, so only the settings differ."
          onClick={apply}
          disabled={!changed && problems.length === 0}
        >
          Apply quorum settings
        </ActionButton>
      </fieldset>
      {problems.length > 0 && (
        <ul id={errorId} className="fault-error" role="alert" aria-label="Quorum problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
