#!/bin/sh
# Slow clients against dyad serve: one address holds at most 32
# connections (the 33rd is closed at once, and frees when they go), a
# connection idle for 10 s is closed, and one that trickles a request (a
# byte a second, never idle) is closed at the whole-request deadline
# (--request-timeout, 3 s here) while a POST body sent in time is served.
set -u
. tests/e2e/lib/serve.sh
serve_setup
"$FAST" ingest --db "$tmp/s.db" tests/fixtures/news.jsonl 2>/dev/null || { echo "ingest failed"; exit 1; }
serve_start "$DYAD" "$tmp/s.db" "$tmp/log" --request-timeout 3 --allow-post || exit 1
port=${URL##*:}
python3 - "$port" <<'PY'
import socket, sys, time
port = int(sys.argv[1])
def conn():
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    s.sendall(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n" % port)  # headers never end
    return s
def health():
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    s.sendall(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nConnection: close\r\n\r\n" % port)
    try:
        data = s.recv(4096)
    except OSError:
        data = b""
    s.close()
    return data.startswith(b"HTTP/1.1 200")
bad = 0
held = [conn() for _ in range(32)]
time.sleep(0.5)
if health():
    print("a 33rd connection from one address was served"); bad = 1
for s in held: s.close()
time.sleep(0.5)
if not health():
    print("the server did not answer once the 32 connections closed"); bad = 1
idle = conn()
idle.settimeout(20)
t0 = time.time()
try:
    got = idle.recv(4096)
except OSError:
    got = b""
waited = time.time() - t0
if waited > 15:
    print("an idle connection was kept %.0f s" % waited); bad = 1
# a trickle: one header byte a second, never idle for the 10 s timeout
s = socket.create_connection(("127.0.0.1", port), timeout=5)
t0 = time.time()
closed = None
for ch in b"GET /api/health HTTP/1.1\r\nX-Slow: " + b"a" * 40:
    try:
        s.sendall(bytes([ch]))
        s.settimeout(1)
        if s.recv(1) == b"":
            closed = time.time() - t0
            break
    except socket.timeout:
        continue
    except OSError:
        closed = time.time() - t0
        break
if closed is None:
    print("a request trickled for %.0f s was not cut" % (time.time() - t0)); bad = 1
elif closed > 8:
    print("a trickled request was cut only after %.0f s" % closed); bad = 1
s.close()
# a request sent in time with a pause inside its body is still served
s = socket.create_connection(("127.0.0.1", port), timeout=10)
body = b'[{"id": "slow-1", "text": "Egypt hosted talks with Qatar."}]'
s.sendall(b"POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: application/json\r\n"
          b"Connection: close\r\nContent-Length: %d\r\n\r\n" % (port, len(body)) + body[:10])
time.sleep(1.5)
s.sendall(body[10:])
try:
    got = s.recv(4096)
except OSError:
    got = b""
if not (got.startswith(b"HTTP/1.1 201") or got.startswith(b"HTTP/1.1 200")):
    print("a POST sent in time was not served: %r" % got[:80]); bad = 1
s.close()
sys.exit(bad)
PY
fail=$?
req=$(curl -s -o /dev/null -w '%{http_code}' "$URL/api/health")
[ "$req" = 200 ] || { echo "the server is not answering after the slow clients: $req"; fail=1; }
grep -q "closed 1 connection that took over 3 s" "$tmp/log" ||
    { echo "the cut was not logged:"; cat "$tmp/log"; fail=1; }
serve_stop || { echo "dyad serve exited with $?"; cat "$tmp/log"; fail=1; }
SERVE_PID=""
exit $fail
