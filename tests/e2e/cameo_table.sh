#!/bin/sh
# scripts/gen-cameo.sh: data/cameo.tsv becomes a table of every code, and a
# malformed codebook file is refused with its file:line and the reason.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
sh scripts/gen-cameo.sh data/cameo.tsv >"$tmp/table.c" || { echo "data/cameo.tsv refused"; exit 1; }
want=$(grep -c '^[0-9]' data/cameo.tsv)
got=$(grep -c '^    {"[0-9]*", ' "$tmp/table.c")
echo "codebook: $got codes of $want lines"
[ "$got" = "$want" ] && [ "$got" -ge 300 ] || { echo "table has $got codes, file $want"; fail=1; }
# refuse: each case is a line 2 and the message expected for it at bad.tsv:2
refuse() { # $1 body, $2 message
    printf '04\t1.0\tConsult\n%b\n' "$1" >"$tmp/bad.tsv"
    if sh scripts/gen-cameo.sh "$tmp/bad.tsv" >/dev/null 2>"$tmp/err"; then
        echo "accepted: $1"; fail=1
    elif ! grep -F "$tmp/bad.tsv:2: " "$tmp/err" | grep -qF "$2"; then
        echo "for '$1' expected '$2', got: $(cat "$tmp/err")"; fail=1
    fi
}
refuse '04x\t1.0\tX' 'bad code "04x"'
refuse '99\t1.0\tX' 'root 99 is not 01..20'
refuse '04\t1.0\tAgain' 'codes must be in byte order, once each'
refuse '0401\t1.0\tX' 'its parent 040 is not in the file'
refuse '042\t10.5\tX' 'weight "10.5" is not a number in -10..10'
refuse '042\tlow\tX' 'weight "low" is not a number'
refuse '05\t-\tX' 'root 05 needs a weight'
refuse '042\t1.9' 'expected CODE<TAB>GOLDSTEIN<TAB>NAME, got 2 fields'
refuse '042\t1.9\t' 'empty name'
exit $fail
