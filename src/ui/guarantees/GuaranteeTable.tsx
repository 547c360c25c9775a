/**
 * Which guarantees a configuration gives, found by experiment: each column a configuration run
 * over seeds 1..N (random lag, faults and workload per seed), each row a guarantee; a cell says
 * "held in all N runs" or "violated in K of N", and links to the smallest violating run.
 */
import type { GuaranteeCell, GuaranteeTable as Table } from '../../scenarios/guarantees';
import { describeCell, GUARANTEES, runLink } from '../../scenarios/guarantees';

interface CellProps {
  cell: GuaranteeCell | undefined;
  /** The configuration's scenario id (its runs open by id and seed) and title. */
  scenario: string;
  title: string;
}

function Cell({ cell, scenario, title }: CellProps) {
  if (cell === undefined || cell.runs === 0) return <td className="guarantees__cell">…</td>;
  const { smallest } = cell;
  const tone = cell.violated > 0 ? 'violated' : cell.undecided > 0 ? 'undecided' : 'held';
  return (
    <td className={`guarantees__cell guarantees__cell--${tone}`}>
      {describeCell(cell)}
      {smallest !== null && (
        <>
          {' '}
          <a
            href={runLink(scenario, smallest.seed)}
            title={`Open this run in the visualizer: ${smallest.finding.explanation}`}
          >
            open seed {smallest.seed}
            <span className="visually-hidden"> of {title}</span>
          </a>
        </>
      )}
    </td>
  );
}

export function GuaranteeGrid({
  tables,
  titles,
}: {
  tables: readonly Table[];
  titles: readonly string[];
}) {
  return (
    <table className="guarantees__table">
      <caption className="visually-hidden">Guarantees held or violated per configuration</caption>
      <thead>
        <tr>
          <th scope="col">Guarantee</th>
          {tables.map((table, i) => (
            <th key={table.scenario} scope="col">
              {titles[i] ?? table.scenario}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {GUARANTEES.map((g, row) => (
          <tr key={g.id}>
            <th scope="row" title={g.description}>
              {g.label}
            </th>
            {tables.map((table, i) => (
              <Cell
                key={table.scenario}
                cell={table.cells[row]}
                scenario={table.scenario}
                title={titles[i] ?? table.scenario}
              />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
