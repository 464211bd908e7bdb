#!/usr/bin/env node
// Generates the derived files from their sources of truth:
//   packages/core/src/schema/recipe-schema.ts -> schemas/recipe.schema.json
//   packages/core/src/schema/overlay-schema.ts -> schemas/recipe-overlay.schema.json
//   schemas/recipe.schema.json -> packages/core/src/types/recipe.generated.ts
//                              -> packages/core/src/generated/recipe-validator.ts (ajv standalone)
//   templates/**/*.hbs         -> packages/core/src/generated/templates.ts (Handlebars precompiled)
//   packages/core/src/diagnostics/codes.ts -> docs/diagnostics.md
// Precompiling the validator and templates keeps ajv's and Handlebars' compilers out of
// every `tib` start (they cost ~5x a bare `node -e 0`).
// `--check` compares instead of writing (used by the tests and CI).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const check = process.argv.includes('--check');

async function main() {
  const outputs = await generateAll();
  let stale = 0;
  for (const [rel, content] of Object.entries(outputs)) {
    const file = path.join(root, rel);
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    if (current === content) continue;
    if (check) {
      console.error(`stale: ${rel} (run npm run gen)`);
      stale++;
    } else {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
      console.log(`wrote ${rel}`);
    }
  }
  if (stale) process.exit(1);
}

async function generateAll() {
  const { RECIPE_SCHEMA: schema } = loadTs('packages/core/src/schema/recipe-schema.ts');
  const schemaJson = JSON.stringify(schema, null, 2) + '\n';
  const { compile } = require('json-schema-to-typescript');
  // A description beside $ref makes json-schema-to-typescript mint a new alias per use
  // (SecretRef1, SecretRef2 …); strip those descriptions for the type generator only.
  const forTypes = JSON.parse(schemaJson, (key, value) => {
    if (value && typeof value === 'object' && typeof value.$ref === 'string') {
      const { description: _description, ...rest } = value;
      return rest;
    }
    return value;
  });
  const ts = await compile(forTypes, 'Recipe', {
    bannerComment: '/* Generated from schemas/recipe.schema.json by `npm run gen`. Do not edit. */',
    additionalProperties: false,
    strictIndexSignatures: true,
    style: { singleQuote: true },
    unreachableDefinitions: true,
    // Bounds on list lengths are the schema's business; as tuples they would make the types unreadable.
    ignoreMinAndMaxItems: true,
  });
  const { RECIPE_OVERLAY_SCHEMA: overlay } = loadTs('packages/core/src/schema/overlay-schema.ts');
  return {
    'schemas/recipe.schema.json': schemaJson,
    'schemas/recipe-overlay.schema.json': JSON.stringify(overlay, null, 2) + '\n',
    'packages/core/src/types/recipe.generated.ts': ts,
    'packages/core/src/generated/recipe-validator.ts': standaloneValidator(JSON.parse(schemaJson)),
    'packages/core/src/generated/templates.ts': precompiledTemplates(),
    'docs/diagnostics.md': renderDiagnosticsDoc(loadTs('packages/core/src/diagnostics/codes.ts').DIAGNOSTIC_CODES),
    'docs/recipe.md': renderRecipeDoc(JSON.parse(schemaJson)),
  };
}

// The options must match packages/core/src/validate/schema-validate.ts.
function standaloneValidator(schema) {
  const Ajv = require('ajv');
  const standalone = require('ajv/dist/standalone').default;
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, code: { source: true, esm: true, lines: false } });
  const code = standalone(ajv, ajv.compile(schema));
  return `// @ts-nocheck\n/* Generated from schemas/recipe.schema.json by \`npm run gen\` (ajv standalone). Do not edit. */\n${code}\n`;
}

