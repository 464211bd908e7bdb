"""The conversation: bus, rpc_ping, prepare as the taskmanager sends it, heartbeats until
healthy, the guest API calls trove-api makes, restart, and one real query."""

import time

from .bus import agent_consumers, bus_reachable
from .conductor import service_statuses, start_conductor
from .files import render_config
from .query import real_query
from .report import emit, failed, rel, since
from .trove_env import init_trove, install_key, make_context, supports


def guest_error(e):
    cause = e.__context__ or e.__cause__
    return {
        "error": type(e).__name__,
        "message": str(e)[:2000],
        "cause": type(cause).__name__ if cause else None,
        "timeout": bool(cause is not None and type(cause).__name__ == "MessagingTimeout"),
    }


def ping(api):
    t = time.monotonic()
    try:
        r = api.rpc_ping()
    except Exception as e:  # GuestError, GuestTimeout
        return False, dict(guest_error(e), ms=since(t))
    d = {"result": r, "ms": since(t)}
    if r is True:
        return True, d
    # The secure serializer swallows decryption errors: a guest with another instance key
    # answers with its encrypted blob.
    d["error"] = "unexpected reply (instance_rpc_encr_key mismatch?)"
    return False, d


def populate():
    try:  # Trove 23: datastore-neutral models
        from trove.extensions.common.common import populate_users, populate_validated_databases
    except ImportError:  # Trove 13/18: the MySQL models serve every datastore
        from trove.extensions.mysql.common import populate_users, populate_validated_databases
    return populate_validated_databases, populate_users


def wait_for_agent(args):
    deadline = time.monotonic() + args.agent_timeout
    consumers = None
    while time.monotonic() < deadline:
        consumers = agent_consumers(args.transport_url, args.guest_id)
        if consumers:
            break
        time.sleep(2)
    emit(
        "check",
        "bus",
        bool(consumers),
        queue="guestagent.%s" % args.guest_id,
        consumers=consumers,
        meaning="the guest agent consumes its topic queue",
    )
    return bool(consumers)


def prepare(args, conf, guest_api):
    """prepare, cast as the taskmanager's FreshInstanceTasks do it."""
    config_contents, _template = render_config(args, args.guest_id)
    manager = args.manager or args.datastore
    mgr_conf = conf.get(manager)
    kwargs = dict(
        device_path=args.device_path or mgr_conf.device_path,
        mount_point=args.mount_point or mgr_conf.mount_point,
        backup_info=None,
        config_contents=config_contents,
        root_password=None,
        overrides={},
        cluster_config=None,
        snapshot=None,
        modules=[],
    )
    if supports(guest_api.API.prepare, "ds_version"):
        kwargs["ds_version"] = args.version_number or args.datastore_version
    emit(
        "event",
        "prepare_args",
        memory_mb=args.ram,
        packages=args.packages,
        databases=[],
        users=[],
        config_contents_bytes=len(config_contents),
        **{k: v for k, v in kwargs.items() if k != "config_contents"},
    )
    api = guest_api.API(make_context(args), args.guest_id)
    t = time.monotonic()
    try:
        api.prepare(args.ram, args.packages, [], [], **kwargs)
    except Exception as e:
        emit("check", "prepare_sent", False, **guest_error(e))
        return False
    emit("check", "prepare_sent", True, ms=since(t))
    return True


def wait_healthy(args, state, name, since_index=0):
    """Heartbeats until the agent reports one of the healthy statuses (or fails)."""
    SS = service_statuses()
    want = set(args.healthy_status.split(","))
    t = time.monotonic()
    # Only errors the agent reports from now on count: an earlier call's failure has its
    # own row already and says nothing about this wait.
    errors_before = len(state.errors)

    def reached():
        if len(state.history) <= since_index:
            return None
        s = state.status.get(args.guest_id)
        if len(state.errors) > errors_before:
            return ("error", None)
        if s is not None and s.description in want:
            return ("ok", s.description)
        if s is not None and s.description == SS.FAILED.description:
            return ("failed", s.description)
        return None

    r = state.wait_for(reached, args.healthy_timeout)
    seen = [(rel(h[0]), h[2]) for h in state.history[since_index:] if h[1] == args.guest_id]
    if not r or r[0] != "ok":
        emit(
            "check",
            name,
            False,
            reason=(r or ("timeout",))[0],
            statuses=seen,
            ms=since(t),
            notify_exc_info=[e.get("message") for e in state.errors[errors_before:]],
        )
        return False
    emit("check", name, True, status=r[1], statuses=seen, ms=since(t))
    return True


