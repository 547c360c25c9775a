/**
 * The D3 side of the message layer: joins marks to `<g>` elements on a ref'd group. Runs from a
 * store subscription, outside React's render, so a frame moves a few elements and nothing else.
 */
import { select } from 'd3';
import type { MessageMark } from './messageMarks';

const RADIUS = 6;
const SMALL_RADIUS = 4;
const CROSS = 3;

export function joinMessages(group: SVGGElement, marks: readonly MessageMark[]): void {
  select(group)
    .selectAll<SVGGElement, MessageMark>('g.msg')
    .data(marks, (d) => d.key)
    .join((enter) => {
      const g = enter.append('g');
      g.append('circle');
      // The cross shows only on dropped messages (CSS), so one element shape serves both fates.
      g.append('path').attr('class', 'msg__cross');
      // A native tooltip; `.text()` sets text content, never markup.
      g.append('title');
      return g;
    })
    .attr('class', (d) => `msg msg--${d.category}${d.dropped ? ' msg--dropped' : ''}`)
    .attr('transform', (d) => `translate(${d.x.toFixed(1)},${d.y.toFixed(1)})`)
    .attr('opacity', (d) => d.opacity)
    .call((g) => {
      g.select('circle').attr('r', (d) => (d.small ? SMALL_RADIUS : RADIUS));
      g.select('path').attr('d', (d) =>
        d.dropped
          ? `M${-CROSS},${-CROSS}L${CROSS},${CROSS}M${CROSS},${-CROSS}L${-CROSS},${CROSS}`
          : '',
      );
      g.select('title').text((d) => d.title);
    });
}
