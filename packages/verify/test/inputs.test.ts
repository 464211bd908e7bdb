import { guestfishQuote, guestfsEnv } from '../src/inspect/guestfish';
import { contentWanted } from '../src/inspect/keep';
import { secretValuesFor } from '../src/secrets';
import { CONTAINER_RECIPE, planFor } from './support/plans';

describe("secret values come from the recipe's own references", () => {
  const plan = planFor({
    ...CONTAINER_RECIPE,
    purpose: 'development',
    access: { sshKeys: ['ssh-ed25519 AAAAC3NzaC1 me'], password: { env: 'DEV_PW' } },
  });
  const filePlan = planFor(
    {
      ...CONTAINER_RECIPE,
      purpose: 'development',
      access: { sshKeys: ['ssh-ed25519 AAAAC3NzaC1 me'], password: { file: 'secrets/pw.txt' } },
    },
    { 'secrets/pw.txt': 'x' },
  );

  test.each([
    [{ DEV_PW: 'hunter2-canary' }, ['hunter2-canary'], []],
    [{}, [], ['development login password ($DEV_PW)']],
    [{ DEV_PW: '' }, [], ['development login password ($DEV_PW)']],
  ])('env %j', (env, values, missing) => {
    expect(secretValuesFor(plan, { env, recipeDir: '/r', readFile: () => ({ ok: false, reason: 'missing', message: 'no file' }) })).toEqual(
      { values, missing },
    );
  });

  test('a {file} reference reads the first line, relative to the recipe', () => {
    const read: string[] = [];
    const r = secretValuesFor(filePlan, {
      env: {},
      recipeDir: '/recipes',
      readFile: (p) => {
        read.push(p);
        return { ok: true, text: 'file-canary-value\nsecond line\n' };
      },
    });
    expect(read).toEqual(['/recipes/secrets/pw.txt']);
    expect(r.values).toEqual(['file-canary-value']);
  });
});

describe('libguestfs settings', () => {
  test.each([
    [{}, false, { LIBGUESTFS_BACKEND: 'direct', LIBGUESTFS_BACKEND_SETTINGS: 'force_tcg' }],
    [{}, true, { LIBGUESTFS_BACKEND: 'direct' }],
    [
      { LIBGUESTFS_BACKEND: 'libvirt', LIBGUESTFS_BACKEND_SETTINGS: 'force_tcg' },
      false,
      { LIBGUESTFS_BACKEND: 'libvirt', LIBGUESTFS_BACKEND_SETTINGS: 'force_tcg' },
    ],
    [{ LIBGUESTFS_BACKEND_SETTINGS: 'gdb' }, false, { LIBGUESTFS_BACKEND: 'direct', LIBGUESTFS_BACKEND_SETTINGS: 'gdb:force_tcg' }],
  ])('env %j, kvm usable %s', (env, kvm, expected) => {
    expect(guestfsEnv(env, kvm)).toEqual(expected);
  });

  test.each([
    ['/tmp/a b/tree.fifo', '"/tmp/a b/tree.fifo"'],
    ['a"b\\c', '"a\\"b\\\\c"'],
  ])('guestfishQuote(%j)', (arg, quoted) => {
    expect(guestfishQuote(arg)).toBe(quoted);
  });
});

describe('content kept from a streamed image', () => {
  const keep = contentWanted(planFor(CONTAINER_RECIPE).expectations);
  test.each([
    ['/etc/passwd', 1000, true],
    ['/etc/huge.bin', 10 * 1024 * 1024, false],
    ['/var/lib/dpkg/status', 2 * 1024 * 1024, true],
    ['/usr/lib/os-release', 300, true],
    ['/home/dev/.ssh/authorized_keys', 100, true],
    ['/usr/bin/dockerd', 75_000_000, false],
    ['/var/lib/rpm/rpmdb.sqlite', 50_000_000, true],
    ['/boot/grub/grub.cfg', 9000, true],
  ])('%s (%i bytes): %s', (path, size, kept) => {
    expect(keep(path, size)).toBe(kept);
  });
});
