// SPDX-License-Identifier: GPL-2.0
/*
 * SNOW 3G with 128-EEA1 and 128-EIA1 (ETSI/SAGE UEA2&UIA2 Docs 1 and 2).
 *
 * The generator uses the specification's tables for MULalpha and
 * DIValpha and "T-tables" for S1 and S2 (the S-box merged with its
 * MixColumn): two tables each, the second rotated by 8, so each S-box is
 * four loads and one rotation. The LFSR is a 16-word ring, clocked 16
 * steps at a time so the indices are constants and nothing is shifted.
 *
 * EIA1 multiplies in GF(2^64) mod x^64 + x^4 + x^3 + x + 1 by the fixed
 * P of a message: a 256-byte per-message table in the state (nibble
 * multiples of P and x^4 * P) does it in 16 loads and no data-dependent
 * branches; long updates build a 1 KiB table of P^2 on the stack and run
 * two chains (see eia1_wide_blocks()). On x86-64, pclmulqdq takes four
 * blocks per step and reduces once per call.
 */
#include "snow3g.h"

/*
 * Generated from the specification's definitions (UEA2&UIA2 Doc 2):
 * s1_0[x] = (2 * SR(x), 3 * SR(x), SR(x), SR(x)) with SR the AES S-box
 * and * in GF(2^8) mod 0x11b; s2_0 the same with SQ (Dickson polynomial
 * g49 ^ 0x25) mod 0x169; s1_8 and s2_8 are those rotated right by 8.
 * mul_alpha[c] = (MULxPOW(c, 23, 0xa9), MULxPOW(c, 245, 0xa9),
 * MULxPOW(c, 48, 0xa9), MULxPOW(c, 239, 0xa9)); div_alpha[c] likewise
 * with exponents 16, 39, 6 and 64.
 */
/*
 * One object for all six tables: code built with -mcmodel=large (UML)
 * then needs one 64-bit base address for them all, not one per table.
 */
