#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds a release of the workbench and packs it with CPack into a .deb and a .tar.gz (see docs/packaging.md).
#
#   scripts/package.sh [--build-dir DIR] [--jobs N] [--render-icons] [--verify-clean-install]
#
#   --build-dir DIR          release build folder (default build/package; kept between runs, ccache is used)
#   --jobs N                 parallel compile jobs (default 2)
#   --render-icons           first re-render resources/icons/app-<size>.png from app.svg (needs rsvg-convert)
#   --verify-clean-install   then install the .deb into a fresh Debian 12 root (debootstrap, needs root and the
#                            Debian mirror) and run the CLI and the GUI (offscreen) there. The base root is cached
#                            in $WB_CHROOT_CACHE (default /var/tmp/i3c-workbench-chroot) and copied for each run.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

build=build/package
jobs=2
render_icons=0
verify=0
while (($#)); do
    case "$1" in
        --build-dir) build=$2; shift 2 ;;
        --jobs) jobs=$2; shift 2 ;;
        --render-icons) render_icons=1; shift ;;
        --verify-clean-install) verify=1; shift ;;
        -h|--help) sed -n '3,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "package.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
    esac
done
[[ "$build" = /* ]] || build="$root/$build"
out="$build/packages"
icon_sizes=(48 64 128 256)

step() { printf '\n== %s\n' "$*"; }

if ((render_icons)); then
    step "Rendering icons from resources/icons/app.svg"
    command -v rsvg-convert >/dev/null || { echo "rsvg-convert is missing (apt-get install librsvg2-bin)" >&2; exit 1; }
    for size in "${icon_sizes[@]}"; do
        rsvg-convert -w "$size" -h "$size" resources/icons/app.svg -o "resources/icons/app-$size.png"
    done
fi

for tool in cmake ninja cpack dpkg-shlibdeps file; do
    command -v "$tool" >/dev/null || { echo "$tool is missing: run scripts/bootstrap.sh" >&2; exit 1; }
done

# Lets ccache reuse objects across checkouts and build folders, as scripts/check.sh does.
export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
step "Configuring $build (Release)"
# Without tests: CPack installs after building everything, and the tests are not shipped.
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DWB_BUILD_GUI=ON -DBUILD_TESTING=OFF >/dev/null

step "Building"
cmake --build "$build" -j "$jobs"

step "Packing (TGZ, DEB)"
rm -rf "$out"
(cd "$build" && cpack -G "TGZ;DEB" -B "$out")
rm -rf "$out/_CPack_Packages"
deb=$(ls "$out"/i3c-workbench_*.deb)
tgz=$(ls "$out"/i3c-workbench-*.tar.gz)
dpkg-deb --field "$deb" Package Version Architecture Section Maintainer Depends Recommends
echo "$deb ($(du -h "$deb" | cut -f1))"
echo "$tgz ($(du -h "$tgz" | cut -f1))"

((verify)) || exit 0

# ---------------------------------------------------------------------------------------------------------
step "Verifying a clean install on Debian 12"
[[ $(id -u) -eq 0 ]] || { echo "--verify-clean-install needs root (debootstrap, chroot, mount)" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "debootstrap is missing (apt-get install debootstrap)" >&2; exit 1; }
mirror=${WB_DEBIAN_MIRROR:-http://deb.debian.org/debian}
cache=${WB_CHROOT_CACHE:-/var/tmp/i3c-workbench-chroot}
base="$cache/base-bookworm"
if [[ ! -x "$base/usr/bin/apt-get" ]]; then
    echo "Creating the cached base root $base (debootstrap --variant=minbase bookworm)"
    mkdir -p "$cache"
    rm -rf "$base.tmp"
    debootstrap --variant=minbase bookworm "$base.tmp" "$mirror" > "$cache/debootstrap.log" 2>&1 \
        || { tail -20 "$cache/debootstrap.log" >&2; exit 1; }
    mv "$base.tmp" "$base"
fi

# Every run starts from an untouched copy of the base, so nothing from an earlier run can satisfy a dependency.
target=$(mktemp -d /var/tmp/i3c-workbench-verify.XXXXXX)
mounts=()
cleanup() {
    local i
    for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount -l "${mounts[i]}" 2>/dev/null || true; done
    rm -rf --one-file-system "$target"
}
trap cleanup EXIT
cp -a "$base/." "$target/"
for fs in proc dev; do
    mount --bind "/$fs" "$target/$fs" && mounts+=("$target/$fs")
done
cp /etc/resolv.conf "$target/etc/resolv.conf"
cat > "$target/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb ${mirror%/debian}/debian-security bookworm-security main
EOF
cp "$deb" "$target/tmp/"

in_root() { chroot "$target" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
in_root apt-get update -qq
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "/tmp/$(basename "$deb")" > "$out/clean-install-apt.log" 2>&1 \
    || { tail -30 "$out/clean-install-apt.log" >&2; exit 1; }
echo "apt-get install ./$(basename "$deb"): ok ($(grep -c '^Setting up' "$out/clean-install-apt.log") packages set up)"

failures=0
check() {
    printf '\n$ %s\n' "$*"
    if ! in_root "$@"; then
        echo "FAILED: $*"
        failures=$((failures + 1))
    fi
}
check i3c --version
check i3c inspect /usr/share/i3c-workbench/datasets/demo/demo.jsonl --summary
check i3c methods
# The installed GUI opens the installed demo dataset and quits with the outcome (non-zero when it fails).
check env QT_QPA_PLATFORM=offscreen i3c-workbench --quit-after-load /usr/share/i3c-workbench/datasets/demo/demo.jsonl
echo
if ((failures)); then
    echo "Clean-install verification FAILED ($failures command(s))" >&2
    exit 1
fi
echo "Clean-install verification passed"
