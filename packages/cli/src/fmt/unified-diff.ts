/**
 * A unified diff (`diff -u` format, 3 lines of context) of two texts, for `tib fmt
 * --check`. Recipes are small: a longest-common-subsequence table is fast enough and
 * gives minimal diffs. Beyond MAX_CELLS the whole file is shown as one replacement.
 */
const MAX_CELLS = 16_000_000;
const NO_NEWLINE = '\\ No newline at end of file';

type Op = { readonly kind: ' ' | '-' | '+'; readonly line: string };

export function unifiedDiff(before: string, after: string, fromLabel: string, toLabel: string, context = 3): string {
  if (before === after) return '';
  const ops = editScript(splitLines(before), splitLines(after));
  const out = [`--- ${fromLabel}`, `+++ ${toLabel}`];
  for (const hunk of hunks(ops, context)) out.push(...hunk);
  return `${out.join('\n')}\n`;
}

/** Lines with their newline kept, so a missing final newline is a difference too. */
function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines.length === 1 && lines[0] === '' ? [] : lines;
}

function editScript(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  if ((n + 1) * (m + 1) > MAX_CELLS)
    return [...a.map((line) => ({ kind: '-' as const, line })), ...b.map((line) => ({ kind: '+' as const, line }))];
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i++]! });
      j++;
    } else if (j < m && (i === n || lcs[i * width + j + 1]! >= lcs[(i + 1) * width + j]!)) ops.push({ kind: '+', line: b[j++]! });
    else ops.push({ kind: '-', line: a[i++]! });
  }
  // Removals before additions within a change, as diff -u prints them.
  return normalizeOrder(ops);
}

function normalizeOrder(ops: readonly Op[]): Op[] {
  const out: Op[] = [];
  for (let k = 0; k < ops.length;) {
    if (ops[k]!.kind === ' ') {
      out.push(ops[k++]!);
      continue;
    }
    const change: Op[] = [];
    while (k < ops.length && ops[k]!.kind !== ' ') change.push(ops[k++]!);
    out.push(...change.filter((o) => o.kind === '-'), ...change.filter((o) => o.kind === '+'));
  }
  return out;
}

function hunks(ops: readonly Op[], context: number): string[][] {
  const changed = ops.flatMap((o, k) => (o.kind === ' ' ? [] : [k]));
  const result: string[][] = [];
  let k = 0;
  while (k < changed.length) {
    const start = Math.max(0, changed[k]! - context);
    let end = changed[k]!;
    while (k + 1 < changed.length && changed[k + 1]! - end <= 2 * context) end = changed[++k]!;
    k++;
    const stop = Math.min(ops.length, end + context + 1);
    result.push(renderHunk(ops, start, stop));
  }
  return result;
}

function renderHunk(ops: readonly Op[], start: number, stop: number): string[] {
  let fromLine = 1;
  let toLine = 1;
  for (let k = 0; k < start; k++) {
    if (ops[k]!.kind !== '+') fromLine++;
    if (ops[k]!.kind !== '-') toLine++;
  }
  const body: string[] = [];
  let fromCount = 0;
  let toCount = 0;
  for (let k = start; k < stop; k++) {
    const { kind, line } = ops[k]!;
    if (kind !== '+') fromCount++;
    if (kind !== '-') toCount++;
    body.push(`${kind}${line.replace(/\n$/, '')}`);
    if (!line.endsWith('\n')) body.push(NO_NEWLINE);
  }
  // diff -u: an empty range is numbered by the line before it.
  const range = (first: number, count: number) => `${count === 0 ? first - 1 : first}${count === 1 ? '' : `,${count}`}`;
  return [`@@ -${range(fromLine, fromCount)} +${range(toLine, toCount)} @@`, ...body];
}
