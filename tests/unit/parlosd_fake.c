// SPDX-License-Identifier: GPL-2.0
/*
 * Fake kernel layer for the parlosd unit tests; see parlosd_fake.h.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parlosd_fake.h"

#define FAKE_MAX	512

struct fctx {
	bool used;
	uint32_t id;
	uint8_t role, profile;
	char label[PARLOS_LABEL_MAX + 1];
	bool has_ue_id;
	uint16_t ue_id;
	uint8_t algs[4];		/* nas eea, eia, as eea, eia */
	bool keypair, kasme, as, algs_used;
	uint8_t pub[PARLOS_PUBKEY_B_LEN];
	size_t pub_len;
	uint64_t kasme_v, kenb;
	uint32_t tx, rx_next, srb_tx, srb_rx_next;
	bool bound;
	struct kern_drb drb;
};

struct kern {
	struct fctx c[FAKE_MAX];
	uint32_t next_id;
	int fail_next;
};

static uint64_t seed = 0x1234;

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
	const uint8_t *b = p;

	if (!h)
		h = 0xcbf29ce484222325ull;
	while (n--) {
		h ^= *b++;
		h *= 0x100000001b3ull;
	}
	return h;
}

static uint64_t fnv3(uint64_t key, uint64_t a, uint64_t b)
{
	uint64_t v[3] = { key, a, b };

	return fnv(0, v, sizeof(v));
}

static int set_err(struct kern_err *e, int err, const char *msg)
{
	e->err = err;
	snprintf(e->msg, sizeof(e->msg), "%s", msg);
	return err;
}

static int failing(struct kern *k, struct kern_err *e)
{
	int err = k->fail_next;

	k->fail_next = 0;
	return err ? set_err(e, err, "fake failure") : 0;
}

void fake_kern_fail_next(struct kern *k, int err)
{
	k->fail_next = err;
}

unsigned int fake_kern_count(struct kern *k)
{
	unsigned int n = 0, i;

	for (i = 0; i < FAKE_MAX; i++)
		n += k->c[i].used;
	return n;
}

const char *kern_strerror(const struct kern_err *e)
{
	return e->msg[0] ? e->msg : strerror(-e->err);
}

int kern_open(struct kern **k, struct kern_err *e)
{
	*k = calloc(1, sizeof(**k));
	if (!*k)
		return set_err(e, -ENOMEM, "oom");
	(*k)->next_id = 1;
	return 0;
}

void kern_close(struct kern *k)
{
	free(k);
}

static struct fctx *find(struct kern *k, uint32_t id, struct kern_err *e)
{
	unsigned int i;

	for (i = 0; i < FAKE_MAX; i++)
		if (k->c[i].used && k->c[i].id == id)
			return &k->c[i];
	set_err(e, -ENOENT, "no such context");
	return NULL;
}

static int check_algs(const struct kern_ctx_params *p, struct kern_err *e)
{
	if (p->nas_eia == 0 || p->as_eia == 0)
		return set_err(e, -EPERM, "EIA0 (null integrity) refused");
	if (p->nas_eea == 0 || p->as_eea == 0)
		return set_err(e, -EPERM, "EEA0 (null ciphering) refused");
	return 0;
}

static bool label_used(struct kern *k, const char *label)
{
	unsigned int i;

	for (i = 0; i < FAKE_MAX; i++)
		if (k->c[i].used && !strcmp(k->c[i].label, label))
			return true;
	return false;
}

static void apply(struct fctx *c, const struct kern_ctx_params *p)
{
	const uint8_t v[4] = { p->nas_eea, p->nas_eia, p->as_eea, p->as_eia };
	int i;

	if (p->label)
		snprintf(c->label, sizeof(c->label), "%s", p->label);
	if (p->has_ue_id) {
		c->has_ue_id = true;
		c->ue_id = p->ue_id;
	}
	for (i = 0; i < 4; i++)
		if (v[i] != KERN_ALG_UNSET)
			c->algs[i] = v[i];
}

