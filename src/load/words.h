/* Elements of data-format.md named in the user's words: "inspection" in
 * English, "执法检查记录（inspection）" in Chinese — the office's word for
 * the record and the name the clerk finds in the file.  The strings are
 * static (the catalog's); an element not in the table is returned as it
 * is. */
#ifndef AJ_LOAD_WORDS_H
#define AJ_LOAD_WORDS_H

const char *aj_elem_words(const char *elem);

/* "KIND ID: CHILD" in the user's words, the id's invisible characters
 * named (id and child may be NULL); the caller frees it. */
char *aj_record_words(const char *kind, const char *id, const char *child);

#endif
