#!/bin/sh
# The command line itself: every command's --help (also as dyad help CMD
# and -h) exits 0 and lists every option getopt takes (read from the
# completion, which is made from getopt's own table), as does the man page;
# --opt=value is --opt value; --version gives the release, the commit and
# the dictionaries' checksum, as /api/health does; the read commands open
# the store read-only (a missing one is an error and is not made); a failed
# write to standard output is an error; a directory among the inputs is
# named and skipped; usage errors exit 2.
set -u
. tests/e2e/lib/serve.sh
serve_setup
fail=0
bad() { echo "FAIL $*"; fail=1; }

# --- help: dyad --help lists the commands; each command's help its options
"$DYAD" --help >"$tmp/help" 2>"$tmp/e" || bad "dyad --help exited $?"
[ -s "$tmp/e" ] && bad "dyad --help wrote to stderr: $(cat "$tmp/e")"
"$DYAD" help >"$tmp/help2" || bad "dyad help exited $?"
cmp -s "$tmp/help" "$tmp/help2" || bad "dyad help differs from dyad --help"
cmds=$(sed -n '/^commands:/,/^$/s/^  \([a-z][a-z]*\)  .*/\1/p' "$tmp/help")
[ "$(echo $cmds | wc -w)" -ge 10 ] || bad "dyad --help lists too few commands: $cmds"
"$DYAD" completion bash >"$tmp/dyad.bash" || bad "dyad completion bash exited $?"
bash -n "$tmp/dyad.bash" || bad "the completion script is not valid bash"
"$DYAD" --man >"$tmp/dyad.1" || bad "dyad --man exited $?"
head -2 "$tmp/dyad.1" | grep -q '^\.TH DYAD 1' || bad "the man page has no .TH DYAD 1"
for c in $cmds; do
    "$DYAD" "$c" --help >"$tmp/h.$c" 2>"$tmp/e" || bad "dyad $c --help exited $?"
    [ -s "$tmp/e" ] && bad "dyad $c --help wrote to stderr: $(cat "$tmp/e")"
    head -1 "$tmp/h.$c" | grep -q "^usage: dyad $c " || bad "dyad $c --help: first line $(head -1 "$tmp/h.$c")"
    grep -q '^  2  a usage error' "$tmp/h.$c" || bad "dyad $c --help does not give the exit statuses"
    "$DYAD" help "$c" | cmp -s - "$tmp/h.$c" || bad "dyad help $c differs from dyad $c --help"
    "$DYAD" "$c" -h | cmp -s - "$tmp/h.$c" || bad "dyad $c -h differs from dyad $c --help"
    # the options getopt takes, from the completion's line for the command
    opts=$(sed -n "s/^    $c) opts=\"\(.*\)\"\$/\1/p" "$tmp/dyad.bash")
    [ -n "$opts" ] || { bad "no options of $c in the completion"; continue; }
    # the man page's section of the command
    sed -n "/^\.SS \"dyad $c[ \"]/,/^\.S[SH]/p" "$tmp/dyad.1" | sed 's/\\-/-/g; s/\\f[BIR]//g' >"$tmp/m.$c"
    [ -s "$tmp/m.$c" ] || bad "the man page has no section for $c"
    for o in $opts; do
        case $o in
        --*)
            grep -q -- "^  \(-., \|    \)$o\( \|$\)" "$tmp/h.$c" || bad "dyad $c --help does not list $o"
            grep -q -- "$o" "$tmp/m.$c" || bad "the man page does not list $o of $c"
            # getopt takes it (its value may be refused, not the option)
            "$DYAD" "$c" "$o" x --help >/dev/null 2>"$tmp/e"
            grep -q "unknown option" "$tmp/e" && bad "dyad $c $o: $(cat "$tmp/e")"
            ;;
        -?) grep -q -- "^  $o, --" "$tmp/h.$c" || bad "dyad $c --help does not list $o" ;;
        esac
    done
    echo "ok   dyad $c --help: $(echo $opts | wc -w) options, as getopt takes them"