int kern_ctx_new(struct kern *k, const struct kern_ctx_params *p,
		 uint32_t *id, struct kern_err *e)
{
	unsigned int i;
	int err = failing(k, e) ?: check_algs(p, e);

	if (err)
		return err;
	if (p->label && label_used(k, p->label))
		return set_err(e, -EEXIST, "label in use");
	for (i = 0; i < FAKE_MAX && k->c[i].used; i++)
		;
	if (i == FAKE_MAX)
		return set_err(e, -ENOSPC, "context limit");
	memset(&k->c[i], 0, sizeof(k->c[i]));
	k->c[i].used = true;
	k->c[i].id = k->next_id++;
	k->c[i].role = p->role;
	memset(k->c[i].algs, KERN_ALG_UNSET, 4);
	apply(&k->c[i], p);
	*id = k->c[i].id;
	return 0;
}

int kern_ctx_del(struct kern *k, uint32_t id, struct kern_err *e)
{
	struct fctx *c = find(k, id, e);

	if (!c)
		return -ENOENT;
	memset(c, 0, sizeof(*c));
	return 0;
}

int kern_ctx_set(struct kern *k, uint32_t id, const struct kern_ctx_params *p,
		 struct kern_err *e)
{
	struct fctx *c = find(k, id, e);
	const uint8_t v[4] = { p->nas_eea, p->nas_eia, p->as_eea, p->as_eia };
	int i, err;

	if (!c)
		return -ENOENT;
	err = failing(k, e) ?: check_algs(p, e);
	if (err)
		return err;
	for (i = 0; i < 4; i++)
		if (v[i] != KERN_ALG_UNSET && v[i] != c->algs[i] &&
		    c->algs_used)
			return set_err(e, -EBUSY, "algorithms are fixed");
	if (p->label && strcmp(p->label, c->label) && label_used(k, p->label))
		return set_err(e, -EEXIST, "label in use");
	apply(c, p);
	return 0;
}

static uint64_t key_of(const struct fctx *c, int key)
{
	switch (key) {
	case PARLOS_KEY_KASME:
		return c->kasme_v;
	case PARLOS_KEY_KNASENC:
		return fnv3(c->kasme_v, 'e', c->algs[0]);
	case PARLOS_KEY_KNASINT:
		return fnv3(c->kasme_v, 'i', c->algs[1]);
	case PARLOS_KEY_KENB:
		return c->kenb;
	case PARLOS_KEY_KRRCENC:
		return fnv3(c->kenb, 'r', c->algs[2]);
	case PARLOS_KEY_KRRCINT:
		return fnv3(c->kenb, 'R', c->algs[3]);
	case PARLOS_KEY_KUPENC:
		return fnv3(c->kenb, 'u', c->algs[2]);
	default:
		return fnv3(c->kenb, 'U', c->algs[3]);
	}
}

static bool key_valid(const struct fctx *c, int key)
{
	if (key == PARLOS_KEY_KASME)
		return c->kasme;
	if (key <= PARLOS_KEY_KNASINT)
		return c->kasme && c->algs[key == PARLOS_KEY_KNASENC ? 0 : 1] !=
				   KERN_ALG_UNSET;
	return c->as;
}

static void fill_info(const struct fctx *c, struct kern_ctx_info *info)
{
	int key;

	memset(info, 0, sizeof(*info));
	info->id = c->id;
	info->role = c->role;
	info->profile = c->profile;
	info->nas_eea = c->algs[0];
	info->nas_eia = c->algs[1];
	info->as_eea = c->algs[2];
	info->as_eia = c->algs[3];
	info->has_ue_id = c->has_ue_id;
	info->ue_id = c->ue_id;
	memcpy(info->label, c->label, sizeof(info->label));
	info->bound = c->bound;
	info->drb = c->drb;
	for (key = 1; key <= PARLOS_KEY_MAX; key++) {
		uint64_t v;

		if (!key_valid(c, key))
			continue;
		v = fnv3(key_of(c, key), 'f', (uint64_t)key);
		memcpy(info->fpr[key], &v, PARLOS_FPR_LEN);
		info->fpr_valid |= 1u << key;
	}
}

int kern_ctx_get(struct kern *k, uint32_t id, struct kern_ctx_info *info,
		 struct kern_err *e)
{
	struct fctx *c = find(k, id, e);

