/**
 * The recipe v1 JSON Schema, the single source of truth for the recipe's shape.
 * Written as code so shared pieces (paths, checksums, secret references) are defined
 * once. `npm run gen` writes schemas/recipe.schema.json and the TypeScript types from
 * it; a test fails when either is stale.
 */

// Absolute guest paths end up in unit files, sudo rules and manifests: keep them to
// characters that need no quoting anywhere.
const absPath = (description: string) => ({
  type: 'string',
  pattern: '^/[A-Za-z0-9._+@/-]*$',
  maxLength: 4096,
  description,
});
const relOrAbsPath = (description: string) => ({
  type: 'string',
  minLength: 1,
  maxLength: 4096,
  pattern: '^[^\\u0000\\n\\r]+$',
  description,
});
const sha256 = (description: string) => ({
  type: 'string',
  pattern: '^[0-9a-f]{64}$',
  description: `${description} (64 lowercase hex digits)`,
});
const url = (description: string) => ({
  type: 'string',
  pattern: '^(https?|file)://[^\\s\\u0000-\\u001f\\u007f\'"`$\\\\]+$',
  maxLength: 2048,
  description,
});
const fileWithSha = (description: string) => ({
  type: 'object',
  additionalProperties: false,
  required: ['file'],
  description,
  properties: {
    file: relOrAbsPath('Path of the file on the build host, relative to this recipe.'),
    sha256: sha256('Expected SHA-256 of the file; tib verifies it before DIB sees the file'),
  },
});

// `default` is given to enums and lists only: a YAML language server offers it first
// when completing the value, whereas a scalar default would be written into every
// snippet of the parent object. Other defaults are in the descriptions; `examples`
// give completion values where no enum does.
const DATASTORE_VERSION = {
  type: 'string',
  pattern: '^[0-9][0-9A-Za-z.+~-]*$',
  maxLength: 32,
  description:
    'Datastore version, checked against the catalog for this distro/release and model. Quote it: YAML reads 8.0 as the number 8.',
  examples: ['10.11', '8.0', '15', '7.0'],
};

export const SCHEMA_DATASTORES = [
  'cassandra',
  'couchbase',
  'couchdb',
  'db2',
  'mariadb',
  'mongodb',
  'mysql',
  'percona',
  'postgresql',
  'pxc',
  'redis',
  'vertica',
];
export const SCHEMA_SERIES = [
  'newton',
  'ocata',
  'pike',
  'queens',
  'rocky',
  'stein',
  'train',
  'ussuri',
  'victoria',
  'wallaby',
  'xena',
  'yoga',
  'zed',
  'antelope',
  'bobcat',
  'caracal',
  'dalmatian',
  'epoxy',
  'flamingo',
  'gazpacho',
  'hibiscus',
];
export const SCHEMA_DATASOURCES = [
  'ConfigDrive',
  'OpenStack',
  'NoCloud',
  'Ec2',
  'None',
  'Azure',
  'GCE',
  'OVF',
  'MAAS',
  'CloudStack',
  'VMware',
];

/**
 * `$id`s are URNs: names that no tool tries to fetch. Editors find the schema through the
 * recipe's `# yaml-language-server: $schema=<path>` line, a path relative to the recipe
 * (see `tib init` and `tib schema`), so completion and checking work offline.
 */
export const RECIPE_SCHEMA_ID = 'urn:tib:schema:recipe:1';

