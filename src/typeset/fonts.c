#include "typeset/fonts.h"

#include <fontconfig/fontconfig.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include "typeset/fontset.h"
#include "util/memory.h"

/* Where Debian's texlive-lang-chinese puts FandolFang; fontconfig does not
 * index texlive's fonts by itself. */
#define FANDOL_DIR "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"

/* Tried after every role: faces that cover CJK Extension B and beyond, so
 * a rare character in a name still prints (𠮷 U+20BB7, 𪚥 U+2A6A5), then
 * DejaVu Sans for the scripts and symbols no CJK face has (Hebrew, Arabic,
 * Braille…).  The font set holds only the families named here. */
#define RARE_FALLBACK "HanaMinA,HanaMinB,BabelStone Han,DejaVu Sans"

typedef struct {
	const char *name;        /* the role as GB/T 9704 names it; NULL: no official face */
	const char *families[8]; /* preferred first; official faces lead, under
	                          * their Founder and Windows names */
	int official;            /* how many of families are official faces */
	const char *fallback;    /* appended after the chosen family */
	PangoWeight weight_for_fallback;
} RoleDef;

static const RoleDef roles[AJ_FONT_N] = {
	[AJ_FONT_TITLE] = { "小标宋",
			    { "方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK",
			      "FZXiaoBiaoSong-B05", NULL },
			    4, "Noto Serif CJK SC," RARE_FALLBACK, PANGO_WEIGHT_BOLD },
	[AJ_FONT_FANG] = { "仿宋",
			   { "仿宋_GB2312", "FangSong_GB2312", "方正仿宋_GBK", "仿宋", "FangSong",
			     "FandolFang", NULL },
			   5, "Noto Serif CJK SC," RARE_FALLBACK, PANGO_WEIGHT_NORMAL },
	[AJ_FONT_HEI] = { "黑体", { "黑体", "SimHei", "方正黑体_GBK", NULL }, 3,
			  "Noto Sans CJK SC," RARE_FALLBACK, PANGO_WEIGHT_NORMAL },
	[AJ_FONT_KAI] = { "楷体",
			  { "楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "AR PL KaitiM GB",
			    "LXGW WenKai", NULL },
			  4, "Noto Serif CJK SC," RARE_FALLBACK, PANGO_WEIGHT_NORMAL },
	[AJ_FONT_SONG] = { "宋体", { "宋体", "SimSun", NULL }, 2, "Noto Serif CJK SC," RARE_FALLBACK,
			   PANGO_WEIGHT_NORMAL },
	[AJ_FONT_MONO] = { NULL, { "Noto Sans Mono CJK SC", "DejaVu Sans Mono", NULL }, 0,
			   "Noto Sans CJK SC," RARE_FALLBACK, PANGO_WEIGHT_NORMAL },
};

typedef struct {
	char *families[AJ_FONT_N];
	PangoWeight weight[AJ_FONT_N];
	char *fallbacks; /* "role → face, …" for the roles without their official face */
} Chosen;

static gboolean family_installed(FcConfig *config, const char *family)
{
	FcPattern *pat = FcPatternCreate();
	FcObjectSet *os = FcObjectSetBuild(FC_FAMILY, (char *)NULL);
	FcFontSet *set;
	gboolean found;

	FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
	set = FcFontList(config, pat, os);
	found = set != NULL && set->nfont > 0;
	if (set)
		FcFontSetDestroy(set);
	FcObjectSetDestroy(os);
	FcPatternDestroy(pat);
	return found;
}

/* The first installed family of a role's list, or NULL. */
static const char *first_installed(FcConfig *config, AjFontRole r)
{
	for (int i = 0; roles[r].families[i]; i++)
		if (family_installed(config, roles[r].families[i]))
			return roles[r].families[i];
	return NULL;
}

/* The families the typesetter can use: each role's pick and every
 * fallback. */
