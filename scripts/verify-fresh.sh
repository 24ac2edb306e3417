#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Proves the README's two commands on a fresh Debian 12: builds minimal Debian 12 roots with debootstrap (minbase
# plus git and sudo, nothing else), clones this repository into them with ../shared beside the clone, and runs
# scripts/check.sh and scripts/start.sh there — once as root, once as a user who has sudo — then runs both a second
# time without any network (they must install nothing). start.sh runs against an Xvfb display of the host's and is
# photographed once the window is up. Prints what failed; exit status 1 when anything did. Not run by CI.
#
#   sudo scripts/verify-fresh.sh [--only root|user] [--no-ccache] [--keep] [--out DIR]
#
#   --only root|user   run only one of the two roots (default: both)
#   --no-ccache        compile from scratch; by default the roots share the host's ccache folder
#                      ($WB_VERIFY_CCACHE, default /var/tmp/i3c-workbench-verify-ccache), which makes builds fast
#                      and cannot install anything
#   --keep             leave the roots in place for inspection
#   --out DIR          logs and screenshots (default build/verify-fresh)
# Environment: WB_DEBIAN_MIRROR (default http://deb.debian.org/debian), WB_CHROOT_CACHE (cached debootstrap base,
# shared with scripts/package.sh; default /var/tmp/i3c-workbench-chroot).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

only=""
use_ccache=1
keep=0
out="$repo/build/verify-fresh"
while (($#)); do
    case "$1" in
        --only) only=$2; shift 2 ;;
        --no-ccache) use_ccache=0; shift ;;
        --keep) keep=1; shift ;;
        --out) out=$2; shift 2 ;;
        -h|--help) sed -n '3,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "verify-fresh.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
    esac
done
[[ $(id -u) -eq 0 ]] || { echo "verify-fresh.sh needs root (debootstrap, chroot, mount)" >&2; exit 2; }
for tool in debootstrap git Xvfb import unshare; do
    command -v "$tool" >/dev/null || {
        echo "$tool is missing on the host (apt-get install debootstrap git xvfb imagemagick util-linux)" >&2
        exit 2
    }
done
[[ -z "$(git status --porcelain --untracked-files=no)" ]] \
    || echo "note: uncommitted changes are not verified (the roots get a clone of HEAD)" >&2

