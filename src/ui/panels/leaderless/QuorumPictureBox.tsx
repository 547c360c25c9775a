/**
 * The pictured operation's quorums in words, beside the rings the cluster view draws: who took
 * the write (w), who answered the read (r), and who did both. Pick an operation in a client's
 * history or on the space-time diagram.
 */
import { leaderlessValueText } from '../../../store/families/leaderlessValueText';
import type { ReplicaState } from '../../../store/store';
import { useReplica, useReplicaStore } from '../../StoreContext';
import { ActionButton } from '../faults/ActionButton';
import { quorumPictureLines } from './quorumText';

const selectFocus = (s: ReplicaState) => s.quorumFocus;

export function QuorumPictureBox({ w, r }: { w: number; r: number }) {
  const store = useReplicaStore();
  const picture = useReplica(selectFocus);
  if (picture === null) {
    return (
      <p className="panel__empty">
        Pick an operation in a client’s history or on the space-time diagram to see its quorums.
      </p>
    );
  }
  return (
    <section className="quorum-picture" aria-label="Quorum picture">
      <ul className="quorum-picture__lines">
        {quorumPictureLines(picture, { w, r }, leaderlessValueText).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p className="quorum-picture__key">
        <span className="quorum-swatch quorum-swatch--write" /> took the write{' '}
        <span className="quorum-swatch quorum-swatch--read" /> answered the read
      </p>
      <ActionButton
        title="Stop picturing this operation's quorums in the cluster view"
        onClick={() => store.getState().focusOp(null)}
      >
        Clear quorum picture
      </ActionButton>
    </section>
  );
}
