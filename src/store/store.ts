/**
 * The live session as a zustand store, made by a factory so that every mounted app (and every
 * test) has its own. Built on `zustand/vanilla` with `subscribeWithSelector`, so the animation
 * loop can subscribe outside React. Slices: simulation (session and its view), playback, ui.
 */
import { initialTransition, type SnapshotFrom, transition } from 'xstate';
import { subscribeWithSelector } from 'zustand/middleware';
import { createStore, type Mutate, type StoreApi } from 'zustand/vanilla';
import type { Input, UntimedInput } from '../engine/types';
import type { LogFormatSettings } from '../protocols/single-leader/formats/settings';
import { allBuiltinScenarios, findAnyBuiltin } from '../scenarios/builtin';
import type { AnyScenario } from '../scenarios/leaderlessSchema';
import type { ScenarioCures } from '../scenarios/schema';
import { findStress } from '../scenarios/stress';
import { leaderlessSim } from './families';
import {
  liveQuorum,
  pictureWaits,
  type QuorumPicture,
  quorumPicture,
} from './families/leaderlessQuorum';
import {
  type LeaderlessSettings,
  leaderlessSettingsProblems,
  withLeaderlessSettings,
} from './families/leaderlessSettings';
import { type MultiLeaderSettings, withMultiLeaderSettings } from './families/multiLeaderSettings';
import { type Inspection, inspect, samePlainData } from './inspect';
import { withLogFormat } from './logFormat';
import {
  type PlaybackEffect,
  type PlaybackEvent,
  type PlaybackStateValue,
  playbackMachine,
} from './playbackMachine';
import { type RunPoint, sessionAt } from './runPoint';
import {
  createSession,
  injectAll,
  type ScheduledInput,
  type Session,
  seek,
  stepBack,
  stepForward,
} from './session';
import { clampSpeed, stepSpeed } from './speed';
import { buildView, type SimView } from './view';

/** A built-in scenario as the picker lists it. */
export interface CatalogEntry {
  id: string;
  title: string;
  summary: string;
  topic: string;
}

/** The built-in scenarios, in the order a newcomer should meet them. */
export const scenarioCatalog: readonly CatalogEntry[] = allBuiltinScenarios.map(
  ({ id, title, summary, topic }) => ({
    id,
    title,
    summary,
    topic,
  }),
);

/** A scenario by id: a built-in, or a stress scenario (openable by link, not listed). */
function findScenario(id: string): AnyScenario | undefined {
  return findAnyBuiltin(id) ?? findStress(id);
}

/** At 1x, this many simulated milliseconds pass per real second: slow enough to follow messages. */
export const SIM_MS_PER_SECOND_AT_1X = 50;
export { MAX_SPEED, MIN_SPEED } from './speed';

export type Selection = { kind: 'node' | 'client' | 'message'; id: string } | null;

export interface SimulationSlice {
  scenario: AnyScenario;
  seed: number;
  /** Mutable session; read it through `view`, which is rebuilt on every change. */
  session: Session;
  view: SimView;
  /** The last problem to tell the user about (bad input, unknown scenario); null when none. */
  notice: string | null;
}

type PlaybackSnapshot = SnapshotFrom<typeof playbackMachine>;

export interface PlaybackSlice {
  /** The playback chart's snapshot (see playbackMachine.ts); `playing` mirrors it. */
  playback: PlaybackSnapshot;
  /** `paused`, `playing` or `ended`. */
  playbackState: PlaybackStateValue;
  playing: boolean;
  speed: number;
  /**
   * The display time, fractional so that motion is smooth; the simulation itself sits at
   * `floor(playhead)` (virtual time is whole milliseconds).
   */
  playhead: number;
}

export interface UiSlice {
  selection: Selection;
  /** What the inspector shows about the selection now; kept (same object) while unchanged. */
  inspection: Inspection | null;
  /** What the pointer is over, in any view: the others highlight it too. */
  hover: Selection;
  /** Client operations to pick out (the ones an anomaly names), by op id. */
  highlightedOps: readonly number[];
  /** Zoom and pan of the cluster view (d3-zoom's transform: scale k, then translate x, y). */
  clusterZoom: ZoomTransform;
  /** Nodes and clients the person dragged in the cluster view, by id (view-box units). */
  clusterPositions: ClusterPositions;
  /** The space-time diagram's window as the person set it; null: the diagram's default. */
  timelineWindow: TimelineWindow | null;
  /** The client operation whose quorum is pictured (leaderless), by op id. */
  focusedOp: number | null;
  /** An operation the pointer (or keyboard focus) is on: pictured instead while it lasts. */
  hoveredOp: number | null;
  /** The pictured quorums at the current time; null when no operation is focused or hovered. */
  quorumFocus: QuorumPicture | null;
}

