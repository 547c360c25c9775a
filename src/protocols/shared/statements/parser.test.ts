import { describe, expect, it } from 'vitest';
import { parseStatement } from './parser';

function parsed(text: string) {
  const result = parseStatement(text);
  if (!result.ok) throw new Error(result.message);
  return result.transaction;
}

function error(text: string): { pos: number; message: string } {
  const result = parseStatement(text);
  if (result.ok) throw new Error(`expected ${text} to be refused`);
  return { pos: result.pos, message: result.message };
}

describe('parseStatement', () => {
  it('reads an INSERT with named columns and a string with a doubled quote', () => {
    expect(parsed("insert into users (name, n) values ('O''Brien', 3)")).toEqual([
      {
        type: 'insert',
        table: 'users',
        columns: ['name', 'n'],
        values: [
          { type: 'literal', value: "O'Brien" },
          { type: 'literal', value: 3 },
        ],
      },
    ]);
  });

  it('reads UPDATE ... SET col = col + 1 WHERE ... AND ...', () => {
    const [s] = parsed('UPDATE counters SET n = n + 1 WHERE id >= 2 AND name <> NULL');
    expect(s).toEqual({
      type: 'update',
      table: 'counters',
      set: [
        {
          column: 'n',
          value: {
            type: 'binary',
            op: '+',
            left: { type: 'column', name: 'n' },
            right: { type: 'literal', value: 1 },
          },
        },
      ],
      where: {
        all: [
          { op: '>=', left: { type: 'column', name: 'id' }, right: { type: 'literal', value: 2 } },
          {
            op: '!=',
            left: { type: 'column', name: 'name' },
            right: { type: 'literal', value: null },
          },
        ],
      },
    });
  });

  it('reads NOW(), RAND(), NEW.col, DELETE and SLEEP joined by semicolons', () => {
    const t = parsed(
      'INSERT INTO audit (at, r, who) VALUES (NOW(), RAND(), NEW.name); DELETE FROM t WHERE id = 1; SLEEP(50);',
    );
    expect(t.map((s) => s.type)).toEqual(['insert', 'delete', 'sleep']);
    expect(t[0]).toMatchObject({
      values: [{ type: 'now' }, { type: 'rand' }, { type: 'column', name: 'name', row: 'new' }],
    });
    expect(t[2]).toEqual({ type: 'sleep', ms: 50 });
  });

  it('gives * and / precedence over + and -', () => {
    const [s] = parsed('UPDATE t SET n = 1 + 2 * 3');
    expect(s).toMatchObject({
      set: [{ value: { op: '+', right: { op: '*' } } }],
    });
  });

  it.each([
    ['', 1, 'empty'],
    ['SELECT * FROM users', 1, 'expected INSERT, UPDATE, DELETE or SLEEP, found "SELECT"'],
    ['INSERT users VALUES (1)', 8, 'expected INTO, found "users"'],
    ['INSERT INTO users (a, b) VALUES (1)', 26, '2 column(s) named but 1 value(s) given'],
    ["INSERT INTO t VALUES ('open", 23, 'never closed'],
    [
      'UPDATE t SET n = n + WHERE id = 1',
      22,
      'expected a value, a column, NOW() or RAND(), found "WHERE"',
    ],
    ['UPDATE t SET id = 2', 14, 'the id column cannot be changed'],
    ['DELETE FROM t WHERE id 3', 24, 'expected a comparison'],
    [
      'DELETE FROM t WHERE id = 3 OR id = 4',
      28,
      'expected ";" or the end of the statement, found "OR"',
    ],
    ['UPDATE t SET n = NOW( WHERE id = 1', 23, 'expected ")"'],
    ['UPDATE t SET n = 1 # 2', 20, 'unexpected character "#"'],
    ['SLEEP(1.5)', 7, 'a whole number of milliseconds'],
    ['UPDATE t SET n = other.x', 18, 'only NEW.<column> may contain a dot'],
    ['INSERT INTO t VALUES (1', 24, 'expected ")", found the end'],
  ])('refuses %j, naming position %i', (text, position, words) => {
    const e = error(text);
    expect(e.pos + 1).toBe(position);
    expect(e.message).toContain(`position ${position}:`);
    expect(e.message).toContain(words);
  });
});