	if (!c)
		return -ENOENT;
	fill_info(c, info);
	return 0;
}

int kern_ctx_find(struct kern *k, const char *label,
		  struct kern_ctx_info *info, struct kern_err *e)
{
	unsigned int i;

	for (i = 0; i < FAKE_MAX; i++) {
		if (k->c[i].used && !strcmp(k->c[i].label, label)) {
			fill_info(&k->c[i], info);
			return 0;
		}
	}
	return set_err(e, -ENOENT, "no context with this label");
}

static size_t pub_len(uint8_t profile)
{
	return profile == PARLOS_PROFILE_A ? 32 :
	       profile == PARLOS_PROFILE_B ? 33 : 0;
}

int kern_keygen(struct kern *k, uint32_t id, uint8_t profile, uint8_t *pub,
		size_t cap, size_t *len, struct kern_err *e)
{
	struct fctx *c = find(k, id, e);
	size_t i, n = pub_len(profile);

	if (!c)
		return -ENOENT;
	if (c->role != PARLOS_ROLE_ME)
		return set_err(e, -EPERM, "ME role only");
	if (c->kasme)
		return set_err(e, -EBUSY, "KASMEtemp already installed");
	if (!n || cap < n)
		return set_err(e, -EINVAL, "bad profile");
	for (i = 0; i < n; i++) {
		seed = fnv3(seed, i, 'k');
		c->pub[i] = (uint8_t)seed;
	}
	if (profile == PARLOS_PROFILE_B)
		c->pub[0] = 2 | (c->pub[0] & 1);
	c->pub_len = n;
	c->profile = profile;
	c->keypair = true;
	memcpy(pub, c->pub, n);
	*len = n;
	return 0;
}

/* ct = kasme ^ H(pub); tag = H(pub, ct) */
static void seal(const uint8_t *pub, size_t n, uint64_t kasme, uint8_t *blob)
{
	uint64_t pad = fnv(0, pub, n), tag;

	memcpy(blob, pub, n);	/* a stand-in for the ephemeral key */
	memset(blob + n, 0, 32);
	kasme ^= pad;
	memcpy(blob + n, &kasme, 8);
	tag = fnv(pad, blob + n, 32);
	memcpy(blob + n + 32, &tag, 8);
}

int kern_wrap(struct kern *k, uint32_t id, uint8_t profile,
	      const uint8_t *pub, size_t publen, uint8_t *blob, size_t cap,
	      size_t *len, struct kern_err *e)
{
	struct fctx *c = find(k, id, e);
	size_t n = pub_len(profile);
	int err;

	if (!c)
		return -ENOENT;
	err = failing(k, e);
	if (err)
		return err;
	if (c->role != PARLOS_ROLE_NETWORK)
		return set_err(e, -EPERM, "network role only");
	if (c->kasme)
		return set_err(e, -EBUSY, "KASMEtemp already installed");
	if (!n || publen != n || cap < n + 40)
		return set_err(e, -EINVAL, "public key length does not match");
	if (profile == PARLOS_PROFILE_B && pub[0] == 0x03 && pub[1] == 0xff)
		return set_err(e, -EINVAL, "not a point on the curve");
	seed = fnv3(seed, id, 'w');
	c->kasme_v = seed;
	c->kasme = true;
	c->profile = profile;
	seal(pub, n, c->kasme_v, blob);
	*len = n + 40;
	return 0;
}

int kern_unwrap(struct kern *k, uint32_t id, const uint8_t *blob, size_t len,
		struct kern_err *e)
{
	struct fctx *c = find(k, id, e);
	uint8_t want[PARLOS_BLOB_B_LEN];
	uint64_t v;

	if (!c)
		return -ENOENT;
	if (c->role != PARLOS_ROLE_ME)
		return set_err(e, -EPERM, "ME role only");
	if (c->kasme)
		return set_err(e, -EBUSY, "KASMEtemp already installed");
	if (!c->keypair)
		return set_err(e, -ENOKEY, "no key pair");
	if (len != c->pub_len + 40)
		return set_err(e, -EINVAL, "blob length does not match");
	memcpy(&v, blob + c->pub_len, 8);
	v ^= fnv(0, c->pub, c->pub_len);
	seal(c->pub, c->pub_len, v, want);
	if (memcmp(want, blob, len))
		return set_err(e, -EBADMSG, "ECIES tag verification failed");
	c->kasme_v = v;
	c->kasme = true;
	return 0;
}

