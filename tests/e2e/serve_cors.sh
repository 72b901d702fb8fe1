#!/bin/sh
# dyad serve --cors: without it no page of another origin may read the API
# (no Access-Control-Allow-Origin, preflights refused); with --cors ORIGIN
# that origin's pages may read and, with the token, write, and no other
# origin may; a value that is not an origin is a usage error.
set -u
. tests/e2e/lib/serve.sh
serve_setup
fail=0
"$FAST" ingest --db "$tmp/s.db" examples/*.txt 2>/dev/null || { echo "ingest failed"; exit 1; }
# expect NAME WANT GOT
expect() { [ "$2" = "$3" ] || { echo "FAIL $1: got '$3', want '$2'"; fail=1; }; }
acao() { curl -s -D - -o /dev/null "$@" | tr -d '\r' | sed -n 's/^[Aa]ccess-[Cc]ontrol-[Aa]llow-[Oo]rigin: //p'; }
status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
PRE="-X OPTIONS -H Access-Control-Request-Method:GET"

serve_start "$DYAD" "$tmp/s.db" "$tmp/log" --token tk || exit 1
expect "no --cors: read from a page" "" "$(acao -H 'Origin: https://ex.org' "$URL/api/events")"
expect "no --cors: preflight" 403 "$(status $PRE -H 'Origin: https://ex.org' "$URL/api/events")"
serve_stop
SERVE_PID=""

serve_start "$DYAD" "$tmp/s.db" "$tmp/log2" --token tk --cors https://ex.org || exit 1
expect "its origin reads" "https://ex.org" "$(acao -H 'Origin: https://ex.org' "$URL/api/events")"
expect "another origin" "" "$(acao -H 'Origin: https://other.org' "$URL/api/events")"
expect "its origin's preflight" 204 "$(status $PRE -H 'Origin: https://ex.org' "$URL/api/articles")"
expect "its preflight allows" "https://ex.org" "$(acao $PRE -H 'Origin: https://ex.org' "$URL/api/articles")"
expect "its preflight names the methods" "GET, HEAD, POST" "$(curl -s -o /dev/null -D - $PRE -H 'Origin: https://ex.org' "$URL/api/articles" |
    tr -d '\r' | sed -n 's/^[Aa]ccess-[Cc]ontrol-[Aa]llow-[Mm]ethods: //p')"
expect "its preflight names the headers" "Authorization, Content-Type" "$(curl -s -o /dev/null -D - $PRE -H 'Origin: https://ex.org' "$URL/api/articles" |
    tr -d '\r' | sed -n 's/^[Aa]ccess-[Cc]ontrol-[Aa]llow-[Hh]eaders: //p')"
expect "another origin's preflight" 403 "$(status $PRE -H 'Origin: https://other.org' "$URL/api/events")"
expect "its origin writes" 201 "$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Authorization: Bearer tk' \
    -H 'Content-Type: application/json' -H 'Origin: https://ex.org' --data '{"text": "Blinken visited Doha."}' "$URL/api/articles")"
expect "another origin writes" 403 "$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Authorization: Bearer tk' \
    -H 'Content-Type: application/json' -H 'Origin: https://other.org' --data '{"text": "Blinken visited Cairo."}' "$URL/api/articles")"
expect "its origin without the token" 401 "$(curl -s -o /dev/null -w '%{http_code}' -X POST \
    -H 'Content-Type: application/json' -H 'Origin: https://ex.org' --data '{"text": "Blinken visited Amman."}' "$URL/api/articles")"
serve_stop
SERVE_PID=""

serve_start "$DYAD" "$tmp/s.db" "$tmp/log3" --cors '*' || exit 1
expect "any origin reads with *" "*" "$(acao -H 'Origin: https://other.org' "$URL/api/health")"
serve_stop
SERVE_PID=""

"$FAST" serve --db "$tmp/s.db" --cors ftp://ex.org >/dev/null 2>&1
expect "--cors ftp://" 2 $?
"$FAST" serve --db "$tmp/s.db" --cors https://ex.org/path >/dev/null 2>&1
expect "--cors with a path" 2 $?
[ $fail = 0 ] && echo "serve_cors: ok"
exit $fail
