#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Installs every Debian package parlos needs, idempotently and without
# questions. With --if-missing it does nothing when all are present, so
# `make check` and `make demo` can call it first on any machine.
set -euo pipefail

pkgs=(
	build-essential make gcc clang libclang-rt-14-dev llvm pkg-config bc flex
	bison cpio kmod
	libelf-dev libssl-dev openssl python3 xz-utils gzip git
	linux-image-amd64 linux-headers-amd64 linux-source-6.1
	qemu-system-x86 busybox-static iproute2 tcpdump iputils-ping
	libnl-3-dev libnl-genl-3-dev libipsec-mb-dev tshark
)

missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing+=("$p")
done
if [ "${1:-}" = --if-missing ] && [ ${#missing[@]} -eq 0 ]; then
	exit 0
fi
if [ ${#missing[@]} -eq 0 ]; then
	echo "deps: all ${#pkgs[@]} packages present"
	exit 0
fi
echo "deps: installing ${missing[*]}"
sudo=
[ "$(id -u)" -eq 0 ] || sudo=sudo
export DEBIAN_FRONTEND=noninteractive
# tshark asks whether non-root users may capture; the default answer is fine.
echo "wireshark-common wireshark-common/install-setuid boolean false" |
	$sudo debconf-set-selections
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