static const struct {
	u32 s1_0[256], s1_8[256], s2_0[256], s2_8[256];
	u32 mul_alpha[256], div_alpha[256];
} snow3g_tab = {
	.s1_0 = {
		0xc6a56363, 0xf8847c7c, 0xee997777, 0xf68d7b7b, 0xff0df2f2, 0xd6bd6b6b,
		0xdeb16f6f, 0x9154c5c5, 0x60503030, 0x02030101, 0xcea96767, 0x567d2b2b,
		0xe719fefe, 0xb562d7d7, 0x4de6abab, 0xec9a7676, 0x8f45caca, 0x1f9d8282,
		0x8940c9c9, 0xfa877d7d, 0xef15fafa, 0xb2eb5959, 0x8ec94747, 0xfb0bf0f0,
		0x41ecadad, 0xb367d4d4, 0x5ffda2a2, 0x45eaafaf, 0x23bf9c9c, 0x53f7a4a4,
		0xe4967272, 0x9b5bc0c0, 0x75c2b7b7, 0xe11cfdfd, 0x3dae9393, 0x4c6a2626,
		0x6c5a3636, 0x7e413f3f, 0xf502f7f7, 0x834fcccc, 0x685c3434, 0x51f4a5a5,
		0xd134e5e5, 0xf908f1f1, 0xe2937171, 0xab73d8d8, 0x62533131, 0x2a3f1515,
		0x080c0404, 0x9552c7c7, 0x46652323, 0x9d5ec3c3, 0x30281818, 0x37a19696,
		0x0a0f0505, 0x2fb59a9a, 0x0e090707, 0x24361212, 0x1b9b8080, 0xdf3de2e2,
		0xcd26ebeb, 0x4e692727, 0x7fcdb2b2, 0xea9f7575, 0x121b0909, 0x1d9e8383,
		0x58742c2c, 0x342e1a1a, 0x362d1b1b, 0xdcb26e6e, 0xb4ee5a5a, 0x5bfba0a0,
		0xa4f65252, 0x764d3b3b, 0xb761d6d6, 0x7dceb3b3, 0x527b2929, 0xdd3ee3e3,
		0x5e712f2f, 0x13978484, 0xa6f55353, 0xb968d1d1, 0x00000000, 0xc12ceded,
		0x40602020, 0xe31ffcfc, 0x79c8b1b1, 0xb6ed5b5b, 0xd4be6a6a, 0x8d46cbcb,
		0x67d9bebe, 0x724b3939, 0x94de4a4a, 0x98d44c4c, 0xb0e85858, 0x854acfcf,
		0xbb6bd0d0, 0xc52aefef, 0x4fe5aaaa, 0xed16fbfb, 0x86c54343, 0x9ad74d4d,
		0x66553333, 0x11948585, 0x8acf4545, 0xe910f9f9, 0x04060202, 0xfe817f7f,
		0xa0f05050, 0x78443c3c, 0x25ba9f9f, 0x4be3a8a8, 0xa2f35151, 0x5dfea3a3,
		0x80c04040, 0x058a8f8f, 0x3fad9292, 0x21bc9d9d, 0x70483838, 0xf104f5f5,
		0x63dfbcbc, 0x77c1b6b6, 0xaf75dada, 0x42632121, 0x20301010, 0xe51affff,
		0xfd0ef3f3, 0xbf6dd2d2, 0x814ccdcd, 0x18140c0c, 0x26351313, 0xc32fecec,
		0xbee15f5f, 0x35a29797, 0x88cc4444, 0x2e391717, 0x9357c4c4, 0x55f2a7a7,
		0xfc827e7e, 0x7a473d3d, 0xc8ac6464, 0xbae75d5d, 0x322b1919, 0xe6957373,
		0xc0a06060, 0x19988181, 0x9ed14f4f, 0xa37fdcdc, 0x44662222, 0x547e2a2a,
		0x3bab9090, 0x0b838888, 0x8cca4646, 0xc729eeee, 0x6bd3b8b8, 0x283c1414,
		0xa779dede, 0xbce25e5e, 0x161d0b0b, 0xad76dbdb, 0xdb3be0e0, 0x64563232,
		0x744e3a3a, 0x141e0a0a, 0x92db4949, 0x0c0a0606, 0x486c2424, 0xb8e45c5c,
		0x9f5dc2c2, 0xbd6ed3d3, 0x43efacac, 0xc4a66262, 0x39a89191, 0x31a49595,
		0xd337e4e4, 0xf28b7979, 0xd532e7e7, 0x8b43c8c8, 0x6e593737, 0xdab76d6d,
		0x018c8d8d, 0xb164d5d5, 0x9cd24e4e, 0x49e0a9a9, 0xd8b46c6c, 0xacfa5656,
		0xf307f4f4, 0xcf25eaea, 0xcaaf6565, 0xf48e7a7a, 0x47e9aeae, 0x10180808,
		0x6fd5baba, 0xf0887878, 0x4a6f2525, 0x5c722e2e, 0x38241c1c, 0x57f1a6a6,
		0x73c7b4b4, 0x9751c6c6, 0xcb23e8e8, 0xa17cdddd, 0xe89c7474, 0x3e211f1f,
		0x96dd4b4b, 0x61dcbdbd, 0x0d868b8b, 0x0f858a8a, 0xe0907070, 0x7c423e3e,
		0x71c4b5b5, 0xccaa6666, 0x90d84848, 0x06050303, 0xf701f6f6, 0x1c120e0e,
		0xc2a36161, 0x6a5f3535, 0xaef95757, 0x69d0b9b9, 0x17918686, 0x9958c1c1,
		0x3a271d1d, 0x27b99e9e, 0xd938e1e1, 0xeb13f8f8, 0x2bb39898, 0x22331111,
		0xd2bb6969, 0xa970d9d9, 0x07898e8e, 0x33a79494, 0x2db69b9b, 0x3c221e1e,
		0x15928787, 0xc920e9e9, 0x8749cece, 0xaaff5555, 0x50782828, 0xa57adfdf,
		0x038f8c8c, 0x59f8a1a1, 0x09808989, 0x1a170d0d, 0x65dabfbf, 0xd731e6e6,
		0x84c64242, 0xd0b86868, 0x82c34141, 0x29b09999, 0x5a772d2d, 0x1e110f0f,
		0x7bcbb0b0, 0xa8fc5454, 0x6dd6bbbb, 0x2c3a1616,
	},

	.s1_8 = {
		0x63c6a563, 0x7cf8847c, 0x77ee9977, 0x7bf68d7b, 0xf2ff0df2, 0x6bd6bd6b,
		0x6fdeb16f, 0xc59154c5, 0x30605030, 0x01020301, 0x67cea967, 0x2b567d2b,
		0xfee719fe, 0xd7b562d7, 0xab4de6ab, 0x76ec9a76, 0xca8f45ca, 0x821f9d82,
		0xc98940c9, 0x7dfa877d, 0xfaef15fa, 0x59b2eb59, 0x478ec947, 0xf0fb0bf0,
		0xad41ecad, 0xd4b367d4, 0xa25ffda2, 0xaf45eaaf, 0x9c23bf9c, 0xa453f7a4,
		0x72e49672, 0xc09b5bc0, 0xb775c2b7, 0xfde11cfd, 0x933dae93, 0x264c6a26,
		0x366c5a36, 0x3f7e413f, 0xf7f502f7, 0xcc834fcc, 0x34685c34, 0xa551f4a5,
		0xe5d134e5, 0xf1f908f1, 0x71e29371, 0xd8ab73d8, 0x31625331, 0x152a3f15,
		0x04080c04, 0xc79552c7, 0x23466523, 0xc39d5ec3, 0x18302818, 0x9637a196,
		0x050a0f05, 0x9a2fb59a, 0x070e0907, 0x12243612, 0x801b9b80, 0xe2df3de2,
		0xebcd26eb, 0x274e6927, 0xb27fcdb2, 0x75ea9f75, 0x09121b09, 0x831d9e83,
		0x2c58742c, 0x1a342e1a, 0x1b362d1b, 0x6edcb26e, 0x5ab4ee5a, 0xa05bfba0,
		0x52a4f652, 0x3b764d3b, 0xd6b761d6, 0xb37dceb3, 0x29527b29, 0xe3dd3ee3,
		0x2f5e712f, 0x84139784, 0x53a6f553, 0xd1b968d1, 0x00000000, 0xedc12ced,
		0x20406020, 0xfce31ffc, 0xb179c8b1, 0x5bb6ed5b, 0x6ad4be6a, 0xcb8d46cb,
		0xbe67d9be, 0x39724b39, 0x4a94de4a, 0x4c98d44c, 0x58b0e858, 0xcf854acf,
		0xd0bb6bd0, 0xefc52aef, 0xaa4fe5aa, 0xfbed16fb, 0x4386c543, 0x4d9ad74d,
		0x33665533, 0x85119485, 0x458acf45, 0xf9e910f9, 0x02040602, 0x7ffe817f,
		0x50a0f050, 0x3c78443c, 0x9f25ba9f, 0xa84be3a8, 0x51a2f351, 0xa35dfea3,
		0x4080c040, 0x8f058a8f, 0x923fad92, 0x9d21bc9d, 0x38704838, 0xf5f104f5,
		0xbc63dfbc, 0xb677c1b6, 0xdaaf75da, 0x21426321, 0x10203010, 0xffe51aff,
		0xf3fd0ef3, 0xd2bf6dd2, 0xcd814ccd, 0x0c18140c, 0x13263513, 0xecc32fec,
		0x5fbee15f, 0x9735a297, 0x4488cc44, 0x172e3917, 0xc49357c4, 0xa755f2a7,
		0x7efc827e, 0x3d7a473d, 0x64c8ac64, 0x5dbae75d, 0x19322b19, 0x73e69573,
		0x60c0a060, 0x81199881, 0x4f9ed14f, 0xdca37fdc, 0x22446622, 0x2a547e2a,
		0x903bab90, 0x880b8388, 0x468cca46, 0xeec729ee, 0xb86bd3b8, 0x14283c14,
		0xdea779de, 0x5ebce25e, 0x0b161d0b, 0xdbad76db, 0xe0db3be0, 0x32645632,
		0x3a744e3a, 0x0a141e0a, 0x4992db49, 0x060c0a06, 0x24486c24, 0x5cb8e45c,
		0xc29f5dc2, 0xd3bd6ed3, 0xac43efac, 0x62c4a662, 0x9139a891, 0x9531a495,
		0xe4d337e4, 0x79f28b79, 0xe7d532e7, 0xc88b43c8, 0x376e5937, 0x6ddab76d,
		0x8d018c8d, 0xd5b164d5, 0x4e9cd24e, 0xa949e0a9, 0x6cd8b46c, 0x56acfa56,
		0xf4f307f4, 0xeacf25ea, 0x65caaf65, 0x7af48e7a, 0xae47e9ae, 0x08101808,
		0xba6fd5ba, 0x78f08878, 0x254a6f25, 0x2e5c722e, 0x1c38241c, 0xa657f1a6,
		0xb473c7b4, 0xc69751c6, 0xe8cb23e8, 0xdda17cdd, 0x74e89c74, 0x1f3e211f,
		0x4b96dd4b, 0xbd61dcbd, 0x8b0d868b, 0x8a0f858a, 0x70e09070, 0x3e7c423e,
		0xb571c4b5, 0x66ccaa66, 0x4890d848, 0x03060503, 0xf6f701f6, 0x0e1c120e,
		0x61c2a361, 0x356a5f35, 0x57aef957, 0xb969d0b9, 0x86179186, 0xc19958c1,
		0x1d3a271d, 0x9e27b99e, 0xe1d938e1, 0xf8eb13f8, 0x982bb398, 0x11223311,
		0x69d2bb69, 0xd9a970d9, 0x8e07898e, 0x9433a794, 0x9b2db69b, 0x1e3c221e,
		0x87159287, 0xe9c920e9, 0xce8749ce, 0x55aaff55, 0x28507828, 0xdfa57adf,
		0x8c038f8c, 0xa159f8a1, 0x89098089, 0x0d1a170d, 0xbf65dabf, 0xe6d731e6,
		0x4284c642, 0x68d0b868, 0x4182c341, 0x9929b099, 0x2d5a772d, 0x0f1e110f,
		0xb07bcbb0, 0x54a8fc54, 0xbb6dd6bb, 0x162c3a16,
	},

	.s2_0 = {
		0x4a6f2525, 0x486c2424, 0xe6957373, 0xcea96767, 0xc710d7d7, 0x359baeae,
		0xb8e45c5c, 0x60503030, 0x2185a4a4, 0xb55beeee, 0xdcb26e6e, 0xff34cbcb,
		0xfa877d7d, 0x03b6b5b5, 0x6def8282, 0xdf04dbdb, 0xa145e4e4, 0x75fb8e8e,
		0x90d84848, 0x92db4949, 0x9ed14f4f, 0xbae75d5d, 0xd4be6a6a, 0xf0887878,
		0xe0907070, 0x79f18888, 0xb951e8e8, 0xbee15f5f, 0xbce25e5e, 0x61e58484,
		0xcaaf6565, 0xad4fe2e2, 0xd901d8d8, 0xbb52e9e9, 0xf13dcccc, 0xb35eeded,
		0x80c04040, 0x5e712f2f, 0x22331111, 0x50782828, 0xaef95757, 0xcd1fd2d2,
		0x319dacac, 0xaf4ce3e3, 0x94de4a4a, 0x2a3f1515, 0x362d1b1b, 0x1ba2b9b9,
		0x0dbfb2b2, 0x69e98080, 0x63e68585, 0x2583a6a6, 0x5c722e2e, 0x04060202,
		0x8ec94747, 0x527b2929, 0x0e090707, 0x96dd4b4b, 0x1c120e0e, 0xeb2ac1c1,
		0xa2f35151, 0x3d97aaaa, 0x7bf28989, 0xc115d4d4, 0xfd37caca, 0x02030101,
		0x8cca4646, 0x0fbcb3b3, 0xb758efef, 0xd30edddd, 0x88cc4444, 0xf68d7b7b,
		0xed2fc2c2, 0xfe817f7f, 0x15abbebe, 0xef2cc3c3, 0x57c89f9f, 0x40602020,
		0x98d44c4c, 0xc8ac6464, 0x6fec8383, 0x2d8fa2a2, 0xd0b86868, 0x84c64242,
		0x26351313, 0x01b5b4b4, 0x82c34141, 0xf33ecdcd, 0x1da7baba, 0xe523c6c6,
		0x1fa4bbbb, 0xdab76d6d, 0x9ad74d4d, 0xe2937171, 0x42632121, 0x8175f4f4,
		0x73fe8d8d, 0x09b9b0b0, 0xa346e5e5, 0x4fdc9393, 0x956bfefe, 0x77f88f8f,
		0xa543e6e6, 0xf738cfcf, 0x86c54343, 0x8acf4545, 0x62533131, 0x44662222,
		0x6e593737, 0x6c5a3636, 0x45d39696, 0x9d67fafa, 0x11adbcbc, 0x1e110f0f,
		0x10180808, 0xa4f65252, 0x3a271d1d, 0xaaff5555, 0x342e1a1a, 0xe326c5c5,
		0x9cd24e4e, 0x46652323, 0xd2bb6969, 0xf48e7a7a, 0x4ddf9292, 0x9768ffff,
		0xb6ed5b5b, 0xb4ee5a5a, 0xbf54ebeb, 0x5dc79a9a, 0x38241c1c, 0x3b92a9a9,
		0xcb1ad1d1, 0xfc827e7e, 0x1a170d0d, 0x916dfcfc, 0xa0f05050, 0x7df78a8a,
		0x05b3b6b6, 0xc4a66262, 0x8376f5f5, 0x141e0a0a, 0x9961f8f8, 0xd10ddcdc,
		0x06050303, 0x78443c3c, 0x18140c0c, 0x724b3939, 0x8b7af1f1, 0x19a1b8b8,
		0x8f7cf3f3, 0x7a473d3d, 0x8d7ff2f2, 0xc316d5d5, 0x47d09797, 0xccaa6666,
		0x6bea8181, 0x64563232, 0x2989a0a0, 0x00000000, 0x0c0a0606, 0xf53bcece,
		0x8573f6f6, 0xbd57eaea, 0x07b0b7b7, 0x2e391717, 0x8770f7f7, 0x71fd8c8c,
		0xf28b7979, 0xc513d6d6, 0x2780a7a7, 0x17a8bfbf, 0x7ff48b8b, 0x7e413f3f,
		0x3e211f1f, 0xa6f55353, 0xc6a56363, 0xea9f7575, 0x6a5f3535, 0x58742c2c,
		0xc0a06060, 0x936efdfd, 0x4e692727, 0xcf1cd3d3, 0x41d59494, 0x2386a5a5,
		0xf8847c7c, 0x2b8aa1a1, 0x0a0f0505, 0xb0e85858, 0x5a772d2d, 0x13aebdbd,
		0xdb02d9d9, 0xe720c7c7, 0x3798afaf, 0xd6bd6b6b, 0xa8fc5454, 0x161d0b0b,
		0xa949e0e0, 0x70483838, 0x080c0404, 0xf931c8c8, 0x53ce9d9d, 0xa740e7e7,
		0x283c1414, 0x0bbab1b1, 0x67e08787, 0x51cd9c9c, 0xd708dfdf, 0xdeb16f6f,
		0x9b62f9f9, 0xdd07dada, 0x547e2a2a, 0xe125c4c4, 0xb2eb5959, 0x2c3a1616,
		0xe89c7474, 0x4bda9191, 0x3f94abab, 0x4c6a2626, 0xc2a36161, 0xec9a7676,
		0x685c3434, 0x567d2b2b, 0x339eadad, 0x5bc29999, 0x9f64fbfb, 0xe4967272,
		0xb15decec, 0x66553333, 0x24361212, 0xd50bdede, 0x59c19898, 0x764d3b3b,
		0xe929c0c0, 0x5fc49b9b, 0x7c423e3e, 0x30281818, 0x20301010, 0x744e3a3a,
		0xacfa5656, 0xab4ae1e1, 0xee997777, 0xfb32c9c9, 0x3c221e1e, 0x55cb9e9e,
		0x43d69595, 0x2f8ca3a3, 0x49d99090, 0x322b1919, 0x3991a8a8, 0xd8b46c6c,
		0x121b0909, 0xc919d0d0, 0x8979f0f0, 0x65e38686,
	},

	.s2_8 = {
		0x254a6f25, 0x24486c24, 0x73e69573, 0x67cea967, 0xd7c710d7, 0xae359bae,
		0x5cb8e45c, 0x30605030, 0xa42185a4, 0xeeb55bee, 0x6edcb26e, 0xcbff34cb,
		0x7dfa877d, 0xb503b6b5, 0x826def82, 0xdbdf04db, 0xe4a145e4, 0x8e75fb8e,
		0x4890d848, 0x4992db49, 0x4f9ed14f, 0x5dbae75d, 0x6ad4be6a, 0x78f08878,
		0x70e09070, 0x8879f188, 0xe8b951e8, 0x5fbee15f, 0x5ebce25e, 0x8461e584,
		0x65caaf65, 0xe2ad4fe2, 0xd8d901d8, 0xe9bb52e9, 0xccf13dcc, 0xedb35eed,
		0x4080c040, 0x2f5e712f, 0x11223311, 0x28507828, 0x57aef957, 0xd2cd1fd2,
		0xac319dac, 0xe3af4ce3, 0x4a94de4a, 0x152a3f15, 0x1b362d1b, 0xb91ba2b9,
		0xb20dbfb2, 0x8069e980, 0x8563e685, 0xa62583a6, 0x2e5c722e, 0x02040602,
		0x478ec947, 0x29527b29, 0x070e0907, 0x4b96dd4b, 0x0e1c120e, 0xc1eb2ac1,
		0x51a2f351, 0xaa3d97aa, 0x897bf289, 0xd4c115d4, 0xcafd37ca, 0x01020301,
		0x468cca46, 0xb30fbcb3, 0xefb758ef, 0xddd30edd, 0x4488cc44, 0x7bf68d7b,
		0xc2ed2fc2, 0x7ffe817f, 0xbe15abbe, 0xc3ef2cc3, 0x9f57c89f, 0x20406020,
		0x4c98d44c, 0x64c8ac64, 0x836fec83, 0xa22d8fa2, 0x68d0b868, 0x4284c642,
		0x13263513, 0xb401b5b4, 0x4182c341, 0xcdf33ecd, 0xba1da7ba, 0xc6e523c6,
		0xbb1fa4bb, 0x6ddab76d, 0x4d9ad74d, 0x71e29371, 0x21426321, 0xf48175f4,
		0x8d73fe8d, 0xb009b9b0, 0xe5a346e5, 0x934fdc93, 0xfe956bfe, 0x8f77f88f,
		0xe6a543e6, 0xcff738cf, 0x4386c543, 0x458acf45, 0x31625331, 0x22446622,
		0x376e5937, 0x366c5a36, 0x9645d396, 0xfa9d67fa, 0xbc11adbc, 0x0f1e110f,
		0x08101808, 0x52a4f652, 0x1d3a271d, 0x55aaff55, 0x1a342e1a, 0xc5e326c5,
		0x4e9cd24e, 0x23466523, 0x69d2bb69, 0x7af48e7a, 0x924ddf92, 0xff9768ff,
		0x5bb6ed5b, 0x5ab4ee5a, 0xebbf54eb, 0x9a5dc79a, 0x1c38241c, 0xa93b92a9,
		0xd1cb1ad1, 0x7efc827e, 0x0d1a170d, 0xfc916dfc, 0x50a0f050, 0x8a7df78a,
		0xb605b3b6, 0x62c4a662, 0xf58376f5, 0x0a141e0a, 0xf89961f8, 0xdcd10ddc,
		0x03060503, 0x3c78443c, 0x0c18140c, 0x39724b39, 0xf18b7af1, 0xb819a1b8,
		0xf38f7cf3, 0x3d7a473d, 0xf28d7ff2, 0xd5c316d5, 0x9747d097, 0x66ccaa66,
		0x816bea81, 0x32645632, 0xa02989a0, 0x00000000, 0x060c0a06, 0xcef53bce,
		0xf68573f6, 0xeabd57ea, 0xb707b0b7, 0x172e3917, 0xf78770f7, 0x8c71fd8c,
		0x79f28b79, 0xd6c513d6, 0xa72780a7, 0xbf17a8bf, 0x8b7ff48b, 0x3f7e413f,
		0x1f3e211f, 0x53a6f553, 0x63c6a563, 0x75ea9f75, 0x356a5f35, 0x2c58742c,
		0x60c0a060, 0xfd936efd, 0x274e6927, 0xd3cf1cd3, 0x9441d594, 0xa52386a5,
		0x7cf8847c, 0xa12b8aa1, 0x050a0f05, 0x58b0e858, 0x2d5a772d, 0xbd13aebd,
		0xd9db02d9, 0xc7e720c7, 0xaf3798af, 0x6bd6bd6b, 0x54a8fc54, 0x0b161d0b,
		0xe0a949e0, 0x38704838, 0x04080c04, 0xc8f931c8, 0x9d53ce9d, 0xe7a740e7,
		0x14283c14, 0xb10bbab1, 0x8767e087, 0x9c51cd9c, 0xdfd708df, 0x6fdeb16f,
		0xf99b62f9, 0xdadd07da, 0x2a547e2a, 0xc4e125c4, 0x59b2eb59, 0x162c3a16,
		0x74e89c74, 0x914bda91, 0xab3f94ab, 0x264c6a26, 0x61c2a361, 0x76ec9a76,
		0x34685c34, 0x2b567d2b, 0xad339ead, 0x995bc299, 0xfb9f64fb, 0x72e49672,
		0xecb15dec, 0x33665533, 0x12243612, 0xded50bde, 0x9859c198, 0x3b764d3b,
		0xc0e929c0, 0x9b5fc49b, 0x3e7c423e, 0x18302818, 0x10203010, 0x3a744e3a,
		0x56acfa56, 0xe1ab4ae1, 0x77ee9977, 0xc9fb32c9, 0x1e3c221e, 0x9e55cb9e,
		0x9543d695, 0xa32f8ca3, 0x9049d990, 0x19322b19, 0xa83991a8, 0x6cd8b46c,
		0x09121b09, 0xd0c919d0, 0xf08979f0, 0x8665e386,
	},

	.mul_alpha = {
		0x00000000, 0xe19fcf13, 0x6b973726, 0x8a08f835, 0xd6876e4c, 0x3718a15f,
		0xbd10596a, 0x5c8f9679, 0x05a7dc98, 0xe438138b, 0x6e30ebbe, 0x8faf24ad,
		0xd320b2d4, 0x32bf7dc7, 0xb8b785f2, 0x59284ae1, 0x0ae71199, 0xeb78de8a,
		0x617026bf, 0x80efe9ac, 0xdc607fd5, 0x3dffb0c6, 0xb7f748f3, 0x566887e0,
		0x0f40cd01, 0xeedf0212, 0x64d7fa27, 0x85483534, 0xd9c7a34d, 0x38586c5e,
		0xb250946b, 0x53cf5b78, 0x1467229b, 0xf5f8ed88, 0x7ff015bd, 0x9e6fdaae,
		0xc2e04cd7, 0x237f83c4, 0xa9777bf1, 0x48e8b4e2, 0x11c0fe03, 0xf05f3110,
		0x7a57c925, 0x9bc80636, 0xc747904f, 0x26d85f5c, 0xacd0a769, 0x4d4f687a,
		0x1e803302, 0xff1ffc11, 0x75170424, 0x9488cb37, 0xc8075d4e, 0x2998925d,
		0xa3906a68, 0x420fa57b, 0x1b27ef9a, 0xfab82089, 0x70b0d8bc, 0x912f17af,
		0xcda081d6, 0x2c3f4ec5, 0xa637b6f0, 0x47a879e3, 0x28ce449f, 0xc9518b8c,
		0x435973b9, 0xa2c6bcaa, 0xfe492ad3, 0x1fd6e5c0, 0x95de1df5, 0x7441d2e6,
		0x2d699807, 0xccf65714, 0x46feaf21, 0xa7616032, 0xfbeef64b, 0x1a713958,
		0x9079c16d, 0x71e60e7e, 0x22295506, 0xc3b69a15, 0x49be6220, 0xa821ad33,
		0xf4ae3b4a, 0x1531f459, 0x9f390c6c, 0x7ea6c37f, 0x278e899e, 0xc611468d,
		0x4c19beb8, 0xad8671ab, 0xf109e7d2, 0x109628c1, 0x9a9ed0f4, 0x7b011fe7,
		0x3ca96604, 0xdd36a917, 0x573e5122, 0xb6a19e31, 0xea2e0848, 0x0bb1c75b,
		0x81b93f6e, 0x6026f07d, 0x390eba9c, 0xd891758f, 0x52998dba, 0xb30642a9,
		0xef89d4d0, 0x0e161bc3, 0x841ee3f6, 0x65812ce5, 0x364e779d, 0xd7d1b88e,
		0x5dd940bb, 0xbc468fa8, 0xe0c919d1, 0x0156d6c2, 0x8b5e2ef7, 0x6ac1e1e4,
		0x33e9ab05, 0xd2766416, 0x587e9c23, 0xb9e15330, 0xe56ec549, 0x04f10a5a,
		0x8ef9f26f, 0x6f663d7c, 0x50358897, 0xb1aa4784, 0x3ba2bfb1, 0xda3d70a2,
		0x86b2e6db, 0x672d29c8, 0xed25d1fd, 0x0cba1eee, 0x5592540f, 0xb40d9b1c,
		0x3e056329, 0xdf9aac3a, 0x83153a43, 0x628af550, 0xe8820d65, 0x091dc276,
		0x5ad2990e, 0xbb4d561d, 0x3145ae28, 0xd0da613b, 0x8c55f742, 0x6dca3851,
		0xe7c2c064, 0x065d0f77, 0x5f754596, 0xbeea8a85, 0x34e272b0, 0xd57dbda3,
		0x89f22bda, 0x686de4c9, 0xe2651cfc, 0x03fad3ef, 0x4452aa0c, 0xa5cd651f,
		0x2fc59d2a, 0xce5a5239, 0x92d5c440, 0x734a0b53, 0xf942f366, 0x18dd3c75,
		0x41f57694, 0xa06ab987, 0x2a6241b2, 0xcbfd8ea1, 0x977218d8, 0x76edd7cb,
		0xfce52ffe, 0x1d7ae0ed, 0x4eb5bb95, 0xaf2a7486, 0x25228cb3, 0xc4bd43a0,
		0x9832d5d9, 0x79ad1aca, 0xf3a5e2ff, 0x123a2dec, 0x4b12670d, 0xaa8da81e,
		0x2085502b, 0xc11a9f38, 0x9d950941, 0x7c0ac652, 0xf6023e67, 0x179df174,
		0x78fbcc08, 0x9964031b, 0x136cfb2e, 0xf2f3343d, 0xae7ca244, 0x4fe36d57,
		0xc5eb9562, 0x24745a71, 0x7d5c1090, 0x9cc3df83, 0x16cb27b6, 0xf754e8a5,
		0xabdb7edc, 0x4a44b1cf, 0xc04c49fa, 0x21d386e9, 0x721cdd91, 0x93831282,
		0x198beab7, 0xf81425a4, 0xa49bb3dd, 0x45047cce, 0xcf0c84fb, 0x2e934be8,
		0x77bb0109, 0x9624ce1a, 0x1c2c362f, 0xfdb3f93c, 0xa13c6f45, 0x40a3a056,
		0xcaab5863, 0x2b349770, 0x6c9cee93, 0x8d032180, 0x070bd9b5, 0xe69416a6,
		0xba1b80df, 0x5b844fcc, 0xd18cb7f9, 0x301378ea, 0x693b320b, 0x88a4fd18,
		0x02ac052d, 0xe333ca3e, 0xbfbc5c47, 0x5e239354, 0xd42b6b61, 0x35b4a472,
		0x667bff0a, 0x87e43019, 0x0decc82c, 0xec73073f, 0xb0fc9146, 0x51635e55,
		0xdb6ba660, 0x3af46973, 0x63dc2392, 0x8243ec81, 0x084b14b4, 0xe9d4dba7,
		0xb55b4dde, 0x54c482cd, 0xdecc7af8, 0x3f53b5eb,
	},

	.div_alpha = {
		0x00000000, 0x180f40cd, 0x301e8033, 0x2811c0fe, 0x603ca966, 0x7833e9ab,
		0x50222955, 0x482d6998, 0xc078fbcc, 0xd877bb01, 0xf0667bff, 0xe8693b32,
		0xa04452aa, 0xb84b1267, 0x905ad299, 0x88559254, 0x29f05f31, 0x31ff1ffc,
		0x19eedf02, 0x01e19fcf, 0x49ccf657, 0x51c3b69a, 0x79d27664, 0x61dd36a9,
		0xe988a4fd, 0xf187e430, 0xd99624ce, 0xc1996403, 0x89b40d9b, 0x91bb4d56,
		0xb9aa8da8, 0xa1a5cd65, 0x5249be62, 0x4a46feaf, 0x62573e51, 0x7a587e9c,
		0x32751704, 0x2a7a57c9, 0x026b9737, 0x1a64d7fa, 0x923145ae, 0x8a3e0563,
		0xa22fc59d, 0xba208550, 0xf20decc8, 0xea02ac05, 0xc2136cfb, 0xda1c2c36,
		0x7bb9e153, 0x63b6a19e, 0x4ba76160, 0x53a821ad, 0x1b854835, 0x038a08f8,
		0x2b9bc806, 0x339488cb, 0xbbc11a9f, 0xa3ce5a52, 0x8bdf9aac, 0x93d0da61,
		0xdbfdb3f9, 0xc3f2f334, 0xebe333ca, 0xf3ec7307, 0xa492d5c4, 0xbc9d9509,
		0x948c55f7, 0x8c83153a, 0xc4ae7ca2, 0xdca13c6f, 0xf4b0fc91, 0xecbfbc5c,
		0x64ea2e08, 0x7ce56ec5, 0x54f4ae3b, 0x4cfbeef6, 0x04d6876e, 0x1cd9c7a3,
		0x34c8075d, 0x2cc74790, 0x8d628af5, 0x956dca38, 0xbd7c0ac6, 0xa5734a0b,
		0xed5e2393, 0xf551635e, 0xdd40a3a0, 0xc54fe36d, 0x4d1a7139, 0x551531f4,
		0x7d04f10a, 0x650bb1c7, 0x2d26d85f, 0x35299892, 0x1d38586c, 0x053718a1,
		0xf6db6ba6, 0xeed42b6b, 0xc6c5eb95, 0xdecaab58, 0x96e7c2c0, 0x8ee8820d,
		0xa6f942f3, 0xbef6023e, 0x36a3906a, 0x2eacd0a7, 0x06bd1059, 0x1eb25094,
		0x569f390c, 0x4e9079c1, 0x6681b93f, 0x7e8ef9f2, 0xdf2b3497, 0xc724745a,
		0xef35b4a4, 0xf73af469, 0xbf179df1, 0xa718dd3c, 0x8f091dc2, 0x97065d0f,
		0x1f53cf5b, 0x075c8f96, 0x2f4d4f68, 0x37420fa5, 0x7f6f663d, 0x676026f0,
		0x4f71e60e, 0x577ea6c3, 0xe18d0321, 0xf98243ec, 0xd1938312, 0xc99cc3df,
		0x81b1aa47, 0x99beea8a, 0xb1af2a74, 0xa9a06ab9, 0x21f5f8ed, 0x39fab820,
		0x11eb78de, 0x09e43813, 0x41c9518b, 0x59c61146, 0x71d7d1b8, 0x69d89175,
		0xc87d5c10, 0xd0721cdd, 0xf863dc23, 0xe06c9cee, 0xa841f576, 0xb04eb5bb,
		0x985f7545, 0x80503588, 0x0805a7dc, 0x100ae711, 0x381b27ef, 0x20146722,
		0x68390eba, 0x70364e77, 0x58278e89, 0x4028ce44, 0xb3c4bd43, 0xabcbfd8e,
		0x83da3d70, 0x9bd57dbd, 0xd3f81425, 0xcbf754e8, 0xe3e69416, 0xfbe9d4db,
		0x73bc468f, 0x6bb30642, 0x43a2c6bc, 0x5bad8671, 0x1380efe9, 0x0b8faf24,
		0x239e6fda, 0x3b912f17, 0x9a34e272, 0x823ba2bf, 0xaa2a6241, 0xb225228c,
		0xfa084b14, 0xe2070bd9, 0xca16cb27, 0xd2198bea, 0x5a4c19be, 0x42435973,
		0x6a52998d, 0x725dd940, 0x3a70b0d8, 0x227ff015, 0x0a6e30eb, 0x12617026,
		0x451fd6e5, 0x5d109628, 0x750156d6, 0x6d0e161b, 0x25237f83, 0x3d2c3f4e,
		0x153dffb0, 0x0d32bf7d, 0x85672d29, 0x9d686de4, 0xb579ad1a, 0xad76edd7,
		0xe55b844f, 0xfd54c482, 0xd545047c, 0xcd4a44b1, 0x6cef89d4, 0x74e0c919,
		0x5cf109e7, 0x44fe492a, 0x0cd320b2, 0x14dc607f, 0x3ccda081, 0x24c2e04c,
		0xac977218, 0xb49832d5, 0x9c89f22b, 0x8486b2e6, 0xccabdb7e, 0xd4a49bb3,
		0xfcb55b4d, 0xe4ba1b80, 0x17566887, 0x0f59284a, 0x2748e8b4, 0x3f47a879,
		0x776ac1e1, 0x6f65812c, 0x477441d2, 0x5f7b011f, 0xd72e934b, 0xcf21d386,
		0xe7301378, 0xff3f53b5, 0xb7123a2d, 0xaf1d7ae0, 0x870cba1e, 0x9f03fad3,
		0x3ea637b6, 0x26a9777b, 0x0eb8b785, 0x16b7f748, 0x5e9a9ed0, 0x4695de1d,
		0x6e841ee3, 0x768b5e2e, 0xfedecc7a, 0xe6d18cb7, 0xcec04c49, 0xd6cf0c84,
		0x9ee2651c, 0x86ed25d1, 0xaefce52f, 0xb6f3a5e2,
	},
};

