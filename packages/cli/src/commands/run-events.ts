import type { Diagnostic, Plan, SourceFile } from '@tib/core';
import type { JsonEvents, RunOutcome } from '@tib/runner';
import { diagnosticsJson } from '../print-diagnostics';

/**
 * The opening and closing events of `tib run --json` (the build's own events come from
 * the runner's Reporter through the same sink). Exactly one of done, refused or error
 * ends the stream, with the exit code tib exits with.
 */
export function emitDiagnostics(events: JsonEvents, files: readonly SourceFile[], diagnostics: readonly Diagnostic[]): void {
  for (const diagnostic of diagnosticsJson(files, diagnostics))
    if (diagnostic['severity'] === 'warning') events.emit('warning', { diagnostic });
}

export function emitInvalid(events: JsonEvents, files: readonly SourceFile[], diagnostics: readonly Diagnostic[], exitCode: number): void {
  const errors = diagnosticsJson(files, diagnostics).filter((d) => d['severity'] === 'error');
  events.emit('refused', { reason: 'invalid-recipe', exitCode, diagnostics: errors });
}

export function emitStart(events: JsonEvents, plan: Plan, tibVersion: string): void {
  events.emit('start', {
    version: 1,
    tib: tibVersion,
    recipe: { path: plan.recipe.path, sha256: plan.recipe.sha256 },
    image: { name: plan.image.name, files: plan.image.files, formats: plan.image.formats },
    target: { distro: plan.target.distro, release: plan.target.release, arch: plan.target.arch, model: plan.target.model },
    datastore: plan.datastore,
    agent: { source: plan.agent.source, series: plan.agent.series, troveVersion: plan.agent.troveVersion },
    elements: plan.dib.elements.map((e) => e.name),
  });
}

/** The last event for a run that got as far as the runner; `verified` only after --verify. */
export function emitOutcome(events: JsonEvents, outcome: RunOutcome, exitCode: number, verified?: boolean): void {
  if (outcome.kind === 'refused') {
    events.emit('refused', {
      reason: outcome.reason,
      exitCode,
      diagnostics: diagnosticsJson([], outcome.diagnostics),
      ...(outcome.logFile ? { log: outcome.logFile } : {}),
    });
    return;
  }
  if (outcome.kind === 'dry-run') {
    events.emit('done', { result: 'dry-run', exitCode });
    return;
  }
  const m = outcome.manifest;
  const first = m.outputs[0];
  events.emit('done', {
    result: outcome.kind,
    exitCode,
    manifest: outcome.manifestFile,
    ...(first ? { image: first.path, sha256: first.sha256 } : {}),
    outputs: m.outputs.map((o) => ({ path: o.path, sha256: o.sha256, size: o.size })),
    ...(outcome.kind === 'built' ? { seconds: m.timings.totalSeconds } : {}),
    ...(verified !== undefined ? { verified } : {}),
  });
}
