/** Recipes the rule tables patch, and the row type (rules.test.ts). */
import { BASE_RECIPE, with_ } from '../helpers';

export type Row = [label: string, recipe: Record<string, unknown>, expected: string[]];

export const rhel9 = with_(BASE_RECIPE, {
  base: { distro: 'rhel', release: '9', image: { source: 'local', path: 'rhel.qcow2', sha256: 'a'.repeat(64) } },
  datastore: { type: 'mysql', version: '8.0' },
  guestagent: { source: 'rdo', release: 'epoxy' },
});
export const focalNative = with_(BASE_RECIPE, {
  base: { distro: 'ubuntu', release: 'focal' },
  datastore: { type: 'mariadb', version: '10.3', runtime: 'native' },
  guestagent: { source: 'git', ref: 'ussuri-eol' },
});
export const centos7 = with_(BASE_RECIPE, {
  base: { distro: 'centos', release: '7' },
  datastore: { type: 'postgresql', version: '12' },
  guestagent: { source: 'rdo', release: 'train' },
});
