import type { ElementFile, ElementSource } from '../plan/plan-types';
import type { Renderer } from './renderer';

/** Renders the planned element tree: templates filled in, sorted by path for stable output. */
export function renderElementTree(sources: readonly ElementSource[], renderer: Renderer): ElementFile[] {
  return sources
    .map((s): ElementFile => ({
      path: s.path,
      mode: s.mode,
      content: s.kind === 'text' ? s.content : renderer.render(s.template, s.context),
    }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
