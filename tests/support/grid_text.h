/* Markdown that fills the GB/T 9704 grid exactly, for tests that count
 * lines and pages (test_pdf, test_typeset).
 *
 * Ownership: the returned string is the caller's (g_free()).
 */
#ifndef AJT_GRID_TEXT_H
#define AJT_GRID_TEXT_H

/* `paras` paragraphs of 54 characters: with the 2-character indent each
 * fills exactly two lines of 28. */
char *ajt_grid_paragraphs(int paras);

#endif
