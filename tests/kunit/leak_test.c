// SPDX-License-Identifier: GPL-2.0
/*
 * The last suite (tests/kunit/Kbuild links it last): once every earlier
 * test's allocations are old enough for kmemleak to report them, have it
 * scan, and fail on any unreferenced object allocated since the initcalls
 * ended, which is when the built-in suites start: by a case, a suite's
 * init or exit, or work they queued. Leaks from boot are not ours and
 * are only counted in the log.
 *
 * kmemleak's scan is only reachable from a write to its debugfs file by
 * a user process; tests/kunit/run adds parlos_kmemleak_scan() to the
 * cached tree's mm/kmemleak.c to do the same from here, without stack
 * scanning (this case's stack pages are those of the cases before it,
 * stale pointers and all).
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/mm.h>
#include <linux/mount.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/uio.h>

#define LEAK_WAIT_MS	5500		/* kmemleak's MSECS_MIN_AGE is 5000 */
#define LEAK_BUF_SIZE	(256 * 1024)	/* reports beyond this are cut */
#define LEAK_SHOW_MAX	5		/* reports copied into the test log */
#define LEAK_REPORT	"unreferenced object"

#ifdef CONFIG_DEBUG_KMEMLEAK
int parlos_kmemleak_scan(void);

/* The last initcalls have run; the built-in suites come next */
static unsigned long leak_since;

static int __init leak_mark(void)
{
	leak_since = jiffies;
	return 0;
}
late_initcall_sync(leak_mark);

/* The report text of /sys/kernel/debug/kmemleak, NUL-terminated. */
static ssize_t leak_read(char *buf, size_t size)
{
	struct file_system_type *type = get_fs_type("debugfs");
	struct vfsmount *mnt;
	struct kiocb kiocb;
	struct iov_iter iter;
	struct kvec kv;
	struct file *f;
	size_t len = 0;
	ssize_t n;

	if (!type)
		return -ENODEV;
	mnt = kern_mount(type);
	put_filesystem(type);
	if (IS_ERR(mnt))
		return PTR_ERR(mnt);
	f = file_open_root_mnt(mnt, "kmemleak", O_RDONLY, 0);
	if (IS_ERR(f)) {
		kern_unmount(mnt);
		return PTR_ERR(f);
	}
	/* A seq_file without ->read_iter: kernel_read() would refuse it */
	init_sync_kiocb(&kiocb, f);
	do {
		kv.iov_base = buf + len;
		kv.iov_len = size - 1 - len;
		iov_iter_kvec(&iter, ITER_DEST, &kv, 1, kv.iov_len);
		n = seq_read_iter(&kiocb, &iter);
		if (n > 0)
			len += n;
	} while (n > 0 && len < size - 1);
	fput(f);
	kern_unmount(mnt);
	buf[len] = '\0';
	return n < 0 ? n : (ssize_t)len;
}

/*
 * Allocated since the mark (the report's "jiffies N" says when), and not
 * KUnit's own list of the suites that passed the filter: the executor
 * frees it after the last suite, and only its stack points to it now.
 */
static bool leak_ours(const char *rep, size_t len)
{
	const char *j = strnstr(rep, ", jiffies ", len);
	unsigned long when;

	if (strnstr(rep, "] kunit_run_all_tests", len) &&
	    !strnstr(rep, "] kunit_run_tests+", len))
		return false;
	return j && sscanf(j, ", jiffies %lu", &when) == 1 &&
	       time_after_eq(when, leak_since);
}

/* Logs a report, line by line, up to end */
static void leak_show(struct kunit *test, char *rep, const char *end)
{
	char *line, *next;

	for (line = rep; line && (!end || line < end); line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		kunit_err(test, "%s", line);
	}
}

static void leak_scan(struct kunit *test)
{
	int ours = 0, boot = 0;
	char *buf, *rep, *end;
	ssize_t n;

	msleep(LEAK_WAIT_MS);
	/*
	 * Two scans: the first one records each object's checksum, and an
	 * object that changed since the last scan is never reported.
	 */
	KUNIT_ASSERT_EQ_MSG(test, parlos_kmemleak_scan(), 0,
			    "kmemleak is off (see its boot messages)");
	KUNIT_ASSERT_EQ(test, parlos_kmemleak_scan(), 0);
	buf = kvmalloc(LEAK_BUF_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	n = leak_read(buf, LEAK_BUF_SIZE);
	if (n < 0)
		kvfree(buf);
	KUNIT_ASSERT_GE_MSG(test, n, 0, "reading debugfs kmemleak failed");
	for (rep = strstr(buf, LEAK_REPORT); rep; rep = end) {
		end = strstr(rep + 1, LEAK_REPORT);
		if (!leak_ours(rep, end ? end - rep : buf + n - rep)) {
			boot++;
			continue;
		}
		if (ours++ < LEAK_SHOW_MAX)
			leak_show(test, rep, end);
	}
	kvfree(buf);
	if (boot)
		kunit_info(test, "%d unreferenced objects from boot", boot);
	KUNIT_EXPECT_EQ_MSG(test, ours, 0,
			    "kmemleak: %d objects leaked by the tests", ours);
}
#else
/* A skip counts as a failure in tests/kunit/run: make check needs it on */
static void leak_scan(struct kunit *test)
{
	kunit_skip(test, "CONFIG_DEBUG_KMEMLEAK is off");
}
#endif

static struct kunit_case leak_cases[] = {
	KUNIT_CASE(leak_scan),
	{}
};

static struct kunit_suite leak_suite = {
	.name = "parlos_leak",
	.test_cases = leak_cases,
};
kunit_test_suite(leak_suite);

MODULE_LICENSE("GPL");