mirror=${WB_DEBIAN_MIRROR:-http://deb.debian.org/debian}
cache=${WB_CHROOT_CACHE:-/var/tmp/i3c-workbench-chroot}
ccache_dir=${WB_VERIFY_CCACHE:-/var/tmp/i3c-workbench-verify-ccache}
base="$cache/base-bookworm"
mkdir -p "$out"
out=$(cd "$out" && pwd)
rm -f "$out"/*.log "$out"/*.png

failures=()
fail() { failures+=("$*"); echo "FAILED: $*" >&2; }
step() { printf '\n== %s\n' "$*"; }

if [[ ! -x "$base/usr/bin/apt-get" ]]; then
    step "Creating the cached base root $base (debootstrap --variant=minbase bookworm)"
    mkdir -p "$cache"
    rm -rf "$base.tmp"
    debootstrap --variant=minbase bookworm "$base.tmp" "$mirror" >"$cache/debootstrap.log" 2>&1 \
        || { tail -20 "$cache/debootstrap.log" >&2; exit 1; }
    mv "$base.tmp" "$base"
fi

# Xvfb on the host; the roots reach it through its socket, so no X package is installed in them.
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x720x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb_pid=$!

targets=()
mounts=()
cleanup() {
    local i
    kill "$xvfb_pid" 2>/dev/null || true
    for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount -l "${mounts[i]}" 2>/dev/null || true; done
    if ((!keep)); then
        for t in "${targets[@]}"; do rm -rf --one-file-system "$t"; done
    else
        echo "Roots kept: ${targets[*]}"
    fi
}
trap cleanup EXIT

bind() { mkdir -p "$2" && mount --bind "$1" "$2" && mounts+=("$2"); }

# A fresh copy of the base with git and sudo, the repository cloned into HOME and ../shared beside it.
# Sets $target (not echoed: the mounts must be recorded in this shell for the cleanup).
make_root() {
    local who=$1 home
    target=$(mktemp -d "/var/tmp/i3c-workbench-fresh-$who.XXXXXX")
    targets+=("$target")
    cp -a "$base/." "$target/"
    cp /etc/resolv.conf "$target/etc/resolv.conf"
    cat >"$target/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb ${mirror%/debian}/debian-security bookworm-security main
EOF
    for fs in proc dev dev/pts sys; do bind "/$fs" "$target/$fs"; done
    bind /tmp/.X11-unix "$target/tmp/.X11-unix"
    in_root "$target" root apt-get update -qq
    in_root "$target" root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        git sudo ca-certificates >"$out/$who-base-apt.log" 2>&1
    home=/root
    if [[ $who == user ]]; then
        home=/home/dev
        in_root "$target" root useradd --create-home --shell /bin/bash dev
        echo 'dev ALL=(ALL) NOPASSWD: ALL' >"$target/etc/sudoers.d/dev"
        chmod 0440 "$target/etc/sudoers.d/dev"
    fi
    git clone -q --no-hardlinks "$repo" "$target$home/work/i3c-workbench"
    if [[ -d "$repo/../shared" ]]; then
        bind "$(cd "$repo/../shared" && pwd)" "$target$home/work/shared"
    fi
    if ((use_ccache)); then
        mkdir -p "$ccache_dir"
        chmod 0777 "$ccache_dir"
        bind "$ccache_dir" "$target/var/cache/wb-ccache"
    fi
    if [[ $who == user ]]; then in_root "$target" root chown -R dev:dev /home/dev/work/i3c-workbench; fi
}

# in_root TARGET USER CMD...: a login-like clean environment, as root or as the sudo user `dev`.
in_root() {
    local target=$1 user=$2
    shift 2
    local home=/root
    [[ $user == dev ]] && home=/home/dev
    local env=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=$home USER=$user
        LANG=C.UTF-8 TERM=dumb DISPLAY=$display)
    ((use_ccache)) && env+=(CCACHE_DIR=/var/cache/wb-ccache CCACHE_UMASK=000)
    if [[ $user == root ]]; then
        chroot "$target" /usr/bin/env -i "${env[@]}" "$@"
    else
        chroot --userspec=dev:dev "$target" /usr/bin/env -i "${env[@]}" "$@"
    fi
}

# run_in TARGET USER LOG NAME CMD: runs CMD in the clone, records a failure under NAME.
run_in() {
    local target=$1 user=$2 log=$3 name=$4 cmd=$5 home=/root
    [[ $user == dev ]] && home=/home/dev
    printf '$ %s   (as %s, log %s)\n' "$cmd" "$user" "$log"
    if ! in_root "$target" "$user" /bin/bash -c "cd $home/work/i3c-workbench && $cmd" >"$out/$log" 2>&1; then
        tail -25 "$out/$log" >&2
        fail "$name (see $out/$log)"
        return 1
    fi
}

# Starts start.sh in the background, waits for the workbench window, photographs the display, stops it.
start_and_photograph() {
    local target=$1 user=$2 who=$3 home=/root pid waited=0
    [[ $user == dev ]] && home=/home/dev
    printf '$ scripts/start.sh   (as %s, display %s)\n' "$user" "$display"
    in_root "$target" "$user" /bin/bash -c "cd $home/work/i3c-workbench && exec scripts/start.sh" \
        >"$out/$who-start.log" 2>&1 &
    pid=$!
    while kill -0 "$pid" 2>/dev/null && ! pgrep -x i3c-workbench >/dev/null; do
        sleep 5
        waited=$((waited + 5))
        ((waited < 3600)) || break
    done
    if ! kill -0 "$pid" 2>/dev/null; then
        tail -25 "$out/$who-start.log" >&2
        fail "$who: scripts/start.sh ended before the workbench showed (see $out/$who-start.log)"
        return
    fi
    sleep 8
    import -display "$display" -window root "$out/$who-start.png" || fail "$who: no screenshot"
    pkill -x i3c-workbench || true
    wait "$pid" 2>/dev/null || true
    echo "screenshot: $out/$who-start.png"
}

# The second run of each command must install nothing and need no network: both run again in a network
# namespace with only loopback (the tests' fake server needs it). check.sh runs one quick test; start.sh only
# asks the workbench for its version, so the display is not needed again.
offline_rerun() {
    local target=$1 user=$2 who=$3 home=/root cmd log
    [[ $user == dev ]] && home=/home/dev
    for cmd in "scripts/check.sh -R core_is_qt_free" "scripts/start.sh --version"; do
        log="$out/$who-offline-$(basename "${cmd%% *}" .sh).log"
        printf '$ %s   (again, as %s, without network)\n' "$cmd" "$user"
        if ! unshare --net /bin/bash -c "ip link set lo up 2>/dev/null || true; $(declare -f in_root); \
            display=$display use_ccache=$use_ccache; \
            in_root '$target' '$user' /bin/bash -c 'cd $home/work/i3c-workbench && $cmd'" \
            >"$log" 2>&1; then
            tail -25 "$log" >&2
            fail "$who: second '$cmd' without network (see $log)"
        elif grep -q "Installing:" "$log"; then
            fail "$who: the second '$cmd' wanted to install packages"
        fi
    done
}

verify() {
    local who=$1 user=$2
    step "Fresh Debian 12 root for the $who run"
    make_root "$who"
    echo "root: $target"
    run_in "$target" "$user" "$who-check.log" "$who: scripts/check.sh" "scripts/check.sh" || true
    grep -E "tests passed|tests failed" "$out/$who-check.log" || true
    start_and_photograph "$target" "$user" "$who"
    offline_rerun "$target" "$user" "$who"
}

[[ -z $only || $only == root ]] && verify root root
[[ -z $only || $only == user ]] && verify user dev

step "Result"
ls "$out"/*.png 2>/dev/null || true
if ((${#failures[@]})); then
    printf 'FAILED: %s\n' "${failures[@]}"
    exit 1
fi
echo "verify-fresh: every command passed in every fresh root"
