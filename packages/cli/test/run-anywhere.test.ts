/**
 * A compiled script runs from any working directory: it finds the recipe's directory
 * from its own location (a path computed when it was compiled, relative to where it was
 * written), not from the directory it is run in. Each build here runs against the fake
 * DIB from a directory that is neither the script's nor the recipe's, and checks that
 * the recipe's ssh key (a file relative to the recipe) reached DIB from the right place.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createFakeDib } from './support/fake-dib';
import type { FakeDib } from './support/fake-dib';
import { REPO_ROOT } from './support/run-cli';
import { runScript, spawnTib } from './support/spawn-tib';

const RECIPE = 'recipes/env/dev.yaml';
const IMAGE = 'postgresql-dev.qcow2';

describe('a compiled script run from another directory', () => {
  let dib: FakeDib;
  let tmp: string;
  let n = 0;
  beforeAll(() => {
    dib = createFakeDib();
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tib-anywhere-')));
  });
  afterAll(() => {
    dib.cleanup();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** A copy of the example recipe tree (recipes/env: base, dev and its key) with an empty scripts/, and a directory elsewhere to run from. */
  function setUp(): { tree: string; elsewhere: string } {
    const root = path.join(tmp, `case-${n++}`);
    const tree = path.join(root, 'tree');
    const elsewhere = path.join(root, 'elsewhere', 'deeper');
    fs.cpSync(path.join(REPO_ROOT, 'recipes/env'), path.join(tree, 'recipes/env'), { recursive: true });
    fs.mkdirSync(path.join(tree, 'scripts'));
    fs.mkdirSync(elsewhere, { recursive: true });
    return { tree, elsewhere };
  }

  function compile(args: string[], cwd: string): string {
    const r = spawnTib(['compile', ...args], { cwd });
    expect(r.stderr).not.toMatch(/error TIB/);
    expect(r.status).toBe(0);
    return r.stdout;
  }

  /** The build succeeded, with the key read from the recipe tree at `tree`, and the image where it was asked to go. */
  function expectBuilt(ran: { status: number | null; stderr: string }, tree: string, out: string): void {
    expect(ran.stderr).toMatch(/built:/);
    expect(ran.status).toBe(0);
    expect(dib.record().env['TIB_INPUT_SSH_KEY_0']).toBe(path.join(tree, 'recipes/env/keys/dev.pub'));
    expect(fs.existsSync(path.join(out, IMAGE))).toBe(true);
  }

  it('compiled with -o into a directory, runs by absolute and by relative path from elsewhere', () => {
    const { tree, elsewhere } = setUp();
    compile([RECIPE, '-o', 'scripts/build.sh'], tree);
    const script = path.join(tree, 'scripts/build.sh');
    expect(fs.readFileSync(script, 'utf8')).not.toContain(tmp);

    const out = path.join(elsewhere, 'out-abs');
    expectBuilt(runScript(script, ['--out', out], { cwd: elsewhere, env: dib.env }), tree, out);

    // Executed through its shebang by a path relative to the working directory.
    const relative = path.relative(elsewhere, script);
    expect(relative.startsWith('../')).toBe(true);
    const r = spawnSync(relative, ['--out', 'out-rel'], { cwd: elsewhere, env: dib.env, encoding: 'utf8', timeout: 120000 });
    expectBuilt(r, tree, path.join(elsewhere, 'out-rel'));
  });

  it('still builds once the script and the recipe tree are moved together', () => {
    const { tree, elsewhere } = setUp();
    compile([RECIPE, '-o', 'scripts/build.sh'], tree);
    const moved = `${tree}-moved`;
    fs.renameSync(tree, moved);
    const out = path.join(elsewhere, 'out');
    expectBuilt(runScript(path.join(moved, 'scripts/build.sh'), ['--out', out], { cwd: elsewhere, env: dib.env }), moved, out);
  });

  it('compiled to stdout in the recipe tree and saved there, runs from elsewhere, the same bytes as -o there', () => {
    const { tree, elsewhere } = setUp();
    const text = compile([RECIPE], tree);
    const script = path.join(tree, 'build.sh');
    fs.writeFileSync(script, text, { mode: 0o755 });
    expect(text).toMatch(/^ {4}recipe_dir=\$\{script_dir%\/\}\/recipes\/env$/m);
    compile([RECIPE, '-o', 'again.sh'], tree);
    expect(fs.readFileSync(path.join(tree, 'again.sh'), 'utf8')).toBe(text);

    const out = path.join(elsewhere, 'out');
    expectBuilt(runScript(script, ['--out', out], { cwd: elsewhere, env: dib.env }), tree, out);
  });

  it('compiled to stdout in the recipe directory itself, runs from elsewhere', () => {
    const { tree, elsewhere } = setUp();
    const recipeDir = path.join(tree, 'recipes/env');
    const text = compile(['dev.yaml'], recipeDir);
    expect(text).toMatch(/^ {4}recipe_dir=\$\{script_dir:-\/\}$/m);
    const script = path.join(recipeDir, 'build.sh');
    fs.writeFileSync(script, text, { mode: 0o755 });
    const out = path.join(elsewhere, 'out');
    expectBuilt(runScript(script, ['--out', out], { cwd: elsewhere, env: dib.env }), tree, out);
  });

  it('puts a recipe-relative output directory beside the recipe, not under the working directory', () => {
    const { tree, elsewhere } = setUp();
    // A --set path is relative to where tib compile runs: here, tree/images-here.
    compile([RECIPE, '--set', 'output.directory=images-here', '-o', 'scripts/build.sh'], tree);
    const ran = runScript(path.join(tree, 'scripts/build.sh'), [], { cwd: elsewhere, env: dib.env });
    expectBuilt(ran, tree, path.join(tree, 'images-here'));
    expect(fs.readdirSync(elsewhere)).toEqual([]);
  });

  it('found through a symlink to it, and read from standard input in its own directory', () => {
    const { tree, elsewhere } = setUp();
    compile([RECIPE, '-o', 'scripts/build.sh'], tree);
    const link = path.join(elsewhere, 'linked.sh');
    fs.symlinkSync(path.join(tree, 'scripts/build.sh'), link);
    expectBuilt(runScript(link, ['--out', 'out-link'], { cwd: elsewhere, env: dib.env }), tree, path.join(elsewhere, 'out-link'));

    const stdin = spawnSync('bash', ['-s', '--', '--out', path.join(elsewhere, 'out-stdin')], {
      cwd: path.join(tree, 'scripts'),
      env: dib.env,
      encoding: 'utf8',
      input: fs.readFileSync(path.join(tree, 'scripts/build.sh'), 'utf8'),
      timeout: 120000,
    });
    expectBuilt(stdin, tree, path.join(elsewhere, 'out-stdin'));
  });

  it('keeps an absolute recipe path absolute, whatever the script location', () => {
    const { tree, elsewhere } = setUp();
    const recipe = path.join(tree, RECIPE);
    fs.mkdirSync(path.join(tree, 'a'));
    compile([recipe, '-o', 'a/build.sh'], tree);
    compile([recipe, '-o', path.join(elsewhere, 'b.sh')], tree);
    const a = fs.readFileSync(path.join(tree, 'a/build.sh'), 'utf8');
    expect(fs.readFileSync(path.join(elsewhere, 'b.sh'), 'utf8')).toBe(a);
    expect(a).toContain(`    recipe_dir=${path.dirname(recipe)}\n`);
    expect(a).not.toContain('script_dir');
    const out = path.join(elsewhere, 'out');
    expectBuilt(runScript(path.join(elsewhere, 'b.sh'), ['--out', out], { cwd: elsewhere, env: dib.env }), tree, out);
  });

  it('lets TIB_RECIPE_DIR point at a recipe tree moved without the script', () => {
    const { tree, elsewhere } = setUp();
    compile([RECIPE, '-o', 'scripts/build.sh'], tree);
    const script = path.join(elsewhere, 'build.sh');
    fs.renameSync(path.join(tree, 'scripts/build.sh'), script);
    const stranded = runScript(script, ['--out', 'out'], { cwd: elsewhere, env: dib.env });
    expect(stranded.status).toBe(3);
    expect(stranded.stderr).toMatch(/ssh-key keys\/dev\.pub: file .*\/keys\/dev\.pub does not exist/);

    const env = { ...dib.env, TIB_RECIPE_DIR: path.join(tree, 'recipes/env') };
    expectBuilt(runScript(script, ['--out', 'out'], { cwd: elsewhere, env }), tree, path.join(elsewhere, 'out'));
  });

  it('quotes a script directory and a recipe directory whose names end in a line break', () => {
    const { tree, elsewhere } = setUp();
    const hostileRecipes = path.join(tree, "it's $(x)\n");
    fs.renameSync(path.join(tree, 'recipes'), hostileRecipes);
    fs.mkdirSync(path.join(tree, 'scripts\n'));
    compile([path.join(path.basename(hostileRecipes), 'env/dev.yaml'), '-o', 'scripts\n/build.sh'], tree);
    const script = path.join(tree, 'scripts\n/build.sh');
    expect(spawnSync('bash', ['-n', script]).status).toBe(0);
    const ran = runScript(script, ['--out', 'out'], { cwd: elsewhere, env: dib.env });
    expect(ran.stderr).toMatch(/built:/);
    expect(ran.status).toBe(0);
    expect(dib.record().env['TIB_INPUT_SSH_KEY_0']).toBe(path.join(hostileRecipes, 'env/keys/dev.pub'));
  });
});
