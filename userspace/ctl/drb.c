// SPDX-License-Identifier: GPL-2.0
/*
 * parlosctl drb bind, unbind, show: DRB1 of a context on a parlos device
 * (PARLOS_CMD_DRB_BIND, PARLOS_CMD_DRB_UNBIND, and the PARLOS_A_DRB nest
 * of the context tree). Counters are in "parlosctl stats ID".
 */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <string.h>

#include <netlink/msg.h>

#include "ctl.h"

#define HAS(r, k) ((r)->have & CTL_HAS(CTL_K_##k))

int ctl_drb_bind(struct ctl *c)
{
	const struct ctl_req *r = c->req;
	unsigned int ifindex = if_nametoindex(r->dev);
	struct nl_msg *msg;
	struct pnl_reply rep;
	int err;

	if (!ifindex)
		return pnl_err_set(&c->e, -ENODEV, "no interface \"%s\"",
				   r->dev);
	msg = ctl_msg_id(c, PARLOS_CMD_DRB_BIND);
	if (!msg)
		return c->e.err;
	if (nla_put_u32(msg, PARLOS_A_IFINDEX, ifindex) < 0 ||
	    nla_put_u32(msg, PARLOS_A_UE_ADDR, r->ue_addr) < 0 ||
	    nla_put_u32(msg, PARLOS_A_PEER_ADDR, r->peer_addr) < 0 ||
	    nla_put_u16(msg, PARLOS_A_PEER_PORT, r->peer_port) < 0 ||
	    (HAS(r, UE_ID) && nla_put_u16(msg, PARLOS_A_UE_ID, r->ue_id) < 0) ||
	    (HAS(r, SN_LEN) && nla_put_u8(msg, PARLOS_A_SN_LEN, r->sn_len) < 0) ||
	    (HAS(r, INTEGRITY) &&
	     nla_put_u8(msg, PARLOS_A_INTEGRITY, r->integrity) < 0))
		return ctl_put_failed(c, msg);
	pnl_reply_init(&rep);
	err = ctl_call(c, msg, &rep, false);
	pnl_reply_clear(&rep);
	return err ?: ctl_drb_show(c);
}

int ctl_drb_unbind(struct ctl *c)
{
	struct nl_msg *msg = ctl_msg_id(c, PARLOS_CMD_DRB_UNBIND);
	struct pnl_reply rep;
	int err;

	if (!msg)
		return c->e.err;
	pnl_reply_init(&rep);
	err = ctl_call(c, msg, &rep, false);
	pnl_reply_clear(&rep);
	if (err)
		return err;
	if (c->out.json) {
		json_open(&c->out, NULL);
		json_u64(&c->out, "id", c->req->id);
		json_bool(&c->out, "bound", false);
		json_close(&c->out);
	} else {
		out_printf(&c->out, "context: %u\n  drb: unbound\n",
			   c->req->id);
	}
	return 0;
}

/* The binding, from the PARLOS_A_DRB nest of the context tree. */
struct ctl_drb {
	uint32_t ifindex;
	uint32_t ue_addr, peer_addr;
	uint16_t peer_port, ue_id;
	uint8_t rb, sn_len, integrity;
	uint64_t tx_count, rx_count;
};

static const struct nla_policy ctl_drb_policy[PARLOS_A_MAX + 1] = {
	[PARLOS_A_DRB] = { .type = NLA_NESTED },
};

static int ctl_parse_drb(struct nlattr *nest, struct ctl_drb *d,
			 struct pnl_err *e)
{
	struct nlattr *tb[PARLOS_A_MAX + 1];
	int err;

