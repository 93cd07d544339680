# SPDX-License-Identifier: GPL-2.0
# The six algorithms as userspace sees them through AF_ALG: the vectors,
# random cases against ipsec-mb and OpenSSL, and misuse refused.
. /tests/lib.sh
check insmod load_parlos
afalg /vectors | sed "s/^\(PASS\|FAIL\): /\1: vm.$T./"
check rmmod unload_parlos
finish
