"""tib's controller side of the controller conversation.

Plays trove-taskmanager and trove-conductor (and trove-api's guest calls) for one guest
instance, with the Trove controller code found on sys.path: the host's python3-trove, a
chroot's, or a Trove source tree on PYTHONPATH. Nothing here re-implements Trove's wire
protocol: messages are built and sent by trove.guestagent.api.API and encrypted by Trove's
serializers, received by trove.conductor.manager.Manager, and the prepare configuration is
rendered by trove.common.template.SingleInstanceConfigTemplate. Only the controller's
database reads and writes are replaced (report.py lists them).

Output: one JSON object per line on stdout ("check" rows and "event" rows); Trove's and
oslo's logging goes to stderr. Exit 0 when every check passed, 5 when one failed, 2 on
usage errors.
"""
