"""The JSON-lines report on stdout: one "check" or "event" object per line."""

import json
import sys
import time

T0 = time.monotonic()
_failed = [False]


def emit(kind, name, ok=None, **detail):
    """Write one row. ok=None means skipped; False marks the run as failed."""
    row = {kind: name, "t": round(time.monotonic() - T0, 3)}
    if ok is not None:
        row["ok"] = bool(ok)
        if not ok:
            _failed[0] = True
    row.update(detail)
    sys.stdout.write(json.dumps(row, default=str) + "\n")
    sys.stdout.flush()


def failed():
    return _failed[0]


def since(t):
    """Milliseconds since monotonic time t."""
    return int((time.monotonic() - t) * 1000)


def rel(t):
    """A monotonic time as seconds since the helper started."""
    return round(t - T0, 1)
