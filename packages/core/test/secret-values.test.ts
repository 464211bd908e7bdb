import { readSecretValues, secretReference } from '../src/plan/secret-values';
import type { SecretFileRead } from '../src/plan/secret-values';
import { compilePlan, memoryHost } from '../src';

const recipe = (password: string): string => `tib: 1
name: s
purpose: development
base: { distro: debian, release: bookworm }
datastore: { type: mariadb, version: "10.11" }
guestagent: { source: package }
access:
  sshKeys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ4nqvyLhXnO3sZcJyJ9zX1uHqk0x5sYQ0cQ2qv3Yy9s me"]
  password: ${password}
`;

function planOf(password: string) {
  const r = compilePlan(
    { recipePath: 'r.yaml', elementsDir: '/none', tibVersion: '0.0.0', set: [], mode: 'validate' },
    memoryHost({ 'r.yaml': recipe(password), 'secrets/pw.txt': 'x\n' }),
  );
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.plan;
}

describe('readSecretValues: the value the script sees', () => {
  const envPlan = planOf('{ env: DEV_PW }');
  const filePlan = planOf('{ file: secrets/pw.txt }');
  const noFile = (): SecretFileRead => ({ ok: false, reason: 'missing', message: 'not there' });

  test.each([
    ['set', { DEV_PW: 'hunter2' }, 'hunter2'],
    ['set empty (the script passes it empty too)', { DEV_PW: '' }, ''],
    ['with spaces and quotes, verbatim', { DEV_PW: ` a'b"c ` }, ` a'b"c `],
  ])('{env}: %s', (_, env, value) => {
    const r = readSecretValues(envPlan, { env, recipeDir: '/r', readFile: noFile });
    expect(r.problems).toEqual([]);
    expect([...r.values.values()]).toEqual([value]);
  });

  test('{env} unset is a problem naming the variable, with no value', () => {
    const r = readSecretValues(envPlan, { env: {}, recipeDir: '/r', readFile: noFile });
    expect(r.values.size).toBe(0);
    expect(r.problems).toEqual([expect.objectContaining({ reason: 'unset', from: { env: 'DEV_PW' } })]);
    expect(r.problems[0]?.message).toContain('DEV_PW');
  });

  test.each([
    ['one line', 'pw1\n', 'pw1'],
    ['no newline', 'pw2', 'pw2'],
    ['first of several lines', 'pw3\nsecond\n', 'pw3'],
    ['empty file', '', ''],
    ['CR kept, as read -r keeps it', 'pw4\r\n', 'pw4\r'],
  ])('{file}: %s', (_, text, value) => {
    const asked: string[] = [];
    const r = readSecretValues(filePlan, {
      env: {},
      recipeDir: '/r',
      readFile: (p) => {
        asked.push(p);
        return { ok: true, text };
      },
    });
    expect(asked).toEqual(['/r/secrets/pw.txt']);
    expect([...r.values.values()]).toEqual([value]);
  });

  test.each(['missing', 'unreadable', 'refused'] as const)('{file} %s is a problem with that reason', (reason) => {
    const r = readSecretValues(filePlan, { env: {}, recipeDir: '/r', readFile: () => ({ ok: false, reason, message: `it is ${reason}` }) });
    expect(r.values.size).toBe(0);
    expect(r.problems).toEqual([expect.objectContaining({ reason, message: `it is ${reason}`, from: { file: 'secrets/pw.txt' } })]);
  });

  test('references read as in the recipe', () => {
    expect(secretReference({ env: 'A' })).toBe('{env: A}');
    expect(secretReference({ file: 'x/y' })).toBe('{file: x/y}');
  });
});
