/**
 * Which boots the boot test makes: one per datastore the image serves, each with the
 * controller conversation when Trove's controller code for the agent's release is at hand;
 * otherwise one boot with the weaker proof (the agent runs and tries an unreachable bus).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Plan } from '@tib/core';
import type { ConversationRequest } from '../boot/run-boot';
import type { Scope } from '../scope';
import type { VerifyOptions } from '../types';
import { findController, majorOf } from './runtime';
import type { ControllerRuntime } from './runtime';

/** The port each datastore listens on in the guest (the real query goes there). */
const DB_PORTS: Readonly<Record<string, number>> = { mysql: 3306, mariadb: 3306, percona: 3306, pxc: 3306, postgresql: 5432 };

export async function plannedBoots(
  o: VerifyOptions,
  work: string,
  scope: Scope,
  env: NodeJS.ProcessEnv,
): Promise<{ conversations: (ConversationRequest | undefined)[]; label: string }> {
  const conv = o.conversation;
  const major = majorOf(o.plan.agent.troveVersion);
  if (!conv) return { conversations: [undefined], label: 'not held: the weaker proof (agent active, bus unreachable)' };
  const found = await findController(major, conv.choice, conv.cacheDir, env);
  if (!found.runtime) {
    o.log(`no controller conversation: ${found.why}; booting for the weaker proof (agent active, bus unreachable)`);
    return { conversations: [undefined], label: `not held: ${found.why}` };
  }
  const runtime = found.runtime;
  o.log(`controller conversation with ${runtime.label}`);
  const templatePath = writeTemplates(o.plan, runtime, work, scope);
  const served = o.plan.controller.registration.versions.filter((v) => !conv.datastores || conv.datastores.includes(v.datastore));
  const conversations = served.map((v): ConversationRequest => ({
    runtime,
    helperDir: conv.helperDir,
    served: { datastore: v.datastore, version: v.version, manager: v.manager },
    ...(DB_PORTS[v.manager] ? { dbPort: DB_PORTS[v.manager] } : {}),
    ...(templatePath ? { templatePath } : {}),
    ...(conv.agentWaitSec ? { agentWaitSec: conv.agentWaitSec } : {}),
  }));
  return { conversations: conversations.length > 0 ? conversations : [undefined], label: runtime.label };
}

/**
 * The controller config templates of the contract, written where the controller code sees
 * them (inside a chroot, under its /run), as an operator would install them for template_path.
 */
function writeTemplates(plan: Plan, rt: ControllerRuntime, work: string, scope: Scope): string | undefined {
  const templates = plan.controller.templates ?? [];
  if (templates.length === 0) return undefined;
  const inside = rt.where === 'chroot' && rt.root ? `/run/tib-templates-${process.pid}` : path.join(work, 'controller-templates');
  const onHost = rt.where === 'chroot' && rt.root ? path.join(rt.root, inside) : inside;
  for (const t of templates) {
    fs.mkdirSync(path.dirname(path.join(onHost, t.path)), { recursive: true });
    fs.writeFileSync(path.join(onHost, t.path), t.content);
  }
  scope.defer('remove the controller templates', () => fs.rmSync(onHost, { recursive: true, force: true }));
  return `${inside}/`;
}
