import type { KeyPath, SourceRange } from '../diagnostics/diagnostic';

/** Which file set a value, and where. */
export interface Origin {
  readonly file: string;
  readonly range: SourceRange;
  readonly keyRange?: SourceRange;
}

/**
 * A tree parallel to the merged recipe value: for every node, the file and range that
 * set it. Overlays replace whole subtrees, so "which file set this" survives merging.
 */
export interface OriginNode {
  readonly origin: Origin;
  readonly children: Map<string | number, OriginNode>;
}

/** Finds the origin of a path, or of its deepest existing ancestor. */
export function originAt(tree: OriginNode, path: KeyPath): { origin: Origin; exact: boolean } {
  let node = tree;
  for (const part of path) {
    const child = node.children.get(part);
    if (!child) return { origin: node.origin, exact: false };
    node = child;
  }
  return { origin: node.origin, exact: true };
}
