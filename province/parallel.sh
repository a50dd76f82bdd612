#!/bin/sh
# The province on GNU parallel:   parallel.sh [--resume] [JOBS]
# Runs city.sh for every city, JOBS at a time (default 2), with a job log
# in WORK/joblog, then the roll-up when every city succeeded.  A failed
# city stops before the roll-up, named with its exit status.
#   --resume   passes --resume-failed: only the cities that failed (or
#              never ran) in the job log run again; without it every city
#              runs, and unchanged ones return at once (incremental builds).
set -u
. "${PROVINCE_DIR:-$(cd "$(dirname "$0")" && pwd)}/settings.sh"
resume=
if [ "${1:-}" = --resume ]; then resume=--resume-failed; shift; fi
jobs=${1:-2}
mkdir -p "$WORK"
cities | PROVINCE_DIR=$here parallel --jobs "$jobs" --joblog "$WORK/joblog" $resume \
	sh "$here/city.sh" {}
failed=$(awk -F'\t' 'NR > 1 && $7 != 0 { split($9, a, " "); print a[length(a)] }' "$WORK/joblog" | sort -u)
# a city that failed earlier and succeeded on --resume is fine now
bad=
for key in $failed; do
	awk -F'\t' -v k="$key" 'NR > 1 { n = split($9, a, " "); if (a[n] == k) last = $7 } END { exit last != 0 }' \
		"$WORK/joblog" || bad="$bad $key"
done
if [ -n "$bad" ]; then
	echo "province: cities failed:$bad (see $WORK/joblog); the roll-up waits for them:" \
		"fix them and run parallel.sh --resume" >&2
	exit 1
fi
exec sh "$here/rollup.sh"
