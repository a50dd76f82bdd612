/* ARCHIVE/site: the public site of every issued public document of every
 * year, written by the site writer of src/site from the register (archives
 * by year and kind, feed and sitemap with the profile's site.url).  A
 * superseded document keeps its page, marked, and links its correction,
 * which links it back; each document links its PDF/A and its OFD (the
 * formats of record; metadata.xml, the archive's own description, stays in
 * the archive).  With ARCHIVE/enterprises.xml (archive/enterprises.h) each
 * enterprise has its public page, with the listings and the search, as the
 * build's site has them.  Internal documents stay out.
 *
 * Ownership: nothing is kept; the caller's register and profile are read.
 */
#ifndef AJ_ARCHIVE_SITE_H
#define AJ_ARCHIVE_SITE_H

#include "register/register.h"
#include "office/office.h"

/* Writes root/site from the documents of reg whose files are under root
 * (the archive or its temporary tree).  previous: the archive as it is,
 * whose unchanged enterprise pages are linked (may be NULL).
 * layouts_dir: templates/site. */
gboolean aj_archive_site_write(const AjRegister *reg, const char *root, const char *previous,
			       const AjOffice *office, const char *layouts_dir, GError **err);

#endif
