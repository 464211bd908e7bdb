#!/usr/bin/env bash
# Verifies a built image for CI: `tib verify --boot` on it, then verify's integration
# tests on the same image (pristine offline checks, tampered copies caught by the right
# checks, the boot of a broken copy). Needs root, loop devices, QEMU and genisoimage
# (scripts/setup-host.sh --verify installs them).
#
#   scripts/ci/verify-image.sh IMAGE RECIPE
#
# Environment: TIB_QEMU_ACCEL (kvm|tcg, as prepare-dib-host prints it; default: tib
# decides), TIB_VERIFY_WORK (scratch directory, default $TMPDIR or /tmp; needs room for a
# raw copy of the image), TIB_VERIFY_BOOT=0 (skip the tampered-copy boot),
# TIB_VERIFY_LIBGUESTFS=1 (also compare the libguestfs inspector; slow without KVM).
# Exits non-zero when verify or a test fails.
set -euo pipefail

say() { printf 'verify-image: %s\n' "$*" >&2; }

if [ "$#" -ne 2 ]; then
    say "usage: $0 IMAGE RECIPE"
    exit 2
fi
image=$(realpath -- "$1")
recipe=$(realpath -- "$2")
root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)

[ -f "$image" ] || { say "no image at $1"; exit 2; }
[ -f "$recipe" ] || { say "no recipe at $2"; exit 2; }
[ "$(id -u)" -eq 0 ] || { say "needs root (loop devices for the read-only mount)"; exit 2; }
[ -f "$root/packages/cli/dist/tib.cjs" ] || { say "tib is not built: run npm run build first"; exit 2; }

work=${TIB_VERIFY_WORK:-${TMPDIR:-/tmp}}
mkdir -p "$work"
export TMPDIR=$work

accel=()
case "${TIB_QEMU_ACCEL:-}" in
    kvm|tcg) accel=(--accel "$TIB_QEMU_ACCEL") ;;
    '') ;;
    *) say "ignoring TIB_QEMU_ACCEL=$TIB_QEMU_ACCEL (expected kvm or tcg)" ;;
esac

cd "$root"
status=0
start=$(date +%s)
say "tib verify --boot $image (recipe $recipe)"
node packages/cli/bin/tib.js verify "$image" --recipe "$recipe" --boot "${accel[@]}" || status=$?
say "tib verify --boot: exit $status after $(( $(date +%s) - start )) s"

start=$(date +%s)
say "verify integration tests on $image"
tests=0
TIB_VERIFY_IMAGE=$image TIB_VERIFY_RECIPE=$recipe TIB_VERIFY_REQUIRE=1 TIB_VERIFY_WORK=$work \
    npx --no-install jest -c jest.integration.config.js --runInBand packages/verify/test-integration || tests=$?
say "integration tests: exit $tests after $(( $(date +%s) - start )) s"

if [ "$status" -ne 0 ] || [ "$tests" -ne 0 ]; then
    exit 1
fi
