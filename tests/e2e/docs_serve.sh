#!/bin/sh
# docs/serve.md against the code: every route of the API's router is in
# its table of routes and every route in the table is one of the router's;
# every query argument the OpenAPI description gives a route (itself
# checked against the code by openapi.sh) is named in the document; every
# key of a live /api/events answer is named in the document.
set -u
. tests/e2e/lib/serve.sh
serve_setup
fail=0
doc=docs/serve.md
# the router's paths, as openapi.sh reads them ("/x/" takes an id)
sed -n '/^void http_api_handle/,/^}/p' src/api/http_api.c | grep -o '(rest, "/[a-z./]*"' | sed 's/^(rest, //' | tr -d '"' |
    sed 's|/$|/ID|; s|^|/api|' | sort -u >"$tmp/code"
[ -s "$tmp/code" ] || { echo "no routes found in src/api/http_api.c"; exit 1; }
# the table's paths: "| `GET /api/x?...`" and several per row
grep '^| `' "$doc" | grep -o '`\(GET\|POST\) /api/[^`?]*' | sed 's/^`[A-Z]* //' | sort -u >"$tmp/doc"
comm -23 "$tmp/code" "$tmp/doc" | sed 's/^/route missing from docs\/serve.md: /' >"$tmp/miss"
comm -13 "$tmp/code" "$tmp/doc" | sed 's/^/docs\/serve.md names a route the code lacks: /' >>"$tmp/miss"
[ -s "$tmp/miss" ] && { cat "$tmp/miss"; fail=1; }
# every described argument is named in backquotes
for p in $(jq -r '.components.parameters[].name' src/api/openapi.json | sort -u); do
    grep -q "[\`?&]$p[=\`]" "$doc" || { echo "docs/serve.md does not name the argument $p"; fail=1; }
done
# every key of the /api/events answer
"$FAST" ingest --db "$tmp/s.db" tests/fixtures/news.jsonl examples/*.txt 2>/dev/null || { echo "ingest failed"; exit 1; }
serve_start "$DYAD" "$tmp/s.db" "$tmp/log" || exit 1
curl -s "$URL/api/events?limit=1" >"$tmp/ev.json"
for k in $(jq -r 'keys[]' "$tmp/ev.json" | sort -u); do
    grep -q "\b$k\b" "$doc" || { echo "docs/serve.md does not name the field $k of /api/events"; fail=1; }
done
serve_stop
SERVE_PID=""
[ "$fail" -eq 0 ] && echo "docs_serve: the routes, arguments and answer fields of docs/serve.md are the code's"
exit "$fail"
