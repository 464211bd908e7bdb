/**
 * Container model: the Docker engine per distribution release. The distro's docker.io
 * where the release ships one, otherwise Docker's own docker-ce repository (the engine
 * Trove's own ubuntu-docker element installs). Facts: docs/facts/distributions.md §4,
 * docs/facts/vendors.md §9 (Ubuntu's docker.io: docs/facts/README.md §6).
 */
export interface DockerEngine {
  readonly source: 'distro' | 'vendor';
  readonly packages: readonly string[];
  readonly repo?: string;
  readonly service: string;
}

const distroDocker: DockerEngine = { source: 'distro', packages: ['docker.io'], service: 'docker' };
// trixie's docker.io ships the daemon only; the docker command moved to docker-cli.
const distroDockerSplit: DockerEngine = { source: 'distro', packages: ['docker.io', 'docker-cli'], service: 'docker' };
const vendorDockerRpm: DockerEngine = {
  source: 'vendor',
  packages: ['docker-ce', 'docker-ce-cli', 'containerd.io'],
  repo: 'docker-yum',
  service: 'docker',
};

export const DOCKER_ENGINES: Readonly<Record<string, DockerEngine>> = {
  'debian/trixie': distroDockerSplit,
  'debian/bookworm': distroDocker,
  'debian/bullseye': distroDocker,
  'ubuntu/bionic': distroDocker,
  'ubuntu/focal': distroDocker,
  'ubuntu/jammy': distroDocker,
  'ubuntu/noble': distroDocker,
  'centos/9-stream': vendorDockerRpm,
  'rhel/8': vendorDockerRpm,
  'rhel/9': vendorDockerRpm,
};

export const NO_DOCKER_REASON: Readonly<Record<string, string>> = {
  'centos/7':
    "no container-model agent exists for CentOS 7: RDO stopped building Trove for EL7 at Train (12), and Trove 14+ needs a newer Python than CentOS 7's",
};