static __always_inline u32 snow3g_ror32(u32 w, unsigned int n)
{
	return (w >> n) | (w << (32 - n));
}

static __always_inline u32 snow3g_s1(u32 w)
{
	return snow3g_tab.s1_0[w >> 24] ^ snow3g_tab.s1_8[(w >> 16) & 0xff] ^
	       snow3g_ror32(snow3g_tab.s1_0[(w >> 8) & 0xff] ^
			    snow3g_tab.s1_8[w & 0xff], 16);
}

static __always_inline u32 snow3g_s2(u32 w)
{
	return snow3g_tab.s2_0[w >> 24] ^ snow3g_tab.s2_8[(w >> 16) & 0xff] ^
	       snow3g_ror32(snow3g_tab.s2_0[(w >> 8) & 0xff] ^
			    snow3g_tab.s2_8[w & 0xff], 16);
}

/* The LFSR feedback, without the FSM output of initialisation mode. */
static __always_inline u32 snow3g_feedback(u32 s0, u32 s2, u32 s11)
{
	return (s0 << 8) ^ snow3g_tab.mul_alpha[s0 >> 24] ^ s2 ^ (s11 >> 8) ^
	       snow3g_tab.div_alpha[s11 & 0xff];
}

/*
 * One clock on the ring @s where s_k lives in s[(i + k) & 15]; the new
 * s15 replaces the old s0. Returns the keystream word F ^ s0 or, with
 * @init, feeds F back into the LFSR (initialisation mode).
 */
