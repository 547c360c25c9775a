import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ExecEnv, executeTransaction, type Trigger } from './execute';
import { parseStatement } from './parser';
import { applyRowChanges, type Data, rowsOf } from './rows';

const fixedEnv = (now: number, rand = 0.5): ExecEnv => ({ now: () => now, rand: () => rand });

/** Execute `sql` on `data` and return the data afterwards (the input is not touched). */
function run(data: Data, sql: string, env: ExecEnv = fixedEnv(0), triggers: Trigger[] = []): Data {
  const parsed = parseStatement(sql);
  if (!parsed.ok) throw new Error(parsed.message);
  const result = executeTransaction(data, parsed.transaction, env, triggers);
  if (!result.ok) throw new Error(result.error);
  const next = { ...data };
  applyRowChanges(next, result.changes);
  return next;
}

describe('executeTransaction', () => {
  it('hands out autoincrement ids one above the largest present', () => {
    let data: Data = {};
    data = run(data, "INSERT INTO users (name) VALUES ('ada')");
    data = run(data, "INSERT INTO users (id, name) VALUES (7, 'bob')");
    data = run(data, "INSERT INTO users (name) VALUES ('cy')");
    expect(data).toEqual({
      'users/1.id': 1,
      'users/1.name': 'ada',
      'users/7.id': 7,
      'users/7.name': 'bob',
      'users/8.id': 8,
      'users/8.name': 'cy',
    });
  });

  it('updates with col = col + 1 only the rows WHERE selects, and deletes', () => {
    let data: Data = {};
    for (const n of [10, 20, 30]) data = run(data, `INSERT INTO c (n) VALUES (${n})`);
    data = run(data, 'UPDATE c SET n = n + 1 WHERE n >= 20');
    data = run(data, 'DELETE FROM c WHERE id = 1');
    expect([...rowsOf(data, 'c').values()]).toEqual([
      { id: 2, n: 21 },
      { id: 3, n: 31 },
    ]);
  });

  it('reads NOW() from the environment clock and RAND() from its stream', () => {
    const data = run({}, 'INSERT INTO e (at, r) VALUES (NOW(), RAND())', fixedEnv(1234, 0.25));
    expect(data['e/1.at']).toBe(1234);
    expect(data['e/1.r']).toBe(0.25);
  });

  it('fires a trigger per row change, with NEW bound to the changed row', () => {
    const audit: Trigger = {
      table: 'users',
      on: 'update',
      sql: 'INSERT INTO audit (who, at) VALUES (NEW.name, NOW())',
    };
    let data = run(
      {},
      "INSERT INTO users (name) VALUES ('ada'); INSERT INTO users (name) VALUES ('bob')",
    );
    data = run(data, "UPDATE users SET name = name + '!'", fixedEnv(99), [audit]);
    expect([...rowsOf(data, 'audit').values()]).toEqual([
      { id: 1, who: 'ada!', at: 99 },
      { id: 2, who: 'bob!', at: 99 },
    ]);
  });

  it('adds up SLEEP as a commit delay, and fails the whole transaction on a bad statement', () => {
    const ok = parseStatement('INSERT INTO t (a) VALUES (1); SLEEP(40); SLEEP(2)');
    if (!ok.ok) throw new Error(ok.message);
    expect(executeTransaction({}, ok.transaction, fixedEnv(0))).toMatchObject({
      ok: true,
      commitDelayMs: 42,
    });
    const bad = parseStatement(
      "INSERT INTO t (id) VALUES (1); INSERT INTO t (id, a) VALUES (1, 'x')",
    );
    if (!bad.ok) throw new Error(bad.message);
    expect(executeTransaction({}, bad.transaction, fixedEnv(0))).toEqual({
      ok: false,
      error: 't already has a row with id 1',
    });
  });

  it('is a pure function of data, statements and environment', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 8 }),
        fc.integer({ min: 0, max: 10_000 }),
        (ns, now) => {
          let data: Data = {};
          for (const n of ns)
            data = run(data, `INSERT INTO t (n, at) VALUES (${n}, NOW())`, fixedEnv(now));
          const frozen = JSON.stringify(data);
          const parsed = parseStatement(
            'UPDATE t SET n = n * 2 WHERE n > 0; DELETE FROM t WHERE n < -10',
          );
          if (!parsed.ok) throw new Error(parsed.message);
          const a = executeTransaction(data, parsed.transaction, fixedEnv(now));
          const b = executeTransaction(data, parsed.transaction, fixedEnv(now));
          expect(a).toEqual(b);
          expect(JSON.stringify(data)).toBe(frozen);
        },
      ),
    );
  });
});
