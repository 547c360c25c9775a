/**
 * A recursive-descent parser for the statement language:
 *
 *   INSERT INTO t [(col, ...)] VALUES (expr, ...)
 *   UPDATE t SET col = expr [, col = expr] [WHERE cond]
 *   DELETE FROM t [WHERE cond]
 *   SLEEP(ms)
 *
 * joined by `;` into one transaction. Expressions: numbers, 'strings', NULL, columns, + - * /,
 * NOW(), RAND(); conditions: comparisons joined by AND. Errors name the position they are about.
 */
import type { CompareOp, Condition, Expr, Statement, Transaction } from './ast';
import { StatementError, type Token, tokenize } from './lexer';

export type ParseResult =
  | { ok: true; transaction: Transaction }
  | { ok: false; pos: number; message: string };

const COMPARE: readonly string[] = ['=', '!=', '<>', '<', '<=', '>', '>='];
const RESERVED = new Set(['INSERT', 'INTO', 'VALUES', 'UPDATE', 'SET', 'WHERE', 'DELETE', 'FROM']);

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.i] as Token;
  }
  private next(): Token {
    return this.tokens[this.i++] as Token;
  }
  private fail(token: Token, expected: string): never {
    const found = token.type === 'end' ? 'the end' : `"${token.text}"`;
    throw new StatementError(token.pos, `expected ${expected}, found ${found}`);
  }
  private isKeyword(word: string): boolean {
    const t = this.peek();
    return t.type === 'word' && t.upper === word;
  }
  private keyword(word: string): void {
    if (!this.isKeyword(word)) this.fail(this.peek(), word);
    this.i++;
  }
  private isSymbol(symbol: string): boolean {
    const t = this.peek();
    return t.type === 'symbol' && t.text === symbol;
  }
  private symbol(symbol: string): void {
    if (!this.isSymbol(symbol)) this.fail(this.peek(), `"${symbol}"`);
    this.i++;
  }
  private name(what: string): string {
    const t = this.peek();
    if (t.type !== 'word' || RESERVED.has(t.upper) || t.text.includes('.')) this.fail(t, what);
    this.i++;
    return t.text;
  }

  transaction(): Transaction {
    const statements: Statement[] = [this.statement()];
    while (this.isSymbol(';')) {
      this.i++;
      if (this.peek().type === 'end') break;
      statements.push(this.statement());
    }
    if (this.peek().type !== 'end') this.fail(this.peek(), '";" or the end of the statement');
    return statements;
  }

  private statement(): Statement {
    const t = this.peek();
    if (this.isKeyword('INSERT')) return this.insert();
    if (this.isKeyword('UPDATE')) return this.update();
    if (this.isKeyword('DELETE')) return this.remove();
    if (this.isKeyword('SLEEP')) return this.sleep();
    return this.fail(t, 'INSERT, UPDATE, DELETE or SLEEP');
  }

  private insert(): Statement {
    this.keyword('INSERT');
    this.keyword('INTO');
    const table = this.name('a table name');
    const columns: string[] = [];
    if (this.isSymbol('(')) {
      this.i++;
      columns.push(this.name('a column name'));
      while (this.isSymbol(',')) {
        this.i++;
        columns.push(this.name('a column name'));
      }
      this.symbol(')');
    }
    const valuesAt = this.peek();
    this.keyword('VALUES');
    this.symbol('(');
    const values = [this.expr()];
    while (this.isSymbol(',')) {
      this.i++;
      values.push(this.expr());
    }
    this.symbol(')');
    if (columns.length > 0 && columns.length !== values.length) {
      throw new StatementError(
        valuesAt.pos,
        `${columns.length} column(s) named but ${values.length} value(s) given`,
      );
    }
    return { type: 'insert', table, columns, values };
  }

  private update(): Statement {
    this.keyword('UPDATE');
    const table = this.name('a table name');
    this.keyword('SET');
    const set = [this.assignment()];
    while (this.isSymbol(',')) {
      this.i++;
      set.push(this.assignment());
    }
    return { type: 'update', table, set, where: this.where() };
  }

  private assignment(): { column: string; value: Expr } {
    const t = this.peek();
    const column = this.name('a column name');
    if (column.toLowerCase() === 'id')
      throw new StatementError(t.pos, 'the id column cannot be changed');
    this.symbol('=');
    return { column, value: this.expr() };
  }

  private remove(): Statement {
    this.keyword('DELETE');
    this.keyword('FROM');
    const table = this.name('a table name');
    return { type: 'delete', table, where: this.where() };
  }

  private sleep(): Statement {
    this.keyword('SLEEP');
    this.symbol('(');
    const t = this.next();
    if (t.type !== 'number' || t.text.includes('.')) this.fail(t, 'a whole number of milliseconds');
    this.symbol(')');
    return { type: 'sleep', ms: Number(t.text) };
  }

  private where(): Condition | null {
    if (!this.isKeyword('WHERE')) return null;
    this.i++;
    const all = [this.comparison()];
    while (this.isKeyword('AND')) {
      this.i++;
      all.push(this.comparison());
    }
    return { all };
  }

  private comparison(): Condition['all'][number] {
    const left = this.expr();
    const t = this.peek();
    if (t.type !== 'symbol' || !COMPARE.includes(t.text))
      this.fail(t, 'a comparison (=, !=, <, <=, >, >=)');
    this.i++;
    const op = (t.text === '<>' ? '!=' : t.text) as CompareOp;
    return { op, left, right: this.expr() };
  }

  private expr(): Expr {
    let left = this.term();
    while (this.isSymbol('+') || this.isSymbol('-')) {
      const op = this.next().text as '+' | '-';
      left = { type: 'binary', op, left, right: this.term() };
    }
    return left;
  }

  private term(): Expr {
    let left = this.factor();
    while (this.isSymbol('*') || this.isSymbol('/')) {
      const op = this.next().text as '*' | '/';
      left = { type: 'binary', op, left, right: this.factor() };
    }
    return left;
  }

  private factor(): Expr {
    const t = this.next();
    if (t.type === 'number') return { type: 'literal', value: Number(t.text) };
    if (t.type === 'string') return { type: 'literal', value: t.text };
    if (t.type === 'symbol' && t.text === '-') return { type: 'negate', operand: this.factor() };
    if (t.type === 'symbol' && t.text === '(') {
      const inner = this.expr();
      this.symbol(')');
      return inner;
    }
    if (t.type === 'word') return this.wordFactor(t);
    return this.fail(t, 'a value, a column, NOW() or RAND()');
  }

  private wordFactor(t: Token): Expr {
    if (t.upper === 'NULL') return { type: 'literal', value: null };
    if (t.upper === 'NOW' || t.upper === 'RAND') {
      this.symbol('(');
      this.symbol(')');
      return { type: t.upper === 'NOW' ? 'now' : 'rand' };
    }
    if (RESERVED.has(t.upper)) this.fail(t, 'a value, a column, NOW() or RAND()');
    if (t.upper.startsWith('NEW.')) return { type: 'column', name: t.text.slice(4), row: 'new' };
    if (t.text.includes('.'))
      throw new StatementError(t.pos, `only NEW.<column> may contain a dot`);
    return { type: 'column', name: t.text };
  }
}

/** Parse one transaction; a bad statement gets a message naming the position (1-based). */
export function parseStatement(text: string): ParseResult {
  try {
    const tokens = tokenize(text);
    if (tokens.length === 1)
      return { ok: false, pos: 0, message: 'position 1: the statement is empty' };
    return { ok: true, transaction: new Parser(tokens).transaction() };
  } catch (e) {
    if (e instanceof StatementError) return { ok: false, pos: e.pos, message: e.message };
    throw e;
  }
}
