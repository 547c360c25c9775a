/**
 * Instructions by function from a callgrind profile of a Node process: native code by its
 * symbol, V8's generated code by the JS function it was compiled from (V8's `--perf-basic-prof`
 * writes `/tmp/perf-<pid>.map`: start, size and name of every code object). Used by
 * `instructions.bench.ts --by-function`. The profile must be written with `--dump-instr=yes`
 * (costs by instruction address) and V8 run with `--no-compact-code-space` (code never moves).
 * The program is an esbuild bundle: its module comments (`// src/engine/trace.ts`) say which
 * source file each line came from.
 */
import { readFileSync } from 'node:fs';

interface CodeRange {
  start: number;
  end: number;
  name: string;
}

function codeRanges(mapFile: string): CodeRange[] {
  const ranges: CodeRange[] = [];
  for (const line of readFileSync(mapFile, 'utf8').split('\n')) {
    const [start, size, ...name] = line.split(' ');
    if (start === undefined || size === undefined || name.length === 0) continue;
    const from = Number.parseInt(start, 16);
    ranges.push({ start: from, end: from + Number.parseInt(size, 16), name: name.join(' ') });
  }
  return ranges.sort((a, b) => a.start - b.start);
}

function rangeAt(ranges: CodeRange[], address: number): CodeRange | undefined {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid] as CodeRange;
    if (address < r.start) hi = mid - 1;
    else if (address >= r.end) lo = mid + 1;
    else return r;
  }
  return undefined;
}

/** The first line of each source module in a non-minified esbuild bundle, in order. */
function bundleModules(bundleFile: string): Array<{ line: number; file: string }> {
  const modules: Array<{ line: number; file: string }> = [];
  readFileSync(bundleFile, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      const m = /^\/\/ (\S+\.[cm]?[jt]sx?)$/.exec(text);
      if (m !== null)
        modules.push({ line: i + 1, file: (m[1] as string).split('/').pop() as string });
    });
  return modules;
}

/**
 * `JS:*onAck file:///tmp/x/run.mjs:5817:15` → `JS onAck (leader.ts)`, the file found from the
 * bundle line. Code compiled at different tiers counts as one function.
 */
function jsName(name: string, modules: Array<{ line: number; file: string }>): string {
  const m = /^JS:[*^+~]?(\S*) \S*:(\d+):\d+$/.exec(name);
  if (m === null) return `JS ${name}`;
  const line = Number(m[2]);
  let file = '?';
  for (const module of modules) {
    if (module.line > line) break;
    file = module.file;
  }
  return `JS ${m[1] || '(anonymous)'} (${file})`;
}

/** Position fields: absolute (`0x1f`), relative (`+4`, `-2`) or unchanged (`*`). */
function position(token: string, last: number): number {
  if (token === '*') return last;
  if (token.startsWith('+')) return last + Number(token.slice(1));
  if (token.startsWith('-')) return last - Number(token.slice(1));
  return Number(token);
}

/** Self instructions of every function in a callgrind profile, by name. */
export function instructionsByFunction(
  profileFile: string,
  mapFile: string,
  bundleFile: string,
): Map<string, number> {
  const ranges = codeRanges(mapFile);
  const modules = bundleModules(bundleFile);
  const objects = new Map<string, string>();
  const functions = new Map<string, string>();
  const out = new Map<string, number>();
  let object = '';
  let fn = '';
  let address = 0;
  let afterCall = false;
  const add = (name: string, n: number) => out.set(name, (out.get(name) ?? 0) + n);
  for (const line of readFileSync(profileFile, 'utf8').split('\n')) {
    const c = line[0];
    if (c !== undefined && (c === '+' || c === '-' || c === '*' || (c >= '0' && c <= '9'))) {
      const [pos, , cost] = line.split(' ');
      address = position(pos as string, address);
      // The line after `calls=` is the call's inclusive cost, already counted by its callee.
      if (afterCall || cost === undefined) {
        afterCall = false;
        continue;
      }
      if (object.endsWith('???')) {
        const range = rangeAt(ranges, address);
        add(
          range === undefined ? '(generated code, unnamed)' : jsName(range.name, modules),
          Number(cost),
        );
      } else add(fn, Number(cost));
      continue;
    }
    if (line.startsWith('calls=')) {
      afterCall = true;
      continue;
    }
    const named = /^(ob|fn|cob|cfn)=\((\d+)\)(?: (.*))?$/.exec(line);
    if (named === null) continue;
    const [, key, id, name] = named as unknown as [string, string, string, string | undefined];
    const table = key === 'ob' || key === 'cob' ? objects : functions;
    if (name !== undefined) table.set(id, name);
    if (key === 'ob') object = objects.get(id) ?? '';
    if (key === 'fn') fn = `C  ${functions.get(id) ?? '?'}`;
  }
  return out;
}
