import { DATABASE_SERVICE_UID, socketDirsOnTmpfs } from '../catalog/agent-runtime';
import { IMAGE_LAYOUT, imagePaths } from '../layout/image-layout';
import { gitConstraintsUrl } from './dib-environment';
import type { ResolvedRecipe, ServedDatastore } from '../resolve/resolved';
import type { ElementSource } from './plan-types';
import { recipeVariables } from './recipe-variables';
import { preloadsImages } from './served';
import { RECIPE_ELEMENT } from './select-elements';

/** A file rendered for the image, installed by the tib-files element in its phase. */
export interface Fragment {
  readonly phase: 'pre-install' | 'post-install';
  /**
   * The part of the image it belongs to: the guest system, the agent, or the datastore. A
   * layered build installs each part's files with it (plan/layer-split.ts).
   */
  readonly part: 'guest' | 'agent' | 'datastore';
  readonly path: string;
  readonly mode: number;
  readonly owner: string;
  readonly group: string;
  readonly template: string;
  readonly context: Record<string, unknown>;
}

/** Which files this image gets, rendered from templates/fragments/. */
export function fragmentsFor(r: ResolvedRecipe): Fragment[] {
  const out: Fragment[] = [];
  const agent = {
    user: r.agent.user,
    group: r.agent.group,
    configDir: r.agent.configDir,
    logDir: r.agent.logDir,
    service: r.agent.service,
    series: r.agent.trove.series,
    major: r.agent.trove.major,
  };
  let part: Fragment['part'] = 'guest';
  const root = (phase: Fragment['phase'], path: string, mode: number, template: string, context: Record<string, unknown> = {}) =>
    out.push({ phase, part, path, mode, owner: 'root', group: 'root', template, context: { agent, ...context } });
  const asRoot = privilegedStartSteps(r.release.systemd);

  root('post-install', IMAGE_LAYOUT.sudoers, 0o440, 'sudoers.hbs');
  root('post-install', IMAGE_LAYOUT.logrotate, 0o644, 'logrotate.hbs');

  part = 'agent';
  if (r.init === 'systemd') {
    if (r.agent.install === 'package') {
      root('post-install', imagePaths.agentDropIn(r.agent.service), 0o644, 'agent-dropin.conf.hbs', {
        // The packaged ExecStart is replaced whole: RDO's names /usr/share/trove/trove-dist.conf,
        // which no RDO package installs since Liberty (docs/facts/vendors.md §10.3).
        binary: r.agent.binary,
        docker: r.model === 'container',
        loader: preloadsImages(r),
        asRoot,
      });
    } else {
      root('post-install', imagePaths.agentUnit(r.agent.service), 0o644, 'agent.service.hbs', {
        binary: r.agent.binary,
        docker: r.model === 'container',
        loader: preloadsImages(r),
        asRoot,
      });
    }
  } else {
    root('post-install', imagePaths.agentInitScript(r.agent.service), 0o755, 'agent.init.hbs', { binary: r.agent.binary });
  }

  part = 'guest';
  for (const repo of r.repositories) {
    if (repo.kind === 'apt') {
      root('pre-install', imagePaths.aptList(repo.name), 0o644, 'apt-source.list.hbs', {
        repo,
        keyring: imagePaths.aptKeyring(repo.name),
      });
    } else {
      root('pre-install', imagePaths.yumRepo(repo.name), 0o644, 'yum.repo.hbs', {
        repo,
        keyFile: imagePaths.rpmKey(repo.name),
      });
    }
  }

  part = 'datastore';
  // The loader's command line names the archives and the marker it leaves once done.
  const loader = {
    program: IMAGE_LAYOUT.imageLoader,
    dir: IMAGE_LAYOUT.imageArchiveDir,
    marker: IMAGE_LAYOUT.imagesLoadedMarker,
    configDir: r.agent.configDir,
  };
  if (r.model === 'container' && r.served.length > 0) {
    out.push({
      phase: 'post-install',
      part,
      path: imagePaths.datastoreConf(r.agent.configDir),
      mode: 0o640,
      owner: r.agent.user,
      group: r.agent.group,
      template: 'agent-datastore.conf.hbs',
      context: {
        agent,
        sections: sectionsOf(r.served).map((d) => ({
          section: d.section,
          image: d.image,
          backupImage: d.backupImage ?? '',
          hasBackupImage: d.backupImage !== undefined,
          settings: d.settings,
        })),
      },
    });
    const socketDirs = [...new Set(r.served.flatMap((d) => socketDirsOnTmpfs(r.agent.trove.major, d.type)))];
    if (socketDirs.length > 0) {
      root('post-install', imagePaths.tmpfilesSockets, 0o644, 'tmpfiles-sockets.conf.hbs', { dirs: socketDirs, uid: DATABASE_SERVICE_UID });
    }
    if (preloadsImages(r) && r.init === 'systemd') {
      root('post-install', imagePaths.imageLoaderUnit, 0o644, 'image-loader.service.hbs', { service: r.agent.service, loader });
    } else if (preloadsImages(r)) {
      root('post-install', imagePaths.imageLoaderInitScript, 0o755, 'image-loader.init.hbs', {
        loader,
        service: r.agent.service,
        docker: r.datastore.docker?.service ?? 'docker',
      });
    }
  }

  const sysctl = Object.entries(r.datastore.kernel.sysctl);
  if (r.model === 'native' && sysctl.length > 0) {
    root('post-install', imagePaths.sysctl(r.datastore.type), 0o644, 'sysctl.conf.hbs', {
      datastore: r.datastore.type,
      why: r.datastore.kernel.why,
      settings: sysctl.map(([key, value]) => ({ key, value })),
    });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The rendered element: environment.d with the recipe's variables, the files for the
 * image (as numbered payloads plus a manifest, so no path needs escaping), and the git
 * source line when the agent comes from git. Designed here, rendered by render/.
 */
export function recipeElementSources(r: ResolvedRecipe, fragments: readonly Fragment[], recipePath: string): ElementSource[] {
  return renderedElementSources(r, { name: r.name, source: recipePath, variables: recipeVariables(r), fragments, git: true, access: true });
}

/** What one build's rendered element carries: a whole image's, or one part's in a layered build. */
export interface RenderedElementParts {
  /** What it is rendered for, named in its README and in the environment.d header. */
  readonly name: string;
  readonly source: string;
  readonly variables: readonly { readonly name: string; readonly value: string }[];
  readonly fragments: readonly Fragment[];
  /** The source-repository line (git agents) and the access keys go with the part that uses them. */
  readonly git: boolean;
  readonly access: boolean;
}

export function renderedElementSources(r: ResolvedRecipe, parts: RenderedElementParts): ElementSource[] {
  const files: ElementSource[] = [];
  const text = (path: string, content: string) => files.push({ kind: 'text', path: `${RECIPE_ELEMENT}/${path}`, mode: 0o644, content });
  const template = (path: string, name: string, context: Record<string, unknown>) =>
    files.push({ kind: 'template', path: `${RECIPE_ELEMENT}/${path}`, mode: 0o644, template: name, context });

  template('environment.d/10-tib-recipe.bash', 'fragments/recipe-env.bash.hbs', { recipePath: parts.source, variables: parts.variables });
  const manifest = parts.fragments.map(
    (f, i) => `${f.phase} ${f.mode.toString(8).padStart(4, '0')} ${f.owner} ${f.group} ${String(i).padStart(3, '0')} ${f.path}`,
  );
  text('tib-rootfs/manifest', `${manifest.join('\n')}\n`);
  parts.fragments.forEach((f, i) => template(`tib-rootfs/files/${String(i).padStart(3, '0')}`, `fragments/${f.template}`, f.context));
  if (r.agent.git && parts.git) {
    const constraints = gitConstraintsUrl(r);
    template('source-repository-tib-guest-agent', 'fragments/source-repository.hbs', {
      git: r.agent.git,
      dest: IMAGE_LAYOUT.agentSource,
      constraintsFile: IMAGE_LAYOUT.upperConstraints,
      constraints: constraints ?? '',
      hasConstraints: constraints !== undefined,
    });
  }
  if (r.access && parts.access) {
    text('tib-access/authorized_keys', r.access.inlineKeys.length > 0 ? `${r.access.inlineKeys.join('\n')}\n` : '');
  }
  template('README.rst', 'fragments/recipe-readme.rst.hbs', { recipePath: parts.source, name: parts.name });
  return files;
}

/** systemd 231 introduced the '+' prefix that runs one Exec line with full privileges. */
export const SYSTEMD_PLUS_PREFIX = 231;

/**
 * How the agent's unit runs its ExecStartPre steps as root while the agent itself runs as
 * its own user. systemd before 231 (CentOS 7's 219) drops a '+' line as "not absolute"
 * and keeps loading the unit, so the steps silently never run; there
 * PermissionsStartOnly=true (in 219, deprecated but supported since 240) does it for all
 * of them (docs/facts/distributions.md §6).
 */
export function privilegedStartSteps(systemd: number): { prefix: string; permissionsStartOnly: boolean } {
  return systemd >= SYSTEMD_PLUS_PREFIX ? { prefix: '+', permissionsStartOnly: false } : { prefix: '', permissionsStartOnly: true };
}

/** One agent section per served datastore type (two versions of one datastore share it). */
function sectionsOf(served: readonly ServedDatastore[]): ServedDatastore[] {
  const seen = new Set<string>();
  return served.filter((d) => !seen.has(d.section) && seen.add(d.section) !== undefined);
}
