#!/bin/sh
# Provenance of exports: an ingest notes in the store what coded into it
# (version, commit, dictionaries' checksum as dyad version gives them),
# once per distinct coder; dyad query --provenance and dyad code
# --provenance write a sidecar naming them, the command and the time; a
# sidecar that cannot be written stops the command before it writes.
set -u
DYAD=${DYAD:-build-asan/dyad}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
no() { echo "provenance: $*"; fail=1; }
ver=$("$DYAD" version | sed -n 's/^dyad //p')
commit=$("$DYAD" version | sed -n 's/^commit //p')
own=$("$DYAD" version | sed -n 's/^dictionaries //p')
fix=$("$DYAD" version --dict tests/fixtures/dict 2>/dev/null | sed -n 's/^dictionaries //p')
[ -n "$own" ] && [ -n "$fix" ] && [ "$own" != "$fix" ] || no "dyad version gives no distinct checksums ($own, $fix)"
"$DYAD" ingest -q --db "$tmp/s.db" examples/*.txt || no "ingest failed"
"$DYAD" ingest -q --db "$tmp/s.db" examples/*.txt || no "the second ingest failed"
"$DYAD" ingest -q --db "$tmp/s.db" --dict tests/fixtures/dict tests/fixtures/news.jsonl 2>/dev/null || no "the ingest with other dictionaries failed"
"$DYAD" query --db "$tmp/s.db" --format gdelt --provenance "$tmp/q.json" >"$tmp/q.tsv" || no "query --provenance failed"
[ -s "$tmp/q.tsv" ] || no "query --provenance wrote no rows"
jq -e --arg v "$ver" --arg c "$commit" --arg own "dyad $ver commit $commit dictionaries $own" \
    --arg fix "dyad $ver commit $commit dictionaries $fix" '
    .record == "provenance" and .schema == 1 and .version == $v and .commit == $c and .dictionaries == null
    and .stored_by == [$own, $fix] and .command[0] == "query" and (.command | index("gdelt")) != null
    and (.created | test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z$"))' "$tmp/q.json" >/dev/null ||
    no "the query's sidecar: $(cat "$tmp/q.json")"
"$DYAD" code -q --provenance "$tmp/c.json" examples/*.txt >/dev/null || no "code --provenance failed"
jq -e --arg own "$own" '.dictionaries == $own and .stored_by == null and .command[0] == "code"' "$tmp/c.json" >/dev/null ||
    no "the code sidecar: $(cat "$tmp/c.json")"
"$DYAD" code -q --dict tests/fixtures/dict --provenance "$tmp/c2.json" examples/*.txt >/dev/null 2>&1
jq -e --arg fix "$fix" '.dictionaries == $fix' "$tmp/c2.json" >/dev/null || no "code --dict: the sidecar's checksum is not the dictionaries'"
# an unwritable sidecar: exit 1 and nothing written
"$DYAD" query --db "$tmp/s.db" --provenance "$tmp/no/such/dir/p.json" >"$tmp/o" 2>"$tmp/e" && no "an unwritable sidecar was not an error"
[ -s "$tmp/o" ] && no "rows were written without their sidecar"
grep -q "no/such/dir/p.json" "$tmp/e" || no "the error does not name the sidecar: $(cat "$tmp/e")"
[ "$fail" -eq 0 ] && echo "provenance: coders noted once each, sidecars of query and code name them"
exit "$fail"