static char **wanted_families(FcConfig *system, gpointer unused)
{
	GPtrArray *out = g_ptr_array_new();

	for (int r = 0; r < AJ_FONT_N; r++) {
		const char *pick = first_installed(system, r);
		char **fallback = g_strsplit(roles[r].fallback, ",", -1);
		if (pick)
			g_ptr_array_add(out, g_strdup(pick));
		for (int i = 0; fallback[i]; i++)
			g_ptr_array_add(out, fallback[i]);
		g_free(fallback);
	}
	g_ptr_array_add(out, NULL);
	return (char **)g_ptr_array_free(out, FALSE);
}

/* Everything wanted_families() decides by, for the font set's cache key. */
static char *roles_key(void)
{
	GString *key = g_string_new(FANDOL_DIR "\n");

	for (int r = 0; r < AJ_FONT_N; r++) {
		for (int i = 0; roles[r].families[i]; i++)
			g_string_append_printf(key, "%s,", roles[r].families[i]);
		g_string_append_printf(key, ";%s\n", roles[r].fallback);
	}
	return g_string_free(key, FALSE);
}

/* A role without any of its official faces: "仿宋 → FandolFang" for the
 * face that stands in (the first installed of the role's list). */
static void note_fallback(FcConfig *config, AjFontRole r, const char *pick, GString *out)
{
	char **fallback;
	const char *face = pick;

	if (roles[r].name == NULL)
		return;
	for (int i = 0; pick && i < roles[r].official; i++)
		if (strcmp(pick, roles[r].families[i]) == 0)
			return;
	fallback = g_strsplit(roles[r].fallback, ",", -1);
	for (int i = 0; face == NULL && fallback[i]; i++)
		if (family_installed(config, fallback[i]))
			face = fallback[i];
	g_string_append_printf(out, "%s%s → %s%s", out->len ? ", " : "", roles[r].name,
			       face ? face : "?",
			       pick == NULL && roles[r].weight_for_fallback == PANGO_WEIGHT_BOLD
				       ? " Bold"
				       : "");
	g_strfreev(fallback);
}

/* Every role's families are looked up in a font configuration of those
 * faces alone (typeset/fontset.h), made current for the whole process so every
 * Pango font map (the charts' default one too) sees them and no others. */
static gpointer choose_fonts(gpointer unused)
{
	static const char *const fandol[] = { FANDOL_DIR, NULL };
	/* A configuration named by FONTCONFIG_FILE is the whole font set
	 * (the fuzz harness's, a test's); texlive's faces join the system's. */
	const char *const *extra_dirs = g_getenv("FONTCONFIG_FILE") ? NULL : fandol;
	Chosen *c = g_new0(Chosen, 1);
	GString *fallbacks = g_string_new(NULL);
	char *key = roles_key();
	FcConfig *config = aj_fontset_config(key, extra_dirs, wanted_families, NULL);

	FcConfigSetCurrent(config);
	for (int r = 0; r < AJ_FONT_N; r++) {
		const char *pick = first_installed(config, r);
		if (pick) {
			c->families[r] = g_strconcat(pick, ",", roles[r].fallback, NULL);
			c->weight[r] = PANGO_WEIGHT_NORMAL;
		} else {
			c->families[r] = g_strdup(roles[r].fallback);
			c->weight[r] = roles[r].weight_for_fallback;
		}
		note_fallback(config, r, pick, fallbacks);
	}
	c->fallbacks = g_string_free(fallbacks, fallbacks->len == 0); /* NULL when empty */
	FcConfigDestroy(config); /* the current configuration holds its own reference */
	g_free(key);
	return c; /* lives for the whole process: the once-initialised font map */
}

static const Chosen *chosen(void)
{
	static GOnce once = G_ONCE_INIT;
	return g_once(&once, choose_fonts, NULL);
}

