/* ARCHIVE/register.xml (../shared/spec/office.md): every document the
 * office has issued, in order of issue, with its files and their SHA-256.
 *
 * The register only grows: an entry, once written, keeps its attributes,
 * except that a correction turns the entry it corrects to
 * status="superseded" with superseded-by.  Paths are relative to the
 * archive.
 *
 * Ownership: aj_register_load() / aj_register_new() return a register freed
 * with aj_register_free(), which frees its entries and their strings;
 * returned entries point into it.
 */
#ifndef AJ_REGISTER_REGISTER_H
#define AJ_REGISTER_REGISTER_H

#include <glib.h>

#define AJ_REGISTER_FILE "register.xml"

typedef struct {
	char *format; /* pdf, md, data */
	char *path;   /* relative to the archive, '/'-separated */
	char *sha256;
	int pages;    /* PDFs; 0 otherwise */
} AjRegFile;

typedef struct {
	char *number;        /* 文号 */
	char *kind, *period, *publicity, *title;
	char *issued;        /* 成文日期 YYYY-MM-DD */
	char *status;        /* issued | superseded */
	gboolean edited;     /* the office changed the draft's Markdown */
	char *supersedes;    /* number of the document this one corrects, or NULL */
	char *superseded_by; /* number of its correction, or NULL */
	GPtrArray *files;    /* AjRegFile *, pdf, md, data */
	int line;            /* in register.xml, for messages; 0 when new */
} AjRegEntry;

typedef struct {
	GPtrArray *entries; /* AjRegEntry *, in order of issue */
} AjRegister;

AjRegister *aj_register_new(void);
/* Reads archive/register.xml; an archive without one (or not there yet)
 * has an empty register.  A damaged register is EX_DATAERR naming the
 * line. */
AjRegister *aj_register_load(const char *archive, GError **err);
void aj_register_free(AjRegister *reg);

/* Writes dir/register.xml (atomically). */
gboolean aj_register_write(const AjRegister *reg, const char *dir, GError **err);

/* A new entry appended to reg (strings copied; files added with
 * aj_reg_entry_add_file()). */
AjRegEntry *aj_register_append(AjRegister *reg, const char *number, const char *kind,
			       const char *period, const char *publicity, const char *title,
			       const char *issued, gboolean edited);
void aj_reg_entry_add_file(AjRegEntry *e, const char *format, const char *path,
			   const char *sha256, int pages);
/* The file of a format, or NULL. */
const AjRegFile *aj_reg_entry_file(const AjRegEntry *e, const char *format);

/* The document of record for kind and period: the one issued and not
 * superseded; NULL when none was issued. */
AjRegEntry *aj_register_current(const AjRegister *reg, const char *kind, const char *period);
/* How many documents of kind and period were issued (corrections included). */
guint aj_register_versions(const AjRegister *reg, const char *kind, const char *period);
/* The entry with that number, or NULL. */
AjRegEntry *aj_register_find(const AjRegister *reg, const char *number);
/* The N the next document of prefix and year gets: one more than the
 * highest issued so far (1 for none). */
int aj_register_next_serial(const AjRegister *reg, const char *prefix, int year);

#endif