int kern_as_derive(struct kern *k, uint32_t id, uint32_t ul_count,
		   struct kern_err *e)
{
	struct fctx *c = find(k, id, e);

	if (!c)
		return -ENOENT;
	if (!c->kasme)
		return set_err(e, -ENOKEY, "no KASMEtemp yet");
	if (c->algs[2] == KERN_ALG_UNSET || c->algs[3] == KERN_ALG_UNSET)
		return set_err(e, -ENOKEY, "AS algorithms not selected");
	c->kenb = fnv3(c->kasme_v, 'K', ul_count);
	c->as = true;
	c->srb_tx = c->srb_rx_next = 0;
	return 0;
}

static uint8_t tx_dir(const struct fctx *c)
{
	return c->role == PARLOS_ROLE_ME ? 0 : 1;
}

static void mac(uint64_t key, uint32_t count, uint8_t dir, const uint8_t *p,
		size_t n, uint8_t out[4])
{
	uint64_t h = fnv(fnv3(key, count, dir), p, n);

	memcpy(out, &h, 4);
}

static void xor_stream(uint64_t key, uint32_t count, uint8_t dir, uint8_t *p,
		       size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] ^= (uint8_t)fnv3(key, count, (uint64_t)dir << 32 | i);
}

int kern_nas_protect(struct kern *k, uint32_t id, uint8_t sht,
		     const uint8_t *msg, size_t len, struct kern_pdu *out,
		     struct kern_err *e)
{
	struct fctx *c = find(k, id, e);
	uint8_t dir;

	if (!c)
		return -ENOENT;
	if (!c->kasme || c->algs[1] == KERN_ALG_UNSET)
		return set_err(e, -ENOKEY, "no NAS keys");
	if (sht < 1 || sht > 4 || out->cap < len + 6)
		return set_err(e, -EINVAL, "bad request");
	dir = tx_dir(c);
	out->p[0] = (uint8_t)(sht << 4 | 7);
	out->p[5] = (uint8_t)c->tx;
	memcpy(out->p + 6, msg, len);
	if (sht == 2 || sht == 4)
		xor_stream(key_of(c, PARLOS_KEY_KNASENC), c->tx, dir,
			   out->p + 6, len);
	mac(key_of(c, PARLOS_KEY_KNASINT), c->tx, dir, out->p + 5, len + 1,
	    out->p + 1);
	out->len = len + 6;
	out->count = c->tx++;
	out->sht = sht;
	c->algs_used = true;
	return 0;
}

int kern_nas_unprotect(struct kern *k, uint32_t id, const uint8_t *pdu,
		       size_t len, struct kern_pdu *out, struct kern_err *e)
{
	struct fctx *c = find(k, id, e);
	uint8_t m[4], sht, dir;
	uint32_t count;

	if (!c)
		return -ENOENT;
	if (len < 8 || (pdu[0] & 0x0f) != 7 || pdu[0] >> 4 < 1 ||
	    pdu[0] >> 4 > 4)
		return set_err(e, -EINVAL, "not a protected NAS message");
	if (!c->kasme || c->algs[1] == KERN_ALG_UNSET)
		return set_err(e, -ENOKEY, "no NAS keys");
	sht = pdu[0] >> 4;
	dir = tx_dir(c) ^ 1;
	count = (c->rx_next & ~0xffu) | pdu[5];
	if (pdu[5] < (c->rx_next & 0xff))
		count += 0x100;
	out->count = count;
	mac(key_of(c, PARLOS_KEY_KNASINT), count, dir, pdu + 5, len - 5, m);
	if (memcmp(m, pdu + 1, 4)) {
		mac(key_of(c, PARLOS_KEY_KNASINT), count - 0x100, dir, pdu + 5,
		    len - 5, m);
		if (count >= 0x100 && !memcmp(m, pdu + 1, 4)) {
			out->count = count - 0x100;
			return set_err(e, -EALREADY, "replayed NAS message");
		}
		return set_err(e, -EBADMSG, "NAS MAC verification failed");
	}
	if (out->cap < len - 6)
		return set_err(e, -EINVAL, "too long");
	memcpy(out->p, pdu + 6, len - 6);
	if (sht == 2 || sht == 4)
		xor_stream(key_of(c, PARLOS_KEY_KNASENC), count, dir, out->p,
			   len - 6);
	out->len = len - 6;
	out->sht = sht;
	c->rx_next = count + 1;
	c->algs_used = true;
	return 0;
}

