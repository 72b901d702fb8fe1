# same_json.sh -- sourced by the tests that run `dyad serve` on SQLite and
# on PostgreSQL side by side and compare their answers. The caller sets
# lite_url, pg_url, tmp and fail; QWORDS holds a search's words; compared
# counts the requests answered the same.

# pair_setup NAME: DYAD and FAST (the binaries), tmp (a directory made for
# test NAME and removed at exit, both servers and the database server
# stopped then), the test's own PostgreSQL server with database dyad (pg,
# its URI), lite (an SQLite file in tmp) and fail=0. Needs lib/pg.sh.
pair_setup() {
    DYAD=${DYAD:-build-asan/dyad}
    FAST=${DYAD_FAST:-build/dyad}
    tmp=$(mktemp -d "/tmp/dyad-$1.XXXXXX")
    lite_pid="" pg_pid=""
    trap '[ -n "$lite_pid" ] && kill "$lite_pid" 2>/dev/null; [ -n "$pg_pid" ] && kill "$pg_pid" 2>/dev/null;
          pg_stop; rm -rf "$tmp"' EXIT
    trap 'exit 1' INT TERM HUP
    pg_start "$tmp" || exit 1
    pg=$(pg_createdb dyad) || exit 1
    lite="$tmp/$1.db"
    fail=0
}

# pair_stop lite|pg: stops that server (its log in tmp/lite.log or
# tmp/pg.log said when it exits badly, which fails the test)
pair_stop() {
    if [ "$1" = lite ]; then SERVE_PID=$lite_pid lite_pid=""; else SERVE_PID=$pg_pid pg_pid=""; fi
    serve_stop || { echo "dyad serve exited with $?"; cat "$tmp/$1.log"; fail=1; }
}

# pair_finish: says how many requests were compared, stops both servers
# and exits with fail
pair_finish() {
    echo "$compared requests answered the same by SQLite and PostgreSQL"
    pair_stop lite
    pair_stop pg
    exit $fail
}

# get URL FILE [curl options]: the body in FILE, the status on stdout
get() {
    _u=$1 _f=$2
    shift 2
    curl -s -o "$_f" -w '%{http_code}' "$@" "$_u"
}

# Writes the JSON in $1, normalised, to $2: "added" dropped; a search
# "snippet" becomes "ok" when it highlights words and each is one of the
# words of $QWORDS (either case), "none" when it highlights nothing.
QWORDS=""
norm() {
    node -e 'const fs = require("fs"), d = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
        const words = s => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(w => w);
        const want = new Set(words(process.argv[3]));
        const snip = s => {
            const hl = [...s.matchAll(/\u0002([^\u0003]*)\u0003/g)].flatMap(m => words(m[1]));
            return !hl.length ? "none" : hl.every(w => want.has(w)) ? "ok" : s;
        };
        const walk = o => {
            if (Array.isArray(o)) return o.forEach(walk);
            if (!o || typeof o !== "object") return;
            delete o.added;
            if (typeof o.snippet === "string") o.snippet = snip(o.snippet);
            Object.values(o).forEach(walk);
        };
        walk(d);
        fs.writeFileSync(process.argv[2], JSON.stringify(d, null, 1) + "\n");' "$1" "$2" "$QWORDS"
}

compared=0 # requests answered the same
# same PATH [curl options]: the same status and (normalised) JSON from both
same() {
    _p=$1
    shift
    _sl=$(get "$lite_url$_p" "$tmp/l.json" "$@")
    _sp=$(get "$pg_url$_p" "$tmp/p.json" "$@")
    if [ "$_sl" != "$_sp" ]; then
        echo "DIFFERENT status: $_p: SQLite $_sl, PostgreSQL $_sp: $(head -c 300 "$tmp/p.json")"
        fail=1
        return
    fi
    norm "$tmp/l.json" "$tmp/l.norm" && norm "$tmp/p.json" "$tmp/p.norm" || { echo "$_p: not JSON"; fail=1; return; }
    if ! cmp -s "$tmp/l.norm" "$tmp/p.norm"; then
        echo "DIFFERENT: $_p"
        diff "$tmp/l.norm" "$tmp/p.norm" | head -20
        fail=1
        return
    fi
    compared=$((compared + 1))
}
# ids FILE EXPR: the values of the JS expression over d (the parsed FILE)
ids() {
    node -e 'const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
             console.log([...new Set(eval(process.argv[2]))].join("\n"))' "$1" "$2"
}
