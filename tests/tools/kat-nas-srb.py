#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Known answers for NAS and SRB protection with 128-EEA2/128-EIA2.

An implementation independent of the kernel's: HMAC-SHA-256 for the
TS 33.401 Annex A KDF, AES-CTR and AES-CMAC from python3-cryptography,
and the message layouts of TS 24.301 9.1 (NAS) and TS 36.323 (PDCP for
SRBs) written out here. tests/kunit/nas_test.c embeds what this prints.

    python3 tests/tools/kat-nas-srb.py
"""
import hashlib
import hmac
import struct

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.cmac import CMAC


def kdf(key, fc, *params):
    s = bytes([fc])
    for p in params:
        s += p + struct.pack(">H", len(p))
    return hmac.new(key, s, hashlib.sha256).digest()


def alg_key(key, dist, alg):
    return kdf(key, 0x15, bytes([dist]), bytes([alg]))[16:]


def eea2(key, count, bearer, direction, data):
    iv = struct.pack(">IB", count, bearer << 3 | direction << 2) + bytes(11)
    enc = Cipher(algorithms.AES(key), modes.CTR(iv)).encryptor()
    return enc.update(data) + enc.finalize()


def eia2(key, count, bearer, direction, msg):
    c = CMAC(algorithms.AES(key))
    c.update(struct.pack(">IB", count, bearer << 3 | direction << 2) + bytes(3) + msg)
    return c.finalize()[:4]


def nas_protect(kenc, kint, sec_hdr, count, direction, msg):
    body = eea2(kenc, count, 0, direction, msg) if sec_hdr in (2, 4) else msg
    sqn = bytes([count & 0xff])
    mac = eia2(kint, count, 0, direction, sqn + body)
    return bytes([sec_hdr << 4 | 7]) + mac + sqn + body


def srb_protect(kenc, kint, rb, count, direction, sdu, cipher=True):
    hdr = bytes([count & 0x1f])
    mac = eia2(kint, count, rb - 1, direction, hdr + sdu)
    data = sdu + mac
    if cipher:
        data = eea2(kenc, count, rb - 1, direction, data)
    return hdr + data


kasme = bytes(range(32))
knas_enc, knas_int = alg_key(kasme, 1, 2), alg_key(kasme, 2, 2)
print("KASME      ", kasme.hex())
print("KNASenc    ", knas_enc.hex())
print("KNASint    ", knas_int.hex())
smc = bytes.fromhex("075d22000ee0e0c0c07d00480102")
print("NAS DL type 3 COUNT 0:", nas_protect(knas_enc, knas_int, 3, 0, 1, smc).hex())
cpl = bytes.fromhex("075e")
print("NAS UL type 4 COUNT 0:", nas_protect(knas_enc, knas_int, 4, 0, 0, cpl).hex())
acc = bytes.fromhex("0742010203040506")
print("NAS DL type 2 COUNT 0x1ff:", nas_protect(knas_enc, knas_int, 2, 0x1ff, 1, acc).hex())
kenb = kdf(kasme, 0x11, struct.pack(">I", 0))
krrc_enc, krrc_int = alg_key(kenb, 3, 2), alg_key(kenb, 4, 2)
kup_enc = alg_key(kenb, 5, 2)
print("KeNB       ", kenb.hex())
print("KRRCenc    ", krrc_enc.hex())
print("KRRCint    ", krrc_int.hex())
print("KUPenc     ", kup_enc.hex())
rrc_smc = bytes.fromhex("3400")
print("SRB1 DL COUNT 0 integrity only:", srb_protect(krrc_enc, krrc_int, 1, 0, 1, rrc_smc, False).hex())
rrc = bytes.fromhex("2a0102030405")
print("SRB1 DL COUNT 33 ciphered:", srb_protect(krrc_enc, krrc_int, 1, 33, 1, rrc).hex())
print("SRB2 UL COUNT 5 ciphered:", srb_protect(krrc_enc, krrc_int, 2, 5, 0, rrc).hex())
