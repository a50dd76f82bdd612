#!/bin/sh
# One city's job, run by make, GNU parallel and Slurm alike:
#   city.sh KEY        (a Slurm array task finds KEY from SLURM_ARRAY_TASK_ID)
# Generates WORK/KEY/data with anjian-gen when it is missing and GEN is
# set, then builds WORK/KEY/out.  The build is incremental: a city whose
# data, templates and options did not change is left as it is at once, so
# re-running the whole province redoes only the failed and changed cities.
set -eu
. "${PROVINCE_DIR:-$(cd "$(dirname "$0")" && pwd)}/settings.sh"
key=${1:-}
if [ -z "$key" ] && [ -n "${SLURM_ARRAY_TASK_ID:-}" ]; then
	key=$(cities | sed -n "$((SLURM_ARRAY_TASK_ID + 1))p")
fi
[ -n "$key" ] || { echo "city.sh: which city? (city.sh KEY)" >&2; exit 64; }
data=$WORK/$key/data
if [ ! -d "$data" ]; then
	[ -n "$GEN" ] || { echo "province: city $key: no data in $data (set GEN to generate it)" >&2; exit 66; }
	line=$(awk -v k="$key" '$1 == k' "$here/cities.txt")
	[ -n "$line" ] || { echo "province: city $key is not in $here/cities.txt" >&2; exit 64; }
	set -- $line
	"$GEN" --city "$key" --province --seed "$2" --enterprises $((ENTERPRISES * $3 / 12)) \
		--from "$FROM" --to "$MONTH" --out "$data.tmp"
	mv "$data.tmp" "$data"
fi
if ! "$ANJIAN" build --data "$data" --out "$WORK/$key/out" --month "$MONTH" \
	--jobs "$CITY_JOBS" --quiet; then
	echo "province: city $key failed: the roll-up waits for it; fix it and run again" >&2
	exit 1
fi
