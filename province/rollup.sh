#!/bin/sh
# The roll-up: every city's output (WORK/KEY/out) into WORK/province.
set -eu
. "${PROVINCE_DIR:-$(cd "$(dirname "$0")" && pwd)}/settings.sh"
set --
for key in $(cities); do
	set -- "$@" --from "$WORK/$key/out"
done
exec "$ANJIAN" rollup --office "$OFFICE" --out "$WORK/province" --month "$MONTH" --quiet "$@"