export interface ZoomTransform {
  k: number;
  x: number;
  y: number;
}

export const IDENTITY_ZOOM: ZoomTransform = { k: 1, x: 0, y: 0 };

export type ClusterPositions = Readonly<Record<string, { x: number; y: number }>>;

/** How much time the space-time diagram shows, and from where when it does not follow the playhead. */
export interface TimelineWindow {
  spanMs: number;
  /** Null while the diagram follows the playhead. */
  startMs: number | null;
}

/** A run to open where its author left it (a share link, an imported file). */
export interface RunToOpen {
  scenario: AnyScenario;
  seed: number;
  inputs: readonly Input[];
  point: RunPoint;
  selection?: Selection;
}

export interface Actions {
  loadScenario(id: string, seed?: number): void;
  /**
   * Replace the session with `run`, paused at its point. Returns null, or (keeping the current
   * session and saying so in the notice) the problem with the run, naming the field.
   */
  openRun(run: RunToOpen): string | null;
  /**
   * Switch the scenario's cures (session settings such as read-your-writes) and re-derive the
   * run with them: same seed, same inputs, same time. A changed setting is a different run.
   */
  setCures(cures: Partial<ScenarioCures>): void;
  /**
   * Change a leaderless session's quorum and repair settings and re-derive the run with them
   * (same seed, inputs and time). Returns the problems, naming the field, and changes nothing
   * when there are any.
   */
  setLeaderlessSettings(settings: Partial<LeaderlessSettings>): string[];
  /**
   * Change a multi-leader session's conflict strategy or version vectors and re-derive the run
   * (same seed, inputs and time): the same concurrent writes, resolved another way.
   */
  setMultiLeaderSettings(settings: Partial<MultiLeaderSettings>): void;
  /** Switch the replication log format (docs/log-formats.md) and re-derive the run, as setCures. */
  setLogFormat(change: Partial<LogFormatSettings>): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  stepForward(): void;
  stepBack(): void;
  seek(t: number): void;
  jumpToStart(): void;
  setSpeed(speed: number): void;
  faster(): void;
  slower(): void;
  /** Advance playback by a slice of real time (called by the animation loop). */
  advance(realMs: number): void;
  inject(input: UntimedInput): void;
  /**
   * Record several inputs together, each at the current time plus its delay (a fault and its
   * scheduled end). Refused as a whole, with a notice naming the field, if any is invalid.
   */
  injectAll(batch: readonly ScheduledInput[]): void;
  select(selection: Selection): void;
  setHover(hover: Selection): void;
  highlightOps(ops: readonly number[]): void;
  /** Picture the quorums of a client operation (null: none); a leaderless session only. */
  focusOp(opId: number | null): void;
  /** Picture an operation's quorums while the pointer is on it (null: back to the focused one). */
  hoverOp(opId: number | null): void;
  setClusterZoom(zoom: ZoomTransform): void;
  /** Where dragged nodes and clients are now ({} puts every one back in its place). */
  setClusterPositions(positions: ClusterPositions): void;
  /** The space-time diagram reports its window when the person zooms, pans or follows. */
  setTimelineWindow(window: TimelineWindow | null): void;
  dismissNotice(): void;
}

export type ReplicaState = SimulationSlice & PlaybackSlice & UiSlice & Actions;
/** The store, with `subscribe(selector, listener)` from subscribeWithSelector. */
export type ReplicaStore = Mutate<
  StoreApi<ReplicaState>,
  [['zustand/subscribeWithSelector', never]]
>;

function initialPlayback(): PlaybackSnapshot {
  return initialTransition(playbackMachine)[0];
}

/** Carry out one of the playback chart's effects on the session. */
function runPlaybackEffect(session: Session, effect: PlaybackEffect): void {
  switch (effect.type) {
    case 'stepForward':
      stepForward(session);
      return;
    case 'stepBack':
      stepBack(session);
      return;
    case 'seekTo':
      seek(session, effect.params.t);
      return;
    case 'rewind':
      seek(session, 0);
      return;
  }
}

