# Settings shared by the province's scripts (sourced).  Every one can be
# set in the environment; make exports its variables of the same names.
#   ANJIAN       the program                      (anjian on PATH)
#   WORK         cities' data and outputs          (./work)
#   MONTH        the month of the documents        (2025-12)
#   OFFICE       the province's office profile     (office.yml here)
#   CITIES       the city keys, in any order        (every line of cities.txt)
#   GEN          anjian-gen, to generate a city whose WORK/KEY/data is missing
#   FROM         first month of generated records  (January of MONTH's year)
#   ENTERPRISES  average enterprises of a generated city (1000)
#   CITY_JOBS    rendering threads of one city's build (1: cities run side by side)
here=${PROVINCE_DIR:-$(cd "$(dirname "$0")" && pwd)}
ANJIAN=${ANJIAN:-anjian}
WORK=${WORK:-work}
MONTH=${MONTH:-2025-12}
OFFICE=${OFFICE:-$here/office.yml}
GEN=${GEN:-}
FROM=${FROM:-${MONTH%-*}-01}
ENTERPRISES=${ENTERPRISES:-1000}
CITY_JOBS=${CITY_JOBS:-1}

# cities: the keys, one a line.
cities() {
	if [ -n "${CITIES:-}" ]; then
		printf '%s\n' $CITIES
	else
		awk '!/^#/ && NF { print $1 }' "$here/cities.txt"
	fi
}
