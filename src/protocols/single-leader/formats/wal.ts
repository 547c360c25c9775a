/**
 * A toy write-ahead log: each row change becomes page writes (the bytes of the columns it
 * changed), laid out differently by each storage-engine version. A follower decodes only the
 * layout of its own version, which is why WAL shipping ties every replica to one version.
 */
import { hashString } from '../../../engine/rng';
import { columnKey, type RowChange } from '../../shared/statements';
import type { DataPatch } from './patch';
import type { WalRecord } from './settings';

const PAGES = 64;
const TOMBSTONE = '\u0001';

function hex(text: string): string {
  let out = '';
  for (const ch of text) out += (ch.codePointAt(0) as number).toString(16).padStart(4, '0');
  return out;
}

function unhex(bytes: string): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 4)
    out += String.fromCodePoint(parseInt(bytes.slice(i, i + 4), 16));
  return out;
}

/** v1 writes `key=value`; v2 (a newer on-disk layout) writes `value|key`. */
function layout(engine: string, key: string, value: string): string {
  return engine === 'v1' ? `${key}=${value}` : `${value}|${key}`;
}

function unlayout(engine: string, text: string): [string, string] {
  const at = engine === 'v1' ? text.indexOf('=') : text.lastIndexOf('|');
  return engine === 'v1'
    ? [text.slice(0, at), text.slice(at + 1)]
    : [text.slice(at + 1), text.slice(0, at)];
}

function record(engine: string, key: string, value: string): WalRecord {
  const h = hashString(key);
  return { page: h % PAGES, offset: (h >>> 8) % 4096, bytes: hex(layout(engine, key, value)) };
}

/** The page writes of some row changes, in `engine`'s layout. */
export function encodeWal(engine: string, changes: readonly RowChange[]): WalRecord[] {
  const records: WalRecord[] = [];
  for (const c of changes) {
    const columns = c.op === 'update' ? c.after : c.row;
    for (const [column, value] of Object.entries(columns)) {
      const key = columnKey(c.table, c.id, column);
      records.push(record(engine, key, c.op === 'delete' ? TOMBSTONE : JSON.stringify(value)));
    }
  }
  return records;
}

/** Decode page writes laid out by the same engine version (the caller checks the version). */
export function decodeWal(engine: string, records: readonly WalRecord[]): DataPatch {
  return records.map((r) => {
    const [key, value] = unlayout(engine, unhex(r.bytes));
    return value === TOMBSTONE
      ? { key, value: null, del: true }
      : { key, value: JSON.parse(value) };
  });
}
