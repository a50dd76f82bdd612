/* A city's build output as its province reads it (the shard contract,
 * README "Province roll-up"): OUT/manifest.xml, every file it lists
 * checked against its sha256, then the data files of month M: the
 * bulletin, the exposed list, the hazard supervision and, when wanted, the
 * assessment of the year.  Nothing else of the city is read: not its
 * records, not its PDFs.
 *
 * Ownership: aj_shard_open() fills a shard whose documents and strings
 * belong to it until aj_shard_clear(); shard->city points into them.
 */
#ifndef AJ_ROLLUP_SHARD_H
#define AJ_ROLLUP_SHARD_H

#include "context/province.h"

typedef struct {
	char *dir;      /* as given */
	char *name;     /* the city (its bulletin's <meta area>) */
	char *code;     /* its districts' first four digits + "00" */
	AjDay asof;
	xmlDocPtr bulletin, exposed, hazards, assessment; /* assessment: NULL unless wanted */
	AjCityShard city;
} AjShard;

/* Reads dir's manifest, checks every file's sha256, reads the data files
 * of month (and the assessment of its year when want_assessment).
 * EX_NOINPUT when dir is not a finished build; EX_DATAERR for a file that
 * does not match its sha256, a month the city was not built for, or a data
 * file that lacks a figure of the contract. */
gboolean aj_shard_open(AjShard *shard, const char *dir, AjMonth month, gboolean want_assessment,
		       GError **err);
void aj_shard_clear(AjShard *shard);

#endif
