/**
 * Where tib puts things inside the image. One definition for the planner (rendered
 * files, expectations for verify) and, through the TIB_* variables of the recipe's
 * environment.d, for the element scripts.
 */
export const IMAGE_LAYOUT = {
  /** Home of the agent's account, and state it keeps between boots. */
  agentHome: '/var/lib/trove',
  /** Parent of the default config directory (/etc/trove/conf.d). */
  agentConfigRoot: '/etc/trove',
  /** git/local agents: the virtualenv, and where source-repositories clones a git agent. */
  agentVenv: '/opt/guest-agent-venv',
  agentSource: '/opt/guest-agent',
  /** git agents: the upper-constraints file source-repositories fetches. */
  upperConstraints: '/opt/upper-constraints.txt',
  /** Preloaded image archives, the loader that loads them at first boot, and its done-marker. */
  imageArchiveDir: '/var/lib/tib/images',
  imagesLoadedMarker: '/var/lib/tib/images-loaded',
  imageLoader: '/usr/local/sbin/tib-load-images',
  sudoers: '/etc/sudoers.d/60-tib-trove-guest',
  logrotate: '/etc/logrotate.d/tib-trove-guestagent',
  /** Where DIB keeps its manifests in the image. */
  dibManifests: '/etc/dib-manifests',
} as const;

/** The agent's entry point inside a git/local agent's virtualenv. */
export const VENV_AGENT_BINARY = `${IMAGE_LAYOUT.agentVenv}/bin/trove-guestagent`;

export const imagePaths = {
  agentUnit: (service: string) => `/etc/systemd/system/${service}.service`,
  agentDropIn: (service: string) => `/etc/systemd/system/${service}.service.d/10-tib.conf`,
  agentInitScript: (service: string) => `/etc/init.d/${service}`,
  imageLoaderUnit: '/etc/systemd/system/tib-image-loader.service',
  imageLoaderInitScript: '/etc/init.d/tib-image-loader',
  /** The agent's datastore settings tib writes (container model). */
  datastoreConf: (configDir: string) => `${configDir}/00-tib-datastore.conf`,
  sysctl: (datastore: string) => `/etc/sysctl.d/60-tib-${datastore}.conf`,
  tmpfilesSockets: '/etc/tmpfiles.d/tib-trove-sockets.conf',
  aptList: (name: string) => `/etc/apt/sources.list.d/${name}.list`,
  aptKeyring: (name: string) => `/etc/apt/keyrings/${name}.gpg`,
  yumRepo: (name: string) => `/etc/yum.repos.d/${name}.repo`,
  rpmKey: (name: string) => `/etc/pki/rpm-gpg/RPM-GPG-KEY-${name}`,
  archive: (index: number) => `${IMAGE_LAYOUT.imageArchiveDir}/${index}.tar`,
  /** A datastore image tib built from the distribution's packages (gzip: docker load reads it). */
  builtArchive: (datastore: string, version: string) => `${IMAGE_LAYOUT.imageArchiveDir}/tib-${datastore}-${version}.tar.gz`,
  gitManifest: (imageName: string) => `${IMAGE_LAYOUT.dibManifests}/dib-manifest-git-${imageName}`,
} as const;
