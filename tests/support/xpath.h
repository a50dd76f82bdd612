/* XPath on a context document, for the unit tests that check contexts.
 * Include after <cmocka.h> (assert_xp uses its assertions). */
#ifndef AJT_XPATH_H
#define AJT_XPATH_H

#include <glib.h>
#include <libxml/tree.h>

/* The string value of expr on doc; the caller frees it. */
char *ajt_xp(xmlDocPtr doc, const char *expr);

#define assert_xp(doc, expr, want)                     \
	do {                                           \
		char *got_ = ajt_xp((doc), (expr));    \
		assert_string_equal(got_, (want));     \
		g_free(got_);                          \
	} while (0)

#endif
