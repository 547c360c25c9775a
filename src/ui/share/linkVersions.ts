/**
 * One decoder per published link version. A link names its version (`v`); its decoder
 * validates it with zod and turns it into today's `SharedView`. When the format changes, add a
 * version and a decoder, and keep the old ones: links already shared must keep opening.
 */
import { z } from 'zod';
import type { Input } from '../../engine/types';
import { findAnyBuiltin } from '../../scenarios/builtin';
import { inputListSchema } from '../../scenarios/inputSchema';
import type { AnyScenario } from '../../scenarios/leaderlessSchema';
import { findStress } from '../../scenarios/stress';
import { zodMessages } from '../../scenarios/validate';
import { parseAnyScenario } from '../../scenarios/validateLeaderless';
import { CLUSTER_ZOOM_EXTENT } from '../views/clusterLayout';
import type { SharedView } from './shareLink';

export const CURRENT_LINK_VERSION = 2;

const selectionSchema = z
  .strictObject({ kind: z.enum(['node', 'client', 'message']), id: z.string().min(1).max(200) })
  .nullable();
export type SelectionPayload = z.output<typeof selectionSchema>;

const ms = z.number().int('must be a whole number').min(0, 'must be 0 or more');

/** A generous pan for the cluster view (its zoom range is the view's own). */
const MAX_PAN_PX = 100_000;
const coordinate = z.number().min(-MAX_PAN_PX).max(MAX_PAN_PX);
/** Longer than any run. */
const MAX_TIME_MS = 1e9;
/** More nodes and clients than any cluster has. */
const MAX_POSITIONS = 1000;
/** More operations than any finding names. */
const MAX_HIGHLIGHTED = 1000;

/** Version 1 (November 2026). */
const v1 = z.strictObject({
  v: z.literal(1),
  scenario: z.union([
    z.strictObject({ id: z.string().min(1).max(200) }),
    z.strictObject({ custom: z.unknown() }),
  ]),
  seed: ms,
  inputs: inputListSchema,
  t: ms,
  events: ms.optional(),
  selection: selectionSchema.default(null),
  panels: z.strictObject({ side: z.boolean() }).optional(),
});

/**
 * Version 2 (November 2026) adds how the view looked, beyond the run: whether the timeline was
 * open, the cluster view's zoom, the operation whose quorums were pictured and the operations
 * picked out. Each is optional; a link without them leaves the viewer's page as it opens.
 */
const v2 = v1.extend({
  v: z.literal(2),
  panels: z
    .strictObject({ side: z.boolean().optional(), timeline: z.boolean().optional() })
    .optional(),
  zoom: z
    .strictObject({
      k: z.number().min(CLUSTER_ZOOM_EXTENT[0]).max(CLUSTER_ZOOM_EXTENT[1]),
      x: z.number().min(-MAX_PAN_PX).max(MAX_PAN_PX),
      y: z.number().min(-MAX_PAN_PX).max(MAX_PAN_PX),
    })
    .optional(),
  positions: z
    .record(z.string().min(1).max(200), z.strictObject({ x: coordinate, y: coordinate }))
    .refine((p) => Object.keys(p).length <= MAX_POSITIONS, `at most ${MAX_POSITIONS} positions`)
    .optional(),
  window: z
    .strictObject({
      spanMs: z.number().positive().max(MAX_TIME_MS),
      startMs: z.number().min(0).max(MAX_TIME_MS).nullable(),
    })
    .optional(),
  focus: ms.optional(),
  highlight: z.array(ms).max(MAX_HIGHLIGHTED).optional(),
});

type Decoded = { ok: true; view: SharedView } | { ok: false; message: string };

function scenarioOf(
  ref: { id: string } | { custom: unknown },
): { ok: true; scenario: AnyScenario } | { ok: false; message: string } {
  if ('id' in ref) {
    const scenario = findAnyBuiltin(ref.id) ?? findStress(ref.id);
    // JSON.stringify quotes the id: whatever it holds stays text.
    if (scenario === undefined)
      return { ok: false, message: `scenario.id: no scenario ${JSON.stringify(ref.id)}` };
    return { ok: true, scenario };
  }
  const parsed = parseAnyScenario(ref.custom);
  if (!parsed.ok) return { ok: false, message: `scenario.custom.${parsed.errors[0]}` };
  return parsed;
}

/** The run's recipe, as every version carries it; what a version adds goes on top. */
function decodeRun(p: z.output<typeof v1> | z.output<typeof v2>): Decoded {
  const scenario = scenarioOf(p.scenario);
  if (!scenario.ok) return scenario;
  const { durationMs } = scenario.scenario;
  const late = p.inputs.findIndex((i) => i.at > durationMs);
  if (late >= 0) return { ok: false, message: `inputs[${late}].at: after the run's end` };
  return {
    ok: true,
    view: {
      scenario: scenario.scenario,
      seed: p.seed,
      inputs: p.inputs as Input[],
      timeMs: Math.min(p.t, durationMs),
      events: p.events ?? null,
      selection: p.selection,
      sidePanels: p.panels?.side ?? null,
      timelineOpen: null,
      clusterZoom: null,
      clusterPositions: {},
      timelineWindow: null,
      focusedOp: null,
      highlightedOps: [],
    },
  };
}

function decodeV1(json: unknown): Decoded {
  const parsed = v1.safeParse(json);
  if (!parsed.success) return { ok: false, message: zodMessages(parsed.error)[0] ?? 'invalid' };
  return decodeRun(parsed.data);
}

function decodeV2(json: unknown): Decoded {
  const parsed = v2.safeParse(json);
  if (!parsed.success) return { ok: false, message: zodMessages(parsed.error)[0] ?? 'invalid' };
  const p = parsed.data;
  const decoded = decodeRun(p);
  if (!decoded.ok) return decoded;
  return {
    ok: true,
    view: {
      ...decoded.view,
      timelineOpen: p.panels?.timeline ?? null,
      clusterZoom: p.zoom ?? null,
      clusterPositions: p.positions ?? {},
      timelineWindow: p.window ?? null,
      focusedOp: p.focus ?? null,
      highlightedOps: p.highlight ?? [],
    },
  };
}

const DECODERS: Record<number, (json: unknown) => Decoded> = { 1: decodeV1, 2: decodeV2 };

/** Pick the payload's decoder by its `v`. */
export function decodePayload(json: unknown): Decoded {
  const v = typeof json === 'object' && json !== null ? (json as { v?: unknown }).v : undefined;
  if (typeof v !== 'number') return { ok: false, message: 'v: missing link version' };
  const decoder = DECODERS[v];
  if (decoder === undefined) {
    const why =
      Number.isInteger(v) && v > CURRENT_LINK_VERSION
        ? `is newer than this app reads (up to ${CURRENT_LINK_VERSION})`
        : 'is not a link version';
    return { ok: false, message: `v: ${JSON.stringify(v)} ${why}` };
  }
  return decoder(json);
}
