import type { Diagnostic } from '../../diagnostics/diagnostic';
import { secretFields } from '../../facts/secret-fields';
import { PRIVATE_KEY } from './access-rules';
import { rule } from './rule';

/**
 * Where a recipe's secret could leave the build: DIB copies every DIB_* variable of its
 * environment into the image (its dib_environment manifest), so a secret read from such a
 * variable would be stored in the image whatever tib does with it.
 */
export const secretsOutsideDibVariables = rule('secretsOutsideDibVariables', ({ recipe, locator }) => {
  const out: Diagnostic[] = [];
  for (const ref of secretFields(recipe)) {
    if (!ref.env?.startsWith('DIB_')) continue;
    out.push(
      locator.diagnostic(
        'TIB3038',
        [...ref.at, 'env'],
        `${ref.env}: DIB records every DIB_* variable of its environment in the image, so a secret must not be read from one`,
        { hint: `keep the secret in a variable of another name, e.g. {env: ${ref.env.slice(4) || 'SECRET'}}, and unset ${ref.env}` },
      ),
    );
  }
  return out;
});

/**
 * Variables that change how every program of the build runs (as root, on the build host)
 * or make DIB print every command with its arguments (DIB_DEBUG_TRACE: secrets in the log).
 */
const HOST_CONTROL = new Set([
  'PATH',
  'IFS',
  'CDPATH',
  'ENV',
  'BASH_ENV',
  'SHELLOPTS',
  'BASHOPTS',
  'PS4',
  'PROMPT_COMMAND',
  'GLOBIGNORE',
  'HOME',
  'SHELL',
  'PYTHONPATH',
  'PYTHONHOME',
  'PYTHONSTARTUP',
  'PYTHONINSPECT',
  'PYTHONUSERBASE',
  'PERL5LIB',
  'PERL5OPT',
  'PERLLIB',
  'RUBYOPT',
  'RUBYLIB',
  'NODE_OPTIONS',
  'GCONV_PATH',
  'LOCPATH',
  'HOSTALIASES',
  'DIB_DEBUG_TRACE',
]);
const HOST_CONTROL_PREFIXES = ['LD_', 'DYLD_', 'BASH_FUNC_', 'SUDO_', 'MALLOC_', 'GLIBC_'];

export const environmentKeepsHostIntact = rule('environmentKeepsHostIntact', ({ recipe, locator }) => {
  const out: Diagnostic[] = [];
  for (const name of Object.keys(recipe.environment ?? {})) {
    if (!HOST_CONTROL.has(name) && !HOST_CONTROL_PREFIXES.some((p) => name.startsWith(p))) continue;
    const trace = name === 'DIB_DEBUG_TRACE';
    out.push(
      locator.diagnostic(
        'TIB3039',
        ['environment', name],
        trace
          ? 'DIB_DEBUG_TRACE makes DIB print every command with its arguments, secrets included, into the build log'
          : `${name} changes how every program of the build runs, as root on the build host; a recipe may not set it`,
        {
          part: 'key',
          hint: trace
            ? 'trace a build by hand outside the recipe, with no secrets in its environment'
            : 'set it in the build host’s own environment if it is really needed',
        },
      ),
    );
  }
  return out;
});

/** A private key pasted anywhere in a recipe (access.sshKeys has its own rule). */
export const noPrivateKeys = rule('noPrivateKeys', ({ recipe, locator }) => {
  const out: Diagnostic[] = [];
  const walk = (v: unknown, at: (string | number)[]) => {
    if (at[0] === 'access' && at[1] === 'sshKeys') return;
    if (typeof v === 'string') {
      if (PRIVATE_KEY.test(v))
        out.push(locator.diagnostic('TIB3014', at, 'this holds a private key: it must never be in a recipe (treat it as leaked)'));
    } else if (Array.isArray(v)) v.forEach((item, i) => walk(item, [...at, i]));
    else if (v !== null && typeof v === 'object') for (const [k, item] of Object.entries(v)) walk(item, [...at, k]);
  };
  walk(recipe, []);
  return out;
});
