// SPDX-License-Identifier: GPL-2.0
/*
 * Sending, framing and recording datagrams.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <string.h>

#include "log.h"
#include "wire.h"

const char *addr_str(const struct sockaddr_in *sa, char buf[ADDR_STR_MAX])
{
	char a[INET_ADDRSTRLEN];

	inet_ntop(AF_INET, &sa->sin_addr, a, sizeof(a));
	snprintf(buf, ADDR_STR_MAX, "%s:%u", a, ntohs(sa->sin_port));
	return buf;
}

static struct pcap_endpoint ep(const struct sockaddr_in *sa)
{
	struct pcap_endpoint e = { sa->sin_addr, ntohs(sa->sin_port) };

	return e;
}

static void rec_nas(struct d_env *env, const struct sockaddr_in *src,
		    const struct sockaddr_in *dst, const uint8_t *p,
		    size_t len)
{
	struct pcap_endpoint s = ep(src), d = ep(dst);

	if (env->pcap && pcap_write_nas(env->pcap, NULL, &s, &d, p, len))
		log_warn("pcap: cannot write a record: %s", strerror(errno));
}

static void rec_udp(struct d_env *env, const struct sockaddr_in *src,
		    const struct sockaddr_in *dst, const uint8_t *p,
		    size_t len)
{
	struct pcap_endpoint s = ep(src), d = ep(dst);

	if (env->pcap && pcap_write_udp(env->pcap, NULL, &s, &d, p, len))
		log_warn("pcap: cannot write a record: %s", strerror(errno));
}

static int send_raw(struct d_env *env, const struct sockaddr_in *to,
		    const uint8_t *buf, size_t len)
{
	char a[ADDR_STR_MAX];
	int err = env->send(env->send_arg, to, buf, len);

	if (err)
		log_warn("%s: send failed: %s", addr_str(to, a),
			 strerror(-err));
	return err;
}

int wire_send_nas(struct d_env *env, const struct sockaddr_in *to,
		  const uint8_t *pdu, size_t len, const uint8_t *plain,
		  size_t plain_len)
{
	if (plain)
		rec_nas(env, &env->self, to, plain, plain_len);
	rec_nas(env, &env->self, to, pdu, len);
	return send_raw(env, to, pdu, len);
}

void wire_record_rx(struct d_env *env, const struct sockaddr_in *from,
		    const uint8_t *buf, size_t len, bool framed)
{
	if (framed)
		rec_udp(env, from, &env->self, buf, len);
	else
		rec_nas(env, from, &env->self, buf, len);
}

void wire_record_plain_rx(struct d_env *env, const struct sockaddr_in *from,
			  const uint8_t *plain, size_t len)
{
	rec_nas(env, from, &env->self, plain, len);
}

int wire_send_srb1(struct d_env *env, const struct sockaddr_in *to,
		   uint8_t dir, uint16_t ueid, const uint8_t *pdu, size_t len)
{
	uint8_t frame[WIRE_MAX];
	struct pdcp_lte_info info;
	const char *why = NULL;
	size_t n;
	int err;

	pdcp_lte_srb1(&info, dir, ueid, pdu, len);
	err = pdcp_lte_encode(&info, frame, sizeof(frame), &n, &why);
	if (err) {
		log_err("PDCP-LTE framing failed: %s", why ? why : "?");
		return err;
	}
	rec_udp(env, &env->self, to, frame, n);
	return send_raw(env, to, frame, n);
}

int wire_parse_srb1(const uint8_t *buf, size_t len, uint8_t dir,
		    struct pdcp_lte_info *info, const char **why)
{
	int err = pdcp_lte_decode(buf, len, info, why);

	if (err)
		return err;
	if (info->plane != PDCP_LTE_PLANE_SIGNALLING ||
	    info->no_header_pdu) {
		*why = "not a signalling-plane PDU with a header";
		return -EBADMSG;
	}
	if ((info->has & PDCP_LTE_HAS_CHAN_TYPE) &&
	    info->chan_type != PDCP_LTE_CHAN_DCCH) {
		*why = "not on a DCCH";
		return -EBADMSG;
	}
	if ((info->has & PDCP_LTE_HAS_CHAN_ID) &&
	    info->chan_id != PDCP_LTE_SRB1_ID) {
		*why = "not SRB1";
		return -EBADMSG;
	}
	if ((info->has & PDCP_LTE_HAS_DIRECTION) && info->direction != dir) {
		*why = "wrong direction";
		return -EBADMSG;
	}
	return 0;
}

static const char *const key_names[PARLOS_KEY_MAX + 1] = {
	[PARLOS_KEY_KASME] = "kasme",
	[PARLOS_KEY_KNASENC] = "knasenc",
	[PARLOS_KEY_KNASINT] = "knasint",
	[PARLOS_KEY_KENB] = "kenb",
	[PARLOS_KEY_KRRCENC] = "krrcenc",
	[PARLOS_KEY_KRRCINT] = "krrcint",
	[PARLOS_KEY_KUPENC] = "kupenc",
	[PARLOS_KEY_KUPINT] = "kupint",
};

void fpr_format(const struct kern_ctx_info *info, char *out, size_t len)
{
	size_t off = 0;
	int k, i;

	out[0] = '\0';
	for (k = 1; k <= PARLOS_KEY_MAX && off < len; k++) {
		if (!(info->fpr_valid & (1u << k)))
			continue;
		off += (size_t)snprintf(out + off, len - off, "%s%s=",
					off ? " " : "", key_names[k]);
		for (i = 0; i < PARLOS_FPR_LEN && off < len; i++)
			off += (size_t)snprintf(out + off, len - off, "%02x",
						info->fpr[k][i]);
	}
}

void report_attached(struct d_env *env, const char *who,
		     const struct kern_ctx_info *info, const char *extra)
{
	char fpr[512];

	fpr_format(info, fpr, sizeof(fpr));
	log_info("attached: %s %s nas=EEA%u/EIA%u as=EEA%u/EIA%u profile=%c "
		 "fpr %s", who, extra, info->nas_eea, info->nas_eia,
		 info->as_eea, info->as_eia,
		 info->profile == NAS_PARLOS_PROFILE_B ? 'B' : 'A', fpr);
	if (!env->out)
		return;
	fprintf(env->out, "attached: %s %s nas=EEA%u/EIA%u as=EEA%u/EIA%u "
		"profile=%c fpr %s\n", who, extra, info->nas_eea,
		info->nas_eia, info->as_eea, info->as_eia,
		info->profile == NAS_PARLOS_PROFILE_B ? 'B' : 'A', fpr);
	fflush(env->out);
}
