"""Stand-in for Trove's guest agent: reads its config and tries to reach the message bus.

It behaves like a real agent whose controller is unreachable, which is what a test image
booted without a Trove deployment shows: it starts, reads the files Trove injects, and
logs that it cannot connect to the transport_url, retrying until it is stopped.
"""
import argparse
import configparser
import logging
import os
import signal
import socket
import sys
import time
from urllib.parse import urlsplit

LOG = logging.getLogger('trove-guestagent')
DEFAULT_PORTS = {'rabbit': 5672, 'amqp': 5672, 'kombu': 5672}


def parse_args(argv):
    parser = argparse.ArgumentParser(prog='trove-guestagent')
    parser.add_argument('--config-dir', action='append', default=[])
    parser.add_argument('--config-file', action='append', default=[])
    parser.add_argument('--log-file')
    parser.add_argument('--retry-interval', type=float, default=10.0)
    return parser.parse_args(argv)


def config_files(args):
    """--config-file files first, then each --config-dir's *.conf in name order."""
    files = list(args.config_file)
    for directory in args.config_dir:
        try:
            names = sorted(n for n in os.listdir(directory) if n.endswith('.conf'))
        except OSError as exc:
            LOG.error('cannot list config directory %s: %s', directory, exc)
            continue
        files.extend(os.path.join(directory, n) for n in names)
    return files


def read_config(files):
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    for path in files:
        try:
            with open(path, encoding='utf-8') as handle:
                parser.read_file(handle, source=path)
        except (OSError, configparser.Error) as exc:
            LOG.error('cannot read config file %s: %s', path, exc)
    return parser


def bus_endpoints(url):
    """(host, port) of every server in a transport_url such as rabbit://u:p@h1:5672,h2/."""
    parts = urlsplit(url)
    scheme = parts.scheme.split('+')[0]
    netloc = url.split('://', 1)[1].split('/', 1)[0] if '://' in url else ''
    endpoints = []
    for server in netloc.split(','):
        hostport = server.rsplit('@', 1)[-1]
        if hostport.startswith('['):
            host, _, rest = hostport[1:].partition(']')
            port = rest.lstrip(':')
        else:
            host, _, port = hostport.partition(':')
        if host:
            endpoints.append((host, int(port) if port.isdigit() else DEFAULT_PORTS.get(scheme, 5672)))
    return endpoints


def setup_logging(log_file):
    handler = logging.FileHandler(log_file) if log_file else logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter('%(asctime)s %(process)d %(levelname)s %(name)s %(message)s'))
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(logging.INFO)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    setup_logging(args.log_file)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    LOG.info('stand-in guest agent starting (tib test fixture, not OpenStack Trove), pid %d', os.getpid())
    announced = False
    while True:
        conf = read_config(config_files(args))
        defaults = conf.defaults()
        if not announced and defaults.get('guest_id'):
            LOG.info('guest %s, datastore manager %s', defaults.get('guest_id'), defaults.get('datastore_manager', '?'))
            announced = True
        url = defaults.get('transport_url', '')
        endpoints = bus_endpoints(url) if url else []
        if not endpoints:
            LOG.warning('no transport_url in [DEFAULT] of %s; waiting for the controller\'s config', ', '.join(config_files(args)) or 'any config file')
        for host, port in endpoints:
            try:
                with socket.create_connection((host, port), timeout=5):
                    LOG.info('reached the message bus at %s:%d (this stand-in speaks no AMQP)', host, port)
            except OSError as exc:
                LOG.error('cannot connect to the message bus at %s:%d: %s; retrying in %.0f seconds', host, port, exc, args.retry_interval)
        time.sleep(args.retry_interval)


if __name__ == '__main__':
    main()
