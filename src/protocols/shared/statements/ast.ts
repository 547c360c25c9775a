/**
 * The statement language's syntax tree: plain data, so a parsed statement can ride in a log
 * entry, a message or a checkpoint like anything else.
 */
import type { Value } from '../../../engine/types';

/** An expression over one row: literals, columns, arithmetic and the two nondeterministic functions. */
export type Expr =
  | { type: 'literal'; value: Value }
  /** A column of the row being written; `NEW.col` in a trigger names the triggering row's. */
  | { type: 'column'; name: string; row?: 'new' }
  | { type: 'binary'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr }
  | { type: 'negate'; operand: Expr }
  /** The executing node's local clock, in ms. */
  | { type: 'now' }
  /** A draw from the executing node's seeded random stream, in [0, 1). */
  | { type: 'rand' };

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** A WHERE clause: comparisons joined by AND. */
export interface Condition {
  all: Array<{ op: CompareOp; left: Expr; right: Expr }>;
}

export type Statement =
  | {
      type: 'insert';
      table: string;
      columns: string[];
      values: Expr[];
    }
  | {
      type: 'update';
      table: string;
      set: Array<{ column: string; value: Expr }>;
      where: Condition | null;
    }
  | { type: 'delete'; table: string; where: Condition | null }
  /** Hold the transaction open this long before it commits (a slow transaction). */
  | { type: 'sleep'; ms: number };

/** One client write: statements separated by `;`, executed and committed together. */
export type Transaction = Statement[];
