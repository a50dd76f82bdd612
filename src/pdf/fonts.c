#include "pdf/fonts.h"

#include <fontconfig/fontconfig.h>
#include <string.h>

/* Where Debian's texlive-lang-chinese puts FandolFang; fontconfig does not
 * index texlive's fonts by itself. */
#define FANDOL_DIR "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"

/* Faces that cover CJK Extension B and beyond, tried after every role so a
 * rare character in a name still prints (𠮷 U+20BB7, 𪚥 U+2A6A5). */
#define RARE_FALLBACK "HanaMinA,HanaMinB,BabelStone Han"

typedef struct {
	const char *families[5]; /* preferred first; official faces lead */
	const char *fallback;    /* appended after the chosen family */
	PangoWeight weight_for_fallback;
} RoleDef;

static const RoleDef roles[AJ_FONT_N] = {
	[AJ_FONT_TITLE] = { { "方正小标宋简体", "FZXiaoBiaoSong-B05S", NULL },
			    "Noto Serif CJK SC," RARE_FALLBACK, PANGO_WEIGHT_BOLD },
	[AJ_FONT_FANG] = { { "仿宋_GB2312", "方正仿宋_GBK", "FandolFang", NULL },
			   "Noto Serif CJK SC," RARE_FALLBACK, PANGO_WEIGHT_NORMAL },
	[AJ_FONT_HEI] = { { "黑体", "SimHei", NULL }, "Noto Sans CJK SC," RARE_FALLBACK,
			  PANGO_WEIGHT_NORMAL },
	[AJ_FONT_KAI] = { { "楷体_GB2312", "KaiTi_GB2312", "AR PL KaitiM GB", "LXGW WenKai", NULL },
			  "Noto Serif CJK SC," RARE_FALLBACK, PANGO_WEIGHT_NORMAL },
	[AJ_FONT_SONG] = { { "宋体", "SimSun", NULL }, "Noto Serif CJK SC," RARE_FALLBACK,
			   PANGO_WEIGHT_NORMAL },
	[AJ_FONT_MONO] = { { "Noto Sans Mono CJK SC", "DejaVu Sans Mono", NULL },
			   "Noto Sans CJK SC," RARE_FALLBACK, PANGO_WEIGHT_NORMAL },
};

typedef struct {
	char *families[AJ_FONT_N];
	PangoWeight weight[AJ_FONT_N];
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

static gpointer choose_fonts(gpointer unused)
{
	Chosen *c = g_new0(Chosen, 1);
	FcConfig *config;

	FcInit();
	config = FcConfigGetCurrent();
	if (g_file_test(FANDOL_DIR, G_FILE_TEST_IS_DIR))
		FcConfigAppFontAddDir(config, (const FcChar8 *)FANDOL_DIR);
	for (int r = 0; r < AJ_FONT_N; r++) {
		const char *pick = NULL;
		for (int i = 0; roles[r].families[i] && !pick; i++)
			if (family_installed(config, roles[r].families[i]))
				pick = roles[r].families[i];
		if (pick) {
			c->families[r] = g_strconcat(pick, ",", roles[r].fallback, NULL);
			c->weight[r] = PANGO_WEIGHT_NORMAL;
		} else {
			c->families[r] = g_strdup(roles[r].fallback);
			c->weight[r] = roles[r].weight_for_fallback;
		}
	}
	return c; /* lives for the whole process: the once-initialised font map */
}

static const Chosen *chosen(void)
{
	static GOnce once = G_ONCE_INIT;
	return g_once(&once, choose_fonts, NULL);
}

void aj_fonts_init(void)
{
	(void)chosen();
}

const char *aj_font_families(AjFontRole role)
{
	return chosen()->families[role];
}

PangoFontDescription *aj_font_desc(AjFontRole role, double size_pt)
{
	PangoFontDescription *d = pango_font_description_new();
	pango_font_description_set_family(d, chosen()->families[role]);
	pango_font_description_set_weight(d, chosen()->weight[role]);
	pango_font_description_set_absolute_size(d, size_pt * PANGO_SCALE);
	return d;
}
