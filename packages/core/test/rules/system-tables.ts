/** The rule tables for access, subscription, files and system settings (rules.test.ts). */
import { BASE_RECIPE, with_, without } from '../helpers';
import { centos7, focalNative, rhel9 } from './fixtures';
import type { Row } from './fixtures';

export const SYSTEM_TABLES: Record<string, { codes: string[]; rows: Row[] }> = {
  accessOnlyDevelopment: {
    codes: ['TIB3013'],
    rows: [
      [
        'dev access',
        with_(BASE_RECIPE, { purpose: 'development', access: { sshKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG8c dev'] } }),
        [],
      ],
      ['prod access', with_(BASE_RECIPE, { access: { sshKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG8c dev'] } }), ['TIB3013']],
      ['explicit production', with_(BASE_RECIPE, { purpose: 'production', access: { user: 'dev' } }), ['TIB3013']],
    ],
  },
  sshKeysArePublic: {
    codes: ['TIB3014', 'TIB2005'],
    rows: [
      [
        'ed25519 key',
        with_(BASE_RECIPE, { purpose: 'development', access: { sshKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG8c dev@host'] } }),
        [],
      ],
      ['rsa key', with_(BASE_RECIPE, { purpose: 'development', access: { sshKeys: ['ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ== a'] } }), []],
      [
        'private key inline',
        with_(BASE_RECIPE, { purpose: 'development', access: { sshKeys: ['-----BEGIN OPENSSH PRIVATE KEY----- b3BlbnNzaC1rZXktdjE='] } }),
        ['TIB3014'],
      ],
      ['not a key', with_(BASE_RECIPE, { purpose: 'development', access: { sshKeys: ['hello world'] } }), ['TIB2005']],
    ],
  },
  subscriptionOnlyRhel: {
    codes: ['TIB3010'],
    rows: [
      ['rhel', with_(rhel9, { rhel: { subscription: { method: 'disable' } } }), []],
      ['debian', with_(BASE_RECIPE, { rhel: { subscription: { method: 'disable' } } }), ['TIB3010']],
    ],
  },
  subscriptionComplete: {
    codes: ['TIB3025'],
    rows: [
      ['portal user+password', with_(rhel9, { rhel: { subscription: { method: 'portal', user: 'u', password: { env: 'P' } } } }), []],
      ['portal key+org', with_(rhel9, { rhel: { subscription: { method: 'portal', activationKey: { env: 'K' }, org: '123' } } }), []],
      ['portal nothing', with_(rhel9, { rhel: { subscription: { method: 'portal' } } }), ['TIB3025']],
      ['key without org', with_(rhel9, { rhel: { subscription: { method: 'portal', activationKey: { env: 'K' } } } }), ['TIB3025']],
      [
        'satellite without url',
        with_(rhel9, { rhel: { subscription: { method: 'satellite', activationKey: { env: 'K' }, org: 'o' } } }),
        ['TIB3025'],
      ],
      [
        'pool with autoAttach',
        with_(rhel9, { rhel: { subscription: { method: 'portal', user: 'u', password: { env: 'P' }, pool: 'abc', autoAttach: true } } }),
        ['TIB3025'],
      ],
      ['disable with user', with_(rhel9, { rhel: { subscription: { method: 'disable', user: 'u' } } }), ['TIB3025']],
    ],
  },
  sha256Required: {
    codes: ['TIB3015'],
    rows: [
      ['local with sha', rhel9, []],
      ['local without sha', without(rhel9, 'base.image.sha256'), ['TIB3015']],
      [
        'package without sha',
        with_(focalNative, { datastore: { type: 'vertica', version: '10', package: { file: 'v.deb' } } }),
        ['TIB3015'],
      ],
      ['image archive without sha', with_(BASE_RECIPE, { datastore: { images: [{ file: 'a.tar' }] } }), ['TIB3015']],
    ],
  },
  filesExist: {
    codes: ['TIB3016'],
    rows: [
      ['no files', BASE_RECIPE, []],
      ['missing archive', with_(BASE_RECIPE, { datastore: { images: [{ file: 'a.tar', sha256: 'd'.repeat(64) }] } }), ['TIB3016(w)']],
      ['present archive', with_(BASE_RECIPE, { datastore: { images: [{ file: 'present.tar', sha256: 'd'.repeat(64) }] } }), []],
    ],
  },
  configDriveForNovaFiles: {
    codes: ['TIB3035'],
    rows: [
      ['Trove 13, default datasources', focalNative, []],
      ['Trove 13, metadata only', with_(focalNative, { system: { cloudInit: { datasources: ['OpenStack'] } } }), ['TIB3035']],
      ['Trove 12 (RDO), metadata only', with_(centos7, { system: { cloudInit: { datasources: ['OpenStack'] } } }), ['TIB3035']],
      [
        'Trove 16, NoCloud only',
        with_(BASE_RECIPE, { guestagent: { source: 'git', ref: 'xena-eol' }, system: { cloudInit: { datasources: ['NoCloud'] } } }),
        ['TIB3035'],
      ],
      [
        'Trove 17 writes files from user data',
        with_(BASE_RECIPE, { guestagent: { source: 'git', ref: 'yoga-eol' }, system: { cloudInit: { datasources: ['OpenStack'] } } }),
        [],
      ],
      ['Trove 18, metadata only', with_(BASE_RECIPE, { system: { cloudInit: { datasources: ['OpenStack'] } } }), []],
    ],
  },
  datasourcesIncludeOpenStack: {
    codes: ['TIB3017'],
    rows: [
      ['default', BASE_RECIPE, []],
      ['config drive only', with_(BASE_RECIPE, { system: { cloudInit: { datasources: ['ConfigDrive'] } } }), ['TIB3017(w)']],
      ['config drive only is right for Trove 13', with_(focalNative, { system: { cloudInit: { datasources: ['ConfigDrive'] } } }), []],
    ],
  },
  repositoriesFitFamily: {
    codes: ['TIB3026', 'TIB2010'],
    rows: [
      [
        'apt repo on debian',
        with_(BASE_RECIPE, {
          system: {
            repositories: [
              { name: 'x', uri: 'https://example.com/apt', key: { url: 'https://example.com/k', fingerprint: 'A'.repeat(40) } },
            ],
          },
        }),
        [],
      ],
      [
        'yum repo on debian',
        with_(BASE_RECIPE, {
          system: {
            repositories: [
              { name: 'x', baseurl: 'https://example.com/yum', key: { url: 'https://example.com/k', fingerprint: 'A'.repeat(40) } },
            ],
          },
        }),
        ['TIB3026'],
      ],
      [
        'apt repo on rhel',
        with_(rhel9, {
          system: {
            repositories: [
              { name: 'x', uri: 'https://example.com/apt', key: { url: 'https://example.com/k', fingerprint: 'A'.repeat(40) } },
            ],
          },
        }),
        ['TIB3026'],
      ],
      ['unsigned', with_(BASE_RECIPE, { system: { repositories: [{ name: 'x', uri: 'https://example.com/apt' }] } }), ['TIB3026']],
      [
        'key file and url',
        with_(BASE_RECIPE, {
          system: {
            repositories: [
              {
                name: 'x',
                uri: 'https://example.com/apt',
                key: { url: 'https://example.com/k', file: 'k.asc', fingerprint: 'A'.repeat(40) },
              },
            ],
          },
        }),
        ['TIB3026'],
      ],
      [
        'same name twice',
        with_(BASE_RECIPE, {
          system: {
            repositories: [
              { name: 'x', uri: 'https://example.com/a', key: { url: 'https://example.com/k', fingerprint: 'A'.repeat(40) } },
              { name: 'x', uri: 'https://example.com/b', key: { url: 'https://example.com/k', fingerprint: 'A'.repeat(40) } },
            ],
          },
        }),
        ['TIB2010'],
      ],
    ],
  },
  environmentAllowed: {
    codes: ['TIB3023'],
    rows: [
      ['plain knob', with_(BASE_RECIPE, { environment: { DIB_MIN_TMPFS: 3 } }), []],
      ['reserved DIB_RELEASE', with_(BASE_RECIPE, { environment: { DIB_RELEASE: 'trixie' } }), ['TIB3023']],
      ['REG_ variable', with_(BASE_RECIPE, { environment: { REG_PASSWORD: 'x' } }), ['TIB3023']],
      ['secret-looking', with_(BASE_RECIPE, { environment: { DIB_ROOT_PASSWORD: 'hunter2' } }), ['TIB3023']],
    ],
  },
  extraElementsAllowed: {
    codes: ['TIB3024'],
    rows: [
      ['growroot', with_(BASE_RECIPE, { elements: { add: ['growroot'] } }), []],
      ['second OS element', with_(BASE_RECIPE, { elements: { add: ['ubuntu-minimal'] } }), ['TIB3024']],
      ['tib element', with_(BASE_RECIPE, { elements: { add: ['tib-docker'] } }), ['TIB3024']],
    ],
  },
};
