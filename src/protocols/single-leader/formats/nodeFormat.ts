/**
 * A node's view of the cluster's log format: the settings (defaults when the cluster names no
 * format) and its own durable format state, created on first use.
 */

import { nextFloat } from '../../../engine/rng';
import type { ExecEnv } from '../../shared/statements';
import type { SingleLeaderConfig } from '../config';
import type { Ctx, SingleLeaderNode } from '../state';
import {
  DEFAULT_LOG_FORMAT,
  type FixedValues,
  type FormatNodeState,
  initialFormatState,
  type LogFormatSettings,
} from './settings';

export function formatSettings(config: SingleLeaderConfig): LogFormatSettings {
  return config.logFormat ?? DEFAULT_LOG_FORMAT;
}

export function formatState(node: SingleLeaderNode, config: SingleLeaderConfig): FormatNodeState {
  if (node.formats === undefined)
    node.formats = initialFormatState(node.id, formatSettings(config));
  return node.formats;
}

/** The node's own environment: its skewed clock, read once per transaction, and its own stream. */
export function localEnv(ctx: Ctx): ExecEnv {
  const now = ctx.localTime();
  return { now: () => now, rand: () => ctx.random() };
}

/** The environment the leader's substituted values define: the same on every replica. */
export function fixedEnv(fixed: FixedValues): ExecEnv {
  const stream = { s: fixed.randSeed >>> 0 };
  return { now: () => fixed.now, rand: () => nextFloat(stream) };
}

/** Values for a leader to substitute: its clock now, and a seed drawn from its stream. */
export function drawFixedValues(ctx: Ctx): FixedValues {
  return { now: ctx.localTime(), randSeed: Math.floor(ctx.random() * 2 ** 32) };
}

/** Set a node's storage-engine version (an operator upgrading it). */
export function setEngineVersion(ctx: Ctx, version: string): void {
  formatState(ctx.state, ctx.config).engineVersion = version;
  ctx.emit('engine-version', version);
}
