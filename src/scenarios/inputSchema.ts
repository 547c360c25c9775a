/**
 * The engine's user inputs (`Input` in engine/types.ts) as a zod schema, for inputs that arrive
 * from outside the app: a shared link or an exported run. Shape and ranges only; whether the
 * nodes and clients named exist is checked against the run (store/inputProblem.ts).
 */
import { z } from 'zod';
import type { Input } from '../engine/types';

const at = z.number().int('must be a whole number of milliseconds').min(0, 'must be 0 or more');
const endpoint = z.string().min(1).max(200);
const group = z.array(endpoint).min(1);
const value = z.union([z.string(), z.number(), z.null()]);
const latency = z.strictObject({
  baseMs: z.number().min(0).optional(),
  jitterMs: z.number().min(0).optional(),
  distribution: z.enum(['uniform', 'exponential']).optional(),
});
const readTarget = z.union([
  z.literal('leader'),
  z.literal('any'),
  z.strictObject({ replica: endpoint }),
]);
const clientOp = z.strictObject({
  f: z.enum(['read', 'write']),
  key: z.string().min(1),
  value: value.optional(),
  readFrom: readTarget.optional(),
});

export const inputSchema = z.discriminatedUnion('type', [
  z.strictObject({ at, type: z.literal('crash'), node: endpoint }),
  z.strictObject({ at, type: z.literal('restart'), node: endpoint }),
  z.strictObject({ at, type: z.literal('partition'), groups: z.array(group).min(2) }),
  z.strictObject({ at, type: z.literal('partition-oneway'), from: group, to: group }),
  z.strictObject({ at, type: z.literal('heal'), between: z.tuple([group, group]).optional() }),
  z.strictObject({
    at,
    type: z.literal('set-link'),
    from: endpoint,
    to: endpoint,
    oneWay: z.boolean().optional(),
    latency: latency.optional(),
    dropRate: z.number().min(0).max(1).optional(),
  }),
  z.strictObject({ at, type: z.literal('clock-skew'), node: endpoint, skewMs: z.number().int() }),
  z.strictObject({ at, type: z.literal('client-op'), client: endpoint, op: clientOp }),
  z.strictObject({ at, type: z.literal('add-node'), node: endpoint }),
  z.strictObject({
    at,
    type: z.literal('command'),
    node: endpoint,
    command: z.string().min(1),
    args: z.record(z.string(), z.unknown()).optional(),
  }),
]);

// A compile-time check that the schema and the engine's type agree (both directions).
type Parsed = z.output<typeof inputSchema>;
const _toEngine = (i: Parsed): Input => i;
const _fromEngine = (i: Input): z.input<typeof inputSchema> => i;
void _toEngine;
void _fromEngine;

/** Inputs in time order, as a run records them. */
export const inputListSchema = z.array(inputSchema).max(10_000, 'at most 10,000 inputs');