static __always_inline u32 snow3g_clock(u32 *s, unsigned int i, u32 *r1,
					u32 *r2, u32 *r3, bool init)
{
	u32 s0 = s[i & 15];
	u32 f = (s[(i + 15) & 15] + *r1) ^ *r2;
	u32 r = *r2 + (*r3 ^ s[(i + 5) & 15]);
	u32 v = snow3g_feedback(s0, s[(i + 2) & 15], s[(i + 11) & 15]);

	*r3 = snow3g_s2(*r2);
	*r2 = snow3g_s1(*r1);
	*r1 = r;
	s[i & 15] = init ? v ^ f : v;
	return f ^ s0;
}

/* What a round of 16 clocks does with the keystream words */
enum snow3g_mode { SNOW3G_INIT, SNOW3G_XOR, SNOW3G_GEN };

static __always_inline void snow3g_step(u32 *s, u32 *r, unsigned int i,
					enum snow3g_mode mode, const u8 *in,
					u8 *out, u32 *z)
{
	u32 w = snow3g_clock(s, i, &r[0], &r[1], &r[2], mode == SNOW3G_INIT);

	if (mode == SNOW3G_XOR)
		put_unaligned_be32(get_unaligned_be32(in + 4 * i) ^ w,
				   out + 4 * i);
	else if (mode == SNOW3G_GEN)
		z[i] = w;
}

