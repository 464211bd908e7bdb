"""Loading Trove the way its services do, with a private configuration.

Trove registers its options when trove.common.cfg is imported; oslo.messaging registers
transport_url and control_exchange only when trove.rpc.init() builds the transport, so
those are given in a config file that CONF(...) parses (setting them in code first fails).
Jinja's environment is built from CONF.template_path when trove.common.utils is imported,
so the configuration is parsed before anything imports it.
"""

import inspect
import os
import tempfile
import types


def write_conf(args, extra=None):
    lines = ["[DEFAULT]"]
    if getattr(args, "transport_url", None):
        lines.append("transport_url = %s" % args.transport_url)
    lines.append("control_exchange = %s" % args.control_exchange)
    # oslo.log writes to stdout unless told otherwise, and stdout is the report.
    lines.append("use_stderr = true")
    if getattr(args, "low_timeout", None):
        lines.append("agent_call_low_timeout = %d" % args.low_timeout)
    if getattr(args, "high_timeout", None):
        lines.append("agent_call_high_timeout = %d" % args.high_timeout)
    if getattr(args, "template_path", None):
        lines.append("template_path = %s" % args.template_path)
    lines.extend(extra or [])
    if getattr(args, "transport_url", None):
        # Fail fast instead of retrying forever when the bus is gone.
        lines += ["[oslo_messaging_rabbit]", "rabbit_retry_interval = 1", "rabbit_retry_backoff = 1", "rabbit_interval_max = 2"]
    if getattr(args, "upgrade_levels", None):
        lines += ["[upgrade_levels]", "guestagent = %s" % args.upgrade_levels]
    fd, path = tempfile.mkstemp(prefix="tib-trove-", suffix=".conf")
    with os.fdopen(fd, "w") as f:
        f.write("\n".join(lines) + "\n")
    return path


def init_trove(args, extra_conf=None, need_rpc=True):
    """Import Trove as its services do and parse a private config (never /etc/trove)."""
    if need_rpc:
        # trove/cmd/__init__.py monkey-patches with eventlet; the services import it first.
        import trove.cmd  # noqa: F401
    from trove.common import cfg as trove_cfg

    conf_file = write_conf(args, extra_conf)
    files = [conf_file] + list(getattr(args, "conf", None) or [])
    try:
        trove_cfg.CONF(args=[], project="trove", default_config_files=files, default_config_dirs=[])
    finally:
        os.unlink(conf_file)
    from oslo_log import log as logging

    logging.setup(trove_cfg.CONF, "tib-controller")
    import trove

    info = {"trove_path": os.path.dirname(trove.__file__), "trove_version": trove_version(), "python": os.sys.version.split()[0]}
    if need_rpc:
        from trove import rpc

        rpc.init(trove_cfg.CONF)
    return trove_cfg.CONF, info


def trove_version():
    try:
        from importlib import metadata

        return metadata.version("trove")
    except Exception:
        pass
    try:
        import pbr.version

        return pbr.version.VersionInfo("trove").version_string()
    except Exception:
        return os.environ.get("PBR_VERSION", "unknown")


def supports(func, name):
    return name in inspect.signature(func).parameters


KEYS = {}


def install_key(guest_id, key):
    """Answer the instance RPC key lookups that read the controller database.

    Trove caches instance keys in an LRU object; replacing its loader covers every caller
    (the guest API client and the conductor's host serializer, which imported the getter
    by name). API.prepare's _create_guest_queue() reads DBInstance.get_by(id=...).key.
    """
    from trove.instance import models as inst_models

    KEYS[guest_id] = key or None

    def lookup(instance_id):
        if instance_id not in KEYS:
            from trove.common import exception

            raise exception.NotFound(uuid=instance_id)
        return KEYS[instance_id]

    cache = inst_models._instance_encryption_key
    cache._func = lookup
    cache._table.clear()
    del cache._lru[:]

    def get_by(cls, **kw):
        iid = kw.get("id")
        return types.SimpleNamespace(id=iid, key=KEYS[iid]) if iid in KEYS else None

    inst_models.DBInstance.get_by = classmethod(get_by)


def make_context(args, kind="DBaaSInstanceCreate", server_type="taskmanager", **traits):
    """A TroveContext carrying ctx.notification as the controller's do.

    prepare: the taskmanager's context carries DBaaSInstanceCreate (the agent replies to
    the conductor with it); create_database/create_user: trove-api's context with
    DBaaSDatabaseCreate / DBaaSUserCreate; kind=None: no notification (plain calls).
    """
    from trove.common import notification
    from trove.common.context import TroveContext

    ctx = TroveContext(user_id=args.user_id, project_id=args.tenant_id, is_admin=False)
    if kind is None:
        return ctx
    base = dict(
        request_id=ctx.request_id, server_type=server_type, tenant_id=args.tenant_id, client_ip="127.0.0.1", server_ip="127.0.0.1"
    )
    if kind == "DBaaSInstanceCreate":
        base.update(
            name="tib-verify",
            flavor_id="tib-flavor",
            datastore=args.datastore,
            datastore_version=args.datastore_version,
            image_id="tib-image",
            availability_zone=None,
            region_name="RegionOne",
        )
    base.update(traits)
    ctx.notification = getattr(notification, kind)(ctx, **base)
    return ctx


def fake_ds_version(args):
    """The DatastoreVersion attributes the templates and injected files read."""
    return types.SimpleNamespace(
        datastore_name=args.datastore,
        manager=args.manager or args.datastore,
        name=args.datastore_version,
        version=args.version_number or args.datastore_version,
        packages=args.packages,
        registry_ext=None,
        repl_strategy=None,
    )
