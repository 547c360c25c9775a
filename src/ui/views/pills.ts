/** Lays out a row of small text badges ("pills") centred on x = 0, for SVG labels. */

const CHAR_WIDTH = 6.4;
const PADDING = 8;
const GAP = 4;

export interface Pill {
  text: string;
  tone: string;
  x: number;
  width: number;
}

/** Widths are estimated from the text length: SVG cannot measure text before it is drawn. */
export function pillRow(items: ReadonlyArray<{ text: string; tone: string }>): Pill[] {
  const widths = items.map((item) => item.text.length * CHAR_WIDTH + 2 * PADDING);
  const total = widths.reduce((sum, w) => sum + w, 0) + GAP * Math.max(0, items.length - 1);
  let x = -total / 2;
  return items.map((item, i) => {
    const width = widths[i] as number;
    const pill = { ...item, x, width };
    x += width + GAP;
    return pill;
  });
}