/* 16 clocks: the ring ends where it started. */
static __always_inline void snow3g_round(u32 *s, u32 *r, enum snow3g_mode mode,
					 const u8 *in, u8 *out, u32 *z)
{
	snow3g_step(s, r, 0, mode, in, out, z);
	snow3g_step(s, r, 1, mode, in, out, z);
	snow3g_step(s, r, 2, mode, in, out, z);
	snow3g_step(s, r, 3, mode, in, out, z);
	snow3g_step(s, r, 4, mode, in, out, z);
	snow3g_step(s, r, 5, mode, in, out, z);
	snow3g_step(s, r, 6, mode, in, out, z);
	snow3g_step(s, r, 7, mode, in, out, z);
	snow3g_step(s, r, 8, mode, in, out, z);
	snow3g_step(s, r, 9, mode, in, out, z);
	snow3g_step(s, r, 10, mode, in, out, z);
	snow3g_step(s, r, 11, mode, in, out, z);
	snow3g_step(s, r, 12, mode, in, out, z);
	snow3g_step(s, r, 13, mode, in, out, z);
	snow3g_step(s, r, 14, mode, in, out, z);
	snow3g_step(s, r, 15, mode, in, out, z);
}

/*
 * The round functions work on copies of the state in locals (the ring
 * indices are all constants); the copy of the LFSR is wiped after.
 */
