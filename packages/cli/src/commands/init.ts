import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findRelease, hasErrors, memoryHost, Renderer, validateRecipe } from '@tib/core';
import { EXIT } from '../exit-codes';
import { formatRecipe } from '../fmt/format-recipe';
import { resourceDirs } from '../installation';
import type { Io } from '../io';
import { write } from '../io';
import { printDiagnostics } from '../print-diagnostics';
import { writeFileAtomic } from '../write-atomic';
import type { ParsedArgs } from './command';

const AGENT_BY_RELEASE: Readonly<Record<string, { source: string; release?: string }>> = {
  'debian/bookworm': { source: 'package' },
  'ubuntu/jammy': { source: 'package' },
  'ubuntu/focal': { source: 'package' },
  'ubuntu/bionic': { source: 'package' },
  'centos/7': { source: 'rdo', release: 'train' },
  'centos/9-stream': { source: 'rdo', release: 'epoxy' },
  'rhel/9': { source: 'rdo', release: 'epoxy' },
  'rhel/8': { source: 'rdo', release: 'yoga' },
};

/** Scaffolds a commented recipe, checked by the same validation as any recipe. */
export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const distro = (args.values['distro'] as string | undefined) ?? 'debian';
  const release = (args.values['release'] as string | undefined) ?? (distro === 'debian' ? 'bookworm' : '');
  const datastore = (args.values['datastore'] as string | undefined) ?? 'mariadb';
  const agent = AGENT_BY_RELEASE[`${distro}/${release}`] ?? { source: 'git' };
  // `-o -` is stdout, as for compile.
  const given = args.values['output'] as string | undefined;
  const output = given === '-' ? undefined : given;
  const name = output ? path.basename(output).replace(/\.ya?ml$/i, '') : `${distro}-${release}-${datastore}`;

  // A release built from a local file (RHEL) needs that file named: without it the
  // recipe would not validate, so ask for it instead of writing one that cannot build.
  const baseImage = args.values['base-image'] as string | undefined;
  const needsLocal = findRelease(distro, release)?.defaultImageSource === 'local';
  if (needsLocal && !baseImage) {
    write(
      io.stderr,
      `tib init: ${distro} ${release} is built from a local base image (the vendor's KVM guest image): pass --base-image FILE`,
    );
    return EXIT.usage;
  }
  let image: { pathYaml: string; sha256: string } | undefined;
  if (baseImage) {
    const file = path.resolve(io.cwd, baseImage);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) {
      write(io.stderr, `tib init: --base-image ${baseImage}: ${stat ? 'not a regular file' : 'no such file'}`);
      return EXIT.usage;
    }
    const recipeDir = output ? path.dirname(path.resolve(io.cwd, output)) : io.cwd;
    const { sha256File } = await import('@tib/runner');
    // A JSON string is a YAML double-quoted scalar: the file's name stays text whatever it holds.
    image = { pathYaml: JSON.stringify(path.relative(recipeDir, file)), sha256: await sha256File(file) };
  }

  const renderer = new Renderer();
  const schema = (args.values['schema'] as string | undefined) ?? schemaReference(io, output);
  const rendered = renderer.render('recipe.yaml.hbs', {
    name,
    distro,
    release,
    datastore,
    agent,
    hasRelease: agent.release !== undefined,
    image,
    schema,
  });
  // In tib fmt's style from the start (e.g. a release is quoted only when YAML needs it).
  const formatted = formatRecipe('new-recipe.yaml', rendered);
  const text = formatted.ok ? formatted.text : rendered;

  // The scaffold must itself be a valid recipe; check it before handing it out.
  const check = validateRecipe('new-recipe.yaml', memoryHost({ 'new-recipe.yaml': text }));
  if (hasErrors(check.diagnostics)) {
    printDiagnostics(io, check.loaded.files, check.diagnostics);
    write(io.stderr, `tib init: no valid recipe for ${distro} ${release} with ${datastore}; see tib matrix`);
    return EXIT.invalidRecipe;
  }
  if (!output) {
    io.stdout.write(text);
    return EXIT.ok;
  }
  const target = path.resolve(io.cwd, output);
  if (fs.existsSync(target) && !args.values['force']) {
    write(io.stderr, `tib init: ${output} exists; pass --force to overwrite it`);
    return EXIT.usage;
  }
  writeFileAtomic(target, text, 0o644);
  write(io.stderr, `wrote ${output}; check it with: tib validate ${output}`);
  return EXIT.ok;
}

/**
 * The `$schema=` an editor's YAML language server resolves against the recipe's own
 * location: the schema this tib ships, as a path relative to the recipe (or to the
 * current directory when printing). Offline by construction; inside a project that
 * installs tib locally it is a path into node_modules/ that holds on every checkout.
 */
function schemaReference(io: Io, output: string | undefined): string {
  const file = path.join(resourceDirs(io.env).root, 'schemas', 'recipe.schema.json');
  const from = output ? path.dirname(path.resolve(io.cwd, output)) : io.cwd;
  const relative = path.relative(from, file).split(path.sep).join('/');
  // The modeline ends at whitespace; a URL keeps such a path in one piece.
  return /\s/.test(relative) ? pathToFileURL(file).href : relative;
}
