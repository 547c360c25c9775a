/**
 * Executing a transaction against a replica's tables: a pure function from (data, statements,
 * environment) to the row changes it makes. The environment supplies `NOW()` (the executing
 * node's own, possibly skewed, clock) and `RAND()` (its seeded stream), which is exactly why the
 * same statement can give different rows on different replicas.
 */
import type { Value } from '../../../engine/types';
import type { Condition, Expr, Statement, Transaction } from './ast';
import { parseStatement } from './parser';
import { applyRowChange, type Data, nextId, type Row, type RowChange, rowsOf } from './rows';

/** Where the nondeterministic functions get their values. */
export interface ExecEnv {
  now(): number;
  rand(): number;
}

/** A trigger: after each row change of `on` to `table`, run `sql` with `NEW.<column>` bound. */
export interface Trigger {
  table: string;
  on: 'insert' | 'update' | 'delete';
  sql: string;
}

export type ExecResult =
  | { ok: true; changes: RowChange[]; commitDelayMs: number; insertedIds: string[] }
  | { ok: false; error: string };

class ExecError extends Error {}

/** RAND() values are rounded so that they read well in logs and panels. */
export function roundRand(r: number): number {
  return Math.floor(r * 1e6) / 1e6;
}

interface Scope {
  row: Row;
  newRow?: Row;
  env: ExecEnv;
}

function arithmetic(op: '+' | '-' | '*' | '/', a: Value, b: Value): Value {
  if (a === null || b === null) return null;
  if (op === '+' && (typeof a === 'string' || typeof b === 'string')) return `${a}${b}`;
  if (typeof a !== 'number' || typeof b !== 'number')
    throw new ExecError(`cannot compute ${JSON.stringify(a)} ${op} ${JSON.stringify(b)}`);
  if (op === '+') return a + b;
  if (op === '-') return a - b;
  if (op === '*') return a * b;
  if (b === 0) throw new ExecError('division by zero');
  return a / b;
}

function evaluate(expr: Expr, scope: Scope): Value {
  switch (expr.type) {
    case 'literal':
      return expr.value;
    case 'column': {
      const row = expr.row === 'new' ? scope.newRow : scope.row;
      if (row === undefined) throw new ExecError(`NEW.${expr.name} is only available in a trigger`);
      return row[expr.name] ?? null;
    }
    case 'binary':
      return arithmetic(expr.op, evaluate(expr.left, scope), evaluate(expr.right, scope));
    case 'negate': {
      const v = evaluate(expr.operand, scope);
      if (v !== null && typeof v !== 'number')
        throw new ExecError(`cannot negate ${JSON.stringify(v)}`);
      return v === null ? null : -v;
    }
    case 'now':
      return scope.env.now();
    case 'rand':
      return roundRand(scope.env.rand());
  }
}

function matches(where: Condition | null, scope: Scope): boolean {
  if (where === null) return true;
  return where.all.every(({ op, left, right }) => {
    const a = evaluate(left, scope);
    const b = evaluate(right, scope);
    if (op === '=') return a === b;
    if (op === '!=') return a !== b;
    if (a === null || b === null) return false;
    if (op === '<') return a < b;
    if (op === '<=') return a <= b;
    if (op === '>') return a > b;
    return a >= b;
  });
}

function runStatement(data: Data, s: Statement, env: ExecEnv, newRow?: Row): RowChange[] {
  if (s.type === 'sleep') return [];
  if (s.type === 'insert') {
    const row: Row = {};
    s.values.forEach((v, i) => {
      row[s.columns[i] ?? `c${i + 1}`] = evaluate(v, { row: {}, newRow, env });
    });
    const given = row.id;
    if (given !== undefined && (typeof given !== 'number' || !Number.isInteger(given) || given < 1))
      throw new ExecError(`id must be a whole number of 1 or more, not ${JSON.stringify(given)}`);
    const id = given ?? nextId(data, s.table);
    if (rowsOf(data, s.table).has(id))
      throw new ExecError(`${s.table} already has a row with id ${id}`);
    return [{ op: 'insert', table: s.table, id, row: { id, ...row } }];
  }
  const changes: RowChange[] = [];
  for (const [id, row] of rowsOf(data, s.table)) {
    if (!matches(s.where, { row, newRow, env })) continue;
    if (s.type === 'delete') {
      changes.push({ op: 'delete', table: s.table, id, row });
      continue;
    }
    const before: Row = {};
    const after: Row = {};
    for (const { column, value } of s.set) {
      before[column] = row[column] ?? null;
      after[column] = evaluate(value, { row, newRow, env });
    }
    changes.push({ op: 'update', table: s.table, id, before, after });
  }
  return changes;
}

/** The row a trigger sees as NEW: the row after the change (before it, for a delete). */
function newRowOf(data: Data, change: RowChange): Row {
  if (change.op === 'delete') return change.row;
  return rowsOf(data, change.table).get(change.id) ?? {};
}

function fireTriggers(
  scratch: Data,
  change: RowChange,
  triggers: readonly Trigger[],
  env: ExecEnv,
): RowChange[] {
  const fired: RowChange[] = [];
  for (const trigger of triggers) {
    if (trigger.table !== change.table || trigger.on !== change.op) continue;
    const parsed = parseStatement(trigger.sql);
    if (!parsed.ok) throw new ExecError(`trigger on ${trigger.table}: ${parsed.message}`);
    const newRow = newRowOf(scratch, change);
    for (const s of parsed.transaction) {
      for (const c of runStatement(scratch, s, env, newRow)) {
        applyRowChange(scratch, c);
        fired.push(c);
      }
    }
  }
  return fired;
}

/**
 * Execute a transaction on `data` (left untouched) and return the row changes, in order,
 * including those the triggers made. A statement that fails fails the whole transaction.
 */
export function executeTransaction(
  data: Data,
  transaction: Transaction,
  env: ExecEnv,
  triggers: readonly Trigger[] = [],
): ExecResult {
  const scratch: Data = { ...data };
  const changes: RowChange[] = [];
  let commitDelayMs = 0;
  try {
    for (const s of transaction) {
      if (s.type === 'sleep') commitDelayMs += s.ms;
      for (const change of runStatement(scratch, s, env)) {
        applyRowChange(scratch, change);
        changes.push(change, ...fireTriggers(scratch, change, triggers, env));
      }
    }
  } catch (e) {
    if (e instanceof ExecError) return { ok: false, error: e.message };
    throw e;
  }
  const insertedIds = changes.flatMap((c) => (c.op === 'insert' ? [`${c.table}/${c.id}`] : []));
  return { ok: true, changes, commitDelayMs, insertedIds };
}
