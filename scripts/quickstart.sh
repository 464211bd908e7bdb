#!/usr/bin/env bash
# One command from a fresh Debian/Ubuntu machine (with Node.js >= 20) to a compiled
# example: installs the host packages, installs and builds tib, validates the example
# recipe, shows its plan and writes build.sh. With --build, also builds the image with
# `tib run` into images/ (needs root and loop devices; ~4-10 minutes).
#   sudo ./scripts/quickstart.sh [--build]
set -euo pipefail
cd "$(dirname "$0")/.."
recipe=recipes/debian-bookworm-mariadb.yaml

./scripts/setup-host.sh
npm ci --no-audit --no-fund
npx tib validate "$recipe"
npx tib plan "$recipe"
npx tib compile "$recipe" -o build.sh
echo "quickstart: wrote build.sh (run it with: sudo ./build.sh)"
if [ "${1:-}" = "--build" ]; then
    npx tib run "$recipe"
fi