static void snow3g_init_clocks(struct parlos_snow3g *g)
{
	u32 s[16], r[3] = { g->r1, g->r2, g->r3 };

	memcpy(s, g->s, sizeof(s));
	snow3g_round(s, r, SNOW3G_INIT, NULL, NULL, NULL);
	snow3g_round(s, r, SNOW3G_INIT, NULL, NULL, NULL);
	memcpy(g->s, s, sizeof(s));
	g->r1 = r[0];
	g->r2 = r[1];
	g->r3 = r[2];
	parlos_wipe(s, sizeof(s));
}

/* @nblocks times 16 keystream words XORed onto 64 bytes, big-endian. */
static void snow3g_xor_blocks(struct parlos_snow3g *g, const u8 *in, u8 *out,
			      size_t nblocks)
{
	u32 s[16], r[3] = { g->r1, g->r2, g->r3 };

	memcpy(s, g->s, sizeof(s));
	for (; nblocks; nblocks--, in += 64, out += 64)
		snow3g_round(s, r, SNOW3G_XOR, in, out, NULL);
	memcpy(g->s, s, sizeof(s));
	g->r1 = r[0];
	g->r2 = r[1];
	g->r3 = r[2];
	parlos_wipe(s, sizeof(s));
}

static void snow3g_gen_blocks(struct parlos_snow3g *g, u32 *z, size_t nblocks)
{
	u32 s[16], r[3] = { g->r1, g->r2, g->r3 };

	memcpy(s, g->s, sizeof(s));
	for (; nblocks; nblocks--, z += 16)
		snow3g_round(s, r, SNOW3G_GEN, NULL, NULL, z);
	memcpy(g->s, s, sizeof(s));
	g->r1 = r[0];
	g->r2 = r[1];
	g->r3 = r[2];
	parlos_wipe(s, sizeof(s));
}

/*
 * UIA2's five words straight after initialisation: clocks 0..5 of the
 * ring after the 32 initialisation clocks, the first one discarded.
 */
static void snow3g_f9_words(struct parlos_snow3g *gp, u32 z[5])
{
	struct parlos_snow3g g = *gp;

	snow3g_clock(g.s, 0, &g.r1, &g.r2, &g.r3, false);
	z[0] = snow3g_clock(g.s, 1, &g.r1, &g.r2, &g.r3, false);
	z[1] = snow3g_clock(g.s, 2, &g.r1, &g.r2, &g.r3, false);
	z[2] = snow3g_clock(g.s, 3, &g.r1, &g.r2, &g.r3, false);
	z[3] = snow3g_clock(g.s, 4, &g.r1, &g.r2, &g.r3, false);
	z[4] = snow3g_clock(g.s, 5, &g.r1, &g.r2, &g.r3, false);
	parlos_wipe(&g, sizeof(g));
}

/* One keystream word, shifting the LFSR: for the odd words at the end. */
static u32 snow3g_word(struct parlos_snow3g *g)
{
	u32 z = snow3g_clock(g->s, 0, &g->r1, &g->r2, &g->r3, false);
	u32 v = g->s[0];

	memmove(g->s, g->s + 1, 15 * sizeof(u32));
	g->s[15] = v;
	return z;
}

/* Key loading and the 32 initialisation clocks. */
static void snow3g_load(struct parlos_snow3g *g, const u8 key[16],
			const u8 iv[16])
{
	u32 k3 = get_unaligned_be32(key), k2 = get_unaligned_be32(key + 4);
	u32 k1 = get_unaligned_be32(key + 8), k0 = get_unaligned_be32(key + 12);
	u32 *s = g->s;

	s[15] = k3 ^ get_unaligned_be32(iv + 12);
	s[14] = k2;
	s[13] = k1;
	s[12] = k0 ^ get_unaligned_be32(iv + 8);
	s[11] = ~k3;
	s[10] = ~k2 ^ get_unaligned_be32(iv + 4);
	s[9] = ~k1 ^ get_unaligned_be32(iv);
	s[8] = ~k0;
	s[7] = k3;
	s[6] = k2;
	s[5] = k1;
	s[4] = k0;
	s[3] = ~k3;
	s[2] = ~k2;
	s[1] = ~k1;
	s[0] = ~k0;
	g->r1 = 0;
	g->r2 = 0;
	g->r3 = 0;
	snow3g_init_clocks(g);
}

void parlos_snow3g_init(struct parlos_snow3g *g, const u8 key[16],
			const u8 iv[16])
{
	snow3g_load(g, key, iv);
	/* One clock in keystream mode whose output is discarded. */
	snow3g_word(g);
}

void parlos_snow3g_keystream(struct parlos_snow3g *g, u32 *z, size_t nwords)
{
	snow3g_gen_blocks(g, z, nwords / 16);
	z += nwords & ~(size_t)15;
	for (nwords &= 15; nwords; nwords--)
		*z++ = snow3g_word(g);
}

/* IV3 || IV2 || IV1 || IV0 as bytes, from the four words. */
static void snow3g_iv(u8 iv[16], u32 iv3, u32 iv2, u32 iv1, u32 iv0)
{
	put_unaligned_be32(iv3, iv);
	put_unaligned_be32(iv2, iv + 4);
	put_unaligned_be32(iv1, iv + 8);
	put_unaligned_be32(iv0, iv + 12);
}

void parlos_eea1_init(struct parlos_eea1_state *st, const u8 key[16],
		      u32 count, u8 bearer, u8 dir)
{
	u32 b = (u32)(bearer & 0x1f) << 27 | (u32)(dir & 1) << 26;
	u8 iv[16];

	snow3g_iv(iv, count, b, count, b);
	parlos_snow3g_init(&st->g, key, iv);
	st->ks = 0;
	st->ks_len = 0;
}

void parlos_eea1_xor(struct parlos_eea1_state *st, const u8 *in, u8 *out,
		     size_t nbytes)
{
	u32 z;

	for (; nbytes && st->ks_len; nbytes--, st->ks_len--) {
		*out++ = *in++ ^ (u8)(st->ks >> 24);
		st->ks <<= 8;
	}
	if (nbytes >= 64) {
		snow3g_xor_blocks(&st->g, in, out, nbytes / 64);
		in += nbytes & ~(size_t)63;
		out += nbytes & ~(size_t)63;
		nbytes &= 63;
	}
	for (; nbytes >= 4; nbytes -= 4, in += 4, out += 4)
		put_unaligned_be32(get_unaligned_be32(in) ^ snow3g_word(&st->g),
				   out);
	if (!nbytes)
		return;
	z = snow3g_word(&st->g);
	st->ks_len = 4 - nbytes;
	for (; nbytes; nbytes--, z <<= 8)
		*out++ = *in++ ^ (u8)(z >> 24);
	st->ks = z;
}

void parlos_eea1_bits(const u8 key[16], u32 count, u8 bearer, u8 dir,
		      const u8 *in, u8 *out, u32 nbits)
{
	struct parlos_eea1_state st;
	size_t nbytes = nbits / 8 + !!(nbits & 7);

	parlos_eea1_init(&st, key, count, bearer, dir);
	parlos_eea1_xor(&st, in, out, nbytes);
	if (nbits & 7)
		out[nbytes - 1] &= (u8)(0xff00 >> (nbits & 7));
	parlos_wipe(&st, sizeof(st));
}

/* v * x mod x^64 + x^4 + x^3 + x + 1 */
static __always_inline u64 gf64_mulx(u64 v)
{
	return (v << 1) ^ (0x1b & (0 - (v >> 63)));
}

/* Byte @k (at bit k) of x times P through the table: c_k below */
static __always_inline u64 eia1_byte(const u64 tab[2][16], u64 x,
				     unsigned int k)
{
	return tab[0][(x >> k) & 15] ^ tab[1][(x >> (k + 4)) & 15];
}

/*
 * x * P through the table: byte k of x gives c_k = (its nibbles * P),
 * and x * P = sum of c_k * x^(8k), folded once at the end.
 */
