/**
 * Datastore configuration templates tib supplies to the controller, where the controller
 * release's own template cannot run the datastore version the image has
 * (docs/facts/controller.md). Trove looks in template_path (default /etc/trove/templates/)
 * for <datastore>/<version>/config.template before its own; the files are in tib's
 * templates/controller/.
 */
import type { GuestModel } from './agents';
import type { Datastore } from './datastores';

export interface ControllerTemplateNeed {
  /** The file under templates/controller/. */
  readonly source: string;
  readonly why: string;
}

function majorOf(version: string): number {
  return Number.parseInt(version.split('.')[0] ?? '', 10);
}

export function controllerTemplateNeed(
  model: GuestModel,
  troveMajor: number,
  datastore: Datastore,
  version: string,
): ControllerTemplateNeed | undefined {
  if (datastore !== 'postgresql') return undefined;
  const pg = majorOf(version);
  if (model === 'container' && troveMajor < 23 && pg >= 13) {
    return {
      source: 'postgresql/container.template',
      why: `Trove ${troveMajor}'s postgresql template sets wal_keep_segments, which PostgreSQL ${pg} refuses (Trove 23 changed it to wal_keep_size)`,
    };
  }
  if (model === 'native' && pg >= 10) {
    return {
      source: 'postgresql/native.template',
      why: `the native-era postgresql template sets wal_level = minimal with the default max_wal_senders, which PostgreSQL ${pg} refuses`,
    };
  }
  return undefined;
}
