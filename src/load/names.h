/* The element and attribute names of data-format.md, as pointers into one
 * reader's name dictionary: the parser hands out names from that
 * dictionary, so a name is recognised by comparing pointers, not bytes.
 * Filled per file by aj_names_init(); nothing to free (the reader owns the
 * dictionary). */
#ifndef AJ_LOAD_NAMES_H
#define AJ_LOAD_NAMES_H

#include <libxml/xmlreader.h>

#define AJ_NAME_LIST(N)                                                          \
	N(dataset, "dataset") N(version, "version") N(district, "district")            \
	N(department, "department") N(enterprise, "enterprise")                        \
	N(inspection, "inspection") N(hazard, "hazard") N(penalty, "penalty")          \
	N(accident, "accident") N(training, "training") N(report, "report")            \
	N(blacklist, "blacklist") N(nomination, "nomination") N(exposure, "exposure")  \
	N(baseline, "baseline") N(problem_list, "problem-list") N(name, "name")        \
	N(address, "address") N(standardization, "standardization")                    \
	N(safety_director, "safety-director") N(commitment, "commitment")              \
	N(self_inspection, "self-inspection")                                          \
	N(responsibility_list, "responsibility-list") N(insurance, "insurance")        \
	N(description, "description") N(violation, "violation") N(summary, "summary")  \
	N(informant, "informant") N(content, "content") N(reason, "reason")            \
	N(problem, "problem") N(handling, "handling") N(aspect, "aspect")              \
	N(measures, "measures") N(progress, "progress") N(code, "code") N(id, "id")    \
	N(date, "date") N(mode, "mode") N(level, "level") N(found, "found")            \
	N(deadline, "deadline") N(rectified, "rectified") N(listed, "listed")          \
	N(fine, "fine") N(suspension, "suspension") N(serious, "serious")              \
	N(type, "type") N(deaths, "deaths") N(injuries, "injuries") N(loss, "loss")    \
	N(month, "month") N(staff, "staff") N(trained, "trained") N(drills, "drills")  \
	N(warning_education, "warning-education") N(received, "received")              \
	N(replied, "replied") N(substantiated, "substantiated") N(reward, "reward")    \
	N(from, "from") N(to, "to") N(quarter, "quarter") N(inspections, "inspections") \
	N(penalties, "penalties") N(fines, "fines") N(accidents, "accidents")          \
	N(industry, "industry") N(scale, "scale") N(employees, "employees")            \
	N(revenue, "revenue") N(status, "status") N(grade, "grade")                    \
	N(revoked, "revoked") N(year, "year") N(signed_, "signed")                     \
	N(reported, "reported") N(published, "published") N(source, "source")         \
	N(batch, "batch") N(issued, "issued") N(title, "title")                        \
	N(responsible, "responsible") N(closed, "closed")

typedef struct {
#define AJ_NAME_FIELD(field, text) const xmlChar *field;
	AJ_NAME_LIST(AJ_NAME_FIELD)
#undef AJ_NAME_FIELD
} AjNames;

static inline void aj_names_init(AjNames *n, xmlTextReaderPtr r)
{
#define AJ_NAME_INIT(field, text) n->field = xmlTextReaderConstString(r, BAD_CAST text);
	AJ_NAME_LIST(AJ_NAME_INIT)
#undef AJ_NAME_INIT
}

#endif
