/* ARCHIVE/enterprises.xml: the public facts of every enterprise as of the
 * newest issue, for the enterprise pages of the archive's site.
 *
 * `anjian issue` carries the drafts' OUT/data/enterprises.xml (written by
 * the build from the public contexts only: context/enterprise.h) into the
 * archive when it is as new as the one there or newer, so issuing an older
 * month's document later never takes the pages back in time.  The archive's
 * site (archive/site.c) reads it line by line: one <enterprise> a line.
 *
 * Ownership: aj_archive_ents_open() returns a reader that
 * aj_archive_ents_free() frees; the AjSiteEnterprises it gives is its own.
 */
#ifndef AJ_ARCHIVE_ENTERPRISES_H
#define AJ_ARCHIVE_ENTERPRISES_H

#include "site/site.h"

#define AJ_ARCHIVE_ENTS_FILE "enterprises.xml"

typedef struct AjArchiveEnts AjArchiveEnts;

/* Puts draft_dir/data/enterprises.xml into root (the archive's temporary
 * tree) unless the one there is newer; nothing when the drafts have none.
 * EX_IOERR / EX_CANTCREAT. */
gboolean aj_archive_ents_take(const char *draft_dir, const char *root, GError **err);

/* The enterprises of root/enterprises.xml; NULL without error when the
 * archive has none (issued before it kept them), NULL with EX_DATAERR when
 * the file is damaged. */
AjArchiveEnts *aj_archive_ents_open(const char *root, GError **err);

/* For AjSiteOptions.enterprises; reuse_from: the archive as it is (its
 * unchanged pages are linked), may be NULL. */
AjSiteEnterprises *aj_archive_ents_site(AjArchiveEnts *ents, const char *reuse_from);

void aj_archive_ents_free(AjArchiveEnts *ents);

#endif