int kern_srb_protect(struct kern *k, uint32_t id, uint8_t rb, bool cipher,
		     const uint8_t *msg, size_t len, struct kern_pdu *out,
		     struct kern_err *e)
{
	struct fctx *c = find(k, id, e);
	uint8_t dir;

	if (!c)
		return -ENOENT;
	if (!c->as)
		return set_err(e, -ENOKEY, "no AS keys");
	if (rb != 1 || out->cap < len + 5)
		return set_err(e, -EINVAL, "bad request");
	dir = tx_dir(c);
	out->p[0] = c->srb_tx & 0x1f;
	memcpy(out->p + 1, msg, len);
	mac(key_of(c, PARLOS_KEY_KRRCINT), c->srb_tx, dir, out->p, len + 1,
	    out->p + 1 + len);
	if (cipher)
		xor_stream(key_of(c, PARLOS_KEY_KRRCENC), c->srb_tx, dir,
			   out->p + 1, len + 4);
	out->len = len + 5;
	out->count = c->srb_tx++;
	return 0;
}

int kern_srb_unprotect(struct kern *k, uint32_t id, uint8_t rb, bool cipher,
		       const uint8_t *pdu, size_t len, struct kern_pdu *out,
		       struct kern_err *e)
{
	struct fctx *c = find(k, id, e);
	uint8_t buf[512], m[4], dir, sn;
	uint32_t count;

	if (!c)
		return -ENOENT;
	if (!c->as)
		return set_err(e, -ENOKEY, "no AS keys");
	if (rb != 1 || len < 5 || len > sizeof(buf) || (pdu[0] & 0xe0))
		return set_err(e, -EINVAL, "bad SRB PDU");
	dir = tx_dir(c) ^ 1;
	sn = pdu[0] & 0x1f;
	count = (c->srb_rx_next & ~0x1fu) | sn;
	if (sn < (c->srb_rx_next & 0x1f))
		count += 0x20;
	memcpy(buf, pdu, len);
	if (cipher)
		xor_stream(key_of(c, PARLOS_KEY_KRRCENC), count, dir, buf + 1,
			   len - 1);
	mac(key_of(c, PARLOS_KEY_KRRCINT), count, dir, buf, len - 4, m);
	if (memcmp(m, buf + len - 4, 4))
		return set_err(e, -EBADMSG, "SRB MAC-I verification failed");
	memcpy(out->p, buf + 1, len - 5);
	out->len = len - 5;
	out->count = count;
	c->srb_rx_next = count + 1;
	return 0;
}

int kern_ctx_dump(struct kern *k, kern_ctx_fn fn, void *arg,
		  struct kern_err *e)
{
	struct kern_ctx_info info;
	unsigned int i;
	int err = failing(k, e);

	for (i = 0; !err && i < FAKE_MAX; i++) {
		if (!k->c[i].used)
			continue;
		fill_info(&k->c[i], &info);
		err = fn(&info, arg);
	}
	return err;
}

unsigned int fake_kern_bound(struct kern *k)
{
	unsigned int n = 0, i;

	for (i = 0; i < FAKE_MAX; i++)
		n += k->c[i].used && k->c[i].bound;
	return n;
}

/* The module's rules: keys, one binding, UE id and address unique */
int kern_drb_bind(struct kern *k, uint32_t id, const struct kern_drb *b,
		  struct kern_err *e)
{
	struct fctx *c = find(k, id, e);
	unsigned int i;
	int err;