// Options must match the Renderer in packages/core/src/render/renderer.ts.
function precompiledTemplates() {
  const Handlebars = require('handlebars');
  const fg = require('fast-glob');
  const names = fg.sync('**/*.hbs', { cwd: path.join(root, 'templates') }).sort();
  let out = '// @ts-nocheck\n/* Generated from templates/ by `npm run gen` (Handlebars precompile). Do not edit. */\n';
  out += 'export const PRECOMPILED_TEMPLATES: Record<string, unknown> = {\n';
  for (const name of names) {
    const source = fs.readFileSync(path.join(root, 'templates', name), 'utf8');
    out += `  ${JSON.stringify(name)}: ${Handlebars.precompile(source, { noEscape: true, strict: true })},\n`;
  }
  return `${out}};\n`;
}

/** Loads a TypeScript module of core (data only) by bundling it with esbuild. */
function loadTs(rel) {
  const esbuild = require('esbuild');
  const out = esbuild.buildSync({
    entryPoints: [path.join(root, rel)],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
  });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, require);
  return mod.exports;
}

function renderRecipeDoc(schema) {
  const intro = fs.readFileSync(path.join(root, 'docs/recipe-intro.md'), 'utf8');
  const rows = [];
  const typeOf = (node) => {
    if (node.$ref) return node.$ref.endsWith('secretRef') ? '`{env: NAME}` or `{file: PATH}`' : 'object';
    if (node.const !== undefined) return `\`${JSON.stringify(node.const)}\``;
    if (node.enum) return node.enum.map((v) => `\`${v}\``).join(', ');
    if (node.oneOf) return node.oneOf.map(typeOf).join(' or ');
    if (node.type === 'array') return `list of ${node.items ? typeOf(node.items) : 'values'}`;
    if (Array.isArray(node.type)) return node.type.join(' / ');
    return node.type || 'value';
  };
  const walk = (node, at) => {
    for (const [key, child] of Object.entries(node.properties || {})) {
      if (key === '$schema') continue;
      const p = at ? `${at}.${key}` : key;
      const required = (node.required || []).includes(key) ? ' **(required)**' : '';
      rows.push(
        `| \`${p}\` | ${typeOf(child).replace(/\|/g, '\\|')} | ${String(child.description || '').replace(/\|/g, '\\|')}${required} |`,
      );
      if (child.properties) walk(child, p);
      if (child.items && child.items.properties) walk(child.items, `${p}[]`);
    }
  };
  walk(schema, '');
  return `<!-- Generated by \`npm run gen\` from docs/recipe-intro.md and the recipe schema. Do not edit; edit those. -->\n${intro}\n## Every key\n\n| key | value | meaning |\n|---|---|---|\n${rows.join('\n')}\n`;
}

function renderDiagnosticsDoc(codes) {
  const groups = [
    ['TIB1', 'Reading the recipe (YAML, files, `extends`, `--set`)'],
    ['TIB2', 'Shape (JSON Schema of recipe v1)'],
    ['TIB3', 'Meaning (semantic rules and the support matrix)'],
    ['TIB4', 'Compiling (elements and templates)'],
    ['TIB5', 'The build host (pre-flight of `tib run` and `tib doctor`)'],
  ];
  let md = '# Diagnostic codes\n\n';
  md += '<!-- Generated from packages/core/src/diagnostics/codes.ts by `npm run gen`. Do not edit. -->\n\n';
  md += 'Every problem tib reports carries a stable code. Codes never change meaning. ';
  md += 'Each is printed as `file:line:col: severity TIBnnnn: message` with the key path, ';
  md += 'or as JSON with `--json`.\n';
  for (const [prefix, title] of groups) {
    md += `\n## ${prefix}xxx — ${title}\n\n| code | name | default severity | meaning |\n|---|---|---|---|\n`;
    for (const [code, info] of Object.entries(codes)) {
      if (!code.startsWith(prefix)) continue;
      md += `| ${code} | ${info.name} | ${info.severity} | ${info.summary.replace(/\|/g, '\\|')} |\n`;
    }
  }
  return md;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
