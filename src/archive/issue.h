/* `anjian issue`: drafts become documents of record (../shared/spec/office.md).
 *
 * Each chosen draft's Markdown is taken as the office left it (a hand edit
 * is kept and recorded as edited="true"), gets the next 文号 of its 代字 and
 * year from the register and its 成文日期, is typeset without the draft
 * mark, and goes with its data file into ARCHIVE/YEAR/NAME/ (a correction
 * into NAME.vN/); the register grows by one entry each, and ARCHIVE/site is
 * written again from every issued public document.  All of it in one
 * change of the archive (archive/tree.h): a failed or killed issue leaves
 * the archive as it was.
 *
 * Issuing a kind and period already issued is refused (EX_DATAERR) unless
 * correct: the correction supersedes the document of record, both stay.
 *
 * Ownership: the options are the caller's.
 */
#ifndef AJ_ARCHIVE_ISSUE_H
#define AJ_ARCHIVE_ISSUE_H

#include <glib.h>

#include "model/dates.h"

typedef struct {
	const char *draft_dir;     /* OUT of anjian build */
	const char *archive_dir;
	AjDay date;                /* 成文日期; AJ_DAY_NONE: each draft's as-of */
	gboolean correct;
	char **names;              /* drafts to issue (NULL-terminated); NULL: all */
	const char *templates_dir; /* for the site layouts; NULL: as build finds them */
	gboolean quiet;
} AjIssueOptions;

gboolean aj_issue_run(const AjIssueOptions *o, GError **err);

#endif
