/**
 * Rules for the log-format parts of a scenario: statements and trigger bodies must parse (the
 * message names the field and the position), and the nodes named must exist.
 */
import { parseStatement } from '../protocols/shared/statements';
import type { Scenario } from './schema';

export function logFormatErrors(s: Scenario, nodes: ReadonlySet<string>): string[] {
  const errors: string[] = [];
  const logFormat = s.cluster.logFormat;
  const checkSql = (path: string, sql: string): void => {
    const parsed = parseStatement(sql);
    if (!parsed.ok) errors.push(`${path}: ${parsed.message}`);
  };
  logFormat?.triggers.forEach((t, i) => {
    const path = `cluster.logFormat.triggers[${i}]`;
    checkSql(`${path}.sql`, t.sql);
    t.nodes?.forEach((n, j) => {
      if (!nodes.has(n)) errors.push(`${path}.nodes[${j}]: "${n}" is not a node of the cluster`);
    });
  });
  for (const n of Object.keys(logFormat?.engineVersions ?? {})) {
    if (!nodes.has(n))
      errors.push(`cluster.logFormat.engineVersions.${n}: "${n}" is not a node of the cluster`);
  }
  s.timeline.forEach((step, i) => {
    if (step.type === 'statement') checkSql(`timeline[${i}].sql`, step.sql);
    if (step.type === 'upgrade' && !nodes.has(step.node))
      errors.push(`timeline[${i}].node: unknown node "${step.node}"`);
  });
  if (s.cluster.partitions !== undefined && s.timeline.some((st) => st.type === 'statement'))
    errors.push('timeline: statements are not supported with cluster.partitions');
  return errors;
}