static __always_inline u64 eia1_mul_p(const u64 tab[2][16], u64 x)
{
	u64 c1 = eia1_byte(tab, x, 8), c2 = eia1_byte(tab, x, 16);
	u64 c3 = eia1_byte(tab, x, 24), c4 = eia1_byte(tab, x, 32);
	u64 c5 = eia1_byte(tab, x, 40), c6 = eia1_byte(tab, x, 48);
	u64 c7 = eia1_byte(tab, x, 56);
	u64 lo, hi;

	lo = (eia1_byte(tab, x, 0) ^ c1 << 8 ^ c2 << 16 ^ c3 << 24) ^
	     (c4 << 32 ^ c5 << 40 ^ c6 << 48 ^ c7 << 56);
	hi = (c1 >> 56 ^ c2 >> 48 ^ c3 >> 40) ^
	     (c4 >> 32 ^ c5 >> 24 ^ c6 >> 16 ^ c7 >> 8);
	/* hi < 2^56, so hi * (x^4 + x^3 + x + 1) needs no second fold */
	return lo ^ hi ^ (hi << 1) ^ (hi << 3) ^ (hi << 4);
}

/* a * b for one-off products (Q): a 16-entry table and 16 nibble steps. */
static u64 gf64_mul(u64 a, u64 b)
{
	u64 t[16], z = 0, h;
	int i;

	t[0] = 0;
	t[1] = b;
	for (i = 2; i < 16; i += 2) {
		t[i] = gf64_mulx(t[i / 2]);
		t[i + 1] = t[i] ^ b;
	}
	for (i = 60; i >= 0; i -= 4) {
		h = z >> 60;
		z = (z << 4) ^ h ^ (h << 1) ^ (h << 3) ^ (h << 4) ^
		    t[(a >> i) & 15];
	}
	return z;
}

void parlos_uia2_init(struct parlos_eia1_state *st, const u8 key[16],
		      u32 count, u32 fresh, u8 dir)
{
	struct parlos_snow3g g;
	u32 d = dir & 1, z[5];
	u64 xp[8];
	u8 iv[16];
	int t, n;

	snow3g_iv(iv, count, fresh, count ^ (d << 31), fresh ^ (d << 15));
	snow3g_load(&g, key, iv);
	snow3g_f9_words(&g, z);
	st->p = (u64)z[0] << 32 | z[1];
	st->q = (u64)z[2] << 32 | z[3];
	st->otp = z[4];
	st->eval = 0;
	st->nbytes = 0;
	st->buf_len = 0;
	/* tab[t][n] = n * x^(4t) * P: sums of P * x^j, j < 8 */
	xp[0] = st->p;
	for (n = 1; n < 8; n++)
		xp[n] = gf64_mulx(xp[n - 1]);
	for (t = 0; t < 2; t++) {
		st->tab[t][0] = 0;
		for (n = 1; n < 16; n++)
			st->tab[t][n] = st->tab[t][n & (n - 1)] ^
				xp[4 * t + (n & 1 ? 0 : n & 2 ? 1 : n & 4 ? 2 : 3)];
	}
	parlos_wipe(&g, sizeof(g));
	parlos_wipe(z, sizeof(z));
	parlos_wipe(xp, sizeof(xp));
}

void parlos_eia1_init(struct parlos_eia1_state *st, const u8 key[16],
		      u32 count, u8 bearer, u8 dir)
{
	parlos_uia2_init(st, key, count, (u32)(bearer & 0x1f) << 27, dir);
}

/* Completes a partial block from @msg; returns the bytes taken. */
static size_t eia1_fill(struct parlos_eia1_state *st, const u8 *msg,
			size_t nbytes)
{
	size_t n = 8 - st->buf_len;

	if (n > nbytes)
		n = nbytes;
	memcpy(st->buf + st->buf_len, msg, n);
	st->buf_len += n;
	if (st->buf_len == 8) {
		st->eval = eia1_mul_p(st->tab, st->eval ^
				      get_unaligned_be64(st->buf));
		st->buf_len = 0;
	}
	return n;
}

/*
 * Long runs of blocks: two interleaved Horner chains in P^2 (even and
 * odd blocks), so the latency of one multiply hides behind the other,
 * through a 1 KiB table on the stack: w[j][n] = n * x^(4j) * P^2 for the
 * eight nibbles of a 32-bit half. Built per call, used from 16 blocks.
 */
#define EIA1_WIDE_MIN	16

static void eia1_wide_build(u64 w[8][16], u64 b)
{
	int j, n;

	for (j = 0; j < 8; j++) {
		w[j][0] = 0;
		w[j][1] = b;
		w[j][2] = gf64_mulx(w[j][1]);
		w[j][4] = gf64_mulx(w[j][2]);
		w[j][8] = gf64_mulx(w[j][4]);
		for (n = 3; n < 16; n++)
			if (n & (n - 1))
				w[j][n] = w[j][n & (n - 1)] ^ w[j][n & -n];
		b = gf64_mulx(w[j][8]);
	}
}

static __always_inline u64 eia1_wide_mul(const u64 w[8][16], u64 x)
{
	u32 l = (u32)x, h = (u32)(x >> 32);
	u64 lo, hi, f;

	lo = (w[0][l & 15] ^ w[1][(l >> 4) & 15]) ^
	     (w[2][(l >> 8) & 15] ^ w[3][(l >> 12) & 15]) ^
	     ((w[4][(l >> 16) & 15] ^ w[5][(l >> 20) & 15]) ^
	      (w[6][(l >> 24) & 15] ^ w[7][l >> 28]));
	hi = (w[0][h & 15] ^ w[1][(h >> 4) & 15]) ^
	     (w[2][(h >> 8) & 15] ^ w[3][(h >> 12) & 15]) ^
	     ((w[4][(h >> 16) & 15] ^ w[5][(h >> 20) & 15]) ^
	      (w[6][(h >> 24) & 15] ^ w[7][h >> 28]));
	/* hi * x^32: the top half comes back as f * (x^4 + x^3 + x + 1) */
	f = hi >> 32;
	return lo ^ (hi << 32) ^ f ^ (f << 1) ^ (f << 3) ^ (f << 4);
}

/*
 * EVAL after @nblocks (even, >= 2) more blocks: with X = (EVAL ^ M0) and
 * Y = M1 run as X = X * P^2 ^ M(2i), Y = Y * P^2 ^ M(2i+1), the result
 * is (X * P ^ Y) * P.
 */
static u64 eia1_wide_blocks(const struct parlos_eia1_state *st, u64 eval,
			    const u8 *msg, size_t nblocks)
{
	/* written before it is read: no zeroing under INIT_STACK_ALL_ZERO */
	u64 w[8][16] __uninitialized, x, y;
	size_t i;

	eia1_wide_build(w, eia1_mul_p(st->tab, st->p));
	x = eval ^ get_unaligned_be64(msg);
	y = get_unaligned_be64(msg + 8);
	for (i = 2; i < nblocks; i += 2) {
		x = eia1_wide_mul(w, x) ^ get_unaligned_be64(msg + 8 * i);
		y = eia1_wide_mul(w, y) ^ get_unaligned_be64(msg + 8 * i + 8);
	}
	parlos_wipe(w, sizeof(w));
	return eia1_mul_p(st->tab, eia1_mul_p(st->tab, x) ^ y);
}

void parlos_eia1_update(struct parlos_eia1_state *st, const u8 *msg,
			size_t nbytes)
{
	u64 eval;
	size_t n;

	if (!nbytes)
		return;
	st->nbytes += nbytes;
	if (st->buf_len) {
		n = eia1_fill(st, msg, nbytes);
		msg += n;
		nbytes -= n;
	}
	eval = st->eval;
	if (nbytes >= 8 * EIA1_WIDE_MIN) {
		n = (nbytes / 16) * 2;
		eval = eia1_wide_blocks(st, eval, msg, n);
		msg += 8 * n;
		nbytes -= 8 * n;
	}
	for (; nbytes >= 8; nbytes -= 8, msg += 8)
		eval = eia1_mul_p(st->tab, eval ^ get_unaligned_be64(msg));
	st->eval = eval;
	if (nbytes)
		eia1_fill(st, msg, nbytes);
}

/* The MAC of the blocks hashed, for a message of @nbits bits. */
static u32 eia1_finish(struct parlos_eia1_state *st, u64 nbits)
{
	u64 eval = st->eval;

	if (st->buf_len) {
		memset(st->buf + st->buf_len, 0, 8 - st->buf_len);
		eval = eia1_mul_p(st->tab, eval ^ get_unaligned_be64(st->buf));
	}
	eval = gf64_mul(eval ^ nbits, st->q);
	return (u32)(eval >> 32) ^ st->otp;
}

u32 parlos_eia1_final(struct parlos_eia1_state *st)
{
	return eia1_finish(st, st->nbytes * 8);
}

