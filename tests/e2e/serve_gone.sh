#!/bin/sh
# Clients that go away: dyad serve stops the reads of requests whose client
# has closed its connection, on SQLite and on PostgreSQL. A store with
# 400,000 events more makes /api/timeseries slow; 24 clients ask for it and
# close their connections before the answer. The server must then stop
# working (its processor time over the next second stays low), answer the
# next request at once, and log the requests it stopped.
set -u
DYAD=${DYAD:-build-asan/dyad}
FAST=${DYAD_FAST:-build/dyad}
. tests/e2e/lib/serve.sh
. tests/e2e/lib/pg.sh
tmp=$(mktemp -d /tmp/dyad-gone.XXXXXX)
SERVE_PID=""
trap '[ -n "$SERVE_PID" ] && kill "$SERVE_PID" 2>/dev/null; pg_stop; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP
fail=0

# gone DB NAME [ACTIVE]: serves DB, lets 24 clients of /api/timeseries go,
# checks; ACTIVE, a command that prints how many of the store server's
# statements are running, must print 0 over the next second too
gone() {
    serve_start "$DYAD" "$1" "$tmp/$2.log" || { fail=1; return; }
    python3 - "${URL##*:}" "$SERVE_PID" "$2" "${3:-}" <<'PY' || fail=1
import os, socket, subprocess, sys, time
port, pid, name, active = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
ask = b"GET /api/timeseries HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n" % port
def get(path):
    s = socket.create_connection(("127.0.0.1", port), timeout=60)
    s.sendall(b"GET %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nConnection: close\r\n\r\n" % (path, port))
    data = b""
    while True:
        d = s.recv(65536)
        if not d: break
        data += d
    s.close()
    return data
def cpu():
    f = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")
t0 = time.time()
if not get(b"/api/timeseries").startswith(b"HTTP/1.1 200"):
    print("%s: /api/timeseries failed" % name); sys.exit(1)
one = time.time() - t0
if one < 0.1:
    print("%s: /api/timeseries took %.3f s: too fast to test" % (name, one)); sys.exit(1)
held = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(24)]
for s in held: s.sendall(ask)
time.sleep(0.3)
for s in held: s.close()
time.sleep(0.3)
c0 = cpu()
running = 0
for _ in range(5):
    if active:
        running = max(running, int(subprocess.run(active, shell=True, capture_output=True, text=True).stdout.strip() or 0))
    time.sleep(0.2)
used = cpu() - c0
bad = 0
if used > 0.3:
    print("%s: the server used %.2f s of processor in the second after 24 clients went (one answer takes %.2f s)" % (name, used, one)); bad = 1
if running:
    print("%s: %d statements still ran on the store's server after 24 clients went" % (name, running)); bad = 1
t0 = time.time()
got = get(b"/api/events/1")
waited = time.time() - t0
if not got.startswith(b"HTTP/1.1 200"):
    print("%s: /api/events/1 after the clients went: %r" % (name, got[:60])); bad = 1
if waited > one + 0.5:
    print("%s: /api/events/1 took %.2f s after the clients went (one /api/timeseries: %.2f s)" % (name, waited, one)); bad = 1
sys.exit(bad)
PY
    serve_stop || { echo "$2: dyad serve exited with $?"; fail=1; }
    SERVE_PID=""
    grep -q "stopped [0-9]* requests\? whose client had gone" "$tmp/$2.log" ||
        { echo "$2: the stopped requests were not logged:"; cat "$tmp/$2.log"; fail=1; }
}

"$FAST" ingest -q --db "$tmp/s.db" tests/fixtures/news.jsonl || { echo "ingest failed"; exit 1; }
python3 - "$tmp/s.db" <<'PY' || exit 1
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("""WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400000)
INSERT INTO events(date, source, target, code, root, quad, goldstein)
SELECT date('2000-01-01', '+' || (i % 9000) || ' days'), 'SRC' || (i % 97), 'TGT' || (i / 97 % 89),
       '0' || (i % 20 + 10), '0' || (i % 20 + 10), 1, 0.0 FROM n""")
db.commit()
PY
gone "$tmp/s.db" SQLite

pg_start "$tmp" >/dev/null || exit 1
pg=$(pg_createdb dyad) || exit 1
"$FAST" ingest -q --db "$pg" tests/fixtures/news.jsonl || { echo "ingest into PostgreSQL failed"; exit 1; }
as_pg "$PGBIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d dyad -v ON_ERROR_STOP=1 -c "
INSERT INTO events(date, source, target, code, root, quad, goldstein)
SELECT to_char(date '2000-01-01' + i % 9000, 'YYYY-MM-DD'), 'SRC' || i % 97, 'TGT' || i / 97 % 89,
       '0' || i % 20 + 10, '0' || i % 20 + 10, 1, 0 FROM generate_series(1, 400000) i; ANALYZE events" ||
    { echo "cannot add events in PostgreSQL"; exit 1; }
q="SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%GROUP BY e.date, e.root%'"
gone "$pg" PostgreSQL "$PGBIN/psql -Atq -h 127.0.0.1 -p $PG_PORT -U postgres -d dyad -c \"$q AND pid <> pg_backend_pid()\""
exit $fail
