# serve.sh -- sourced by the dyad serve tests: their set-up, and starts
# `dyad serve` on a free port (port 0, read back from its log) and stops it.
#   serve_setup                                sets DYAD and FAST (the
#       binaries: $DYAD, $DYAD_FAST), tmp (a directory removed at exit, the
#       server stopped then) and SERVE_PID
#   serve_start DYAD DB LOG [serve options]   sets SERVE_PID and URL
#   serve_stop                                 SIGTERM, returns its exit status

serve_setup() {
    DYAD=${DYAD:-build-asan/dyad}
    FAST=${DYAD_FAST:-build/dyad}
    tmp=$(mktemp -d)
    SERVE_PID=""
    trap '[ -n "$SERVE_PID" ] && kill "$SERVE_PID" 2>/dev/null; rm -rf "$tmp"' EXIT
}

serve_start() {
    _bin=$1 _db=$2 _log=$3
    shift 3
    # emptied first: the background job may open the log only after the
    # loop below has read it, and a log of an earlier server would name
    # that server's port
    : >"$_log"
    "$_bin" serve --db "$_db" --port 0 "$@" 2>"$_log" &
    SERVE_PID=$!
    _port=""
    _i=0
    while [ -z "$_port" ] && [ $_i -lt 300 ]; do
        kill -0 "$SERVE_PID" 2>/dev/null || break
        _port=$(sed -n 's|.*on http://127\.0\.0\.1:\([0-9][0-9]*\)/.*|\1|p' "$_log" 2>/dev/null)
        [ -n "$_port" ] || sleep 0.1
        _i=$((_i + 1))
    done
    [ -n "$_port" ] || { echo "dyad serve did not start:"; cat "$_log"; return 1; }
    URL="http://127.0.0.1:$_port"
}

serve_stop() {
    kill -TERM "$SERVE_PID" 2>/dev/null
    wait "$SERVE_PID"
}
