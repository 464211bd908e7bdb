"""The conductor: Trove's own trove.conductor.manager.Manager behind its host serializer,
on the conductor topic, with its database models replaced by in-memory stand-ins that
report what they receive (the service status, last-seen times, root history, backups)."""

import threading
import time
import types

from .report import emit


def service_statuses():
    try:
        from trove.instance import service_status as m  # Trove 14 on
    except ImportError:
        from trove.common import instance as m  # Trove 13
    return m.ServiceStatuses


class ConductorState(object):
    def __init__(self):
        self.cond = threading.Condition()
        self.status = {}  # instance id -> ServiceStatus
        self.history = []  # (monotonic time, instance id, description)
        self.errors = []  # notify_exc_info payloads
        self.ends = []  # notify_end payloads
        self.root_reports = []

    def wait_for(self, pred, timeout):
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                r = pred()
                if r:
                    return r
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self.cond.wait(min(left, 1.0))


def _stand_ins(state):
    from trove.common import exception as trove_exception

    SS = service_statuses()

    class ServiceStatus(object):
        def __init__(self, instance_id):
            self.instance_id = instance_id

        def get_status(self):
            return state.status.get(self.instance_id, SS.NEW)

        def set_status(self, value):
            self._new = value

        def save(self):
            new = getattr(self, "_new", None)
            if new is None:
                return
            with state.cond:
                state.status[self.instance_id] = new
                state.history.append((time.monotonic(), self.instance_id, new.description))
                state.cond.notify_all()
            emit("event", "heartbeat", instance_id=self.instance_id, service_status=new.description)

    class InstanceServiceStatus(object):
        @classmethod
        def find_by(cls, instance_id=None, **kw):
            return ServiceStatus(instance_id)

    seen = {}

    class LastSeen(object):
        def __init__(self, instance_id, method_name, sent):
            self.instance_id, self.method_name, self.sent = instance_id, method_name, sent

        @classmethod
        def load(cls, instance_id, method_name):
            try:
                return seen[(instance_id, method_name)]
            except KeyError:
                raise trove_exception.NotFound(uuid=instance_id)

        @classmethod
        def create(cls, instance_id, method_name, sent):
            return cls(instance_id, method_name, sent)

        def save(self):
            seen[(self.instance_id, self.method_name)] = self

    class RootHistory(object):
        @classmethod
        def create(cls, context, instance_id, *a, **kw):
            with state.cond:
                state.root_reports.append(instance_id)
                state.cond.notify_all()
            emit("event", "report_root", instance_id=instance_id)

    class DBBackup(object):
        @classmethod
        def find_by(cls, **kw):
            emit("event", "update_backup", **kw)
            raise trove_exception.NotFound(uuid=kw.get("id"))

    return InstanceServiceStatus, LastSeen, RootHistory, DBBackup


def start_conductor(conf):
    import oslo_messaging as messaging
    from trove import rpc
    from trove.common import notification
    from trove.common.rpc import conductor_host_serializer as chs
    from trove.conductor import api as conductor_api
    from trove.conductor import manager as cmgr

    state = ConductorState()
    InstanceServiceStatus, LastSeen, RootHistory, DBBackup = _stand_ins(state)
    cmgr.inst_models = types.SimpleNamespace(InstanceServiceStatus=InstanceServiceStatus)
    cmgr.LastSeen = LastSeen
    for name in ("mysql_models", "common_models"):  # 13/18 vs 23
        if hasattr(cmgr, name):
            setattr(cmgr, name, types.SimpleNamespace(RootHistory=RootHistory))
    cmgr.bkup_models = types.SimpleNamespace(DBBackup=DBBackup)

    def on_notify(notif, event_qualifier):
        payload = dict(getattr(notif, "payload", {}) or {})
        with state.cond:
            if event_qualifier == "error":
                state.errors.append(payload)
            else:
                state.ends.append((event_qualifier, payload))
            state.cond.notify_all()
        if event_qualifier == "error":
            emit("event", "notify_exc_info", message=payload.get("message"), exception="".join(payload.get("exception") or [])[-4000:])
        else:
            emit("event", "notify_" + event_qualifier, event_type=notif.event_type(), instance_id=payload.get("instance_id"))

    # trove-conductor registers its fault recorder here; the report takes its place.
    notification.DBaaSAPINotification.register_notify_callback(on_notify)

    # As trove.cmd.conductor serves it: no key, the conductor queue, its latest version,
    # and the host serializer that decrypts with each instance's key.
    target = messaging.Target(topic=conf.conductor_queue, server="tib-conductor", version=conductor_api.API.API_LATEST_VERSION)
    server = rpc.get_server(target, [cmgr.Manager()], key=None, secure_serializer=chs.ConductorHostSerializer)
    server.start()
    return server, state
