#!/bin/sh
# gen-country-fips.sh -- writes data/country-fips.tsv (ISO alpha-3 to FIPS
# 10-4 country codes) from GeoNames' countryInfo.txt ($1), keeping the
# header of the current file.
set -e
src=${1:?usage: gen-country-fips.sh countryInfo.txt}
grep '^#' data/country-fips.tsv
grep -v '^#' "$src" | awk -F'\t' '$4 != "" { print $2 "\t" $4 }' | LC_ALL=C sort
