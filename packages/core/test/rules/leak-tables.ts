/** The rule tables for where a secret or the build host could be reached (rules.test.ts). */
import { BASE_RECIPE, with_ } from '../helpers';
import { rhel9 } from './fixtures';
import type { Row } from './fixtures';

const KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----';
const dev = with_(BASE_RECIPE, { purpose: 'development' });

export const LEAK_TABLES: Record<string, { codes: string[]; rows: Row[] }> = {
  secretsOutsideDibVariables: {
    codes: ['TIB3038'],
    rows: [
      ['password from a plain variable', with_(dev, { access: { password: { env: 'DEV_PASSWORD' } } }), []],
      ['password from a file', with_(dev, { access: { password: { file: 'pw' } } }), []],
      ['password from DIB_DEV_USER_PASSWORD', with_(dev, { access: { password: { env: 'DIB_DEV_USER_PASSWORD' } } }), ['TIB3038']],
      [
        'subscription password and key from DIB_ names',
        with_(rhel9, {
          rhel: {
            subscription: { method: 'portal', user: 'u', password: { env: 'DIB_RHSM_PW' }, activationKey: { env: 'DIB_KEY' }, org: 'o' },
          },
        }),
        ['TIB3038'],
      ],
    ],
  },
  environmentKeepsHostIntact: {
    codes: ['TIB3039'],
    rows: [
      ['a DIB knob', with_(BASE_RECIPE, { environment: { DIB_MIN_TMPFS: 3, http_proxy: 'http://proxy:3128' } }), []],
      ['PATH', with_(BASE_RECIPE, { environment: { PATH: '/tmp/evil:/usr/bin' } }), ['TIB3039']],
      ['LD_PRELOAD and LD_LIBRARY_PATH', with_(BASE_RECIPE, { environment: { LD_PRELOAD: '/x.so', LD_LIBRARY_PATH: '/x' } }), ['TIB3039']],
      ['BASH_ENV', with_(BASE_RECIPE, { environment: { BASH_ENV: '/tmp/x' } }), ['TIB3039']],
      ['an exported-function name', with_(BASE_RECIPE, { environment: { BASH_FUNC_ls: '() { :; }' } }), ['TIB3039']],
      ['PYTHONPATH (DIB is Python)', with_(BASE_RECIPE, { environment: { PYTHONPATH: '/tmp' } }), ['TIB3039']],
      ['DIB_DEBUG_TRACE: secrets into the log', with_(BASE_RECIPE, { environment: { DIB_DEBUG_TRACE: 1 } }), ['TIB3039']],
    ],
  },
  noPrivateKeys: {
    codes: ['TIB3014'],
    rows: [
      ['none', BASE_RECIPE, []],
      ['in an environment value', with_(BASE_RECIPE, { environment: { KEY_MATERIAL: KEY } }), ['TIB3014']],
      ['a key header in output.directory', with_(BASE_RECIPE, { output: { directory: '-----BEGIN RSA PRIVATE KEY-----' } }), ['TIB3014']],
      ['a PuTTY key in the mirror', with_(BASE_RECIPE, { environment: { NOTE: 'PuTTY-User-Key-File-3: ssh-ed25519' } }), ['TIB3014']],
    ],
  },
};
