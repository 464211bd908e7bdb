/**
 * How each `guestagent.source` puts the agent into an image. The rest of tib asks this
 * table (or the resolved `agent.install`) instead of branching on the source again.
 */
export type AgentSource = 'git' | 'package' | 'rdo' | 'local';

export interface AgentSourceKind {
  /**
   * `package`: a distribution or RDO package that ships the agent and its systemd unit
   * (tib adds a drop-in). `venv`: tib builds a virtualenv from a source tree and writes
   * the unit itself.
   */
  readonly install: 'package' | 'venv';
  /** The tib element that installs it. */
  readonly element: string;
  /** What the build host runs for it, beyond DIB. */
  readonly hostCommands: readonly { readonly name: string; readonly package: string; readonly why: string }[];
}

export const AGENT_SOURCES: Readonly<Record<AgentSource, AgentSourceKind>> = {
  package: { install: 'package', element: 'tib-agent-package', hostCommands: [] },
  rdo: { install: 'package', element: 'tib-agent-rdo', hostCommands: [] },
  // DIB's source-repositories clones on the build host, then copies the tree in.
  git: {
    install: 'venv',
    element: 'tib-agent-venv',
    hostCommands: [{ name: 'git', package: 'git', why: 'clones the guest agent (DIB source-repositories)' }],
  },
  local: {
    install: 'venv',
    element: 'tib-agent-venv',
    hostCommands: [{ name: 'tar', package: 'tar', why: 'copies the local agent tree into the image' }],
  },
};
