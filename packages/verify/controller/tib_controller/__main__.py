"""tib's controller helper: python3 -m tib_controller COMMAND [options] (see __init__)."""

import argparse
import os
import signal
import sys
import traceback
import uuid

from .converse import converse, ping
from .files import injected_files, render_config
from .report import emit
from .trove_env import init_trove, install_key, make_context


def cmd_render_config(args):
    init_trove(args, need_rpc=False)
    iid = args.instance_id or str(uuid.uuid4())
    contents, t = render_config(args, iid)
    tpl = t.get_template()
    emit("check", "render_config", True, instance_id=iid, template=getattr(tpl, "filename", None) or tpl.name, flavor_ram=args.ram)
    if args.raw:
        sys.stdout.write(contents)
    else:
        emit("event", "config_contents", text=contents)
    return 0


def cmd_injected_files(args):
    extra = ["guest_config = %s" % args.guest_config] if args.guest_config else None
    conf, info = init_trove(args, need_rpc=False, extra_conf=extra)
    install_key(args.guest_id, args.instance_key)
    emit("check", "injected_files", True, **info, **injected_files(args, conf))
    return 0


def cmd_ping(args):
    conf, info = init_trove(args)
    emit("check", "trove", True, **info)
    install_key(args.guest_id, args.instance_key)
    from trove.guestagent import api as guest_api

    ok, d = ping(guest_api.API(make_context(args, None), args.guest_id))
    emit("check", "rpc_ping", ok, guest_id=args.guest_id, **d)
    return 0 if ok else 5


def parser():
    p = argparse.ArgumentParser(prog="tib_controller", description="the controller side of tib's controller conversation")
    p.add_argument("--deadline", type=int, default=0, help="seconds before giving up (0: none)")
    sub = p.add_subparsers(dest="cmd", required=True)

    def common(sp, bus=True):
        if bus:
            sp.add_argument("--transport-url", required=True)
        sp.add_argument("--control-exchange", default="trove")
        sp.add_argument("--conf", action="append", help="more oslo.config files")
        sp.add_argument("--template-path", help="directory of datastore config templates (Trove's template_path)")
        sp.add_argument("--upgrade-levels", help="[upgrade_levels] guestagent: the agent's release, when older")
        sp.add_argument("--datastore", required=True)
        sp.add_argument("--datastore-version", required=True)
        sp.add_argument("--version-number", help="the datastore version's version field (default: --datastore-version)")
        sp.add_argument("--manager", help="default: --datastore")
        sp.add_argument("--packages", default="", help="the datastore version's packages (a string)")
        sp.add_argument("--ram", type=int, default=2048, help="flavor RAM in MiB")
        sp.add_argument("--vcpus", type=int, default=1)
        sp.add_argument("--tenant-id", default="tib-project")
        sp.add_argument("--user-id", default="tib-user")

    sp = sub.add_parser("render-config")
    common(sp, bus=False)
    sp.add_argument("--instance-id")
    sp.add_argument("--raw", action="store_true")

    sp = sub.add_parser("injected-files")
    common(sp, bus=False)
    sp.add_argument("--guest-id", required=True)
    sp.add_argument("--instance-key")
    sp.add_argument("--guest-config", help="the trove-guestagent.conf the controller injects")

    for name in ("ping", "converse"):
        sp = sub.add_parser(name)
        common(sp)
        sp.add_argument("--guest-id", required=True)
        sp.add_argument("--instance-key", help="instance_rpc_encr_key in the guest's guest_info.conf")
        sp.add_argument("--low-timeout", type=int, help="agent_call_low_timeout (rpc_ping, lists)")
        sp.add_argument("--high-timeout", type=int, help="agent_call_high_timeout (restart)")
    sp.add_argument("--agent-timeout", type=int, default=600)
    sp.add_argument("--healthy-timeout", type=int, default=900)
    sp.add_argument("--healthy-status", default="healthy", help="comma-separated statuses that count as healthy")
    sp.add_argument("--device-path")
    sp.add_argument("--mount-point")
    sp.add_argument("--db-name", default="tibcheck")
    sp.add_argument("--db-user", default="tibcheck")
    sp.add_argument("--db-password", default="tib-Check-1")
    sp.add_argument("--charset", help="character set of the database created (default: the agent's)")
    sp.add_argument("--collation", help="its collation")
    sp.add_argument("--query-host", default="127.0.0.1")
    sp.add_argument("--query-port", type=int)
    return p


def main(argv=None):
    args = parser().parse_args(argv)
    if args.deadline:

        def expired(signum, frame):
            emit("check", "deadline", False, seconds=args.deadline)
            sys.stdout.flush()
            os._exit(5)

        signal.signal(signal.SIGALRM, expired)
        signal.alarm(args.deadline)
    commands = {"render-config": cmd_render_config, "injected-files": cmd_injected_files, "ping": cmd_ping, "converse": converse}
    try:
        return commands[args.cmd](args)
    except SystemExit:
        raise
    except Exception as e:
        emit("check", "helper", False, error=repr(e), traceback=traceback.format_exc()[-3000:])
        return 5


if __name__ == "__main__":
    rc = main()
    sys.stdout.flush()
    # oslo.messaging and eventlet threads can keep the interpreter alive.
    os._exit(rc)
