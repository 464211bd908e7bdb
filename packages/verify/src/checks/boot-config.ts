/** Checks of what the guest does at boot: cloud-init's datasources and the kernel command line. */
import type { Expectation } from '@tib/core';
import { joinPath, listDir, readText } from '../image/image-fs';
import { cloudConfigOrder, effectiveDatasources } from '../parse/cloud-init';
import { kernelCommandLines } from '../parse/boot-loader';
import type { CheckResult } from '../types';
import type { InspectData } from './context';
import { clip, pass, result } from './context';

type Exp<K extends Expectation['kind']> = Extract<Expectation, { kind: K }>;

export function checkDatasources(e: Exp<'datasources'>, d: InspectData): CheckResult {
  const title = `cloud-init datasources: ${e.list.join(', ')}`;
  const files = cloudConfigOrder(listDir(d.fs, '/etc/cloud/cloud.cfg.d'))
    .map((path) => ({ path, text: readText(d.fs, path) }))
    .filter((f): f is { path: string; text: string } => f.text !== undefined);
  if (files.length === 0)
    return result('datasources', title, 'fail', 'no /etc/cloud/cloud.cfg or cloud.cfg.d: cloud-init is not configured', e);
  const s = effectiveDatasources(files);
  if (!s.from)
    return result(
      'datasources',
      title,
      'fail',
      `no datasource_list in ${files.map((f) => f.path).join(', ')}: cloud-init would probe every datasource it knows`,
      e,
    );
  const same = s.list.length === e.list.length && s.list.every((v, i) => v === e.list[i]);
  const extra = s.list.filter((v) => !e.list.includes(v));
  const evidence = `[${s.list.join(', ')}] from ${s.from}${extra.length > 0 ? `; not in the recipe: ${extra.join(', ')}` : ''}${s.unreadable.length > 0 ? `; unparsable: ${s.unreadable.join(', ')}` : ''}`;
  return result('datasources', title, pass(same), evidence, e);
}

export function checkKernelCmdline(e: Exp<'kernel-cmdline'>, d: InspectData): CheckResult {
  const title = `kernel command line has ${e.args.join(' ')}`;
  const sources = ['/boot/grub/grub.cfg', '/boot/grub2/grub.cfg'];
  for (const path of sources) {
    const text = readText(d.fs, path);
    if (text === undefined) continue;
    // The first entry is the one grub boots by default.
    const first = kernelCommandLines(text)[0];
    if (first === undefined) continue;
    const words = first.split(/\s+/);
    const missing = e.args.filter((a) => !words.includes(a));
    return result(
      'kernel-cmdline',
      title,
      pass(missing.length === 0),
      missing.length === 0 ? `${path}: ${clip(first, 120)}` : `${path} default entry lacks ${missing.join(' ')}: ${clip(first, 100)}`,
      e,
    );
  }
  // BootLoaderSpec entries (EL8+): options lines.
  const entries = listDir(d.fs, '/boot/loader/entries').filter((n) => n.endsWith('.conf'));
  for (const name of entries) {
    const text = readText(d.fs, joinPath('/boot/loader/entries', name)) ?? '';
    const line = kernelCommandLines(text)[0];
    if (line === undefined) continue;
    const missing = e.args.filter((a) => !line.split(/\s+/).includes(a));
    return result(
      'kernel-cmdline',
      title,
      pass(missing.length === 0),
      `/boot/loader/entries/${name}: ${missing.length === 0 ? clip(line, 120) : `lacks ${missing.join(' ')}`}`,
      e,
    );
  }
  return result('kernel-cmdline', title, 'fail', 'no grub.cfg or boot loader entry found', e);
}
