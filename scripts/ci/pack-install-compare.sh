#!/usr/bin/env bash
# The installable package behaves as the repository's tib. Packs it (scripts/pack.js),
# installs the tarball with `npm install -g --prefix` into an empty directory outside the
# repository (offline: the tarball carries its dependencies), and compares, with the
# repository's built tib (./node_modules/.bin/tib):
#   - the tarball holds no sources, tests, goldens or source maps of tib's own;
#   - `tib compile` of every recipe in recipes/, byte for byte (and with its golden script);
#   - `tib plan --json` and `tib run --dry-run` of every recipe;
#   - `tib --version`, `tib --help`, `tib matrix --json`, `tib elements`, a globbed validate,
#     `tib fmt --check recipes/`, `tib completion bash|zsh`, `tib schema`;
#   - the shipped elements, controller templates, schemas and controller helper, file by file;
#   - `tib run` against a stand-in disk-image-create (needs root, as tib run does): the
#     same DIB arguments and the same element tree, file by file.
# Usage: scripts/ci/pack-install-compare.sh   (after npm ci; exit 0 when all match)
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/tib-pack-compare.XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
failures=0
fail() { printf 'FAIL: %s\n' "$*" >&2; failures=$((failures + 1)); }
same() { # same LABEL FILE_A FILE_B
    if cmp -s "$2" "$3"; then printf 'same: %s\n' "$1"; else fail "$1 differs"; diff -u "$2" "$3" | head -20 >&2 || true; fi
}

tarball=$(node scripts/pack.js --out "$work/pack")
echo "packed $tarball"
if tar tzf "$tarball" | grep -v '^package/node_modules/' | grep -E '\.ts$|\.map$|/test/|/src/|golden|\.tsbuildinfo$'; then
    fail "the tarball ships sources, tests or maps (listed above)"
fi
if tar tzf "$tarball" | grep -E '\.map$'; then fail "the tarball ships source maps"; fi

mkdir "$work/empty"
(cd "$work/empty" && npm install -g --prefix "$work/global" --offline --no-audit --no-fund "$tarball")
installed="$work/global/bin/tib"
pkg="$work/global/lib/node_modules/tib"
# shellcheck disable=SC2034 # read as ${!tib} and ${!which}
here="$repo/node_modules/.bin/tib"
# Neither tib may find its resources through the environment, nor share a code cache.
unset TIB_HOME
export XDG_CACHE_HOME="$work/cache" NO_COLOR=1

both() { # both NAME ARGS...: run both tibs from the repository root, keep stdout+stderr and status
    local name=$1 tib status
    shift
    for tib in installed here; do
        status=0
        (cd "$repo" && "${!tib}" "$@") >"$work/$name.$tib" 2>&1 || status=$?
        echo "exit status $status" >>"$work/$name.$tib"
    done
    same "tib $*" "$work/$name.installed" "$work/$name.here"
}

both version --version
both help --help
both matrix matrix --json
both elements elements
both validate validate 'recipes/**/*.yaml'
both fmt fmt --check recipes/
both completion-bash completion bash
both completion-zsh completion zsh
both schema schema overlay
while IFS= read -r recipe; do
    golden="packages/cli/test/golden/scripts/$(echo "${recipe#recipes/}" | sed 's|/|__|g; s|\.yaml$|.sh|')"
    (cd "$repo" && "$installed" compile "$recipe" >"$work/compiled.sh" 2>/dev/null) || fail "installed tib compile $recipe failed"
    same "tib compile $recipe = $golden" "$work/compiled.sh" "$golden"
    both compile compile "$recipe"
    both plan plan --json "$recipe"
    both dry-run run --dry-run --out "$work/images" "$recipe"
done < <(find recipes -name '*.yaml' | sort)

for dir in elements templates/controller schemas; do
    if diff -r "$repo/$dir" "$pkg/$dir" >/dev/null; then echo "same: $dir/"; else fail "$dir/ differs from the repository's"; fi
done
if diff -r -x __pycache__ "$repo/packages/verify/controller" "$pkg/controller" >/dev/null; then
    echo "same: the controller helper"
else
    fail "controller/ differs from packages/verify/controller"
fi

if [ "$(id -u)" -eq 0 ]; then
    # A stand-in DIB that records its arguments and the element tree it was given.
    fake="$work/fake-dib"
    mkdir -p "$fake/bin" "$fake/python/diskimage_builder"
    : >"$fake/python/diskimage_builder/__init__.py"
    for e in debian-minimal ubuntu-minimal vm cloud-init openssh-server cloud-init-datasources source-repositories growroot; do
        mkdir -p "$fake/python/diskimage_builder/elements/$e"
    done
    for t in debootstrap qemu-img sfdisk mkfs.ext4 vhd-util; do printf '#!/bin/sh\nexit 0\n' >"$fake/bin/$t"; done
    cat >"$fake/bin/disk-image-create" <<'EOF'
#!/usr/bin/env python3
import hashlib, json, os, sys
if sys.argv[1:] == ['--version']:
    print('3.13.0'); sys.exit(0)
args = sys.argv[1:]
out = args[args.index('-o') + 1]
tree = []
first = os.environ['ELEMENTS_PATH'].split(':')[0]
for base, dirs, files in os.walk(first):
    dirs.sort()
    for name in sorted(files):
        p = os.path.join(base, name)
        with open(p, 'rb') as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        tree.append([os.path.relpath(p, first), oct(os.stat(p).st_mode & 0o777), digest])
with open(os.environ['FAKE_DIB_RECORD'], 'w') as f:
    json.dump({'argv': [a.replace(os.environ['FAKE_DIB_OUT'], 'OUT') for a in args], 'elements': tree}, f, indent=1)
with open(out + '.qcow2', 'w') as f:
    f.write('fake image\n')
EOF
    chmod 0755 "$fake/bin/"*
    for recipe in recipes/debian-bookworm-mariadb.yaml recipes/debian-bullseye-mariadb-native.yaml; do
        for which in installed here; do
            out="$work/run-$which"
            (cd "$repo" && PATH="$fake/bin:$PATH" PYTHONPATH="$fake/python" TIB_CACHE_DIR="$work/tib-cache" \
                FAKE_DIB_RECORD="$work/record.$which" FAKE_DIB_OUT="$out" "${!which}" run "$recipe" --out "$out" --force \
                >"$work/run.$which.log" 2>&1) || { fail "$which tib run $recipe failed"; cat "$work/run.$which.log" >&2; }
        done
        same "tib run $recipe: DIB arguments and element tree" "$work/record.installed" "$work/record.here"
    done
else
    echo "skipped: tib run against a stand-in DIB (needs root, as tib run does)"
fi

if [ "$failures" -gt 0 ]; then
    echo "$failures difference(s) between the installed package and the repository" >&2
    exit 1
fi
echo "the installed package ($(basename "$tarball")) behaves as the repository's tib"
