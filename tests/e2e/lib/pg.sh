# pg.sh -- sourced by the PostgreSQL tests: a PostgreSQL server of their
# own, initdb in a directory of the test, on 127.0.0.1 at a random high
# port (never the system cluster). A server that cannot start is a failure.
#   pg_start DIR        initdb in DIR/data, start; sets PGBIN, PG_PORT
#   pg_createdb NAME    creates a database, prints its postgresql:// URI
#   as_pg CMD...        runs CMD as the server's owner (postgres when root)
#   pg_stop             stops the server (call it from the EXIT trap)
#   pg_up               starts it again, on the same port

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
PG_DATA=""
PG_PORT=""

as_pg() { "$@"; }
if [ "$(id -u)" = 0 ]; then
    as_pg() { runuser -u postgres -- "$@"; }
fi

pg_start() {
    [ -x "$PGBIN/initdb" ] || { echo "no PostgreSQL server binaries (run scripts/setup.sh)"; return 1; }
    [ "$(id -u)" = 0 ] && chown postgres "$1"
    PG_DIR=$1 PG_DATA="$1/data"
    as_pg "$PGBIN/initdb" -D "$PG_DATA" -E UTF8 --locale=C.UTF-8 --auth=trust -U postgres >"$1/initdb.log" 2>&1 ||
        { cat "$1/initdb.log"; echo "initdb failed"; return 1; }
    for _try in 1 2 3 4 5; do
        PG_PORT=$(awk -v s="$$$_try" 'BEGIN { srand(s + systime()); print 20000 + int(rand() * 40000) }')
        pg_up && break
        PG_PORT=""
    done
    [ -n "$PG_PORT" ] || { cat "$1/server.log"; echo "the PostgreSQL server did not start"; return 1; }
    echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"
}

pg_up() {
    as_pg "$PGBIN/pg_ctl" -D "$PG_DATA" -l "$PG_DIR/server.log" -w -t 30 \
        -o "-k $PG_DIR -p $PG_PORT -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null 2>&1
}

pg_createdb() {
    as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$1" || { echo "createdb $1 failed" >&2; return 1; }
    echo "postgresql://postgres@127.0.0.1:$PG_PORT/$1"
}

pg_stop() {
    [ -n "$PG_DATA" ] && [ -f "$PG_DATA/postmaster.pid" ] &&
        as_pg "$PGBIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1
    return 0
}
