/**
 * The selected message: kind, ends, times, fate (with the reason a message did not arrive) and
 * its payload, pretty-printed as plain text. It is found whether it is on the wire, finished,
 * or (after a step back) not sent yet.
 */
import type { MessageInspection } from '../../store/inspect';
import type { ReplicaState } from '../../store/store';
import type { MessageView } from '../../store/view';
import { useReplica } from '../StoreContext';
import { type Fact, Facts } from './Facts';
import { fateText } from './inspectorText';
import './panels.css';

const selectMessageInspection = (s: ReplicaState) =>
  s.inspection?.kind === 'message' ? (s.inspection as MessageInspection) : null;

function messageFacts(m: MessageView): Fact[] {
  return [
    ['Kind', m.kind, 'What the message is for: a client request, replication, an acknowledgement…'],
    ['From → to', `${m.from} → ${m.to}`, 'The sender and the receiver.'],
    ['Sent at', `${m.sentAt} ms`, 'Simulated time at which it was put on the wire.'],
    [
      'Arrives at',
      `${m.deliverAt} ms`,
      "When it reaches the receiver's end of the link (latency plus jitter, in order behind earlier messages).",
    ],
    [
      'Fate',
      fateText(m),
      'Delivered, dropped by the network, or lost because an end crashed; decided when it arrives.',
    ],
  ];
}

export function MessageInspector() {
  const inspection = useReplica(selectMessageInspection);
  if (inspection === null) return null;
  const { id, message, status, payloadText } = inspection;
  return (
    <section className="panel inspector" aria-labelledby="inspector-heading">
      <h2 id="inspector-heading" className="panel__title">
        Message #{id}
      </h2>
      {message === null || status === 'not-sent' ? (
        <p className="panel__empty">Not sent yet at this time: step forward to see it leave.</p>
      ) : (
        <>
          <Facts facts={messageFacts(message)} />
          <figure className="payload-figure">
            <figcaption className="panel__subtitle">Payload</figcaption>
            {/* Text content only: a payload may hold anything a user typed, never markup. */}
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region */}
            <pre className="payload" tabIndex={0}>
              {payloadText}
            </pre>
          </figure>
        </>
      )}
    </section>
  );
}
