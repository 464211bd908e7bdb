/**
 * What an editor does with tib's schemas, checked with an editor's own code: the YAML
 * language server (yaml-language-server, as VS Code, Neovim and others run it) headless,
 * with its own JSON Schema validator, which is not the ajv that tib validates with. Every
 * example recipe, overlays included, names its schema on its first line and must
 * validate against it offline; completion must offer keys, enum values and examples.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import fg from 'fast-glob';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from 'yaml-language-server/lib/umd/languageservice/yamlLanguageService';
import { schemaRequestHandler, workspaceContext } from 'yaml-language-server/lib/umd/languageservice/services/schemaRequestHandler';
import { REPO_ROOT as root, runCli } from './support/run-cli';

const requested: string[] = [];
const service = getLanguageService({
  // The server's own request handler, for files; anything else would need the network.
  schemaRequestService: (uri: string) => {
    requested.push(uri);
    if (!uri.startsWith('file:')) return Promise.reject(new Error(`offline: ${uri}`));
    const noClient = { sendRequest: () => Promise.reject(new Error('no editor client')) };
    return schemaRequestHandler(noClient as never, uri, [], '', false, { readFile: (p: string) => fs.promises.readFile(p, 'utf8') }, false);
  },
  workspaceContext,
});
service.configure({ validate: true, completion: true, hover: true, yamlVersion: '1.2' });

let version = 0;
/** A document at `file` (its path decides where a relative `$schema=` points). */
const open = (file: string, text: string) => TextDocument.create(pathToFileURL(file).href, 'yaml', ++version, text);
const problems = async (file: string, text = fs.readFileSync(file, 'utf8')) =>
  (await service.doValidation(open(file, text), false)).map((d) => `${d.range.start.line + 1}: ${d.message}`);
const completions = async (text: string, line: number, character: number) =>
  (await service.doComplete(open(path.join(root, 'recipes', `completion-${version}.yaml`), text), { line, character }, false)).items;
const complete = async (text: string, line: number, character: number) => (await completions(text, line, character)).map((i) => i.label);

const recipes = fg.sync('recipes/**/*.{yaml,yml}', { cwd: root, absolute: true }).sort();
const MODELINE = /^# yaml-language-server: \$schema=(\S+)$/m;

describe('the recipe schemas in an editor (yaml-language-server)', () => {
  afterAll(() => expect(requested.filter((u) => !u.startsWith('file:'))).toEqual([]));

  it.each(recipes.map((r) => [path.relative(root, r)]))('%s names a shipped schema and validates against it', async (rel) => {
    const file = path.join(root, rel);
    const text = fs.readFileSync(file, 'utf8');
    const schema = MODELINE.exec(text)?.[1] ?? '';
    expect(path.dirname(path.resolve(path.dirname(file), schema))).toBe(path.join(root, 'schemas'));
    const extendsOthers = /^extends:/m.test(text);
    expect(path.basename(schema)).toBe(extendsOthers ? 'recipe-overlay.schema.json' : 'recipe.schema.json');
    expect(await problems(file, text)).toEqual([]);
  });

  it('catches what is wrong in a recipe and in an overlay', async () => {
    const base = path.join(root, 'recipes', 'debian-bookworm-mariadb.yaml');
    const wrong = fs.readFileSync(base, 'utf8').replace('  type: mariadb', '  type: mariadbb').replace('tib: 1', 'tib: 1\nnmae: x');
    expect((await problems(base, wrong)).join('\n')).toMatch(/Value is not accepted[\s\S]*Property nmae is not allowed/);
    const overlay = path.join(root, 'recipes', 'env', 'dev.yaml');
    const badOverlay = fs.readFileSync(overlay, 'utf8').replace('sizeGb: 6', 'sizeGb: six');
    expect((await problems(overlay, badOverlay)).join('\n')).toMatch(/Incorrect type\. Expected "number"/);
  });

  it('needs the overlay schema for overlays: the complete one requires what the base provides', async () => {
    const overlay = path.join(root, 'recipes', 'env', 'prod.yaml');
    const asComplete = fs.readFileSync(overlay, 'utf8').replace('recipe-overlay.schema.json', 'recipe.schema.json');
    expect((await problems(overlay, asComplete)).join('\n')).toMatch(/Missing property "base"/);
  });

  it('completes keys, enum values (default first) and example versions', async () => {
    const head = '# yaml-language-server: $schema=../schemas/recipe.schema.json\ntib: 1\n';
    expect(await complete(`${head}datastore:\n  `, 3, 2)).toEqual(expect.arrayContaining(['type', 'version', 'runtime', 'image']));
    expect(await complete(`${head}purpose: `, 2, 9)).toEqual(['production', 'development']);
    expect(await complete(`${head}base:\n  arch: `, 3, 8)).toEqual(['amd64', 'arm64']);
    expect(await complete(`${head}datastore:\n  version: `, 3, 11)).toEqual(expect.arrayContaining(['"10.11"', '"8.0"']));
    const overlayHead = '# yaml-language-server: $schema=../schemas/recipe-overlay.schema.json\ntib: 1\n';
    const datasources = await completions(`${overlayHead}system:\n  cloudInit:\n    datasources: `, 4, 17);
    expect(datasources.map((i) => i.insertText ?? '').join('\n')).toMatch(/ConfigDrive[\s\S]*OpenStack/);
  });

  it('validates what tib init writes, wherever it writes it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-init-editor-'));
    try {
      const file = path.join(dir, 'nested', 'mine.yaml');
      fs.mkdirSync(path.dirname(file));
      expect((await runCli(['init', '-o', file], { cwd: dir })).code).toBe(0);
      const text = fs.readFileSync(file, 'utf8');
      expect(text).toMatch(MODELINE);
      expect(text).not.toMatch(/https?:/);
      expect(await problems(file, text)).toEqual([]);
      expect(requested).toContain(pathToFileURL(path.join(root, 'schemas', 'recipe.schema.json')).href);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('tib schema', () => {
  it('prints the shipped schemas, or where they are', async () => {
    for (const [kind, file] of [
      ['recipe', 'recipe.schema.json'],
      ['overlay', 'recipe-overlay.schema.json'],
      ['manifest', 'manifest.schema.json'],
      ['run-events', 'run-events.schema.json'],
    ]) {
      const printed = await runCli(['schema', kind!]);
      expect(printed.code).toBe(0);
      expect(printed.stdout).toBe(fs.readFileSync(path.join(root, 'schemas', file!), 'utf8'));
      expect((await runCli(['schema', kind!, '--path'])).stdout).toBe(`${path.join(root, 'schemas', file!)}\n`);
    }
    expect((await runCli(['schema'])).stdout).toBe(fs.readFileSync(path.join(root, 'schemas', 'recipe.schema.json'), 'utf8'));
    expect((await runCli(['schema', 'plan'])).code).toBe(2);
  });

  it('names no host that cannot resolve, anywhere', () => {
    const unresolvable = ['tib', 'invalid'].join('.');
    const files = fg.sync(['schemas/**', 'templates/**', 'recipes/**', 'docs/**', 'packages/*/src/**', 'README.md'], { cwd: root });
    expect(files.filter((f) => fs.readFileSync(path.join(root, f), 'utf8').includes(unresolvable))).toEqual([]);
  });
});
