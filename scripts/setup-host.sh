#!/usr/bin/env bash
# Installs what tib needs on a Debian/Ubuntu host (run as root): diskimage-builder and the
# tools of a real build; with --verify also libguestfs, QEMU and genisoimage for
# `tib verify`, and what its controller conversation runs on this host: RabbitMQ,
# Debian's Trove controller code (python3-trove), socat for QEMU's forward to the bus,
# and the database clients of the conversation's query. shellcheck and python-is-python3
# are for the test suite (dib-lint), zsh for its test of `tib completion zsh`.
# On a host whose kernel lacks device-mapper, see README "Hosts without device-mapper".
set -euo pipefail

verify=0
[ "${1:-}" = "--verify" ] && verify=1
if [ "$(id -u)" != 0 ]; then
    echo "setup-host.sh: run as root (sudo $0 $*)" >&2
    exit 1
fi
packages=(sudo python3-diskimage-builder debootstrap qemu-utils kpartx squashfs-tools dosfstools gdisk fdisk
          parted e2fsprogs util-linux curl ca-certificates shellcheck python-is-python3 file git zsh)
if [ "$verify" = 1 ]; then
    packages+=(libguestfs-tools qemu-system-x86 genisoimage rabbitmq-server python3-trove socat python3-pymysql python3-psycopg2)
fi
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "setup-host.sh: host packages present (${#missing[@]} installed now)"