export const RECIPE_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: RECIPE_SCHEMA_ID,
  title: 'Recipe',
  description: 'A tib recipe (format version 1): one Trove guest image for one environment.',
  type: 'object',
  additionalProperties: false,
  required: ['tib', 'base', 'datastore', 'guestagent'],
  definitions: {
    secretRef: {
      title: 'SecretRef',
      description:
        'A secret given by reference only: an environment variable read at build time, or a file read at build time. Literal values are refused.',
      examples: [{ env: 'RHSM_PASSWORD' }, { file: 'secrets/rhsm-password' }],
      oneOf: [
        {
          type: 'object',
          additionalProperties: false,
          required: ['env'],
          properties: {
            env: {
              type: 'string',
              pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
              maxLength: 128,
              description: 'Name of the environment variable holding the secret at build time.',
            },
          },
        },
        {
          type: 'object',
          additionalProperties: false,
          required: ['file'],
          properties: {
            file: relOrAbsPath('Path of a file holding the secret (first line, trailing newline removed), relative to this recipe.'),
          },
        },
      ],
    },
  },
  properties: {
    $schema: { type: 'string', description: 'Optional JSON Schema reference for editors; ignored by tib.' },
    tib: { const: 1, description: 'Recipe format version. Must be 1.' },
    name: {
      type: 'string',
      pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$',
      description: 'Image name; the output file is <output.directory>/<name>.<format>. Default: the recipe file name without extension.',
      examples: ['debian-bookworm-mariadb'],
    },
    extends: {
      type: 'array',
      description:
        'Recipe files merged before this one, in order (paths relative to this recipe, or absolute). Maps merge deeply; scalars and lists are replaced.',
      items: relOrAbsPath('A recipe file to merge first.'),
      examples: [['base.yaml']],
    },
    purpose: {
      enum: ['production', 'development'],
      description: 'production (default) or development. Only development images may carry debug access (`access`).',
      default: 'production',
    },
    base: {
      type: 'object',
      additionalProperties: false,
      required: ['distro', 'release'],
      description: 'The operating system of the image.',
      properties: {
        distro: { enum: ['ubuntu', 'debian', 'centos', 'rhel', 'fedora'], description: 'Distribution.' },
        release: {
          type: 'string',
          pattern: '^[a-z0-9][a-z0-9.-]*$',
          maxLength: 32,
          description:
            'Distribution release: ubuntu bionic/focal/jammy/noble, debian trixie/bookworm/bullseye, centos 7/9-stream, rhel 8/9, fedora <n>. Quote numeric releases ("9").',
          examples: ['bookworm', 'trixie', 'jammy', 'noble', '9-stream', '9'],
        },
        arch: { enum: ['amd64', 'arm64'], description: 'Target architecture (default amd64).', default: 'amd64' },
        image: {
          type: 'object',
          additionalProperties: false,
          required: ['source'],
          description: 'Where the base operating system comes from.',
          properties: {
            source: {
              enum: ['download', 'cache', 'local', 'bootstrap'],
              description:
                'download: fetch the distribution cloud image (cached); cache: use the cached copy only; local: a file on the build host (`path` + `sha256`); bootstrap: build from packages (debootstrap/dnf), no cloud image.',
            },
            url: url('Override of the cloud image URL (download/cache).'),
            path: {
              ...relOrAbsPath('Path of the local base image (source: local), relative to this recipe.'),
              examples: ['images/rhel-9.4-x86_64-kvm.qcow2'],
            },
            sha256: sha256('SHA-256 of the base image; required for `local`, optional override for download'),
          },
        },
        mirror: {
          ...url('Distribution mirror used for package installs (default from the distro catalog).'),
          examples: ['http://deb.debian.org/debian', 'http://archive.ubuntu.com/ubuntu'],
        },
        securityMirror: {
          ...url('Security-updates mirror (debian; default from the distro catalog).'),
          examples: ['http://security.debian.org/debian-security'],
        },
        securityUpdates: {
          type: 'boolean',
          default: true,
          description:
            "debian: false leaves the security suite out of the image's package sources, for an archived release or a mirror that cannot serve its security pool; the image then gets no security updates (warning TIB3037).",
        },
      },
    },
    datastore: {
      type: 'object',
      additionalProperties: false,
      required: ['type'],
      description: 'The database the image serves.',
      properties: {
        type: { enum: SCHEMA_DATASTORES, description: 'Datastore (Trove manager name).' },
        version: DATASTORE_VERSION,
        runtime: {
          enum: ['native', 'container'],
          description:
            'native (packages in the image; agents up to Trove 13 Ussuri) or container (Docker; agents from Trove 14 Victoria). Default: from the agent release.',
        },
        package: fileWithSha('Vendor-supplied package file (vertica, db2, or couchbase offline) with its sha256.'),
        image: {
          enum: ['registry', 'packages'],
          description:
            "Container model: where the datastore's container image comes from. registry (default): the agent pulls <docker_image>:<version> at prepare. packages: tib builds it from the distribution's own packages and preloads it, for clouds whose instances reach no registry.",
          default: 'registry',
        },
        also: {
          type: 'array',
          maxItems: 8,
          description:
            'Container model: further datastores the same image serves (Trove runs each in its own container, so one image can be registered for several datastore versions).',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['type'],
            properties: {
              type: { enum: SCHEMA_DATASTORES, description: 'Datastore (Trove manager name).' },
              version: DATASTORE_VERSION,
              image: {
                enum: ['registry', 'packages'],
                description: 'Where its container image comes from (see datastore.image).',
                default: 'registry',
              },
            },
          },
        },
        images: {
          type: 'array',
          description: 'Container model: image archives (docker save) loaded at first boot, before the agent starts.',
          items: fileWithSha('An image archive and its sha256.'),
        },
        paths: {
          type: 'object',
          additionalProperties: false,
          description: 'Config path changes (native model). Defaults are what the guest agent expects.',
          properties: {
            dataDir: { ...absPath('Data directory (e.g. /var/lib/mysql).'), examples: ['/var/lib/mysql', '/var/lib/postgresql'] },
            configIncludeDir: { ...absPath('Config include directory (e.g. /etc/mysql/conf.d).'), examples: ['/etc/mysql/conf.d'] },
          },
        },
        autostart: {
          type: 'boolean',
          description: 'Start the database at boot. Default false: the guest agent starts it.',
        },
      },
    },
    guestagent: {
      type: 'object',
      additionalProperties: false,
      required: ['source'],
      description: 'The Trove guest agent and where it comes from.',
      properties: {
        source: {
          enum: ['git', 'package', 'rdo', 'local'],
          description:
            "git (repo + ref), package (the distribution's trove-guestagent), rdo (RDO openstack-trove-guestagent), local (a trove tree on the build host).",
        },
        repo: {
          type: 'string',
          // DIB's source-repositories evals its lines: no shell metacharacters at all.
          pattern: '^(https?://|git://|ssh://|file://|/)[A-Za-z0-9._~:/@+,=%-]+$',
          maxLength: 2048,
          description: 'git: repository URL (default https://opendev.org/openstack/trove).',
          examples: ['https://opendev.org/openstack/trove'],
        },
        ref: {
          type: 'string',
          pattern: '^(?!.*\\.\\.)(?!/)(?!.*//)[A-Za-z0-9][A-Za-z0-9._/-]*$',
          maxLength: 255,
          description:
            'git: branch, tag or commit (master; stable/ or unmaintained/<series or release id>; a <series>-eol tag; a release tag; a sha).',
          examples: ['master', 'stable/2025.1', 'unmaintained/zed', '13.0.1'],
        },
        path: { ...relOrAbsPath('local: path of a trove source tree on the build host, relative to this recipe.'), examples: ['../trove'] },
        release: {
          enum: SCHEMA_SERIES,
          description:
            "The agent's Trove release series (e.g. ussuri, zed). Required for local trees and commit ids; for rdo, the RDO release.",
        },
        requirements: {
          type: 'object',
          additionalProperties: false,
          description: 'git/local: how pip installs the agent.',
          properties: {
            file: {
              type: 'string',
              minLength: 1,
              maxLength: 2048,
              pattern: '^[^\\s\\u0000-\\u001f\\u007f\'"`$\\\\]+$',
              description: "Requirements file: a path inside the source tree, a host path, or a URL. Default: the tree's requirements.txt.",
            },
            constraints: {
              type: 'string',
              minLength: 1,
              maxLength: 2048,
              pattern: '^[^\\s\\u0000-\\u001f\\u007f\'"`$\\\\]+$',
              description:
                'Upper-constraints: a URL or a host path. Default: releases.openstack.org for the release; `none` for no constraints.',
              examples: ['none', 'https://releases.openstack.org/constraints/upper/zed'],
            },
            index: {
              enum: ['pypi', 'none'],
              description:
                'pypi (default): install dependencies from the package index; none: install offline, dependencies from distro packages only.',
              default: 'pypi',
            },
          },
        },
        user: {
          type: 'string',
          pattern: '^[a-z_][a-z0-9_-]{0,31}$',
          description:
            "The account the agent runs as (default: the source's own, trove). The controller contract sets injected_config_owner to it.",
          examples: ['trove'],
        },
        logDir: { ...absPath('Agent log directory (default /var/log/trove).'), examples: ['/var/log/trove'] },
        configDir: {
          ...absPath('Agent config directory passed as --config-dir (default /etc/trove/conf.d).'),
          examples: ['/etc/trove/conf.d'],
        },
      },
    },
    system: {
      type: 'object',
      additionalProperties: false,
      description: 'Operating system settings.',
      properties: {
        init: {
          enum: ['systemd', 'sysvinit'],
          description: "Init system for the agent's and datastore's services (default from distro/release).",
        },
        slim: {
          type: 'boolean',
          description:
            'Leave out what a database guest never uses: documentation (copyright files stay), man and info pages, translations other than English, and on Debian the generic kernel for the cloud kernel (default true; false gives a stock DIB image, e.g. to measure the difference).',
        },
        security: {
          type: 'object',
          additionalProperties: false,
          description: 'Mandatory access control.',
          properties: {
            selinux: {
              enum: ['enforcing', 'permissive', 'disabled'],
              description: 'rpm distros: SELinux mode; enforcing labels moved data/config paths.',
              default: 'permissive',
            },
            apparmor: {
              enum: ['enforce', 'complain', 'disabled'],
              description:
                'deb distros: AppArmor mode for the datastore profile, with local additions for moved paths and backup/restore dirs.',
              default: 'enforce',
            },
          },
        },
        cloudInit: {
          type: 'object',
          additionalProperties: false,
          description: 'cloud-init settings.',
          properties: {
            datasources: {
              type: 'array',
              minItems: 1,
              uniqueItems: true,
              items: { enum: SCHEMA_DATASOURCES, description: 'A cloud-init datasource name.' },
              description: 'cloud-init datasources, in order (default [ConfigDrive, OpenStack]).',
              default: ['ConfigDrive', 'OpenStack'],
            },
          },
        },
        repositories: {
          type: 'array',
          description: 'Extra apt/yum repositories, each with its signing key.',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['name'],
            description: 'One repository.',
            properties: {
              name: {
                type: 'string',
                pattern: '^[a-z0-9][a-z0-9._-]{0,63}$',
                description: 'Short name: the sources.list.d / yum.repos.d file name.',
              },
              uri: url('apt: the repository URI.'),
              suite: {
                type: 'string',
                pattern: '^[A-Za-z0-9][A-Za-z0-9._/-]*$',
                maxLength: 128,
                description: 'apt: suite (default the release codename).',
              },
              components: {
                type: 'array',
                items: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', description: 'A component.' },
                description: 'apt: components (default [main]).',
                default: ['main'],
              },
              baseurl: {
                type: 'string',
                pattern: '^(https?|file)://[^\\s\\u0000-\\u001f\\u007f\'"`\\\\]+$',
                maxLength: 2048,
                description: 'yum: base URL ($releasever and $basearch allowed).',
              },
              key: {
                type: 'object',
                additionalProperties: false,
                required: ['fingerprint'],
                description: 'Signing key: a file or a URL, plus its full fingerprint (checked at build time).',
                properties: {
                  file: relOrAbsPath('Key file (ASCII-armored or binary), relative to this recipe.'),
                  url: url('Key URL.'),
                  fingerprint: {
                    type: 'string',
                    pattern: '^[0-9A-F]{40}$',
                    description: 'Full key fingerprint, 40 uppercase hex digits without spaces.',
                  },
                },
              },
            },
          },
        },
        packages: {
          type: 'array',
          uniqueItems: true,
          items: {
            type: 'string',
            pattern: '^[A-Za-z0-9][A-Za-z0-9+._:~-]*(=[A-Za-z0-9+._:~-]+)?$',
            maxLength: 200,
            description: 'A package name, optionally name=version.',
          },
          description: 'Extra packages to install.',
          examples: [['htop']],
        },
      },
    },
    rhel: {
      type: 'object',
      additionalProperties: false,
      description: 'Red Hat Enterprise Linux settings (distro rhel only).',
      properties: {
        subscription: {
          type: 'object',
          additionalProperties: false,
          required: ['method'],
          description: 'Subscription used during the build (DIB rhel-common). Secrets by reference only.',
          properties: {
            method: {
              enum: ['portal', 'satellite', 'disable'],
              description: 'portal (Customer Portal), satellite, or disable (no registration).',
            },
            user: {
              type: 'string',
              pattern: '^[^\\s\\u0000-\\u001f\\u007f\'"`$\\\\]+$',
              maxLength: 256,
              description: 'Account user name (not secret).',
            },
            password: { $ref: '#/definitions/secretRef', description: 'Account password, by reference.' },
            activationKey: { $ref: '#/definitions/secretRef', description: 'Activation key, by reference (with org).' },
            org: { type: 'string', pattern: '^[^\\s\\u0000-\\u001f\\u007f\'"`$\\\\]+$', maxLength: 256, description: 'Organization id.' },
            pool: { type: 'string', pattern: '^[0-9a-fA-F]{1,64}$', description: 'Pool id to attach (without autoAttach).' },
            autoAttach: { type: 'boolean', description: 'Attach the best-matching subscription automatically.' },
            repos: {
              type: 'array',
              items: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', description: 'A repository id.' },
              description: 'Repository ids to enable (replaces the default base repos).',
            },
            satelliteUrl: url('Satellite server URL (method satellite).'),
            unregister: { type: 'boolean', description: 'Unregister at the end of the build (default true).' },
          },
        },
      },
    },
    access: {
      type: 'object',
      additionalProperties: false,
      description: 'Debug access, only for purpose: development.',
      properties: {
        user: {
          type: 'string',
          pattern: '^[a-z_][a-z0-9_-]{0,31}$',
          description: 'Login user that receives the keys (default devuser; created with sudo).',
          examples: ['devuser'],
        },
        sshKeys: {
          type: 'array',
          description: 'SSH public keys: inline strings or {file: PATH}.',
          examples: [[{ file: 'keys/dev.pub' }]],
          items: {
            description: 'An ssh public key line, or a file holding one or more.',
            oneOf: [
              { type: 'string', minLength: 1, maxLength: 16384, pattern: '^[^\\u0000\\n\\r]+$', description: 'A public key line.' },
              {
                type: 'object',
                additionalProperties: false,
                required: ['file'],
                properties: { file: relOrAbsPath('Public key file, relative to this recipe.') },
              },
            ],
          },
        },
        password: { $ref: '#/definitions/secretRef', description: 'Login password by reference; hashed before it enters the image.' },
      },
    },
    output: {
      type: 'object',
      additionalProperties: false,
      description: 'What the build writes.',
      properties: {
        directory: relOrAbsPath(
          'Output directory (default images/ under the current directory; relative paths are relative to this recipe).',
        ),
        formats: {
          type: 'array',
          minItems: 1,
          uniqueItems: true,
          items: { enum: ['qcow2', 'raw', 'vhd', 'tar'], description: 'An output format.' },
          description: 'Output formats (default [qcow2]).',
          default: ['qcow2'],
        },
        sizeGb: {
          type: 'number',
          minimum: 1,
          maximum: 2048,
          description: 'Disk size in GB (default from the datastore; at least what the packages need).',
          examples: [4, 6],
        },
        checksums: { type: 'boolean', description: 'Write .sha256 files beside the image (default true).' },
      },
    },
    elements: {
      type: 'object',
      additionalProperties: false,
      description: 'Escape hatch: extra DIB elements.',
      properties: {
        add: {
          type: 'array',
          uniqueItems: true,
          items: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_-]*$', maxLength: 128, description: 'An element name.' },
          description: 'Extra elements appended to the DIB command.',
        },
        paths: {
          type: 'array',
          items: relOrAbsPath('An element directory, relative to this recipe.'),
          description: "Extra element directories, searched before tib's and DIB's.",
        },
      },
    },
    environment: {
      type: 'object',
      description: 'Escape hatch: extra non-secret DIB variables.',
      propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
      additionalProperties: {
        type: ['string', 'number', 'boolean'],
        pattern: '^[^\\u0000]*$',
        maxLength: 65536,
        description: 'Value (numbers and booleans are written as strings).',
      },
    },
  },
};
