import type { OriginNode } from './origin-tree';

export function isPlainMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface Layer {
  readonly value: unknown;
  readonly origins: OriginNode;
}

/**
 * Overlays `top` on `base`: maps merge deeply, everything else (scalars, lists) is
 * replaced whole. Returns new objects; neither input is modified.
 */
export function mergeLayers(base: Layer, top: Layer): Layer {
  if (!isPlainMap(base.value) || !isPlainMap(top.value)) return top;
  const value: Record<string, unknown> = { ...base.value };
  const children = new Map(base.origins.children);
  for (const [key, topChild] of Object.entries(top.value)) {
    const topOrigin = top.origins.children.get(key);
    const baseOrigin = base.origins.children.get(key);
    if (key in base.value && baseOrigin && topOrigin) {
      const merged = mergeLayers({ value: base.value[key], origins: baseOrigin }, { value: topChild, origins: topOrigin });
      defineValue(value, key, merged.value);
      children.set(key, merged.origins);
    } else {
      defineValue(value, key, topChild);
      if (topOrigin) children.set(key, topOrigin);
    }
  }
  return { value, origins: { origin: top.origins.origin, children } };
}

/** Assigns without ever invoking a `__proto__` setter: recipe keys are data. */
export function defineValue(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