	if (!c)
		return -ENOENT;
	err = failing(k, e);
	if (err)
		return err;
	if (!c->as)
		return set_err(e, -ENOKEY, "no KUPenc");
	if (c->bound)
		return set_err(e, -EBUSY, "bound already");
	if (c->has_ue_id && c->ue_id != b->ue_id)
		return set_err(e, -EINVAL, "UE id differs");
	for (i = 0; i < FAKE_MAX; i++) {
		const struct fctx *o = &k->c[i];

		if (!o->used || !o->bound || o->drb.ifindex != b->ifindex)
			continue;
		if (o->role == PARLOS_ROLE_ME && c->role == PARLOS_ROLE_ME)
			return set_err(e, -EBUSY, "an ME device carries one "
				       "context");
		if (o->drb.ue_id == b->ue_id)
			return set_err(e, -EEXIST, "UE id already bound");
		if (o->drb.ue_addr == b->ue_addr)
			return set_err(e, -EEXIST, "UE address already bound");
	}
	c->bound = true;
	c->drb = *b;
	c->has_ue_id = true;
	c->ue_id = b->ue_id;
	return 0;
}

int kern_drb_unbind(struct kern *k, uint32_t id, struct kern_err *e)
{
	struct fctx *c = find(k, id, e);

	if (!c)
		return -ENOENT;
	if (!c->bound)
		return set_err(e, -ENOENT, "not bound");
	c->bound = false;
	return 0;
}

/* --- rtnetlink ---------------------------------------------------------- */

#define FAKE_ND_MAX	16

struct netdev {
	unsigned int n;
	struct {
		bool route;
		uint32_t a;
		uint8_t prefix;
	} e[FAKE_ND_MAX];
};

int netdev_open(struct netdev **nd, struct kern_err *e)
{
	*nd = calloc(1, sizeof(**nd));
	return *nd ? 0 : set_err(e, -ENOMEM, "oom");
}

void netdev_close(struct netdev *nd)
{
	free(nd);
}

int netdev_setup(struct netdev *nd, const char *name, uint16_t port,
		 int *ifindex, bool *created, struct kern_err *e)
{
	(void)nd;
	(void)port;
	if (!strcmp(name, "nodev"))
		return set_err(e, -EOPNOTSUPP, "no such link kind");
	*ifindex = 7;
	*created = true;
	return 0;
}

static int nd_find(const struct netdev *nd, bool route, uint32_t a,
		   uint8_t prefix)
{
	unsigned int i;

	for (i = 0; i < nd->n; i++)
		if (nd->e[i].route == route && nd->e[i].a == a &&
		    nd->e[i].prefix == prefix)
			return (int)i;
	return -1;
}

static int nd_op(struct netdev *nd, bool add, bool route, uint32_t a,
		 uint8_t prefix, struct kern_err *e)
{
	int i = nd_find(nd, route, a, prefix);

	if (add) {
		if (i >= 0)
			return 0;
		if (nd->n == FAKE_ND_MAX)
			return set_err(e, -ENOSPC, "full");
		nd->e[nd->n].route = route;
		nd->e[nd->n].a = a;
		nd->e[nd->n].prefix = prefix;
		nd->n++;
		return 0;
	}
	if (i < 0)
		return set_err(e, route ? -ESRCH : -EADDRNOTAVAIL, "none");
	nd->e[i] = nd->e[--nd->n];
	return 0;
}

int netdev_addr(struct netdev *nd, bool add, int ifindex, uint32_t addr,
		uint8_t prefix, struct kern_err *e)
{
	(void)ifindex;
	return nd_op(nd, add, false, addr, prefix, e);
}

int netdev_route(struct netdev *nd, bool add, int ifindex, uint32_t net,
		 uint8_t prefix, uint32_t src, struct kern_err *e)
{
	(void)ifindex;
	(void)src;
	return nd_op(nd, add, true, net, prefix, e);
}

bool fake_netdev_has_addr(const struct netdev *nd, uint32_t addr,
			  uint8_t prefix)
{
	return nd_find(nd, false, addr, prefix) >= 0;
}

bool fake_netdev_has_route(const struct netdev *nd, uint32_t net,
			   uint8_t prefix)
{
	return nd_find(nd, true, net, prefix) >= 0;
}

unsigned int fake_netdev_count(const struct netdev *nd)
{
	return nd->n;
}
