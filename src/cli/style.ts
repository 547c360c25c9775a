/**
 * Terminal styling for the CLI: ANSI colours only when they help (a TTY, and NO_COLOR unset),
 * and a guard that keeps text from a scenario file from driving the terminal.
 */

/** Ways to paint a piece of text; each is the identity when colour is off. */
export interface Style {
  bold: (text: string) => string;
  dim: (text: string) => string;
  green: (text: string) => string;
  red: (text: string) => string;
  yellow: (text: string) => string;
}

const identity = (text: string): string => text;

function sgr(open: number, close: number): (text: string) => string {
  return (text) => `\u001b[${open}m${text}\u001b[${close}m`;
}

/** A style that paints (`true`) or leaves text alone (`false`). */
export function createStyle(color: boolean): Style {
  if (!color)
    return { bold: identity, dim: identity, green: identity, red: identity, yellow: identity };
  return {
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    green: sgr(32, 39),
    red: sgr(31, 39),
    yellow: sgr(33, 39),
  };
}

/**
 * Whether to colour output: only on a terminal, and never when `NO_COLOR` is set to a non-empty
 * value (https://no-color.org) — piped output must stay plain for grep and diff.
 */
export function colorEnabled(
  isTTY: boolean | undefined,
  env: Record<string, string | undefined>,
): boolean {
  return isTTY === true && !env.NO_COLOR;
}

/**
 * Text safe to print: control characters (an ESC from a scenario's title could restyle or clear
 * the terminal) are shown as `\u{…}` escapes instead of being sent raw.
 */
export function printable(text: string): string {
  return text.replace(/\p{Cc}/gu, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`);
}
