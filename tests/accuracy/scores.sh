# scores.sh -- sourced by tests/accuracy/run.sh: checks the metrics of a
# scorer's SUMMARY line against a floor file ("metric limit" lines, '#'
# comments). A metric named *_mae or *_maxerr is an error: it must not rise
# above its limit; any other must not fall below it.
#   check_scores LABEL SUMMARY FLOORFILE METRIC...   prints each, returns 1 if any is past its limit

check_scores() {
    _label=$1 _out=$2 _floors=$3
    shift 3
    _bad=0
    for _m in "$@"; do
        _got=$(echo "$_out" | sed -n "s/.* $_m=\([0-9.]*\).*/\1/p")
        _lim=$(awk -v m="$_m" '$1 == m { print $2 }' "$_floors")
        if [ -z "$_got" ] || [ -z "$_lim" ]; then
            echo "no $_m score or limit"
            _bad=1
            continue
        fi
        case $_m in
        *_mae | *_maxerr) _ok=$(awk -v g="$_got" -v l="$_lim" 'BEGIN { print (g <= l) }') ;;
        *) _ok=$(awk -v g="$_got" -v l="$_lim" 'BEGIN { print (g >= l) }') ;;
        esac
        echo "$_label $_m: $_got (limit $_lim)"
        [ "$_ok" = 1 ] || { echo "$_m is past its limit"; _bad=1; }
    done
    return $_bad
}
