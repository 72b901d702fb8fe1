# coded.sh -- sourced by the tests that code invented sentences with a
# dictionary and look for the events they must give.
#   code_articles DYAD "OPTIONS" LINE...  codes the JSONL articles LINE...
#                                         with `DYAD code OPTIONS`; the
#                                         events in CODED
#   expect_coded WHAT PATTERN...          fails, saying WHAT and the
#                                         pattern and printing CODED,
#                                         unless each extended regular
#                                         expression matches an event

code_articles() {
    _bin=$1 _opts=$2
    shift 2
    _tmp=$(mktemp /tmp/dyad-coded.XXXXXX)
    printf '%s\n' "$@" >"$_tmp"
    # shellcheck disable=SC2086
    CODED=$("$_bin" code $_opts "$_tmp") || { rm -f "$_tmp"; return 1; }
    rm -f "$_tmp"
}

expect_coded() {
    _what=$1
    shift
    for _want in "$@"; do
        printf '%s\n' "$CODED" | grep -Eq "$_want" || {
            echo "$_what: $_want"
            printf '%s\n' "$CODED"
            return 1
        }
    done
}
