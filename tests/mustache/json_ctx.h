/* The Mustache context interface over json-glib values, for the spec
 * runner and unit tests.  Values point into the caller's JsonNode tree. */
#ifndef AJ_JSON_CTX_H
#define AJ_JSON_CTX_H

#include <json-glib/json-glib.h>

#include "template/mustache.h"

extern const AjMCtxOps aj_json_ctx_ops;

AjMValue aj_json_ctx_value(JsonNode *node);

#endif
