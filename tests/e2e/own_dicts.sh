#!/bin/sh
# Dyad's own dictionaries load with no bad line, and the README's main
# command codes the bundled examples with them.
set -u
DYAD=${DYAD:-build-asan/dyad}
"$DYAD" dict check data/dict/* || { echo "data/dict has bad lines"; exit 1; }
out=$("$DYAD" code examples/*.txt 2>/tmp/dyad-examples.err) || { cat /tmp/dyad-examples.err; exit 1; }
cat /tmp/dyad-examples.err
n=$(printf '%s\n' "$out" | grep -c '"code"')
echo "examples: $n events"
[ "$n" -ge 15 ] || { echo "too few events from the examples"; exit 1; }
grep -q "warning:" /tmp/dyad-examples.err && { echo "warnings while coding the examples"; exit 1; }
printf '%s\n' "$out" | grep -q '"source":"JORGOV","target":"EGYGOV","code":"040"' || { echo "Jordan-Egypt meeting not coded"; exit 1; }
printf '%s\n' "$out" | grep -Eq '[0-9]\.[0-9]{5,}' && { echo "long decimals in the JSON output"; exit 1; }
rm -f /tmp/dyad-examples.err
