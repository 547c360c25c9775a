/**
 * Splits statement text into tokens, each with the position (0-based character offset) where it
 * starts, so that every parse error can name the place it is about.
 */

export type TokenType = 'word' | 'number' | 'string' | 'symbol' | 'end';

export interface Token {
  type: TokenType;
  /** Words upper-cased for keywords are compared by `upper`; `text` keeps what was typed. */
  text: string;
  upper: string;
  pos: number;
}

/** A problem in the text, at a character offset. */
export class StatementError extends Error {
  constructor(
    readonly pos: number,
    readonly reason: string,
  ) {
    super(`position ${pos + 1}: ${reason}`);
  }
}

const SYMBOLS = ['<=', '>=', '!=', '<>', '(', ')', ',', ';', '=', '<', '>', '+', '-', '*', '/'];

function isWordStart(c: string): boolean {
  return /[A-Za-z_]/.test(c);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (isWordStart(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?/.exec(text.slice(i));
      const word = (m as RegExpExecArray)[0];
      tokens.push({ type: 'word', text: word, upper: word.toUpperCase(), pos: i });
      i += word.length;
    } else if (/[0-9]/.test(c)) {
      const word = (/^[0-9]+(\.[0-9]+)?/.exec(text.slice(i)) as RegExpExecArray)[0];
      tokens.push({ type: 'number', text: word, upper: word, pos: i });
      i += word.length;
    } else if (c === "'") {
      i = readString(text, i, tokens);
    } else {
      const symbol = SYMBOLS.find((s) => text.startsWith(s, i));
      if (symbol === undefined) throw new StatementError(i, `unexpected character "${c}"`);
      tokens.push({ type: 'symbol', text: symbol, upper: symbol, pos: i });
      i += symbol.length;
    }
  }
  tokens.push({ type: 'end', text: '', upper: '', pos: text.length });
  return tokens;
}

/** A single-quoted string; `''` inside stands for one quote. */
function readString(text: string, start: number, tokens: Token[]): number {
  let value = '';
  let i = start + 1;
  for (;;) {
    if (i >= text.length)
      throw new StatementError(start, 'this string is never closed with a quote');
    const c = text[i] as string;
    if (c === "'" && text[i + 1] === "'") {
      value += "'";
      i += 2;
    } else if (c === "'") {
      tokens.push({ type: 'string', text: value, upper: value, pos: start });
      return i + 1;
    } else {
      value += c;
      i++;
    }
  }
}
