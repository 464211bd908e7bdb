"""The message bus as the controller sees it, through kombu (oslo.messaging's driver)."""

import time


def _amqp(url):
    return url.replace("rabbit://", "amqp://", 1)


def bus_reachable(transport_url, timeout=5):
    """oslo.messaging retries a dead broker forever: check it first, once."""
    import kombu

    t = time.monotonic()
    try:
        with kombu.Connection(_amqp(transport_url), connect_timeout=timeout) as c:
            c.ensure_connection(max_retries=1, timeout=timeout)
            version = c.connection.server_properties.get("version")
        return True, {"broker": version, "ms": int((time.monotonic() - t) * 1000)}
    except Exception as e:
        return False, {"error": repr(e)[:500]}


def agent_consumers(transport_url, guest_id):
    """How many consumers the agent's topic queue has (None: no such queue yet)."""
    import kombu

    with kombu.Connection(_amqp(transport_url), connect_timeout=5) as c:
        ch = c.channel()
        try:
            _queue, _messages, consumers = ch.queue_declare(queue="guestagent.%s" % guest_id, passive=True)
            return consumers
        except Exception:
            return None
        finally:
            try:
                ch.close()
            except Exception:
                pass
