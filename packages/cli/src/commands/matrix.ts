import { DATASTORES, supportMatrix } from '@tib/core';
import type { Datastore, MatrixRow } from '@tib/core';
import { UsageError } from '../exit-codes';
import { EXIT } from '../exit-codes';
import type { Io } from '../io';
import { write } from '../io';
import type { ParsedArgs } from './command';
import { toJson } from './shared';

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  if (args.values['emit'] !== undefined) {
    const { emit } = await import('./matrix-emit.js');
    return emit(args, io);
  }
  if (args.positionals.length > 0) throw new UsageError('recipes go with --emit github|gitlab|zuul');
  const only = args.values['datastore'] as string | undefined;
  const all = Object.keys(DATASTORES).sort() as Datastore[];
  if (only !== undefined && !all.includes(only as Datastore))
    throw new UsageError(`unknown datastore '${only}' (one of ${all.join(', ')})`);
  const rows = supportMatrix(only ? [only as Datastore] : all);
  write(io.stdout, args.values['json'] ? toJson(rows) : table(rows));
  return EXIT.ok;
}

/** One line per datastore and model; one column per distribution release. */
function table(rows: readonly MatrixRow[]): string {
  const releases = [...new Set(rows.map((r) => `${r.distro}/${r.release}`))];
  const lines: string[] = [];
  const header = ['datastore', 'model', ...releases];
  const body: string[][] = [];
  const reasons = new Map<string, number>();
  const reasonList: string[] = [];
  const whyNot = (reason: string) => {
    if (!reasons.has(reason)) {
      reasons.set(reason, reasonList.length + 1);
      reasonList.push(reason);
    }
    return reasons.get(reason) ?? 0;
  };
  const conditions = new Map<string, number>();
  const conditionList: string[] = [];
  const condition = (text: string) => {
    if (!conditions.has(text)) {
      conditions.set(text, conditionList.length + 1);
      conditionList.push(text);
    }
    return `c${conditions.get(text) ?? 0}`;
  };
  for (const ds of [...new Set(rows.map((r) => r.datastore))]) {
    for (const model of ['native', 'container'] as const) {
      const cells = releases.map((rel) => {
        const row = rows.find((r) => r.datastore === ds && r.model === model && `${r.distro}/${r.release}` === rel);
        if (!row) return '';
        if (!row.supported) return `no[${whyNot(row.reason ?? '')}]`;
        if (model === 'container') return 'yes';
        // A version that runs only under conditions (or with caveats) carries their marks;
        // a version the packages offer but the era cannot run is a "no" with its reason.
        const notes = row.versionNotes ?? [];
        const offered = row.versions.map((v) => {
          const marks = notes.filter((n) => n.version === v && n.kind !== 'refused').map((n) => condition(n.text));
          return marks.length > 0 ? `${v}[${marks.join(',')}]` : v;
        });
        const refused = notes.filter((n) => n.kind === 'refused').map((n) => `${n.version}:no[${whyNot(n.text)}]`);
        return [...offered, ...refused].join(' ');
      });
      body.push([ds, model, ...cells]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const fmt = (cols: string[]) =>
    cols
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  lines.push(fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...body.map(fmt));
  lines.push(
    '',
    'native: datastore versions installable from packages; container: the Trove 14+ agent runs the datastore in Docker (versions per agent release: tib plan).',
  );
  if (conditionList.length > 0) {
    lines.push('Conditions and caveats of a version (the Trove ≤ 13 era: its agent and its controller):');
    conditionList.forEach((c, i) => lines.push(`  [c${i + 1}] ${c}`));
  }
  lines.push('Why not:');
  reasonList.forEach((r, i) => lines.push(`  [${i + 1}] ${r}`));
  return `${lines.join('\n')}\n`;
}
