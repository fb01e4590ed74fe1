#!/usr/bin/env bash
# Runs the PyInstaller bundle as a user's machine would (`make bundle-check`): a copy of the
# bundle in a temporary folder, a clean environment (no virtual environment on PATH, no
# PYTHONPATH, a throwaway home), Qt offscreen. As root, the checkout (and the .venv inside it)
# is also hidden from the bundle, in a private mount namespace, to prove it needs neither.
set -euo pipefail

bundle="${1:-dist/press-reader}"
checkout="$(cd "$(dirname "$0")/.." && pwd)"
if [ ! -x "$bundle/press-reader" ]; then
    echo "bundle-check: no bundle in $bundle; build it with 'make bundle'" >&2
    exit 1
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/press-reader-bundle-check.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
cp -a "$bundle" "$tmp/bundle"
exe="$tmp/bundle/press-reader"

hide=()
if [ "$(id -u)" -eq 0 ] && unshare --mount true 2>/dev/null; then
    hide=(unshare --mount -- sh -c 'mount -t tmpfs none "$0" && exec "$@"' "$checkout")
    echo "bundle-check: the checkout $checkout is hidden from the bundle"
fi

run() {
    echo "+ press-reader $*"
    "${hide[@]}" env -i HOME="$tmp/home" LANG=C.UTF-8 PATH=/usr/bin:/bin \
        QT_QPA_PLATFORM=offscreen "$exe" "$@"
}

run --version
run --self-check
run --data-dir "$tmp/data" --demo refresh
run --data-dir "$tmp/data" --demo brief --format pdf -o "$tmp/brief.pdf"
run --data-dir "$tmp/data" --demo brief --format docx -o "$tmp/brief.docx"
run --data-dir "$tmp/data" --demo brief --format html -o "$tmp/brief.html"
echo "bundle-check ok"
