/**
 * cloud-init's datasource list as the guest will see it: /etc/cloud/cloud.cfg, then every
 * /etc/cloud/cloud.cfg.d/*.cfg in name order, a later `datasource_list` replacing an
 * earlier one.
 */
import { load } from 'js-yaml';

export interface DatasourceSetting {
  /** The effective list, without cloud-init's implicit trailing `None`. */
  readonly list: readonly string[];
  /** The file that set it last. */
  readonly from?: string;
  /** Files that could not be parsed (cloud-init would log and skip them too). */
  readonly unreadable: readonly string[];
}

export function effectiveDatasources(files: readonly { path: string; text: string }[]): DatasourceSetting {
  let list: string[] | undefined;
  let from: string | undefined;
  const unreadable: string[] = [];
  for (const f of files) {
    let doc: unknown;
    try {
      doc = load(f.text);
    } catch {
      unreadable.push(f.path);
      continue;
    }
    if (doc && typeof doc === 'object' && 'datasource_list' in doc) {
      const value = (doc as Record<string, unknown>)['datasource_list'];
      if (Array.isArray(value)) {
        list = value.map((v) => String(v).trim());
        from = f.path;
      } else if (typeof value === 'string') {
        list = value
          .split(',')
          .map((v) => v.trim())
          .filter((v) => v !== '');
        from = f.path;
      }
    }
  }
  const effective = (list ?? []).filter((v, i, all) => !(v === 'None' && i === all.length - 1));
  return { list: effective, ...(from ? { from } : {}), unreadable };
}

/** cloud.cfg first, then cloud.cfg.d/*.cfg sorted: the order cloud-init reads them. */
export function cloudConfigOrder(cfgDNames: readonly string[]): string[] {
  return [
    '/etc/cloud/cloud.cfg',
    ...cfgDNames
      .filter((n) => n.endsWith('.cfg'))
      .sort()
      .map((n) => `/etc/cloud/cloud.cfg.d/${n}`),
  ];
}
