#!/usr/bin/env bash
# Makes a git repository of tib's stand-in agent (test-fixtures/trove-agent), committed on
# a stable/ussuri branch of a bare repository, for git-source builds where no Git host is
# reachable (no shipped recipe clones it any more). Same tree → same commit id (fixed
# author, committer and dates).
#
#   scripts/ci/fixture-git-repo.sh [DEST]     (default /var/tmp/tib-fixture-trove.git)
set -euo pipefail
root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)
dest=${1:-/var/tmp/tib-fixture-trove.git}

work=$(mktemp -d)
trap 'rm -rf "$work" "$work.bare"' EXIT
cp -a "$root/test-fixtures/trove-agent/." "$work/"
export GIT_AUTHOR_NAME=tib GIT_AUTHOR_EMAIL=tib@invalid GIT_COMMITTER_NAME=tib GIT_COMMITTER_EMAIL=tib@invalid
export GIT_AUTHOR_DATE='2020-05-13T00:00:00Z' GIT_COMMITTER_DATE='2020-05-13T00:00:00Z'
git -C "$work" init -q -b stable/ussuri
git -C "$work" add -A
git -C "$work" commit -q -m "tib's stand-in for the Trove 13 (Ussuri) guest agent"

# Already there with this commit: left alone, since a build may be cloning from it (CI
# builds the git-source image with tib run and from build.sh at the same time).
commit=$(git -C "$work" rev-parse HEAD)
if [ "$(git -C "$dest" rev-parse --verify -q stable/ussuri 2>/dev/null)" = "$commit" ]; then
    printf 'fixture-git-repo: %s at %s (up to date)\n' "$dest" "$commit"
    exit 0
fi
git clone -q --bare "$work" "$work.bare"
rm -rf "$dest"
mv "$work.bare" "$dest"
printf 'fixture-git-repo: %s at %s\n' "$dest" "$(git -C "$dest" rev-parse stable/ussuri)"
