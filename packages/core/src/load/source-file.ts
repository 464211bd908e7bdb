import type { KeyPath, SourceRange } from '../diagnostics/diagnostic';

/** A file as tib read it. `path` is as the user named it (relative to the cwd or absolute). */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

/** Where a node sits in its file: the value, and for mapping entries also the key. */
export interface NodeLocation {
  readonly range: SourceRange;
  readonly keyRange?: SourceRange;
}

/** Key of a path in a location map. JSON keeps "0" (a key) and 0 (an index) apart. */
export function pathKey(path: KeyPath): string {
  return JSON.stringify(path);
}

/** Locations of every node of one YAML document, by key path. */
export class LocationIndex {
  private readonly byPath = new Map<string, NodeLocation>();

  set(path: KeyPath, location: NodeLocation): void {
    this.byPath.set(pathKey(path), location);
  }

  get(path: KeyPath): NodeLocation | undefined {
    return this.byPath.get(pathKey(path));
  }
}
