/**
 * The scenario format's `cluster.logFormat`: how a single-leader cluster replicates statement
 * writes (docs/log-formats.md). `"logFormat": "statement"` is short for `{ "format": "statement" }`.
 */
import { z } from 'zod';
import {
  DEFAULT_FORMAT_SETTINGS,
  LOG_FORMATS,
  type LogFormat,
} from '../protocols/single-leader/formats/settings';

const name = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'use letters, digits and "_"');
const nodeId = z.string().regex(/^[A-Za-z0-9_-]+$/, 'use letters, digits, "-" and "_" only');

/** A storage-engine version: `v1`, `v2`, … */
export const engineVersion = z.string().regex(/^v[0-9]+$/, 'a version such as "v1" or "v2"');

const trigger = z.strictObject({
  table: name,
  on: z.enum(['insert', 'update', 'delete']),
  /** Statements run after each row change; `NEW.<column>` is the changed row. */
  sql: z.string().min(1),
  /** The nodes the trigger is installed on; every node when absent. */
  nodes: z.array(nodeId).optional(),
});

const settings = z.strictObject({
  format: z.enum(LOG_FORMATS as [LogFormat, ...LogFormat[]]),
  substituteNondeterministic: z
    .boolean()
    .default(DEFAULT_FORMAT_SETTINGS.substituteNondeterministic),
  engineVersions: z.record(nodeId, engineVersion).default({}),
  triggers: z.array(trigger).default([]),
  triggerDelayMs: z.number().int().min(1).default(DEFAULT_FORMAT_SETTINGS.triggerDelayMs),
  triggerTables: z.array(name).nullable().default(null),
  triggerOmitColumns: z.array(name).default([]),
});

export const logFormatSchema = z.preprocess(
  (v) => (typeof v === 'string' ? { format: v } : v),
  settings,
);
