/**
 * A config drive the way Nova writes one (ISO 9660, label `config-2`), carrying what a
 * Trove controller would send for a new instance:
 *
 * - the files Trove injects — /etc/trove/conf.d/guest_info.conf and trove-guestagent.conf
 *   — delivered the way the agent's Trove release expects: Nova's `files` list in
 *   meta_data.json (content under openstack/content/) before Trove 17, cloud-init
 *   `write_files` user-data with the controller contract's owner:group from 17 on;
 * - user_data as MIME multipart: Trove's cloud-config part, then tib's probe part (test
 *   instrumentation, kept separate so it is plain which part Trove would not send).
 *
 * The guest's message bus is a port on its own loopback where nothing listens, so the
 * agent starts, reads its config and reports the connection failure in its log.
 * No network_data.json: the guest uses its image's own DHCP setup (and cloud-init's
 * fallback), which is what this test checks.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { dump } from 'js-yaml';
import type { Expectation } from '@tib/core';

type AgentBoot = Extract<Expectation, { kind: 'agent-boot' }>;

export const UNREACHABLE_BUS = 'rabbit://tib-verify:tib-verify@127.0.0.1:5672/';
const BOUNDARY = '==tib-verify-user-data==';

export interface InjectedFile {
  readonly path: string;
  readonly content: string;
  readonly sha256: string;
}

export interface InstanceIdentity {
  readonly uuid: string;
  readonly name: string;
  readonly tenantId: string;
  readonly rpcKey: string;
}

export function newIdentity(imageName: string): InstanceIdentity {
  return {
    uuid: randomUUID(),
    name: `tib-verify-${imageName}`.slice(0, 60),
    tenantId: randomBytes(16).toString('hex'),
    rpcKey: randomBytes(16).toString('hex'),
  };
}

/** The two files Trove's taskmanager injects (trove/instance/models.py get_injected_files). */
export function troveFiles(b: AgentBoot, id: InstanceIdentity): InjectedFile[] {
  const guestInfo = [
    '[DEFAULT]',
    `guest_id = ${id.uuid}`,
    `datastore_manager = ${b.manager}`,
    `datastore_version = ${b.datastoreVersion}`,
    `tenant_id = ${id.tenantId}`,
    `instance_rpc_encr_key = ${id.rpcKey}`,
    '',
  ].join('\n');
  const agentConf = [
    "# Written by tib verify: the controller's guest config, with a message bus nobody",
    "# listens on (the guest's own loopback), so the agent must report that it cannot connect.",
    '[DEFAULT]',
    `transport_url = ${UNREACHABLE_BUS}`,
    'control_exchange = trove',
    'debug = False',
    '',
  ].join('\n');
  return [file(`${b.configDir}/guest_info.conf`, guestInfo), file(`${b.configDir}/trove-guestagent.conf`, agentConf)];
}

function file(path: string, content: string): InjectedFile {
  return { path, content, sha256: createHash('sha256').update(content, 'utf8').digest('hex') };
}

/** Relative path in the ISO -> content. */
export type DriveLayout = ReadonlyMap<string, string>;

/**
 * `troveUserData`: the cloud-config Trove's own code produced (controller conversation);
 * without it, the write_files part is made here the way Trove 17+ writes it.
 */
export function configDriveLayout(
  b: AgentBoot,
  id: InstanceIdentity,
  files: readonly InjectedFile[],
  probe: { runcmd: string[] },
  troveUserData?: string,
): DriveLayout {
  const layout = new Map<string, string>();
  const novaFiles = troveUserData === undefined && b.injection === 'nova-files';
  const meta = {
    uuid: id.uuid,
    name: id.name,
    hostname: id.name,
    launch_index: 0,
    availability_zone: 'nova',
    project_id: id.tenantId,
    meta: {},
    // Nova lists injected files here and stores them under openstack/content/.
    files: novaFiles ? files.map((f, i) => ({ path: f.path, content_path: `/content/${contentName(i)}` })) : [],
  };
  layout.set('openstack/latest/meta_data.json', `${JSON.stringify(meta)}\n`);
  layout.set('openstack/latest/vendor_data.json', '{}\n');
  if (novaFiles) files.forEach((f, i) => layout.set(`openstack/content/${contentName(i)}`, f.content));
  const parts: { name: string; body: string }[] = [];
  if (troveUserData !== undefined) {
    parts.push({ name: 'trove-injected-files.cfg', body: troveUserData });
  } else if (!novaFiles) {
    // Trove 17+: its cloud-config with write_files (owner = injected_config_owner:group).
    const troveConfig = { write_files: files.map((f) => ({ path: f.path, content: f.content, owner: `${b.owner}:${b.group}` })) };
    parts.push({ name: 'trove-injected-files.cfg', body: `#cloud-config\n${dump(troveConfig, { lineWidth: -1 })}` });
  }
  parts.push({
    name: 'tib-verify-probe.cfg',
    body: `#cloud-config\n# tib verify test instrumentation (not sent by Trove)\n${dump(probe, { lineWidth: -1 })}`,
  });
  layout.set('openstack/latest/user_data', multipart(parts));
  return layout;
}

function contentName(i: number): string {
  return String(i).padStart(4, '0');
}

/** MIME multipart user-data; cloud-init merges the cloud-config parts (distinct keys). */
export function multipart(parts: readonly { name: string; body: string }[]): string {
  const out = [`Content-Type: multipart/mixed; boundary="${BOUNDARY}"`, 'MIME-Version: 1.0', ''];
  for (const p of parts) {
    out.push(
      `--${BOUNDARY}`,
      'Content-Type: text/cloud-config; charset="utf-8"',
      'MIME-Version: 1.0',
      'Content-Transfer-Encoding: 8bit',
      `Content-Disposition: attachment; filename="${p.name}"`,
      '',
      p.body.trimEnd(),
    );
  }
  out.push(`--${BOUNDARY}--`, '');
  return out.join('\n');
}
