import type { Registration } from '../plan/plan-types';
import { shellQuote } from './shell-quote';

/** The commands that upload the image to Glance and register each datastore version it serves. */
export function registrationCommands(reg: Registration, imageFile: string = reg.imageFile): string[] {
  const q = shellQuote;
  const out = [
    `openstack image create ${q(reg.imageName)} --disk-format ${reg.diskFormat} --container-format bare --file ${q(imageFile)} --tag trove --property hw_rng_model=virtio`,
  ];
  const datastores = [...new Set(reg.versions.map((v) => v.datastore))];
  for (const ds of datastores) out.push(`trove-manage datastore_update ${q(ds)} ''`);
  for (const v of reg.versions) {
    const packages = q(v.packages.join(','));
    out.push(
      reg.byTag
        ? `trove-manage datastore_version_update ${q(v.datastore)} ${q(v.version)} ${q(v.manager)} '' ${packages} 1 --image-tags trove`
        : `trove-manage datastore_version_update ${q(v.datastore)} ${q(v.version)} ${q(v.manager)} "$(openstack image show -f value -c id ${q(reg.imageName)})" ${packages} 1`,
    );
  }
  for (const v of reg.versions) out.push(`trove-manage datastore_update ${q(v.datastore)} ${q(v.version)}`);
  return out;
}
