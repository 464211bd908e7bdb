#!/usr/bin/env bash
# Real DIB builds of tib's reference Debian images from their compiled scripts: for each
# recipe, `tib compile RECIPE -o build.sh`, then `build.sh` as root builds the qcow2. Too
# slow for the unit suite; CI runs it, and `tib run` builds the container MariaDB image
# there separately. Prints each build's time and image size.
#
#   scripts/ci/real-builds.sh [--verify] [--naive] OUT_DIR [RECIPE...]
#
#   --verify  `tib verify` (offline checks) on each image
#   --naive   also build each recipe with system.slim=false, the stock DIB image of the
#             same packages, and report how much smaller tib's image is
# Default recipes: every Debian bookworm and bullseye recipe in recipes/. Needs root, a prepared DIB
# host (scripts/setup-host.sh) and a built tib (npm ci). Results: OUT_DIR/real-builds.tsv.
set -euo pipefail
root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
say() { printf 'real-builds: %s\n' "$*" >&2; }

verify=0
naive=0
while [ $# -gt 0 ]; do
    case "$1" in
        --verify) verify=1; shift ;;
        --naive) naive=1; shift ;;
        -*) say "unknown option $1"; exit 2 ;;
        *) break ;;
    esac
done
[ $# -ge 1 ] || { say "usage: $0 [--verify] [--naive] OUT_DIR [RECIPE...]"; exit 2; }
out=$(mkdir -p -- "$1" && cd -- "$1" && pwd)
shift
recipes=("$@")
if [ ${#recipes[@]} -eq 0 ]; then
    mapfile -t recipes < <(ls recipes/debian-bookworm-*.yaml recipes/debian-bullseye-*.yaml)
fi
[ "$(id -u)" -eq 0 ] || { say "needs root (DIB)"; exit 2; }
tib=$root/node_modules/.bin/tib
[ -x "$tib" ] || { say "tib is not installed: run npm ci first"; exit 2; }

# The git-source recipe clones a local repository (no Git host is reachable in CI).
for r in "${recipes[@]}"; do
    if grep -q 'file:///var/tmp/tib-fixture-trove.git' "$r"; then
        ./scripts/ci/fixture-git-repo.sh /var/tmp/tib-fixture-trove.git
        break
    fi
done

mib() { echo $(( ($(stat -c %s "$1") + 524288) / 1048576 )); }

# build NAME RECIPE [--set …]: compile, run the script, print "seconds MiB".
build() {
    local name=$1 recipe=$2
    shift 2
    local script=$out/$name.build.sh log=$out/$name.log start status=0
    # (Called as `$(build …) || exit`, where set -e does not apply: every step checks.)
    "$tib" compile "$recipe" --set "name=$name" "$@" -o "$script" 2>"$log" || {
        cat "$log" >&2
        return 1
    }
    say "$name: building (log $log)"
    start=$(date +%s)
    bash "$script" --out "$out/images" --force >"$log" 2>&1 || status=$?
    if [ "$status" -ne 0 ]; then
        say "$name: build.sh exited $status; the log ends:"
        tail -n 40 "$log" >&2
        return 1
    fi
    [ -f "$out/images/$name.qcow2" ] || { say "$name: no image after build.sh"; return 1; }
    echo "$(( $(date +%s) - start )) $(mib "$out/images/$name.qcow2")"
}

rows=()
for recipe in "${recipes[@]}"; do
    name=$(basename "$recipe" .yaml)
    result=$(build "$name" "$recipe") || exit 1
    read -r secs size <<<"$result"
    row="$name	$secs	$size"
    say "$name: ${secs} s, ${size} MiB"
    if [ "$verify" = 1 ]; then
        "$tib" verify "$out/images/$name.qcow2" --recipe "$recipe" >"$out/$name.verify.txt" 2>&1 || {
            say "$name: tib verify failed:"
            cat "$out/$name.verify.txt" >&2
            exit 1
        }
        say "$name: tib verify passed ($(tail -n 1 "$out/$name.verify.txt"))"
    fi
    if [ "$naive" = 1 ]; then
        result=$(build "$name-naive" "$recipe" --set system.slim=false) || exit 1
        read -r nsecs nsize <<<"$result"
        saving=$(( (nsize - size) * 1000 / nsize ))
        say "$name-naive: ${nsecs} s, ${nsize} MiB; tib's image is $((saving / 10)).$((saving % 10))% smaller"
        row="$row	$nsecs	$nsize	$((saving / 10)).$((saving % 10))"
        rm -f "$out/images/$name-naive".*
    fi
    rows+=("$row")
done

{
    printf 'recipe\tseconds\tMiB'
    [ "$naive" = 1 ] && printf '\tnaive_seconds\tnaive_MiB\tsmaller_%%'
    printf '\n'
    printf '%s\n' "${rows[@]}"
} | tee "$out/real-builds.tsv"
