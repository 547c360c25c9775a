/** The scenario's story so far: which narration step the run has reached, and what it says. */
import type { ReplicaState } from '../../store/store';
import { useReplica } from '../StoreContext';
import { TourControls } from '../tour/TourControls';
import './panels.css';

const selectScenario = (s: ReplicaState) => s.scenario;
const selectNarrationIndex = (s: ReplicaState) => s.view.narrationIndex;

export function NarrationPanel() {
  const scenario = useReplica(selectScenario);
  const index = useReplica(selectNarrationIndex);
  const steps = scenario.narration;
  const step = index >= 0 ? steps[index] : undefined;
  return (
    <section className="panel narration" aria-labelledby="narration-heading">
      <p className="panel__eyebrow">
        {step
          ? `Step ${index + 1} of ${steps.length} · from ${step.at} ms`
          : 'Before the first step'}
      </p>
      <h2 id="narration-heading" className="narration__title">
        {step ? step.title : scenario.title}
      </h2>
      <p className="narration__text">{step ? step.text : scenario.summary}</p>
      <ol className="narration__progress" aria-label="Narration steps">
        {steps.map((s, i) => (
          <li
            key={`${s.at}-${s.title}`}
            className={i < index ? 'is-done' : i === index ? 'is-current' : ''}
            aria-current={i === index ? 'step' : undefined}
            title={`${s.at} ms: ${s.title}`}
          >
            <span className="visually-hidden">{s.title}</span>
          </li>
        ))}
      </ol>
      <TourControls />
    </section>
  );
}
