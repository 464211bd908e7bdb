"""What the controller sends besides messages: the rendered datastore configuration
(config_contents in prepare) and the files Trove injects into a new instance."""

import types

from .trove_env import fake_ds_version, supports


def render_config(args, instance_id):
    """config_contents exactly as the taskmanager renders it (its Jinja template)."""
    from trove.common import template

    flavor = {"id": "tib-flavor", "name": "tib", "ram": args.ram, "vcpus": args.vcpus, "disk": 0}
    t = template.SingleInstanceConfigTemplate(fake_ds_version(args), flavor, instance_id)
    return t.render(), t


def injected_files(args, conf):
    """guest_info.conf and trove-guestagent.conf from Trove's own get_injected_files, and,
    from Trove 17 on, the cloud-config user data Trove sends them in."""
    from trove.instance import models as inst_models

    fake = types.SimpleNamespace(id=args.guest_id, tenant_id=args.tenant_id, ds_version=fake_ds_version(args))
    base = inst_models.BaseInstance
    # Trove 23 properties that get_injected_files reads.
    for prop in ("datastore_registry_ext", "datastore_repl_strategy"):
        p = getattr(base, prop, None)
        if isinstance(p, property):
            setattr(fake, prop, p.fget(fake))
    fn = base.get_injected_files
    manager = args.manager or args.datastore
    if supports(fn, "datastore_version"):
        files = fn(fake, manager, args.version_number or args.datastore_version)
    else:
        files = fn(fake, manager)
    out = {"files": files}
    if hasattr(base, "prepare_cloud_config"):
        out["delivery"] = "cloud-config"
        out["userdata"] = base.prepare_cloud_config(fake, files)
        out["owner"] = "%s:%s" % (conf.injected_config_owner, conf.injected_config_group)
    else:
        out["delivery"] = "nova-files"
    return out