def guest_api_calls(args, state, guest_api):
    dbs_of, users_of = populate()
    manager = args.manager or args.datastore
    db = {"name": args.db_name}
    if args.charset:
        db.update(character_set=args.charset, collate=args.collation)
    dbs = dbs_of([db])
    users = users_of([{"name": args.db_user, "password": args.db_password, "host": "%", "databases": [{"name": args.db_name}]}])

    def api(kind=None, server_type="api", **traits):
        return guest_api.API(make_context(args, kind, server_type, **traits), args.guest_id)

    def call(name, fn, **kw):
        t = time.monotonic()
        try:
            res = fn(**kw)
        except Exception as e:
            emit("check", name, False, ms=since(t), **guest_error(e))
            return None
        emit("check", name, True, result=res, ms=since(t))
        return res

    def names(res):
        items = res[0] if isinstance(res, (list, tuple)) and res and isinstance(res[0], list) else res
        return [i.get("_name") for i in (items or [])]

    def poll(name, fn, wanted, timeout=60, **kw):
        """list_* until the wanted name shows (creates are casts, so they land later)."""
        t = time.monotonic()
        last = None
        while time.monotonic() - t < timeout:
            try:
                last = fn(**kw)
            except Exception as e:
                emit("check", name, False, ms=since(t), **guest_error(e))
                return
            if wanted in names(last):
                emit("check", name, True, result=last, ms=since(t))
                return
            time.sleep(2)
        emit("check", name, False, result=last, reason="%s not listed within %d s" % (wanted, timeout), ms=since(t))

    plain = api()
    listing = dict(limit=20, marker=None, include_marker=False)
    call("create_database", api("DBaaSDatabaseCreate", instance_id=args.guest_id, dbname=args.db_name).create_database, databases=dbs)
    poll("list_databases", plain.list_databases, args.db_name, **listing)
    call("create_user", api("DBaaSUserCreate", instance_id=args.guest_id, username=args.db_user).create_user, users=users)
    poll("list_users", plain.list_users, args.db_user, **listing)
    if manager == "postgresql":
        emit("check", "is_root_enabled", None, skipped="Trove's PostgreSQL guest has no is_root_enabled; trove-api answers from its RootHistory")
    else:
        call("is_root_enabled", plain.is_root_enabled)
    before = len(state.history)
    call("restart", api("DBaaSInstanceRestart", "taskmanager", instance_id=args.guest_id).restart)
    wait_healthy(args, state, "healthy_after_restart", before)


def converse(args):
    conf, info = init_trove(args)
    emit("check", "trove", True, **info)
    ok, d = bus_reachable(args.transport_url)
    emit("check", "bus_controller", ok, **d)
    if not ok:
        return 5
    install_key(args.guest_id, args.instance_key)
    from trove.guestagent import api as guest_api

    try:
        server, state = start_conductor(conf)
    except Exception as e:
        emit("check", "conductor", False, error=repr(e))
        return 5
    emit("check", "conductor", True, topic=conf.conductor_queue, exchange=conf.control_exchange)
    try:
        if not wait_for_agent(args):
            return 5
        ok, d = ping(guest_api.API(make_context(args, None), args.guest_id))
        emit("check", "rpc_ping", ok, **d)
        if not ok or not prepare(args, conf, guest_api):
            return 5
        if not wait_healthy(args, state, "healthy"):
            return 5
        # prepare's end notification reaches the conductor shortly after (informational).
        state.wait_for(lambda: state.ends or state.errors, 10)
        guest_api_calls(args, state, guest_api)
        if args.query_port:
            real_query(args, args.manager or args.datastore)
        else:
            emit("check", "query", None, skipped="no --query-port")
    finally:
        try:
            server.stop()
            server.wait()
        except Exception:
            pass
    return 5 if failed() else 0
