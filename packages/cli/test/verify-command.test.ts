import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from './support/run-cli';

// Only the paths that stop before an image is opened: the real inspections and boots
// are in packages/verify/test-integration.
describe('tib verify: usage', () => {
  test('--recipe is required', async () => {
    const r = await runCli(['verify', 'image.qcow2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--recipe RECIPE is required');
  });

  test('--accel takes kvm or tcg', async () => {
    const r = await runCli(['verify', 'image.qcow2', '--recipe', 'recipes/debian-bookworm-mariadb.yaml', '--accel', 'hvf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--accel must be kvm or tcg, not 'hvf'");
  });

  test('a missing image is a clear usage error, without a stack trace', async () => {
    const r = await runCli(['verify', '/nonexistent/image.qcow2', '--recipe', 'recipes/debian-bookworm-mariadb.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('tib verify: no image at /nonexistent/image.qcow2\n');
  });

  test('an invalid recipe exits 1 with its diagnostics', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tib-verify-cli-'));
    try {
      fs.writeFileSync(path.join(dir, 'image.qcow2'), '');
      fs.writeFileSync(path.join(dir, 'bad.yaml'), 'tib: 1\nbase: {distro: debian, release: bookworm}\n');
      const r = await runCli(['verify', 'image.qcow2', '--recipe', 'bad.yaml'], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/TIB\d{4}/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('--help describes the command', async () => {
    const r = await runCli(['verify', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--boot');
  });
});