	err = pnl_parse_nested(nest, "drb", tb, PARLOS_A_MAX, NULL, e);
	if (err)
		return err;
	err = pnl_get_u32(tb[PARLOS_A_IFINDEX], "ifindex", &d->ifindex, e);
	if (!err)
		err = pnl_get_u32(tb[PARLOS_A_UE_ADDR], "ue addr",
				  &d->ue_addr, e);
	if (!err)
		err = pnl_get_u32(tb[PARLOS_A_PEER_ADDR], "peer addr",
				  &d->peer_addr, e);
	if (!err)
		err = pnl_get_u16(tb[PARLOS_A_PEER_PORT], "peer port",
				  &d->peer_port, e);
	if (!err)
		err = pnl_get_u16(tb[PARLOS_A_UE_ID], "ue id", &d->ue_id, e);
	if (!err)
		err = pnl_get_u8(tb[PARLOS_A_RB_ID], "rb", &d->rb, e);
	if (!err)
		err = pnl_get_u8(tb[PARLOS_A_SN_LEN], "sn len", &d->sn_len, e);
	if (!err)
		err = pnl_get_u8(tb[PARLOS_A_INTEGRITY], "integrity",
				 &d->integrity, e);
	if (!err)
		err = pnl_get_u64(tb[PARLOS_A_TX_COUNT], "tx count",
				  &d->tx_count, e);
	if (!err)
		err = pnl_get_u64(tb[PARLOS_A_RX_COUNT], "rx count",
				  &d->rx_count, e);
	return err;
}

static void ctl_print_drb(struct ctl_out *o, uint32_t id,
			  const struct ctl_drb *d)
{
	char ue[INET_ADDRSTRLEN] = "?", peer[INET_ADDRSTRLEN] = "?";
	char dev[IF_NAMESIZE] = "";

	if (d) {
		inet_ntop(AF_INET, &d->ue_addr, ue, sizeof(ue));
		inet_ntop(AF_INET, &d->peer_addr, peer, sizeof(peer));
		if (!if_indextoname(d->ifindex, dev))
			dev[0] = '\0';
	}
	if (o->json) {
		json_open(o, NULL);
		json_u64(o, "id", id);
		json_bool(o, "bound", d);
		if (d) {
			json_u64(o, "ifindex", d->ifindex);
			if (dev[0])
				json_str(o, "dev", dev);
			json_str(o, "ue_addr", ue);
			json_str(o, "peer_addr", peer);
			json_u64(o, "peer_port", d->peer_port);
			json_u64(o, "ue_id", d->ue_id);
			json_u64(o, "rb", d->rb);
			json_u64(o, "sn_len", d->sn_len);
			json_bool(o, "integrity", d->integrity);
			json_u64(o, "tx_count", d->tx_count);
			json_u64(o, "rx_count", d->rx_count);
		}
		json_close(o);
		return;
	}
	out_printf(o, "context: %u\n", id);
	if (!d) {
		out_printf(o, "  drb:       unbound\n");
		return;
	}
	out_printf(o, "  dev:       %s (ifindex %u)\n", dev[0] ? dev : "?",
		   d->ifindex);
	out_printf(o, "  ue addr:   %s\n  peer:      %s:%u\n", ue, peer,
		   d->peer_port);
	out_printf(o, "  ue id:     %u\n  rb:        %u\n  sn len:    %u\n",
		   d->ue_id, d->rb, d->sn_len);
	out_printf(o, "  integrity: %s\n", d->integrity ? "on" : "off");
	out_printf(o, "  tx count:  %llu\n  rx count:  %llu\n",
		   (unsigned long long)d->tx_count,
		   (unsigned long long)d->rx_count);
}

int ctl_drb_show(struct ctl *c)
{
	struct nl_msg *msg = ctl_msg_id(c, PARLOS_CMD_CTX_GET);
	struct nlattr *tb[PARLOS_A_MAX + 1];
	struct pnl_reply rep;
	struct ctl_drb d;
	int err;

	if (!msg)
		return c->e.err;
	pnl_reply_init(&rep);
	err = ctl_call(c, msg, &rep, true);
	if (!err)
		err = pnl_parse(rep.msg[0], 0, tb, PARLOS_A_MAX,
				ctl_drb_policy, &c->e);
	if (!err && tb[PARLOS_A_DRB])
		err = ctl_parse_drb(tb[PARLOS_A_DRB], &d, &c->e);
	if (!err)
		ctl_print_drb(&c->out, c->req->id,
			      tb[PARLOS_A_DRB] ? &d : NULL);
	pnl_reply_clear(&rep);
	return err;
}
