import { RECIPE_SCHEMA } from './recipe-schema';

export const RECIPE_OVERLAY_SCHEMA_ID = 'urn:tib:schema:recipe-overlay:1';

type SchemaNode = { [key: string]: unknown; required?: unknown; properties?: Record<string, SchemaNode> };

/**
 * The schema for recipe files that are not complete on their own: overlays that
 * `extends` a base, and bases that hold only what several recipes share. tib merges the
 * files first and checks the merged recipe against RECIPE_SCHEMA; an editor sees one
 * file at a time, so this schema requires nothing the merge can fill in. Maps merge
 * deeply, so no object reached through `properties` requires a key; lists replace
 * wholesale, so list items (and the branches of a oneOf) keep what they require.
 * Everything else (key names, types, patterns, enums) is the recipe schema's.
 */
export const RECIPE_OVERLAY_SCHEMA = overlayOf(RECIPE_SCHEMA as unknown as SchemaNode);

function overlayOf(recipe: SchemaNode): SchemaNode {
  const copy = structuredClone(recipe);
  const optional = (node: SchemaNode) => {
    delete node.required;
    for (const child of Object.values(node.properties ?? {})) optional(child);
  };
  optional(copy);
  return {
    ...copy,
    $id: RECIPE_OVERLAY_SCHEMA_ID,
    title: 'RecipeOverlay',
    description:
      'A partial tib recipe (format version 1): an overlay that `extends` other recipe files, or a shared base. Only the merged recipe must be complete.',
  };
}