/**
 * A store running a built-in scenario. An unknown id falls back to the first scenario, and the
 * store's notice says so.
 */
export function createReplicaStore(scenarioId?: string, seed?: number): ReplicaStore {
  const wanted = scenarioId === undefined ? undefined : findScenario(scenarioId);
  const first = wanted ?? (allBuiltinScenarios[0] as AnyScenario);
  const initialNotice =
    scenarioId !== undefined && wanted === undefined
      ? `Unknown scenario "${scenarioId}"; showing "${first.title}" instead.`
      : null;
  const initialSeed = seed ?? first.seed;
  return createStore<ReplicaState>()(
    subscribeWithSelector((set, get) => {
      /** After mutating the session, publish a fresh view. */
      const publish = (extra: Partial<ReplicaState> = {}) => {
        const session = get().session;
        const view = buildView(session);
        set({
          view,
          playhead: session.sim.core.now,
          inspection: inspectionOf(get().selection),
          quorumFocus: quorumFocusOf(get().hoveredOp ?? get().focusedOp, view),
          ...extra,
        });
      };
      /** The focused operation's picture, or the previous object while the history is the same. */
      const quorumFocusOf = (opId: number | null, view: SimView): QuorumPicture | null => {
        const sim = leaderlessSim(get().session);
        if (opId === null || sim === null) return null;
        const previous = get().quorumFocus;
        // A waiting operation gathers acknowledgements without the history changing.
        const unchanged = get().view.history === view.history && !pictureWaits(previous);
        if (previous?.opId === opId && unchanged) return previous;
        const next = quorumPicture(view.history, opId, liveQuorum(sim));
        return samePlainData(previous, next) ? previous : next;
      };
      /** The inspection of a selection now, or the previous object if its content is equal. */
      const inspectionOf = (selection: Selection): Inspection | null => {
        // A client shows the versions of the key of the pressed operation, if any.
        const { focusedOp, view } = get();
        const key =
          focusedOp === null ? null : (view.history.find((h) => h.opId === focusedOp)?.key ?? null);
        const next = inspect(get().session, selection, key);
        const previous = get().inspection;
        return samePlainData(previous, next) ? previous : next;
      };
      /** The playback fields for a chart snapshot. */
      const playbackFields = (playback: PlaybackSnapshot) => ({
        playback,
        playbackState: playback.value,
        playing: playback.value === 'playing',
      });
      /**
       * Feed the playback chart an event and run the effects it returns on the session. Landing
       * on the end of the run is news for the chart: it hears END.
       */
      const send = (event: PlaybackEvent): void => {
        const [next, actions] = transition(playbackMachine, get().playback, event);
        const session = get().session;
        for (const action of actions) runPlaybackEffect(session, action as PlaybackEffect);
        if (actions.length === 0) {
          set(playbackFields(next));
          return;
        }
        publish(playbackFields(next));
        if (get().view.ended && next.value !== 'ended') send({ type: 'END' });
      };
      /** Run a changed scenario instead: same seed, same user inputs, same moment. */
      const rederive = (next: AnyScenario): void => {
        const { seed, session, selection } = get();
        const t = session.sim.core.now;
        const fresh = createSession(next, seed, session.userInputs);
        seek(fresh, t);
        // The same nodes and clients run on, so one selected stays selected, showing what the
        // change did to it; a message of the old run may not exist in the new one.
        const kept = selection?.kind === 'message' ? null : selection;
        set({
          scenario: next,
          session: fresh,
          view: buildView(fresh),
          playhead: fresh.sim.core.now,
          inspection: kept === null ? null : inspect(fresh, kept),
          selection: kept,
          highlightedOps: [],
          focusedOp: null,
          hoveredOp: null,
          quorumFocus: null,
        });
      };
      const session = createSession(first, initialSeed);
      return {
        scenario: first,
        seed: initialSeed,
        session,
        view: buildView(session),
        notice: initialNotice,
        ...playbackFields(initialPlayback()),
        inspection: null,
        speed: 1,
        playhead: 0,
        selection: null,
        hover: null,
        highlightedOps: [],
        clusterZoom: IDENTITY_ZOOM,
        clusterPositions: {},
        timelineWindow: null,
        focusedOp: null,
        hoveredOp: null,
        quorumFocus: null,

        loadScenario(id, newSeed) {
          const scenario = findScenario(id);
          if (scenario === undefined) {
            set({ notice: `Unknown scenario "${id}"; keeping the current one.` });
            return;
          }
          const s = newSeed ?? scenario.seed;
          const next = createSession(scenario, s);
          set({
            scenario,
            seed: s,
            session: next,
            view: buildView(next),
            ...playbackFields(initialPlayback()),
            playhead: 0,
            selection: null,
            inspection: null,
            hover: null,
            highlightedOps: [],
            focusedOp: null,
            hoveredOp: null,
            quorumFocus: null,
            notice: null,
          });
        },
        openRun(run) {
          let next: Session;
          try {
            next = sessionAt(run.scenario, run.seed, run.inputs, run.point);
          } catch (error) {
            const message = (error as Error).message;
            set({ notice: message });
            return message;
          }
          const selection = run.selection ?? null;
          set({
            scenario: run.scenario,
            seed: run.seed,
            session: next,
            view: buildView(next),
            ...playbackFields(initialPlayback()),
            playhead: next.sim.core.now,
            selection,
            inspection: inspect(next, selection),
            hover: null,
            highlightedOps: [],
            focusedOp: null,
            hoveredOp: null,
            quorumFocus: null,
            notice: null,
          });
          return null;
        },
        setCures(cures) {
          const { scenario } = get();
          rederive({ ...scenario, cures: { ...scenario.cures, ...cures } });
        },
        setLeaderlessSettings(settings) {
          const { scenario } = get();
          const problems = leaderlessSettingsProblems(scenario, settings);
          if (problems.length === 0) rederive(withLeaderlessSettings(scenario, settings));
          return problems;
        },
        setMultiLeaderSettings(settings) {
          const { scenario } = get();
          if (scenario.protocol === 'multi-leader')
            rederive(withMultiLeaderSettings(scenario, settings));
        },
        setLogFormat(change) {
          // Log formats belong to single-leader clusters; other families have none.
          const { scenario } = get();
          if (scenario.protocol === 'single-leader') rederive(withLogFormat(scenario, change));
        },
        play: () => send({ type: 'PLAY' }),
        pause: () => send({ type: 'PAUSE' }),
        togglePlay: () => send({ type: 'TOGGLE' }),
        stepForward: () => send({ type: 'STEP' }),
        stepBack: () => send({ type: 'STEP_BACK' }),
        seek: (t) => send({ type: 'SEEK', t }),
        jumpToStart: () => send({ type: 'JUMP_TO_START' }),
        setSpeed(speed) {
          set({ speed: clampSpeed(speed) });
        },
        faster: () => set({ speed: stepSpeed(get().speed, 1) }),
        slower: () => set({ speed: stepSpeed(get().speed, -1) }),
        advance(realMs) {
          const { playing, speed, session, playhead } = get();
          if (!playing) return;
          const end = session.scenario.durationMs;
          const next = Math.min(end, playhead + (realMs / 1000) * SIM_MS_PER_SECOND_AT_1X * speed);
          const before = session.sim.core.now;
          seek(session, Math.floor(next));
          // Rebuild the view only when the simulation moved; otherwise only the playhead did.
          if (session.sim.core.now !== before) publish();
          set({ playhead: next });
          if (next >= end) send({ type: 'END' });
        },
        inject: (input) => get().injectAll([{ input }]),
        injectAll(batch) {
          try {
            injectAll(get().session, batch);
            publish({ notice: null });
          } catch (error) {
            set({ notice: (error as Error).message });
          }
        },
        select: (selection) => set({ selection, inspection: inspectionOf(selection) }),
        setHover: (hover) => set({ hover }),
        highlightOps: (ops) => set({ highlightedOps: ops }),
        focusOp(opId) {
          const shown = get().hoveredOp ?? opId;
          set({ focusedOp: opId, quorumFocus: quorumFocusOf(shown, get().view) });
          set({ inspection: inspectionOf(get().selection) });
        },
        hoverOp(opId) {
          if (opId === get().hoveredOp) return;
          const shown = opId ?? get().focusedOp;
          set({ hoveredOp: opId, quorumFocus: quorumFocusOf(shown, get().view) });
        },
        setClusterZoom: ({ k, x, y }) => set({ clusterZoom: { k, x, y } }),
        setClusterPositions: (clusterPositions) => set({ clusterPositions }),
        setTimelineWindow: (timelineWindow) => set({ timelineWindow }),
        dismissNotice: () => set({ notice: null }),
      };
    }),
  );
}
