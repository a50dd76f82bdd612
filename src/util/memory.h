/* Process-wide malloc policy for the phases that churn big blocks. */
#ifndef AJ_UTIL_MEMORY_H
#define AJ_UTIL_MEMORY_H

/* Freed memory stays with malloc for the next allocation instead of going
 * back to the kernel: blocks up to 32 MiB come from the heaps, and a heap
 * is trimmed only past 128 MiB of free space at its top.  Loading frees a
 * file's parse structures just before the next file needs as much, and
 * cairo copies font tables of tens of megabytes per document; returned
 * each time, those pages are faulted in again one by one, which on a
 * virtual machine costs more than the work done in them (-10 % wall for a
 * 100 000-enterprise check on two threads).  Safe to call often and from
 * any thread; the first call sets the policy. */
void aj_keep_freed_memory(void);

#endif
