// SPDX-License-Identifier: GPL-2.0
/* parlosctl nas protect/unprotect, srb protect/unprotect. */
#include <errno.h>
#include <stdlib.h>

#include <netlink/msg.h>

#include "ctl.h"

/* Sends msg (freed) and prints the PDU and COUNT of its reply. */
static int ctl_call_pdu(struct ctl *c, struct nl_msg *msg, uint8_t rb,
			bool want_sec_hdr)
{
	struct ctl_pdu *pdu = malloc(sizeof(*pdu));
	struct pnl_reply r;
	int err;

	if (!pdu) {
		nlmsg_free(msg);
		return pnl_err_errno(&c->e, -ENOMEM);
	}
	pnl_reply_init(&r);
	err = ctl_call(c, msg, &r, true);
	if (!err)
		err = ctl_parse_pdu(r.msg[0], want_sec_hdr, pdu, &c->e);
	if (!err)
		print_pdu(&c->out, c->req->id, rb, pdu);
	pnl_reply_clear(&r);
	free(pdu);
	return err;
}

static int ctl_put_pdu(struct nl_msg *msg, const struct ctl_req *req)
{
	return nla_put(msg, PARLOS_A_PDU, (int)req->bin_len, req->bin);
}

int ctl_nas_protect(struct ctl *c)
{
	struct nl_msg *msg = ctl_msg_id(c, PARLOS_CMD_NAS_PROTECT);

	if (!msg)
		return c->e.err;
	if (nla_put_u8(msg, PARLOS_A_SEC_HDR, c->req->sec_hdr) < 0 ||
	    ctl_put_pdu(msg, c->req) < 0)
		return ctl_put_failed(c, msg);
	return ctl_call_pdu(c, msg, 0, false);
}

int ctl_nas_unprotect(struct ctl *c)
{
	struct nl_msg *msg = ctl_msg_id(c, PARLOS_CMD_NAS_UNPROTECT);

	if (!msg)
		return c->e.err;
	if (ctl_put_pdu(msg, c->req) < 0)
		return ctl_put_failed(c, msg);
	return ctl_call_pdu(c, msg, 0, true);
}

/* Without "cipher", PARLOS_A_CIPHER is left out: the kernel's default. */
static int ctl_srb(struct ctl *c, uint8_t cmd)
{
	const struct ctl_req *req = c->req;
	struct nl_msg *msg = ctl_msg_id(c, cmd);

	if (!msg)
		return c->e.err;
	if (nla_put_u8(msg, PARLOS_A_RB_ID, req->rb) < 0 ||
	    ((req->have & CTL_HAS(CTL_K_CIPHER)) &&
	     nla_put_u8(msg, PARLOS_A_CIPHER, req->cipher) < 0) ||
	    ctl_put_pdu(msg, req) < 0)
		return ctl_put_failed(c, msg);
	return ctl_call_pdu(c, msg, req->rb, false);
}

int ctl_srb_protect(struct ctl *c)
{
	return ctl_srb(c, PARLOS_CMD_SRB_PROTECT);
}

int ctl_srb_unprotect(struct ctl *c)
{
	return ctl_srb(c, PARLOS_CMD_SRB_UNPROTECT);
}
