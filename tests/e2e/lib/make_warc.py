"""make_warc.py OUT.warc OUT.warc.gz -- writes a small WARC file of the
kind CC-NEWS holds (warcinfo, request and response records; HTML pages,
one chunked and gzip'd, an image, a redirect, a broken record) and the
same records gzip'd one by one, for tests/e2e/inputs.sh."""
import gzip
import sys

PAGE = """<!DOCTYPE html><html><head><title>Envoy in Doha | Wire</title>
<meta property="og:site_name" content="Levant Wire">
<meta property="article:published_time" content="2024-08-20T09:15:00+03:00">
</head><body><nav><p>Home World Politics Sports Business Opinion</p></nav>
<article><h1>Envoy arrives in Doha</h1>
<p>The US envoy arrived in Doha on Tuesday for talks with Qatari mediators on a ceasefire in Gaza.</p>
<p>Israeli troops killed three people in Gaza on Monday, the health ministry said.</p>
</article><footer><p>Copyright 2024 Levant Wire. All rights reserved.</p></footer></body></html>"""

PAGE2 = """<html><head><meta name="date" content="2024-08-21"></head><body>
<p>Egyptian mediators met Hamas officials in Cairo on Wednesday to discuss the proposal.</p>
</body></html>"""


def record(kind, uri, block, ctype="application/http; msgtype=response", rid="x"):
    head = (
        "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\nWARC-Target-URI: %s\r\n"
        "WARC-Date: 2024-08-25T00:00:00Z\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
        % (kind, rid, uri, ctype, len(block))
    )
    return head.encode() + block + b"\r\n\r\n"


def http(body, ctype="text/html; charset=UTF-8", status="200 OK", extra=""):
    return ("HTTP/1.1 %s\r\nContent-Type: %s\r\n%s\r\n" % (status, ctype, extra)).encode() + body


def chunked(b, size=40):
    out = b""
    for i in range(0, len(b), size):
        part = b[i : i + size]
        out += b"%x\r\n" % len(part) + part + b"\r\n"
    return out + b"0\r\n\r\n"


recs = [
    record("warcinfo", "", b"software: test\r\n", "application/warc-fields", "info"),
    record("request", "https://wire.example/a1", b"GET /a1 HTTP/1.1\r\n\r\n", "application/http; msgtype=request", "req1"),
    record("response", "https://wire.example/a1", http(PAGE.encode()), rid="page-1"),
    record("response", "https://wire.example/logo.png", http(b"\x89PNG....", "image/png"), rid="img"),
    record("response", "https://wire.example/old", http(b"", status="301 Moved Permanently"), rid="moved"),
    b"this is not a WARC record\r\n\r\n",
    record(
        "response",
        "https://wire.example/a2",
        http(chunked(gzip.compress(PAGE2.encode())), extra="Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n"),
        rid="page-2",
    ),
    record("response", "https://wire.example/empty", http(b"<html><body><div>menu</div></body></html>"), rid="empty"),
]
with open(sys.argv[1], "wb") as f:
    f.write(b"".join(recs))
with open(sys.argv[2], "wb") as f:
    for r in recs:
        f.write(gzip.compress(r))