/* cairo embeds a CFF face by copying its whole 'CFF ' table into a fresh
 * buffer, twice per document (24 MB for Noto Serif CJK Bold, 55 MB for a
 * plain one-page document's three faces).  Left to malloc, every copy
 * lands in newly mapped memory and pays one page fault per 4 KiB, which
 * on a virtual machine costs more than the typesetting.  So tables up to
 * 32 MiB come from the heap and freed ones stay there for the next copy,
 * and each thread's heap gets room for the tables that the kernel may back
 * with huge pages (the first copy: a dozen faults instead of six thousand).
 * An untouched room costs address space, not memory. */
#define TABLE_CHUNK (24u << 20) /* under the 32 MiB most malloc keeps */
#define HUGE_PAGE ((uintptr_t)2 << 20)

/* Two chunks: the tables follow some megabytes of other allocations. */
static void reserve_table_room(void)
{
	static __thread gboolean done;
	char *a, *b;
	uintptr_t from, to;

	aj_keep_freed_memory();
	if (done)
		return;
	done = TRUE;
	a = malloc(TABLE_CHUNK);
	b = malloc(TABLE_CHUNK);
	if (a != NULL && b != NULL) {
		from = MIN((uintptr_t)a, (uintptr_t)b);
		to = MAX((uintptr_t)a, (uintptr_t)b) + TABLE_CHUNK;
		from = (from + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
		to &= ~(HUGE_PAGE - 1);
		if (to > from && to - from <= 3 * TABLE_CHUNK) /* one range, not two heaps */
			(void)madvise((void *)from, to - from, MADV_HUGEPAGE);
	}
	free(a); /* the heap keeps the range for the tables */
	free(b);
}

void aj_fonts_init(void)
{
	(void)chosen();
	reserve_table_room();
}

const char *aj_font_families(AjFontRole role)
{
	return chosen()->families[role];
}

const char *aj_fonts_fallbacks(void)
{
	return chosen()->fallbacks;
}

PangoFontDescription *aj_font_desc(AjFontRole role, double size_pt)
{
	PangoFontDescription *d = pango_font_description_new();
	pango_font_description_set_family(d, chosen()->families[role]);
	pango_font_description_set_weight(d, chosen()->weight[role]);
	pango_font_description_set_absolute_size(d, size_pt * PANGO_SCALE);
	return d;
}

/* Font files as "path size mtime" lines: a role face installed, removed or
 * replaced changes the fingerprint even when the family names do not.  The
 * current configuration holds the role faces only (typeset/fontset.h), so
 * this is a few dozen stat() calls and other fonts do not matter. */
static void add_font_files(GPtrArray *lines, FcFontSet *set)
{
	for (int i = 0; set != NULL && i < set->nfont; i++) {
		FcChar8 *file = NULL;
		struct stat st;
		if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) != FcResultMatch)
			continue;
		if (stat((const char *)file, &st) != 0) {
			st.st_size = -1;
			st.st_mtime = 0;
		}
		g_ptr_array_add(lines, g_strdup_printf("%s %lld %lld\n", (const char *)file,
						       (long long)st.st_size,
						       (long long)st.st_mtime));
	}
}

void aj_fonts_fingerprint(GPtrArray *lines)
{
	FcConfig *config;

	aj_fonts_init();
	for (int r = 0; r < AJ_FONT_N; r++)
		g_ptr_array_add(lines, g_strdup_printf("role %d %s\n", r, aj_font_families(r)));
	config = FcConfigGetCurrent();
	add_font_files(lines, FcConfigGetFonts(config, FcSetSystem));
	add_font_files(lines, FcConfigGetFonts(config, FcSetApplication));
}

gboolean aj_face_is_cff(hb_face_t *face)
{
	hb_blob_t *cff = hb_face_reference_table(face, HB_TAG('C', 'F', 'F', ' '));
	gboolean yes = hb_blob_get_length(cff) > 0;

	hb_blob_destroy(cff);
	return yes;
}
