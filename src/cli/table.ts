/**
 * Aligned plain-text columns. Widths are measured on the unpainted text and colour is applied
 * after padding, so ANSI escapes never throw the alignment off.
 */

/** A table cell: plain text, optionally with a painter applied after padding. */
export type Cell = string | { text: string; paint: (text: string) => string };

export type Align = 'left' | 'right';

function textOf(cell: Cell): string {
  return typeof cell === 'string' ? cell : cell.text;
}

/**
 * Lay out rows as columns separated by two spaces, each line prefixed by `indent`.
 * `align[i]` aligns column i (default left); trailing spaces are trimmed from each line.
 */
export function table(rows: Cell[][], align: Align[] = [], indent = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, [...textOf(cell)].length);
    });
  }
  return rows.map((row) => {
    const cells = row.map((cell, i) => {
      const text = textOf(cell);
      const gap = ' '.repeat((widths[i] ?? 0) - [...text].length);
      // Paint the text only, not the padding.
      const shown = typeof cell === 'string' ? text : cell.paint(text);
      if (align[i] === 'right') return gap + shown;
      return i === row.length - 1 ? shown : shown + gap;
    });
    return (indent + cells.join('  ')).trimEnd();
  });
}
