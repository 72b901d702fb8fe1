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

# scripts/gen-plover.sh: data/plover/cameo2plover.tsv has a line for every
# code of the codebook, and one naming something PLOVER lacks is refused
sh scripts/gen-plover.sh data/plover/cameo2plover.tsv data/cameo.tsv >"$tmp/plover.c" ||
    { echo "data/plover/cameo2plover.tsv refused"; exit 1; }
got=$(grep -c '^    {"[0-9]*", ' "$tmp/plover.c")
echo "PLOVER table: $got codes"
[ "$got" = "$want" ] || { echo "PLOVER table has $got codes, the codebook $want"; fail=1; }
printf '04\t1.0\tConsult\n042\t1.9\tMake a visit\n' >"$tmp/book.tsv"
prefuse() { # $1 line 2 (after 04's), $2 message
    printf '04\tCONSULT\t\t\t2.5\t\n%b\n' "$1" >"$tmp/bad.tsv"
    if sh scripts/gen-plover.sh "$tmp/bad.tsv" "$tmp/book.tsv" >/dev/null 2>"$tmp/err"; then
        echo "accepted: $1"; fail=1
    elif ! grep -qF "$2" "$tmp/err"; then
        echo "for '$1' expected '$2', got: $(cat "$tmp/err")"; fail=1
    fi
}
prefuse '042\tVISIT\t\t\t4.0\t' '"VISIT" is not a PLOVER event type'
prefuse '042\tCONSULT\tmeet\t\t4.0\t' '"meet" is not a mode of CONSULT'
prefuse '042\tCONSULT\tvisit\thumanitarian\t4.0\t' '"humanitarian" is not a PLOVER context'
prefuse '042\tCONSULT\tvisit\t\t12\t' 'intensity "12" is not a number in -10..10'
prefuse '0425\tCONSULT\tvisit\t\t4.0\t' 'code "0425" is not in'
prefuse '04\tCONSULT\t\t\t2.5\t' 'codes must be in byte order, once each'
prefuse '' 'code 042 of'
exit $fail
