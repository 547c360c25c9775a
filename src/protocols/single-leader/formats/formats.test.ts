import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RowChange } from '../../shared/statements';
import { encodeChange } from './encode';
import { applyPatch, patchOf } from './patch';
import { DEFAULT_FORMAT_SETTINGS } from './settings';
import { decodeWal, encodeWal } from './wal';

// Column values are JSON values: WAL bytes, reports and share links all carry them as JSON, in
// which -0 is 0 (a WAL record of -0 rightly decodes to 0), so the doubles leave -0 out.
const value = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0)),
  fc.constant(null),
);
const column = fc.constantFrom('name', 'n', 'at', 'note');
const rowChange: fc.Arbitrary<RowChange> = fc.oneof(
  fc.record({
    op: fc.constant('insert' as const),
    table: fc.constantFrom('users', 'orders'),
    id: fc.integer({ min: 1, max: 9 }),
    row: fc.dictionary(column, value),
  }),
  fc.record({
    op: fc.constant('update' as const),
    table: fc.constantFrom('users', 'orders'),
    id: fc.integer({ min: 1, max: 9 }),
    before: fc.dictionary(column, value),
    after: fc.dictionary(column, value),
  }),
  fc.record({
    op: fc.constant('delete' as const),
    table: fc.constantFrom('users', 'orders'),
    id: fc.integer({ min: 1, max: 9 }),
    row: fc.dictionary(column, value),
  }),
);

describe('WAL records', () => {
  it('decode, by the engine version that wrote them, to exactly the row changes', () => {
    fc.assert(
      fc.property(
        fc.array(rowChange, { maxLength: 6 }),
        fc.constantFrom('v1', 'v2'),
        (changes, engine) => {
          const viaWal: Record<string, unknown> = { 'users/1.name': 'x' };
          const viaRows: Record<string, unknown> = { 'users/1.name': 'x' };
          applyPatch(viaWal as never, decodeWal(engine, encodeWal(engine, changes)));
          applyPatch(viaRows as never, patchOf(changes));
          expect(viaWal).toEqual(viaRows);
        },
      ),
    );
  });

  it('are laid out differently by v1 and v2, so a record names the page bytes of one version', () => {
    const insert: RowChange = { op: 'insert', table: 'users', id: 1, row: { name: 'ada' } };
    const [v1] = encodeWal('v1', [insert]);
    const [v2] = encodeWal('v2', [insert]);
    expect(v1?.page).toBe(v2?.page);
    expect(v1?.bytes).not.toBe(v2?.bytes);
  });
});

describe('encodeChange', () => {
  const changes: RowChange[] = [
    { op: 'insert', table: 'orders', id: 1, row: { id: 1, item: 'book', card: '4111' } },
    { op: 'insert', table: 'audit', id: 1, row: { id: 1, who: 'x' } },
    { op: 'update', table: 'orders', id: 1, before: { card: '4111' }, after: { card: '5500' } },
  ];
  const write = { sql: 'INSERT …', changes, tx: 7, engine: 'v1' };

  it('ships trigger-based changes through the filter (tables) and transform (omitted columns)', () => {
    const settings = {
      ...DEFAULT_FORMAT_SETTINGS,
      triggerTables: ['orders'],
      triggerOmitColumns: ['card'],
    };
    expect(encodeChange('trigger', { format: 'trigger', ...settings }, write)).toEqual({
      format: 'trigger',
      changes: [
        { op: 'insert', table: 'orders', id: 1, row: { id: 1, item: 'book' } },
        { op: 'update', table: 'orders', id: 1, before: {}, after: {} },
      ],
    });
  });

  it('ships the statement text alone, or with the fixed values when substituting', () => {
    const settings = { format: 'statement' as const, ...DEFAULT_FORMAT_SETTINGS };
    expect(encodeChange('statement', settings, write)).toEqual({
      format: 'statement',
      sql: 'INSERT …',
    });
    const fixed = { now: 5, randSeed: 9 };
    expect(encodeChange('statement', settings, { ...write, fixed })).toEqual({
      format: 'statement',
      sql: 'INSERT …',
      fixed,
    });
  });

  it('ships logical row images with the transaction id, and WAL records with the engine version', () => {
    const settings = { format: 'logical' as const, ...DEFAULT_FORMAT_SETTINGS };
    expect(encodeChange('logical', settings, write)).toEqual({ format: 'logical', tx: 7, changes });
    expect(encodeChange('wal', settings, write)).toMatchObject({ format: 'wal', engine: 'v1' });
  });
});
