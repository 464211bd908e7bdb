import type { CommandSpec } from './command';
import { JSON_OPTION, SET_OPTION } from './command';

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'validate',
    summary: 'check recipes: schema and domain rules, every problem at once',
    usage: 'tib validate RECIPE... [--set path=value]... [--json]',
    options: { set: SET_OPTION, json: JSON_OPTION },
    minPositionals: 1,
    maxPositionals: Infinity,
    details: 'Exit 0 when every recipe is valid (warnings allowed), 1 when any has an error.',
    load: () => import('./validate.js'),
  },
  {
    name: 'compile',
    summary: 'emit the self-contained build script (or the plan as JSON)',
    usage: 'tib compile RECIPE [-o FILE] [--format sh|json] [--set path=value]...',
    options: {
      output: {
        type: 'string',
        short: 'o',
        placeholder: 'FILE',
        description: 'write to FILE atomically (mode 0755 for scripts) instead of stdout (- is stdout)',
      },
      format: {
        type: 'string',
        placeholder: 'sh|json',
        description: 'sh (default): the bash script; json: the plan',
      },
      set: SET_OPTION,
    },
    minPositionals: 1,
    maxPositionals: 1,
    details:
      'The script needs only diskimage-builder on the host that runs it: sudo ./build.sh [--out DIR] [--force]. ' +
      'It runs from any directory, finding the recipe relative to where it was written (-o FILE) or, written to ' +
      'stdout, to the directory tib compile ran in; keep it with the recipe tree or set TIB_RECIPE_DIR.',
    load: () => import('./compile.js'),
  },
  {
    name: 'plan',
    summary: 'show what would be built: elements and their origin, environment, phases, controller settings',
    usage: 'tib plan RECIPE [--json] [--set path=value]...',
    options: { json: JSON_OPTION, set: SET_OPTION },
    minPositionals: 1,
    maxPositionals: 1,
    load: () => import('./plan.js'),
  },
  {
    name: 'matrix',
    summary: 'the datastore × distribution × guest model support table; with --emit, CI jobs that build recipes',
    usage: 'tib matrix [--json] [--datastore NAME] | tib matrix --emit github|gitlab|zuul RECIPE... [-o DIR] [--runner LABEL] [--json]',
    options: {
      json: JSON_OPTION,
      datastore: {
        type: 'string',
        placeholder: 'NAME',
        description: 'only this datastore',
      },
      emit: {
        type: 'string',
        placeholder: 'github|gitlab|zuul',
        description:
          'job definitions for the CI engine: one job per shared layer and distinct image, with host preparation, caches and artifacts',
      },
      output: {
        type: 'string',
        short: 'o',
        placeholder: 'DIR',
        description: 'with --emit: write the files under DIR where the engine reads them',
      },
      runner: {
        type: 'string',
        placeholder: 'LABEL',
        description: 'with --emit: GitHub runs-on label, GitLab runner tag or Zuul node label',
      },
      set: SET_OPTION,
    },
    minPositionals: 0,
    maxPositionals: Infinity,
    load: () => import('./matrix.js'),
  },
  {
    name: 'run',
    summary: 'build the image with diskimage-builder: pre-flight, cache, progress, manifest, safe output',
    usage:
      'tib run RECIPE... [--out DIR] [--force] [--offline] [--dry-run] [--log FILE] [--keep-workdir] [--verify] [--json] [--jobs N] [--layers auto|always|only|never] [--layer-depth guest|base] [--set path=value]...',
    options: {
      out: { type: 'string', placeholder: 'DIR', description: "output directory (default: the recipe's output.directory, else ./images)" },
      force: { type: 'boolean', description: 'rebuild even when up to date, and replace an existing image' },
      offline: { type: 'boolean', description: 'no network fetches: base images must be in the cache' },
      'dry-run': { type: 'boolean', description: 'print the argv, environment (secrets redacted) and element tree, build nothing' },
      log: { type: 'string', placeholder: 'FILE', description: 'full DIB log file (default: <output>/<name>.log)' },
      'keep-workdir': { type: 'boolean', description: 'keep the materialized element tree after the build' },
      verify: { type: 'boolean', description: 'run tib verify on the image right after a successful build' },
      boot: { type: 'boolean', description: 'with --verify: also boot the image under QEMU' },
      jobs: {
        type: 'string',
        placeholder: 'N',
        description: 'several recipes: builds at once (default 1)',
      },
      layers: {
        type: 'string',
        placeholder: 'auto|always|only|never',
        description: 'native images from shared layers: when two share one (auto, default), always, only the layers (a CI job), or never',
      },
      'layer-depth': {
        type: 'string',
        placeholder: 'guest|base',
        description:
          "layers with the agent (guest) or without it (base); by default guest where a layer's images have one agent (what tib matrix --emit jobs pass explicitly)",
      },
      json: {
        type: 'boolean',
        description: 'a stream of JSON events on stdout, one per line (schemas/run-events.schema.json); text goes to stderr',
      },
      set: SET_OPTION,
    },
    minPositionals: 1,
    maxPositionals: Infinity,
    details:
      'Several recipes are planned first (every diagnostic at once); each distinct image is built once, native images from the layers they share, and an image with the same bytes as another is a hard link with its own manifest (docs/matrix.md). Exit codes: 0 built (or up to date), 1 invalid recipe, 2 usage or output exists, 3 pre-flight failed, 4 DIB failed, 5 verification failed, 130 interrupted. --dry-run exits with the status the build would stop with (0, 2 or 3).',
    load: () => import('./run.js'),
  },
  {
    name: 'verify',
    summary: 'check a built image against its recipe: offline inspection, and a boot test with --boot',
    usage:
      'tib verify IMAGE --recipe RECIPE [--boot [--controller auto|host|none|DIR] [--datastore NAME]] [--accel kvm|tcg] [--json] [--set path=value]...',
    options: {
      recipe: {
        type: 'string',
        placeholder: 'RECIPE',
        description: 'the recipe the image was built from (required)',
      },
      boot: {
        type: 'boolean',
        description: 'also boot a throw-away overlay under QEMU with a Trove-style config drive',
      },
      controller: {
        type: 'string',
        placeholder: 'auto|host|none|DIR',
        description:
          "with --boot: Trove's controller code for the conversation: auto (default: the host's python3-trove if it is the agent's release, else a prepared chroot), host, none (the weaker proof), or a chroot made by tib controller prepare",
      },
      datastore: {
        type: 'string',
        placeholder: 'NAME',
        description: 'with --boot: converse for this served datastore only (default: each, one boot each)',
      },
      'agent-wait': {
        type: 'string',
        placeholder: 'SEC',
        description: 'with --boot: how long the conversation waits for the agent on the bus (default 600)',
      },
      accel: { type: 'string', placeholder: 'kvm|tcg', description: 'QEMU accelerator (default: kvm when usable, else tcg)' },
      json: JSON_OPTION,
      set: SET_OPTION,
    },
    minPositionals: 1,
    maxPositionals: 1,
    details: 'Exit 0 when every check passes, 5 when any fails.',
    load: () => import('./verify.js'),
  },
  {
    name: 'controller',
    summary: "Trove's controller side for an image: its config templates, and controller code for verify's conversation",
    usage: 'tib controller templates RECIPE [--out DIR] | tib controller prepare --trove MAJOR [--trove-tree DIR] [--mirror URL]',
    options: {
      out: {
        type: 'string',
        placeholder: 'DIR',
        description: 'templates: write them under DIR (default: print them)',
      },
      trove: {
        type: 'string',
        placeholder: 'MAJOR',
        description: 'prepare: the Trove release (13, 18, 23) whose controller code to cache',
      },
      'trove-tree': {
        type: 'string',
        placeholder: 'DIR',
        description: 'prepare: a Trove source tree, for a release Debian never packaged (13)',
      },
      mirror: {
        type: 'string',
        placeholder: 'URL',
        description: 'prepare: Debian mirror (default http://deb.debian.org/debian)',
      },
      set: SET_OPTION,
    },
    minPositionals: 1,
    maxPositionals: 2,
    details:
      "templates: the datastore config templates the Trove controller needs for this image (install them under its template_path, /etc/trove/templates/). prepare: a chroot with that release's controller code, cached for tib verify --boot.",
    load: () => import('./controller.js'),
  },
  {
    name: 'doctor',
    summary: 'host pre-flight report, and the command that installs what is missing',
    usage: 'tib doctor [RECIPE] [--json]',
    options: { json: JSON_OPTION, set: SET_OPTION },
    minPositionals: 0,
    maxPositionals: 1,
    load: () => import('./doctor.js'),
  },
  {
    name: 'elements',
    summary: "available elements: tib's, the recipe's, DIB's",
    usage: 'tib elements [--json]',
    options: { json: JSON_OPTION },
    minPositionals: 0,
    maxPositionals: 0,
    load: () => import('./elements.js'),
  },
  {
    name: 'init',
    summary: 'scaffold a recipe',
    usage: 'tib init [-o FILE] [--distro D --release R] [--datastore T] [--base-image FILE] [--schema REF] [--force]',
    options: {
      output: { type: 'string', short: 'o', placeholder: 'FILE', description: 'write the recipe to FILE (default, or -: stdout)' },
      distro: { type: 'string', placeholder: 'D', description: 'distribution (default debian)' },
      release: { type: 'string', placeholder: 'R', description: 'release (default bookworm)' },
      datastore: { type: 'string', placeholder: 'T', description: 'datastore (default mariadb)' },
      'base-image': {
        type: 'string',
        placeholder: 'FILE',
        description: 'a local base image (RHEL: the KVM guest image from the Red Hat Customer Portal); tib writes its path and sha256',
      },
      schema: {
        type: 'string',
        placeholder: 'REF',
        description: "the editor's $schema= line (default: tib's own schema, as a path relative to the recipe)",
      },
      force: { type: 'boolean', description: 'overwrite FILE if it exists' },
    },
    minPositionals: 0,
    maxPositionals: 0,
    load: () => import('./init.js'),
  },
  {
    name: 'fmt',
    summary: "put recipes in tib's canonical style (key order of the reference, comments kept); --check for CI",
    usage: 'tib fmt [--check] RECIPE|DIR... [--json]',
    options: {
      check: { type: 'boolean', description: 'change nothing; print a unified diff of each file not in canonical style, exit 1 if any' },
      json: JSON_OPTION,
    },
    minPositionals: 1,
    maxPositionals: Infinity,
    details:
      'Keys in the order of the recipe reference (unknown keys after), 2-space indentation, version/release/sha256 values double-quoted, other strings plain unless they need quotes, a blank line around each top-level section that spans lines; comments stay with their keys. Directories are searched for *.yaml and *.yml. Exit 0 when every file is (or was made) canonical, 1 when --check finds one that is not or a file is not YAML.',
    load: () => import('./fmt.js'),
  },
  {
    name: 'schema',
    summary: 'print a JSON Schema tib ships: recipe (default), overlay, manifest, or run-events',
    usage: 'tib schema [recipe|overlay|manifest|run-events] [--path]',
    options: {
      path: { type: 'boolean', description: 'print the path of the shipped schema file instead of its content' },
      json: JSON_OPTION,
    },
    minPositionals: 0,
    maxPositionals: 1,
    details:
      "recipe: complete recipes. overlay: files that are complete only once merged (`extends` overlays, shared bases); nothing is required. Editors read the schema named by a recipe's first line, `# yaml-language-server: $schema=<path relative to the recipe>`.",
    load: () => import('./schema.js'),
  },
  {
    name: 'completion',
    summary: 'shell completion for bash or zsh: commands, flags, recipe files, --set keys and values',
    usage: 'tib completion bash|zsh',
    options: {},
    minPositionals: 1,
    maxPositionals: 1,
    details:
      'bash: source <(tib completion bash), or save it as ~/.local/share/bash-completion/completions/tib. zsh: source <(tib completion zsh) after compinit, or save it as _tib in a directory of $fpath.',
    load: () => import('./completion.js'),
  },
];
