#!/bin/sh
# The province on Slurm:   slurm.sh [sbatch options…]
# Submits one job array (a task per city, city.sh) and the roll-up
# (rollup.sh) with --dependency=afterok on the whole array: it starts when
# every city succeeded; a failed city cancels it (--kill-on-invalid-dep)
# and its log WORK/slurm/city-TASK.log names it.  Prints the two job ids.
# WORK must be on a file system every node sees.
set -eu
. "${PROVINCE_DIR:-$(cd "$(dirname "$0")" && pwd)}/settings.sh"
n=$(cities | wc -l)
mkdir -p "$WORK/slurm"
export PROVINCE_DIR=$here ANJIAN WORK MONTH OFFICE GEN FROM ENTERPRISES CITY_JOBS
[ -z "${CITIES:-}" ] || export CITIES
array=$(sbatch --parsable --array=0-$((n - 1)) --cpus-per-task="$CITY_JOBS" \
	--job-name=anjian-city --output="$WORK/slurm/city-%a.log" --export=ALL "$@" \
	"$here/city.sh")
rollup=$(sbatch --parsable --dependency=afterok:"${array%%;*}" --kill-on-invalid-dep=yes \
	--job-name=anjian-rollup --output="$WORK/slurm/rollup.log" --export=ALL "$@" \
	"$here/rollup.sh")
echo "${array%%;*} ${rollup%%;*}"
