/* Contexts of one enterprise: its public page (双公示, the site's
 * enterprise/<credit-code>.html) and its internal dossier (一企一档).
 *
 * The public context is an <enterprise> element holding only what
 * rules/enterprise.h calls public: identity (name, credit code, district,
 * industry, scale, open or closed), its duties at as-of, penalties in the
 * publicity window, the public lists that named it (<exposed>,
 * <exemplar> with kind and period, for the site to link), open listed major
 * hazards and joint punishment in effect.  No address, report, veto or
 * record an internal document holds.  It carries no date of the build:
 * `changed` is the last day by as-of on which one of those facts changed
 * (AjEntPublic.changed), each penalty its last day of publicity
 * (`until`), and the window is told in `years`; so an enterprise whose
 * facts did not change has the same context, and page, month after month.
 *
 * The dossier context is a <dossier> element with every record of the
 * enterprise dated on or before as-of: histories, inspections, hazards,
 * penalties, accidents, training by month, reports as counts per year only
 * (never an informant, not even whether there was one), exposures and the
 * lists it was on, nominations with their vetoes, the blacklist.  Its
 * as-of is not the build's: it is the latest day by the build's as-of on
 * which anything the dossier shows began, ended or changed state (a record
 * dated, a hazard or report falling overdue, a blacklisting running out, a
 * list naming it), "" when there is none.  A dossier is an enterprise's
 * file, dated by its newest entry; one with nothing new since the last
 * build has the same context bytes, so it keeps its PDF.
 *
 * Every value a template shows inside a list item is set on the item, ""
 * when empty: a name missing there would be looked up in the enclosing
 * element.  Dates come as YYYY-MM-DD and as 2026年3月5日 (-cn).
 *
 * Ownership: both functions append to the caller's tree; the scratch facts
 * are the caller's (one per thread).
 */
#ifndef AJ_CONTEXT_ENTERPRISE_H
#define AJ_CONTEXT_ENTERPRISE_H

#include <libxml/tree.h>

#include "rules/enterprise.h"

#define AJ_PUBLICITY_YEARS_DEFAULT 3

/* What every enterprise's context is made from; read-only, shared by threads. */
typedef struct {
	const AjModel *model;
	const AjEntRecords *records;
	const AjEntListings *listings;
	AjDay asof;
	int publicity_years; /* penalty-publicity-years of the office profile */
} AjEntSource;

/* Appends <enterprise> (the public facts of ent) to parent; returns it. */
xmlNodePtr aj_ctx_enterprise_public(xmlNodePtr parent, const AjEntSource *s, guint32 ent,
				    AjEntPublic *scratch);

/* Appends <dossier> (every record of ent) to parent; returns it.  dated
 * (may be NULL) gets its as-of day, AJ_DAY_NONE when it has no entry. */
xmlNodePtr aj_ctx_enterprise_dossier(xmlNodePtr parent, const AjEntSource *s, guint32 ent,
				     AjDay *dated);

#endif