done
# the completion offers what the tables say
cat >"$tmp/complete.sh" <<EOF
dyad() { :; }
. "$tmp/dyad.bash"
comp() { COMP_WORDS=("\$@"); COMP_CWORD=\$((\$# - 1)); _dyad; echo "\${COMPREPLY[*]}"; }
comp dyad qu
comp dyad query --for
comp dyad code --format ''
comp dyad stats --by c
EOF
bash "$tmp/complete.sh" >"$tmp/comp" 2>&1 || bad "the completion failed: $(cat "$tmp/comp")"
printf 'query\n--format\njsonl tsv petrarch places\ncountry country-year\n' | diff - "$tmp/comp" >/dev/null ||
    bad "the completion offers $(cat "$tmp/comp")"

# --- version: one place for the release; the checksum of what is loaded
want=$(sed -n 's/^#define DYAD_VERSION "\(.*\)"$/\1/p' include/dyad.h)
"$DYAD" --version >"$tmp/v" 2>"$tmp/e" || bad "dyad --version exited $?"
head -1 "$tmp/v" | grep -qx "dyad $want" || bad "dyad --version says $(head -1 "$tmp/v"), dyad.h $want"
grep -q '^commit [0-9a-z-][0-9a-z-]*$' "$tmp/v" || bad "dyad --version gives no commit"
sum=$(sed -n 's/^dictionaries \([0-9a-f]\{32\}\)$/\1/p' "$tmp/v")
[ -n "$sum" ] || bad "dyad --version gives no checksum: $(cat "$tmp/v")"
"$DYAD" version | cmp -s - "$tmp/v" || bad "dyad version differs from dyad --version"
# the same files, the same checksum; one byte more, another
"$DYAD" dict check data/dict "$(dirname "$DYAD")/gazetteer.gaz" 2>/dev/null | grep -q "^checksum $sum\$" ||
    bad "dyad dict check of Dyad's own dictionaries gives another checksum than --version"
cp -r data/dict "$tmp/dict"
s1=$("$DYAD" version --dict "$tmp/dict" | sed -n 's/^dictionaries //p')
s2=$("$DYAD" version --dict=data/dict | sed -n 's/^dictionaries //p')
echo "# one more comment" >>"$tmp/dict/discards.discards"
s3=$("$DYAD" version -d "$tmp/dict" | sed -n 's/^dictionaries //p')
[ -n "$s1" ] && [ "$s1" = "$s2" ] || bad "copied dictionaries give another checksum: $s1 $s2"
[ "$s1" != "$s3" ] || bad "a changed dictionary gives the same checksum"
echo "ok   dyad --version: $(tr '\n' ' ' <"$tmp/v")"

# --- /api/health says the same
"$FAST" ingest -q --db "$tmp/s.db" examples/*.txt || bad "ingest failed"
serve_start "$DYAD" "$tmp/s.db" "$tmp/log" || exit 1
curl -s "$URL/api/health" >"$tmp/health"
serve_stop || bad "dyad serve exited with $?"
SERVE_PID=""
node -e '
const h = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const v = require("fs").readFileSync(process.argv[2], "utf8").trim().split("\n").map((l) => l.split(" ")[1]);
const got = [h.version, h.commit, h.dictionaries];
if (got.join() !== v.join()) { console.log("FAIL /api/health gives " + got + ", dyad --version " + v); process.exit(1); }
console.log("ok   /api/health gives the version, commit and checksum of dyad --version");
' "$tmp/health" "$tmp/v" || fail=1

# --- --opt=value is --opt value
"$DYAD" query --db "$tmp/s.db" --limit 3 --format csv >"$tmp/q1" || bad "query failed"
"$DYAD" query --db="$tmp/s.db" --limit=3 --format=csv >"$tmp/q2" || bad "query with --opt=value failed"
[ "$(wc -l <"$tmp/q1")" -eq 4 ] && cmp -s "$tmp/q1" "$tmp/q2" || bad "--opt=value gives other rows than --opt value"
"$DYAD" code -q -f tsv examples/01-visit-talks.txt >"$tmp/c1" || bad "code -f tsv failed"
"$DYAD" code --quiet --format=tsv examples/01-visit-talks.txt >"$tmp/c2" || bad "code --format=tsv failed"
[ -s "$tmp/c1" ] && cmp -s "$tmp/c1" "$tmp/c2" || bad "-f tsv and --format=tsv differ"
cut -f1-9 "$tmp/c1" >"$tmp/c1.cut"
# options after operands, and -- before an operand that starts with a dash
cp examples/01-visit-talks.txt "$tmp/-dash.txt"
bin=$(cd "$(dirname "$DYAD")" && pwd)/$(basename "$DYAD")
(cd "$tmp" && "$bin" code --format tsv -- -dash.txt --quiet 2>/dev/null) |
    cut -f1-9 | cmp -s - "$tmp/c1.cut" || bad "-- then an operand starting with a dash"

# --- the read commands open the store read-only: a missing one is refused, not made
for c in query stats figures; do
    "$DYAD" "$c" --db "$tmp/missing.db" >/dev/null 2>"$tmp/e"
    rc=$?
    [ $rc -eq 1 ] || bad "dyad $c --db missing.db exited $rc"
    grep -q "missing.db: cannot open the store" "$tmp/e" || bad "dyad $c --db missing.db: $(cat "$tmp/e")"
    [ -e "$tmp/missing.db" ] && { bad "dyad $c made missing.db"; rm -f "$tmp/missing.db"*; }
done
"$DYAD" serve --db "$tmp/missing.db" --port 0 2>"$tmp/e" && bad "dyad serve of a missing store started"
grep -q "missing.db: cannot open the store" "$tmp/e" || bad "dyad serve --db missing.db: $(cat "$tmp/e")"
[ -e "$tmp/missing.db" ] && bad "dyad serve made missing.db"
printf 'x' >"$tmp/junk.db"
"$DYAD" query --db "$tmp/junk.db" >/dev/null 2>"$tmp/e" && bad "a file that is no store was read"
grep -q "junk.db" "$tmp/e" || bad "a file that is no store is not named: $(cat "$tmp/e")"
echo "ok   query, stats, figures and serve refuse a missing store and make none"

# --- a write to standard output that fails is an error
for args in "query --db $tmp/s.db" "stats --db $tmp/s.db" "code -q examples/01-visit-talks.txt" "help" "--version"; do
    # shellcheck disable=SC2086
    "$DYAD" $args >/dev/full 2>"$tmp/e"
    rc=$?
    [ $rc -eq 1 ] || bad "dyad $args >/dev/full exited $rc"
    grep -qi "no space left\|write error" "$tmp/e" || bad "dyad $args >/dev/full said: $(cat "$tmp/e")"
done
# a reader that goes away is not an error to report (SIGPIPE ignored: EPIPE)
(trap '' PIPE && "$DYAD" query --db "$tmp/s.db" 2>"$tmp/e") | true
grep -q "cannot write" "$tmp/e" && bad "a reader gone was reported: $(cat "$tmp/e")"
echo "ok   a failed write to standard output exits 1 with a message"

# --- a directory among the inputs is named and skipped; the rest is done
mkdir "$tmp/adir"
"$DYAD" code -q "$tmp/adir" examples/01-visit-talks.txt >"$tmp/c4" 2>"$tmp/e"
rc=$?
[ $rc -eq 1 ] || bad "code of a directory exited $rc"
grep -q "adir: is a directory" "$tmp/e" || bad "code did not name the directory: $(cat "$tmp/e")"
"$DYAD" code -q examples/01-visit-talks.txt >"$tmp/c5" 2>/dev/null
[ -s "$tmp/c5" ] && cmp -s "$tmp/c4" "$tmp/c5" || bad "the file after a directory was not coded"
"$DYAD" ingest -q --db "$tmp/i.db" "$tmp/adir" examples/01-visit-talks.txt 2>"$tmp/e"
rc=$?
[ $rc -eq 1 ] || bad "ingest of a directory exited $rc"
grep -q "adir: is a directory" "$tmp/e" || bad "ingest did not name the directory: $(cat "$tmp/e")"
[ "$("$DYAD" query --db "$tmp/i.db" --format csv | wc -l)" -gt 1 ] || bad "the file after a directory was not stored"
echo "ok   a directory input is named and skipped, exit 1"

# --- usage errors exit 2, saying what is wrong
usage() { # WANT ARGS...: exit 2 and WANT on stderr
    w=$1
    shift
    "$DYAD" "$@" >/dev/null 2>"$tmp/e"
    rc=$?
    [ $rc -eq 2 ] || bad "dyad $*: exit status $rc, want 2"
    grep -q -- "$w" "$tmp/e" || bad "dyad $*: said $(cat "$tmp/e"), want $w"
}
usage "unknown command 'bogus'" bogus
usage "unknown option '--bogus'" query --bogus
usage "unknown option '-z'" code -qz x
usage "option '--db' needs a value" query --db
usage "option '--figures' takes no value" code --figures=yes x
usage "unknown --format 'x'" code --format x y
usage "'x' is not tsv, table, csv or jsonl" stats --format=x
usage "takes no operands" query stray
usage "no input" code
usage "no command 'nope'" help nope
usage "usage: dyad" 
echo "ok   usage errors exit 2"
exit $fail
