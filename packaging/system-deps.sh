#!/usr/bin/env bash
# Installs, with apt-get, the Debian/Ubuntu packages the machine lacks: the libraries the Qt
# wheels need, and the tools `make test` uses (faketime runs the suite with the clock a year
# ahead; desktop-file-validate and appstreamcli check the packaging files; Xvfb is the real X
# server the desktop benchmark launches the window on).
# Does nothing when they are all present, or on a system without dpkg/apt-get.
set -euo pipefail

packages=(
    libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0
    libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
    libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 fonts-dejavu-core
    faketime desktop-file-utils appstream xvfb xauth
)

command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 || exit 0

missing=()
for pkg in "${packages[@]}"; do
    # Names differ slightly across releases (libglib2.0-0t64...): accept any installed variant.
    if ! { dpkg-query -W -f='${Status}\n' "$pkg" "${pkg}t64" 2>/dev/null || true; } | grep -q 'install ok installed'; then
        missing+=("$pkg")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing system packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
# Pick the t64 variant where the release renamed the package.
resolved=()
for pkg in "${missing[@]}"; do
    if apt-cache show "$pkg" >/dev/null 2>&1; then resolved+=("$pkg"); else resolved+=("${pkg}t64"); fi
done
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${resolved[@]}"
