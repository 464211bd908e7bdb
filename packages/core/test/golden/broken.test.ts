/**
 * The corpus of broken recipes: every `broken/<case>.yaml` has a baseline
 * `broken/<case>.errors.txt` with its diagnostics (code, file:line:col, message).
 * UPDATE_GOLDEN=1 rewrites the baselines; without it a missing baseline fails.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { memoryHost, validateRecipe } from '../../src';
import { renderBaseline } from './baseline';
import { updatingGolden } from './update-golden';

// Evaluated when the file loads: under CI with UPDATE_GOLDEN=1 the whole suite fails.
const UPDATE = updatingGolden();

const dir = path.join(__dirname, 'broken');
const files: Record<string, string> = {};
for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) {
  const full = path.join(dir, name);
  if (fs.statSync(full).isFile() && !name.endsWith('.errors.txt')) files[`broken/${name}`] = fs.readFileSync(full, 'utf8');
}
const cases = Object.keys(files).filter((f) => /^broken\/[^/]+\.yaml$/.test(f)).sort();

describe('broken recipes', () => {
  it('has at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('%s', (file) => {
    const host = memoryHost(files);
    const overrides = file.includes('set-') ? (files[file]?.match(/^# set: (.*)$/gm) ?? []).map((l) => l.slice('# set: '.length)) : [];
    const result = validateRecipe(file, host, { set: overrides });
    expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    for (const d of result.diagnostics) {
      expect(d.code).toMatch(/^TIB\d{4}$/);
      expect(d.file).toBeDefined();
    }
    const actual = renderBaseline(result.loaded.files, result.diagnostics);
    const baseline = path.join(dir, `${path.basename(file, '.yaml')}.errors.txt`);
    if (UPDATE) fs.writeFileSync(baseline, actual);
    expect(fs.existsSync(baseline)).toBe(true);
    expect(actual).toBe(fs.readFileSync(baseline, 'utf8'));
  });
});