static u32 eia1_bits(struct parlos_eia1_state *st, const u8 *msg, u32 nbits,
		     bool clmul)
{
	u8 last;
	u32 mac;

#if PARLOS_HAVE_CLMUL
	if (clmul)
		parlos_eia1_update_clmul(st, msg, nbits / 8);
	else
#endif
		parlos_eia1_update(st, msg, nbits / 8);
	if (nbits & 7) {
		/* Bits after LENGTH must not count: mask them off. */
		last = msg[nbits / 8] & (u8)(0xff00 >> (nbits & 7));
		parlos_eia1_update(st, &last, 1);
	}
	mac = eia1_finish(st, nbits);
	parlos_wipe(st, sizeof(*st));
	return mac;
}

u32 parlos_uia2_bits(const u8 key[16], u32 count, u32 fresh, u8 dir,
		     const u8 *msg, u32 nbits)
{
	struct parlos_eia1_state st;

	parlos_uia2_init(&st, key, count, fresh, dir);
	return eia1_bits(&st, msg, nbits, false);
}

u32 parlos_eia1_bits(const u8 key[16], u32 count, u8 bearer, u8 dir,
		     const u8 *msg, u32 nbits)
{
	struct parlos_eia1_state st;

	parlos_eia1_init(&st, key, count, bearer, dir);
	return eia1_bits(&st, msg, nbits, false);
}

#if PARLOS_HAVE_CLMUL
/*
 * The compiler must know about the xmm registers the asm uses when it
 * may use them itself; kernel C never does (-mno-sse) and refuses the
 * names there.
 */
#ifdef __SSE__
#define EIA1_XMM_CLOBBERS "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", \
	"xmm6", "xmm7"
#else
#define EIA1_XMM_CLOBBERS "memory"
#endif

/* pshufb mask: byte-swap each 64-bit lane (blocks are big-endian) */
static const u8 eia1_bswap_mask[16] = {
	7, 6, 5, 4, 3, 2, 1, 0, 15, 14, 13, 12, 11, 10, 9, 8
};

/*
 * xmm0 = (lo, hi) := lo ^ hi * x^64 mod g in its low lane, with xmm3 =
 * 0x1b: hi * 0x1b overflows by at most 4 bits, folded once more.
 */
#define EIA1_REDUCE							\
	"movdqa %%xmm0, %%xmm1\n\t"					\
	"pclmulqdq $0x01, %%xmm3, %%xmm1\n\t"				\
	"movdqa %%xmm1, %%xmm2\n\t"					\
	"pclmulqdq $0x01, %%xmm3, %%xmm2\n\t"				\
	"pxor %%xmm1, %%xmm0\n\t"					\
	"pxor %%xmm2, %%xmm0\n\t"

static u64 eia1_clmul_mul(u64 a, u64 b)
{
	asm("movq %[a], %%xmm0\n\t"
	    "movq %[b], %%xmm1\n\t"
	    "movq %[g], %%xmm3\n\t"
	    "pclmulqdq $0x00, %%xmm1, %%xmm0\n\t"
	    EIA1_REDUCE
	    "movq %%xmm0, %[a]\n\t"
	    : [a] "+r" (a)
	    : [b] "r" (b), [g] "r" ((u64)0x1b)
	    : EIA1_XMM_CLOBBERS);
	return a;
}

/*
 * EVAL over @nblocks 8-byte blocks. The accumulator A stays unreduced
 * (128 bits) across iterations: A * P^4 = A.lo * P^4 ^ A.hi * K4 with
 * K4 = x^64 * P^4 mod g, so the only reduction is at the end. Each
 * iteration takes four blocks: A' = (A.lo ^ M0) P^4 ^ A.hi K4 ^ M1 P^3 ^
 * M2 P^2 ^ M3 P; single blocks use P and K1 = x^64 * P.
 * pw = { P^4, P^3, P^2, P, K4, K1 }.
 */
static u64 eia1_clmul_blocks(u64 acc, const u8 *src, size_t nblocks,
			     const u64 pw[6])
{
	asm volatile("movq %[acc], %%xmm0\n\t"
		     "movdqu (%[pw]), %%xmm5\n\t"
		     "movdqu 16(%[pw]), %%xmm6\n\t"
		     "movdqu 32(%[pw]), %%xmm7\n\t"
		     "movdqu %[mask], %%xmm4\n\t"
		     "cmp $4, %[n]\n\t"
		     "jb 2f\n"
		     "1:\n\t"
		     "movdqu (%[src]), %%xmm1\n\t"
		     "movdqu 16(%[src]), %%xmm2\n\t"
		     "pshufb %%xmm4, %%xmm1\n\t"
		     "pshufb %%xmm4, %%xmm2\n\t"
		     "movq %%xmm0, %%xmm3\n\t"
		     "pxor %%xmm3, %%xmm1\n\t"
		     "pclmulqdq $0x01, %%xmm7, %%xmm0\n\t"
		     "movdqa %%xmm1, %%xmm3\n\t"
		     "pclmulqdq $0x00, %%xmm5, %%xmm1\n\t"
		     "pclmulqdq $0x11, %%xmm5, %%xmm3\n\t"
		     "pxor %%xmm1, %%xmm0\n\t"
		     "pxor %%xmm3, %%xmm0\n\t"
		     "movdqa %%xmm2, %%xmm3\n\t"
		     "pclmulqdq $0x00, %%xmm6, %%xmm2\n\t"
		     "pclmulqdq $0x11, %%xmm6, %%xmm3\n\t"
		     "pxor %%xmm2, %%xmm0\n\t"
		     "pxor %%xmm3, %%xmm0\n\t"
		     "add $32, %[src]\n\t"
		     "sub $4, %[n]\n\t"
		     "cmp $4, %[n]\n\t"
		     "jae 1b\n"
		     "2:\n\t"
		     "test %[n], %[n]\n\t"
		     "jz 4f\n"
		     "3:\n\t"
		     "movq (%[src]), %%xmm1\n\t"
		     "pshufb %%xmm4, %%xmm1\n\t"
		     "movq %%xmm0, %%xmm3\n\t"
		     "pxor %%xmm3, %%xmm1\n\t"
		     "pclmulqdq $0x11, %%xmm7, %%xmm0\n\t"
		     "pclmulqdq $0x10, %%xmm6, %%xmm1\n\t"
		     "pxor %%xmm1, %%xmm0\n\t"
		     "add $8, %[src]\n\t"
		     "dec %[n]\n\t"
		     "jnz 3b\n"
		     "4:\n\t"
		     "movq %[g], %%xmm3\n\t"
		     EIA1_REDUCE
		     "movq %%xmm0, %[acc]\n\t"
		     : [acc] "+r" (acc), [src] "+r" (src), [n] "+r" (nblocks)
		     : [pw] "r" (pw), [g] "r" ((u64)0x1b),
		       [mask] "m" (*(const u8 (*)[16])eia1_bswap_mask),
		       "m" (*(const u8 (*)[48])pw)
		     : "cc", "memory", EIA1_XMM_CLOBBERS);
	return acc;
}

void parlos_eia1_update_clmul(struct parlos_eia1_state *st, const u8 *msg,
			      size_t nbytes)
{
	u64 pw[6];
	size_t n;

	/* Below this the powers cost more than the table path. */
	if (nbytes < 64) {
		parlos_eia1_update(st, msg, nbytes);
		return;
	}
	st->nbytes += nbytes;
	if (st->buf_len) {
		n = eia1_fill(st, msg, nbytes);
		msg += n;
		nbytes -= n;
	}
	pw[3] = st->p;
	pw[2] = eia1_clmul_mul(pw[3], pw[3]);
	pw[1] = eia1_clmul_mul(pw[2], pw[3]);
	pw[0] = eia1_clmul_mul(pw[2], pw[2]);
	pw[4] = eia1_clmul_mul(pw[0], 0x1b);
	pw[5] = eia1_clmul_mul(pw[3], 0x1b);
	st->eval = eia1_clmul_blocks(st->eval, msg, nbytes / 8, pw);
	msg += nbytes & ~(size_t)7;
	nbytes &= 7;
	if (nbytes)
		eia1_fill(st, msg, nbytes);
	parlos_wipe(pw, sizeof(pw));
}

u32 parlos_eia1_bits_clmul(const u8 key[16], u32 count, u8 bearer, u8 dir,
			   const u8 *msg, u32 nbits)
{
	struct parlos_eia1_state st;

	parlos_eia1_init(&st, key, count, bearer, dir);
	return eia1_bits(&st, msg, nbits, true);
}
#endif /* PARLOS_HAVE_CLMUL */
