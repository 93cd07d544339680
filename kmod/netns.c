// SPDX-License-Identifier: GPL-2.0
/*
 * Per-namespace state. A namespace's contexts die with it.
 */
#include <linux/module.h>

#include "context.h"
#include "netns.h"

unsigned int parlos_net_id __read_mostly;

static int __net_init parlos_net_init(struct net *net)
{
	struct parlos_net *pn = parlos_net(net);

	pn->net = net;
	mutex_init(&pn->lock);
	INIT_LIST_HEAD(&pn->devs);
	return parlos_ctx_tables_init(pn);
}

static void __net_exit parlos_net_exit(struct net *net)
{
	struct parlos_net *pn = parlos_net(net);

	parlos_ctx_tables_exit(pn);
	mutex_destroy(&pn->lock);
}

static struct pernet_operations parlos_net_ops = {
	.init = parlos_net_init,
	.exit = parlos_net_exit,
	.id = &parlos_net_id,
	.size = sizeof(struct parlos_net),
};

int parlos_netns_init(void)
{
	return register_pernet_subsys(&parlos_net_ops);
}

void parlos_netns_exit(void)
{
	unregister_pernet_subsys(&parlos_net_ops);
}
