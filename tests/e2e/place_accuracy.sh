#!/bin/sh
# Event places on the event-location gold data (records not RELABEL): the
# place Dyad attaches to each record's verb against its LOCATION spans.
# Fails when F1 or the accuracy of "no place" drops below the floors in
# tests/accuracy/places.floor.
set -u
B=$(dirname "${DYAD:-build-asan/dyad}")
out=$(sh tests/accuracy/places.sh "$B" --train) || { echo "$out"; exit 1; }
echo "$out"
get() { printf '%s\n' "$out" | sed -n "s/.* $1=\([0-9.]*\).*/\1/p"; }
floor() { sed -n "s/^$1 //p" tests/accuracy/places.floor; }
f1=$(get F1)
none=$(get none_acc)
records=$(get records)
[ "${records:-0}" -gt 9000 ] || { echo "expected over 9000 scored records, got ${records:-none}"; exit 1; }
echo "event places: F1 $f1 (floor $(floor F1)), no-place accuracy $none (floor $(floor none_acc))"
awk -v a="$f1" -v b="$(floor F1)" 'BEGIN { exit !(a >= b) }' || { echo "F1 fell below the floor"; exit 1; }
awk -v a="$none" -v b="$(floor none_acc)" 'BEGIN { exit !(a >= b) }' || { echo "no-place accuracy fell below the floor"; exit 1; }
