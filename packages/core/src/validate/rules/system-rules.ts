import type { Diagnostic } from '../../diagnostics/diagnostic';
import { DIB_OS_ELEMENTS, TIB_CONTROLLED_PREFIXES, TIB_CONTROLLED_VARIABLES } from '../../dib/vocabulary';
import { familyOf } from '../../facts/recipe-facts';
import { rule } from './rule';

/**
 * Trove up to 16 sends its files as Nova personality files, which cloud-init writes only
 * from a config drive (its OpenStack metadata datasource reads them and never writes
 * them): such a guest never gets guest_info.conf without ConfigDrive
 * (docs/facts/trove-releases.md §3.2).
 */
export const configDriveForNovaFiles = rule('configDriveForNovaFiles', ({ recipe, facts, locator }) => {
  const list = recipe.system?.cloudInit?.datasources;
  if (!list || list.includes('ConfigDrive') || facts.agent?.injection !== 'nova-files') return [];
  return [
    locator.diagnostic(
      'TIB3035',
      ['system', 'cloudInit', 'datasources'],
      `datasources [${list.join(', ')}] lack ConfigDrive: Trove ${facts.agent.major} (${facts.agent.series}) sends its config files as Nova personality files, which cloud-init writes only from a config drive; the agent would never get guest_info.conf`,
      { hint: 'use [ConfigDrive, OpenStack], and keep the controller at use_nova_server_config_drive = True (its default up to Trove 16)' },
    ),
  ];
});

export const datasourcesIncludeOpenStack = rule('datasourcesIncludeOpenStack', ({ recipe, facts, locator }) => {
  const list = recipe.system?.cloudInit?.datasources;
  // Up to Trove 16 the files only ever come through a config drive (configDriveForNovaFiles).
  if (!list || list.includes('OpenStack') || facts.agent?.injection === 'nova-files') return [];
  return [
    locator.diagnostic(
      'TIB3017',
      ['system', 'cloudInit', 'datasources'],
      `datasources [${list.join(', ')}] lack OpenStack: when the cloud does not attach a config drive (Trove's default since Yoga), the agent never receives its config and the instance stays in BUILD`,
      {
        hint: 'use [ConfigDrive, OpenStack]',
      },
    ),
  ];
});

export const repositoriesFitFamily = rule('repositoriesFitFamily', ({ recipe, locator }) => {
  const family = familyOf(recipe.base.distro);
  const out: Diagnostic[] = [];
  (recipe.system?.repositories ?? []).forEach((repo, i) => {
    const at = ['system', 'repositories', i];
    const apt = repo.uri !== undefined || repo.suite !== undefined || repo.components !== undefined;
    const yum = repo.baseurl !== undefined;
    if (family === 'deb' && (yum || !repo.uri)) {
      out.push(
        locator.diagnostic(
          'TIB3026',
          at,
          `repository '${repo.name}': ${recipe.base.distro} takes apt repositories (uri, suite, components), not yum baseurl`,
        ),
      );
    } else if (family === 'rpm' && (apt || !repo.baseurl)) {
      out.push(
        locator.diagnostic(
          'TIB3026',
          at,
          `repository '${repo.name}': ${recipe.base.distro} takes yum repositories (baseurl), not apt uri/suite/components`,
        ),
      );
    }
    if (!repo.key) {
      out.push(
        locator.diagnostic(
          'TIB3026',
          at,
          `repository '${repo.name}' needs key: {file or url, fingerprint}; tib does not install unsigned repositories`,
        ),
      );
    } else if ((repo.key.file === undefined) === (repo.key.url === undefined)) {
      out.push(locator.diagnostic('TIB3026', [...at, 'key'], `repository '${repo.name}': give the key as exactly one of file or url`));
    }
  });
  const names = new Map<string, number>();
  (recipe.system?.repositories ?? []).forEach((repo, i) => {
    if (names.has(repo.name))
      out.push(
        locator.diagnostic(
          'TIB2010',
          ['system', 'repositories', i, 'name'],
          `repository name '${repo.name}' is used twice (it names the repository file)`,
        ),
      );
    names.set(repo.name, i);
  });
  return out;
});

const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|ACTIVATION_?KEY|PRIVATE|CREDENTIAL)/i;

export const environmentAllowed = rule('environmentAllowed', ({ recipe, locator }) => {
  const out: Diagnostic[] = [];
  for (const name of Object.keys(recipe.environment ?? {})) {
    const at = ['environment', name];
    if (TIB_CONTROLLED_VARIABLES.has(name) || TIB_CONTROLLED_PREFIXES.some((p) => name.startsWith(p))) {
      out.push(
        locator.diagnostic('TIB3023', at, `${name} is set by tib from the recipe; change the recipe key that controls it instead`, {
          part: 'key',
        }),
      );
    } else if (SECRET_NAME.test(name)) {
      out.push(
        locator.diagnostic(
          'TIB3023',
          at,
          `${name} looks like a secret: environment values are written into the script, and DIB copies DIB_* variables into the image`,
          {
            part: 'key',
            hint: 'secrets go in the fields that take {env: NAME} or {file: PATH}',
          },
        ),
      );
    }
  }
  return out;
});

export const extraElementsAllowed = rule('extraElementsAllowed', ({ recipe, locator }) => {
  const out: Diagnostic[] = [];
  (recipe.elements?.add ?? []).forEach((name, i) => {
    if (DIB_OS_ELEMENTS.includes(name)) {
      out.push(
        locator.diagnostic(
          'TIB3024',
          ['elements', 'add', i],
          `${name} is an operating-system element; tib picks the OS element from base.distro/base.image (DIB allows exactly one)`,
        ),
      );
    } else if (name.startsWith('tib-')) {
      out.push(locator.diagnostic('TIB3024', ['elements', 'add', i], `${name}: tib- elements are selected by tib from the recipe`));
    }
  });
  return out;
});
