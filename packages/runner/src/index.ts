// @tib/runner: the side effects of a build. Pre-flight, base images, the element tree,
// disk-image-create, progress, logs, safe output, the manifest.
export { runBuild } from './run-build';
export type { RefusalReason, RunOptions, RunOutcome } from './run-build';
export { nodeBuildHost } from './host';
export type { BuildHost } from './host';
export { preflight } from './preflight';
export { findDib, compareVersions, elementSearchDirs, locatePlanElements } from './dib-info';
export type { DibInfo } from './dib-info';
export { partitionMapping } from './host-checks';
export { readSecretFile, resolveSecrets } from './secrets';
export { readRegularFile, readRegularText } from './read-regular-file';
export type { ReadRefusal, ReadResult } from './read-regular-file';
export { runPaths, cacheDir } from './run-paths';
export { findChecksum, sha256sumLine } from './checksum-list';
export { ProgressTracker, statusLine, clock } from './progress';
export { JsonEvents, Reporter } from './reporter';
export { Redactor } from './redact';
export { readManifest, manifestPath, fingerprint } from './manifest';
export type { Manifest } from './manifest';
export { doctorReport, hostPackages, installCommand } from './doctor';
export type { DoctorRow } from './doctor';
export { upToDate } from './run-build';
export type { LayerUse, RunReporter } from './run-build';
export { runMatrix, layerDir } from './layers/run-matrix';
export type { MatrixOutcome, MatrixRecipe, MatrixRunOptions, ImageResult } from './layers/run-matrix';
export { carryLayerElements, expandDependencies } from './layers/carry';
export { MatrixBoard } from './layers/board';
export { sha256File } from './sha256-file';
