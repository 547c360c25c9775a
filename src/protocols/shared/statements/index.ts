/**
 * The statement language shared by the replication families: parse, execute, and the layout of
 * tables in a replica's key-value data. See docs/log-formats.md.
 */
export type { Statement, Transaction } from './ast';
export {
  type ExecEnv,
  type ExecResult,
  executeTransaction,
  roundRand,
  type Trigger,
} from './execute';
export { type ParseResult, parseStatement } from './parser';
export {
  applyRowChanges,
  columnKey,
  type Data,
  parseColumnKey,
  type Row,
  type RowChange,
  rowsOf,
} from './rows';

/**
 * The key a statement write is sent under: a client write to `sql` carries statement text as
 * its value. No table column can have this key (column keys contain a `/`).
 */
export const STATEMENT_KEY = 'sql';
