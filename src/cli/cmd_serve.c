/* cmd_serve.c -- `dyad serve`: the HTTP server (libmicrohttpd, its own
 * threads) in front of an event store. Requests under /api/ go to
 * http_api.c; everything else is a file of the built dashboard. Bodies have
 * a size limit (413 over it), static paths are checked against traversal,
 * and every error is JSON with a 4xx status. */
#define _DEFAULT_SOURCE /* strdup, realpath */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "cli.h"
#include "http_api.h"

#define DEFAULT_MAX_BODY (1L << 20) /* bytes of a POST body */
#define DEFAULT_REQUEST_TIMEOUT 30L /* seconds to send a whole request */

/* A connection as the deadline sees it: the request it is sending began
 * at since; answering once a response is queued (a slow reader of a large
 * answer is not cut); cut once shut down. */
typedef struct watch {
    pthread_mutex_t *lock; /* the server's watch_lock */
    int fd;
    struct timespec since;
    int answering, cut;
    struct watch *prev, *next;
} watch;

typedef struct server {
    http_api api;
    char web[PATH_MAX]; /* the dashboard directory, "" when none */
    long max_body;
    const char *token;          /* what write requests must send as "Authorization:
                                   Bearer TOKEN"; NULL: none (writes off unless
                                   allow_post) */
    int allow_post;             /* --allow-post: writes with no token */
    const char *host;           /* the bound address, "0.0.0.0" for all */
    const char *cors;           /* --cors: the origin whose pages may read (and, with the
                                   token, write), "*" any page may read; NULL: none */
    unsigned port;              /* the bound port */
    long request_timeout;       /* seconds a client has to send one whole request */
    pthread_mutex_t watch_lock; /* guards watches and gone, taken by the server's threads */
    watch *watches;
    long gone; /* requests stopped since the last report, their client gone */
} server;

/* The connection's watch (its socket context), NULL if none. */
static watch *watch_of(struct MHD_Connection *c) {
    const union MHD_ConnectionInfo *i = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return i ? i->socket_context : NULL;
}

/* Marks the connection's request answered (1) or a new one begun (0). */
static void watch_mark(struct MHD_Connection *c, int answering) {
    watch *w = watch_of(c);
    if (!w) return;
    pthread_mutex_lock(w->lock);
    w->answering = answering;
    if (!answering) clock_gettime(CLOCK_MONOTONIC, &w->since);
    pthread_mutex_unlock(w->lock);
}

/* Keeps the list of open connections: one watch each, from the moment
 * it is accepted until it is closed (libmicrohttpd tells before it closes
 * the socket, so the list never holds a closed descriptor). */
static void on_connection(void *cls, struct MHD_Connection *c, void **ctx,
                          enum MHD_ConnectionNotificationCode what) {
    server *sv = cls;
    watch *w = *ctx;
    if (what == MHD_CONNECTION_NOTIFY_STARTED) {
        const union MHD_ConnectionInfo *i =
            MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
        if (!i || !(w = calloc(1, sizeof *w))) return;
        w->fd = i->connect_fd;
        w->lock = &sv->watch_lock;
        clock_gettime(CLOCK_MONOTONIC, &w->since);
        pthread_mutex_lock(&sv->watch_lock);
        w->next = sv->watches;
        if (w->next) w->next->prev = w;
        sv->watches = w;
        pthread_mutex_unlock(&sv->watch_lock);
        *ctx = w;
    } else if (what == MHD_CONNECTION_NOTIFY_CLOSED && w) {
        pthread_mutex_lock(&sv->watch_lock);
        if (w->prev)
            w->prev->next = w->next;
        else
            sv->watches = w->next;
        if (w->next) w->next->prev = w->prev;
        pthread_mutex_unlock(&sv->watch_lock);
        free(w);
        *ctx = NULL;
    }
}

/* The whole-request deadline: shuts down each connection that has spent
 * more than request_timeout seconds sending one request (headers and
 * body), however slowly it trickles; libmicrohttpd then closes it.
 * Returns how many were cut. */
static int cut_slow(server *sv) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    int n = 0;
    pthread_mutex_lock(&sv->watch_lock);
    for (watch *w = sv->watches; w; w = w->next)
        if (!w->answering && !w->cut && now.tv_sec - w->since.tv_sec > sv->request_timeout) {
            shutdown(w->fd, SHUT_RDWR);
            w->cut = 1;
            n++;
        }
    pthread_mutex_unlock(&sv->watch_lock);
    return n;
}

/* Per-request state: the body as it arrives, and a refusal decided from
 * the headers (the body is then read and dropped). */
typedef struct request {
    char *body;
    size_t len;
    int too_big;
    int refused; /* an HTTP status, 0 when accepted */
    char why[160];
} request;

/* Headers on every answer: no sniffing, no framing, no referrer, and for
 * the dashboard only its own scripts, styles and API. */
static void guard_headers(struct MHD_Response *r) {
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(
        r, "Content-Security-Policy",
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "object-src 'none'; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
}

/* Headers an answer may carry besides the usual ones: Allow (a 405's),
 * Link (the next page), Access-Control-Allow-Origin (--cors), Content-Encoding: gzip, and those
 * answering a CORS preflight. */
typedef struct extra_headers {
    const char *allow, *origin, *link;
    int gz, preflight;
} extra_headers;

/* Sends body (taken over) with status and the headers of x (NULL: none);
 * type NULL for an answer without a body. */
static enum MHD_Result send_bytes(struct MHD_Connection *c, int status, const char *type, char *body,
                                  size_t len, const extra_headers *x) {
    struct MHD_Response *r = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
    if (!r) {
        free(body);
        return MHD_NO;
    }
    if (type) MHD_add_response_header(r, "Content-Type", type);
    guard_headers(r);
    MHD_add_response_header(r, "Cache-Control", "no-store");
    if (status == 401) MHD_add_response_header(r, "WWW-Authenticate", "Bearer realm=\"dyad\"");
    if (x && x->allow) MHD_add_response_header(r, "Allow", x->allow);
    if (x && x->link) MHD_add_response_header(r, "Link", x->link);
    if (type && !strcmp(type, "application/json"))
        MHD_add_response_header(r, "Vary", "Accept-Encoding, Origin");
    if (x && x->preflight) {
        MHD_add_response_header(r, "Access-Control-Allow-Methods", "GET, HEAD, POST");
        MHD_add_response_header(r, "Access-Control-Allow-Headers", "Authorization, Content-Type");
        MHD_add_response_header(r, "Access-Control-Max-Age", "600");
        MHD_add_response_header(r, "Vary", "Origin");
    }
    if (x && x->gz) MHD_add_response_header(r, "Content-Encoding", "gzip");
    if (x && x->origin) MHD_add_response_header(r, "Access-Control-Allow-Origin", x->origin);
    enum MHD_Result ret = MHD_queue_response(c, (unsigned)status, r);
    MHD_destroy_response(r);
    watch_mark(c, 1);
    return ret;
}

/* Whether the client takes gzip (Accept-Encoding names it, not with q=0). */
static int takes_gzip(struct MHD_Connection *c) {
    const char *ae = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_ENCODING);
    for (const char *p = ae; p && (p = strstr(p, "gzip")) != NULL; p += 4) {
        if (p > ae && p[-1] != ' ' && p[-1] != ',') continue;
        const char *q = p + 4;
        while (*q == ' ') q++;
        if (*q == ',' || !*q) return 1;
        if (*q != ';') continue;
        const char *v = strstr(q, "q=");
        return !v || strtod(v + 2, NULL) > 0;
    }
    return 0;
}

/* body[0..*len) gzip'd into a new buffer (len updated), NULL when it
 * cannot be (out of memory): the body then goes as it is. */
static char *gzip_body(const char *body, size_t *len) {
    z_stream z;
    memset(&z, 0, sizeof z);
    if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return NULL;
    uLong cap = deflateBound(&z, (uLong)*len);
    char *out = malloc(cap);
    if (out) {
        z.next_in = (Bytef *)body;
        z.avail_in = (uInt)*len;
        z.next_out = (Bytef *)out;
        z.avail_out = (uInt)cap;
        if (deflate(&z, Z_FINISH) == Z_STREAM_END) {
            *len = z.total_out;
        } else {
            free(out);
            out = NULL;
        }
    }
    deflateEnd(&z);
    return out;
}

#define GZIP_MIN 1024 /* smaller answers go as they are */

/* MHD's reader of a download: its next bytes, or the end of it. */
static ssize_t download_read(void *cls, uint64_t pos, char *buf, size_t max) {
    (void)pos;
    long n = http_download_read(cls, buf, max);
    return n > 0    ? (ssize_t)n
           : n == 0 ? MHD_CONTENT_READER_END_OF_STREAM
                    : MHD_CONTENT_READER_END_WITH_ERROR;
}

static void download_free(void *cls) { http_download_free(cls); }

/* Sends a download (taken over): its bytes as the client reads them. */
static enum MHD_Result send_download(struct MHD_Connection *c, http_reply *rep, const char *origin) {
    struct MHD_Response *r = MHD_create_response_from_callback(
        MHD_SIZE_UNKNOWN, 64 * 1024, download_read, rep->download, download_free);
    if (!r) {
        http_download_free(rep->download);
        return MHD_NO;
    }
    char disp[128];
    snprintf(disp, sizeof disp, "attachment; filename=\"%s\"", rep->filename);
    MHD_add_response_header(r, "Content-Type", rep->type);
    MHD_add_response_header(r, "Content-Disposition", disp);
    guard_headers(r);
    MHD_add_response_header(r, "Cache-Control", "no-store");
    if (origin) MHD_add_response_header(r, "Access-Control-Allow-Origin", origin);
    enum MHD_Result ret = MHD_queue_response(c, 200, r);
    MHD_destroy_response(r);
    watch_mark(c, 1);
    return ret;
}

/* Sends an API answer; origin: its Access-Control-Allow-Origin, or NULL. */
static enum MHD_Result send_reply(struct MHD_Connection *c, http_reply *rep, const char *origin) {
    if (rep->download) return send_download(c, rep, origin);
    enum MHD_Result ret = MHD_NO;
    extra_headers x = {.allow = rep->allow, .origin = origin, .link = rep->link};
    size_t zl = rep->len;
    char *z = rep->body && rep->len >= GZIP_MIN && rep->len <= UINT_MAX && takes_gzip(c)
                  ? gzip_body(rep->body, &zl)
                  : NULL;
    if (!rep->body)
        ; /* out of memory: no answer */
    else if (!z)
        ret = send_bytes(c, rep->status, "application/json", rep->body, rep->len, &x);
    else {
        free(rep->body);
        x.gz = 1;
        ret = send_bytes(c, rep->status, "application/json", z, zl, &x);
    }
    free(rep->link);
    return ret;
}

static enum MHD_Result send_error(struct MHD_Connection *c, int status, const char *msg) {
    http_reply rep = {0};
    http_error(&rep, status, "%s", msg);
    return send_reply(c, &rep, NULL);
}

static const char *arg_of(void *req, const char *name) {
    return MHD_lookup_connection_value(req, MHD_GET_ARGUMENT_KIND, name);
}

/* Counts the query arguments up to the one wanted. */
typedef struct arg_at {
    int i;
    const char *name;
} arg_at;

static enum MHD_Result next_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value) {
    (void)kind, (void)value;
    arg_at *a = cls;
    if (a->i-- > 0) return MHD_YES;
    a->name = key;
    return MHD_NO;
}

static const char *arg_name_of(void *req, int i) {
    arg_at a = {i, NULL};
    MHD_get_connection_values(req, MHD_GET_ARGUMENT_KIND, next_arg, &a);
    return a.name;
}

/* Whether the client of connection req has gone: its socket reads as
 * closed (end of file, or reset) without waiting. A request sent after
 * this one (pipelined) hides the end, which is then seen when answering. */
static int gone_of(void *req) {
    const union MHD_ConnectionInfo *i = MHD_get_connection_info(req, MHD_CONNECTION_INFO_CONNECTION_FD);
    if (!i) return 0;
    char b;
    ssize_t n = recv(i->connect_fd, &b, 1, MSG_PEEK | MSG_DONTWAIT);
    return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR);
}

static const char *mime_type(const char *path) {
    static const char *const types[][2] = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json"},
        {".png", "image/png"},
        {".svg", "image/svg+xml"},
        {".ico", "image/x-icon"},
        {".map", "application/json"},
    };
    const char *dot = strrchr(path, '/');
    dot = strrchr(dot ? dot : path, '.');
    for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
        if (!strcmp(dot, types[i][0])) return types[i][1];
    return "application/octet-stream";
}

/* Whether a (decoded) URL path is safe to look up under the dashboard
 * directory: letters, digits, '-', '_', '.' and '/', no segment starting
 * with a dot (so no "..", no hidden files). */
static int safe_path(const char *p) {
    if (p[0] != '/' || strlen(p) > 200) return 0;
    for (const char *s = p; *s; s++) {
        char c = *s;
        int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '-' || c == '_' || c == '.' || c == '/';
        if (!ok) return 0;
        if (c == '/' && s[1] == '.') return 0;
    }
    return 1;
}

/* Serves a file of the dashboard; "/" is index.html. */
static enum MHD_Result send_static(server *sv, struct MHD_Connection *c, const char *method,
                                   const char *url) {
    if (strcmp(method, "GET") && strcmp(method, "HEAD")) return send_error(c, 405, "method not allowed");
    if (!safe_path(url)) return send_error(c, 400, "bad path");
    if (!sv->web[0]) return send_error(c, 404, "no dashboard directory (see --web)");
    char path[PATH_MAX + 256];
    snprintf(path, sizeof path, "%s%s", sv->web, strcmp(url, "/") ? url : "/index.html");
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        if (fd >= 0) close(fd);
        return send_error(c, 404, "not found");
    }
    struct MHD_Response *r = MHD_create_response_from_fd((uint64_t)st.st_size, fd);
    if (!r) {
        close(fd);
        return MHD_NO;
    }
    MHD_add_response_header(r, "Content-Type", mime_type(path));
    guard_headers(r);
    enum MHD_Result ret = MHD_queue_response(c, MHD_HTTP_OK, r);
    MHD_destroy_response(r);
    watch_mark(c, 1);
    return ret;
}

/* Whether s[0..n) is a loopback host name: localhost, 127.x.x.x, [::1]. */
static int loopback_name(const char *s, size_t n) {
    return (n == 9 && !strncasecmp(s, "localhost", 9)) || (n >= 4 && !strncmp(s, "127.", 4)) ||
           (n == 5 && !strncmp(s, "[::1]", 5));
}

/* Whether a request's Host header names this server: its address (any
 * loopback name when bound to loopback) and port. A server bound to all
 * addresses answers any name. Browsers send Host, so a page whose name was
 * rebound to 127.0.0.1 cannot read the API. */
static int host_ok(const server *sv, const char *h) {
    if (!strcmp(sv->host, "0.0.0.0")) return 1;
    if (!h) return 1; /* HTTP/1.0 clients may send none; browsers always do */
    const char *colon = strrchr(h, ':');
    if (colon && strchr(colon, ']')) colon = NULL; /* "[::1]" alone */
    size_t n = colon ? (size_t)(colon - h) : strlen(h);
    char *end = NULL;
    unsigned long port = colon ? strtoul(colon + 1, &end, 10) : 80;
    if (colon && (!colon[1] || *end)) return 0;
    if (port != sv->port) return 0;
    if (n == strlen(sv->host) && !strncmp(h, sv->host, n)) return 1;
    return !strncmp(sv->host, "127.", 4) && loopback_name(h, n);
}

/* Equal strings, in a time that does not depend on where they differ. */
static int same_secret(const char *a, const char *b) {
    size_t na = strlen(a), nb = strlen(b);
    unsigned char d = na != nb;
    for (size_t i = 0; i < na && i < nb; i++) d |= (unsigned char)(a[i] ^ b[i]);
    return d == 0;
}

/* The Access-Control-Allow-Origin of an answer to c: its Origin when
 * --cors names it, "*" when --cors is "*", else NULL (no header: the
 * browser keeps the answer from the page). */
static const char *cors_origin(const server *sv, struct MHD_Connection *c) {
    if (!sv->cors) return NULL;
    if (!strcmp(sv->cors, "*")) return "*";
    const char *origin = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin");
    return origin && !strcmp(origin, sv->cors) ? sv->cors : NULL;
}

/* A CORS preflight (OPTIONS with Access-Control-Request-Method) of an
 * API path: 204 with what may be sent when the origin may, else 403. */
static enum MHD_Result send_preflight(const server *sv, struct MHD_Connection *c) {
    const char *origin = cors_origin(sv, c);
    if (!origin) return send_error(c, 403, "this origin may not use the API (see dyad serve --cors)");
    extra_headers x = {.origin = origin, .preflight = 1};
    return send_bytes(c, 204, NULL, NULL, 0, &x);
}

/* For a request that writes (POST: no route takes another method that
 * writes, and those are answered 405), the status that
 * refuses it with why filled, or 0: the server must take writes (a token,
 * or --allow-post), the request carry the token, come from no other
 * origin than the server's own, and send JSON. */
static int refuse_write(const server *sv, struct MHD_Connection *c, const char *method, char *why,
                        size_t n) {
    if (strcmp(method, "POST") != 0) return 0;
    if (!sv->token && !sv->allow_post) {
        snprintf(why, n,
                 "writing is off: start dyad serve with --token (or DYAD_TOKEN), or --allow-post");
        return 403;
    }
    if (sv->token) {
        const char *auth =
            MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
        if (!auth || strncmp(auth, "Bearer ", 7) || !same_secret(auth + 7, sv->token)) {
            snprintf(
                why, n,
                "this request needs the header \"Authorization: Bearer TOKEN\" with the server's token");
            return 401;
        }
    }
    const char *origin = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin");
    const char *host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST);
    int own = host && !strncmp(origin ? origin : "", "http://", 7) && !strcmp(origin + 7, host);
    if (origin && !own && !(sv->cors && !strcmp(origin, sv->cors))) {
        snprintf(why, n, "a request from another origin (%.60s) may not write", origin);
        return 403;
    }
    const char *type = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
    size_t tl = type ? strcspn(type, "; ") : 0;
    if (!type || tl != 16 || strncasecmp(type, "application/json", 16)) {
        snprintf(why, n, "the body must be sent as Content-Type: application/json");
        return 415;
    }
    return 0;
}

/* The longest URL and the most header bytes a request may send, answered
 * 414 and 431 in JSON here; libmicrohttpd's own (HTML) answers come only
 * past CONN_MEMORY, its buffer for them. */
#define MAX_URL 8192
#define MAX_HEADERS 32768
#define CONN_MEMORY ((size_t)256 * 1024)

static enum MHD_Result add_header_bytes(void *cls, enum MHD_ValueKind kind, const char *key,
                                        const char *value) {
    (void)kind;
    *(size_t *)cls += strlen(key) + (value ? strlen(value) : 0) + 4;
    return MHD_YES;
}

/* libmicrohttpd's access handler: called once with the headers, then for
 * each piece of the body, then once more with none to answer. */
static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version, const char *upload,
                                  size_t *upload_size, void **state) {
    (void)version;
    server *sv = cls;
    request *rq = *state;
    if (!rq) {
        rq = calloc(1, sizeof *rq);
        if (!rq) return MHD_NO;
        *state = rq;
        const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (cl && strtoll(cl, NULL, 10) > sv->max_body) rq->too_big = 1;
        const char *host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST);
        size_t hbytes = 0, ubytes = strlen(url);
        MHD_get_connection_values(c, MHD_HEADER_KIND, add_header_bytes, &hbytes);
        MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, add_header_bytes, &ubytes);
        if (ubytes > MAX_URL) {
            rq->refused = 414;
            snprintf(rq->why, sizeof rq->why, "URL over %d bytes", MAX_URL);
        } else if (hbytes > MAX_HEADERS) {
            rq->refused = 431;
            snprintf(rq->why, sizeof rq->why, "request headers over %d bytes", MAX_HEADERS);
        } else if (!host_ok(sv, host)) {
            rq->refused = 403;
            snprintf(rq->why, sizeof rq->why, "Host '%.60s' is not this server's name", host);
        } else {
            rq->refused = refuse_write(sv, c, method, rq->why, sizeof rq->why);
        }
        if (rq->refused) rq->too_big = 0;
        return MHD_YES;
    }
    if (*upload_size) {
        if (rq->refused) {
            *upload_size = 0; /* read and dropped */
            return MHD_YES;
        }
        if (!rq->too_big && rq->len + *upload_size <= (size_t)sv->max_body) {
            char *b = realloc(rq->body, rq->len + *upload_size + 1);
            if (!b) return MHD_NO;
            memcpy(b + rq->len, upload, *upload_size);
            rq->body = b;
            rq->len += *upload_size;
            rq->body[rq->len] = '\0';
        } else {
            rq->too_big = 1; /* the rest is read and dropped */
        }
        *upload_size = 0;
        return MHD_YES;
    }
    if (rq->refused) return send_error(c, rq->refused, rq->why);
    if (rq->too_big) {
        char msg[96];
        snprintf(msg, sizeof msg, "request body over %ld bytes", sv->max_body);
        return send_error(c, 413, msg);
    }
    if (strncmp(url, "/api/", 5) && strcmp(url, "/api")) return send_static(sv, c, method, url);
    if (!strcmp(method, "OPTIONS") &&
        MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Access-Control-Request-Method"))
        return send_preflight(sv, c);
    http_reply rep = {0};
    http_request hr = {method,
                       strcmp(url, "/api") ? url : "/api/",
                       arg_of,
                       arg_name_of,
                       gone_of,
                       c,
                       rq->body ? rq->body : "",
                       rq->len};
    http_api_handle(&sv->api, &hr, &rep);
    if (rep.gone) { /* nobody to answer: the connection is closed */
        pthread_mutex_lock(&sv->watch_lock);
        sv->gone++;
        pthread_mutex_unlock(&sv->watch_lock);
        return MHD_NO;
    }
    return send_reply(c, &rep, cors_origin(sv, c));
}

static void on_done(void *cls, struct MHD_Connection *c, void **state,
                    enum MHD_RequestTerminationCode why) {
    (void)cls, (void)why;
    watch_mark(c, 0); /* the next request's time starts */
    request *rq = *state;
    if (rq) free(rq->body);
    free(rq);
    *state = NULL;
}

/* The --db value as the log shows it: the password of a URI's user part
 * (between ':' and '@' before the host) becomes "***". */
static void shown_db(const char *db, char *buf, size_t n) {
    size_t len, pw = dyad_uri_password(db, &len);
    if (pw)
        snprintf(buf, n, "%.*s***%s", (int)pw, db, db + pw + len);
    else
        snprintf(buf, n, "%s", db);
}

/* The options of dyad serve. */
typedef struct serve_opts {
    const char *db, *host, *web, *token, *cors, *dicts[CLI_MAX_DICTS];
    long port, max_body, request_timeout;
    int ndicts, allow_post;
} serve_opts;

/* Whether v is "*" or an origin: http:// or https://, a host, maybe a
 * port, nothing after (as browsers send it in Origin). */
static int is_origin(const char *v) {
    if (!strcmp(v, "*")) return 1;
    const char *h = !strncmp(v, "http://", 7) ? v + 7 : !strncmp(v, "https://", 8) ? v + 8 : NULL;
    if (!h || !*h) return 0;
    for (; *h; h++)
        if (!(isalnum((unsigned char)*h) || *h == '.' || *h == '-' || *h == ':' || *h == '[' ||
              *h == ']'))
            return 0;
    return 1;
}

enum {
    SV_DICT = 'd',
    SV_DB = CLI_LONG,
    SV_PORT,
    SV_HOST,
    SV_WEB,
    SV_TOKEN,
    SV_ALLOW_POST,
    SV_CORS,
    SV_MAX_BODY,
    SV_TIMEOUT
};

static const cli_opt SERVE_OPTS[] = {
    {SV_DB, "db", "FILE|URI", "the store: an SQLite file (default dyad.db) or postgresql://..."},
    {SV_PORT, "port", "N", "listen on port N (default 8080; 0: any free one, logged)"},
    {SV_HOST, "host", "ADDR", "listen on the IPv4 address ADDR (default 127.0.0.1: this machine only)"},
    {SV_WEB, "web", "DIR", "the dashboard to serve (default: web/ beside the binary, else build/web)"},
    {SV_DICT, "dict", "PATH", "dictionaries for POST /api/articles (repeatable); default: Dyad's own"},
    {SV_TOKEN, "token", "TOKEN",
     "write requests must send Authorization: Bearer TOKEN (or $DYAD_TOKEN)"},
    {SV_ALLOW_POST, "allow-post", NULL, "take POST /api/articles with no token (trusted networks only)"},
    {SV_CORS, "cors", "ORIGIN|*", "pages of ORIGIN may use the API (*: any page may read)"},
    {SV_MAX_BODY, "max-body", "BYTES", "refuse request bodies over BYTES (default 1048576)"},
    {SV_TIMEOUT, "request-timeout", "SECONDS",
     "close a connection that takes longer to send a request (default 30)"},
    {0},
};

/* A positive number (or, with zero, a port: 0 to 65535) in *out. */
static int serve_number(const char *v, long max, int zero, long *out) {
    char *end;
    long n = strtol(v, &end, 10);
    if (*end || end == v || n < (zero ? 0 : 1) || n > max) return -1;
    *out = n;
    return 0;
}

static int serve_opt(void *ud, int key, const char *v) {
    serve_opts *o = ud;
    switch (key) {
    case SV_ALLOW_POST: o->allow_post = 1; break;
    case SV_DB: o->db = v; break;
    case SV_HOST: o->host = v; break;
    case SV_WEB: o->web = v; break;
    case SV_TOKEN:
        if (!*v) return cli_usage_error(&cli_serve, "--token: empty");
        o->token = v;
        break;
    case SV_CORS:
        if (!is_origin(v))
            return cli_usage_error(&cli_serve,
                                   "--cors: '%s' is not an origin (https://host[:port]) or *", v);
        o->cors = v;
        break;
    case SV_DICT: return cli_add_dict(&cli_serve, o->dicts, &o->ndicts, v);
    case SV_PORT:
        if (serve_number(v, 65535, 1, &o->port) != 0)
            return cli_usage_error(&cli_serve, "--port: '%s' is not a port (0-65535)", v);
        break;
    case SV_MAX_BODY:
        if (serve_number(v, LONG_MAX, 0, &o->max_body) != 0)
            return cli_usage_error(&cli_serve, "--max-body: '%s' is not a number of bytes", v);
        break;
    case SV_TIMEOUT:
        if (serve_number(v, LONG_MAX, 0, &o->request_timeout) != 0)
            return cli_usage_error(&cli_serve, "--request-timeout: '%s' is not a number of seconds", v);
        break;
    }
    return CLI_GO;
}

/* Reads dyad serve's options into o: CLI_GO, or the exit status (0 after
 * --help, 2 after saying what is wrong). */
static int serve_options(int argc, char **argv, serve_opts *o) {
    *o = (serve_opts){.db = "dyad.db",
                      .host = "127.0.0.1",
                      .token = getenv("DYAD_TOKEN"),
                      .port = 8080,
                      .max_body = DEFAULT_MAX_BODY,
                      .request_timeout = DEFAULT_REQUEST_TIMEOUT};
    int first, rc = cli_parse(&cli_serve, argc, argv, serve_opt, o, &first);
    if (rc != CLI_GO) return rc;
    if (first < argc) return cli_usage_error(&cli_serve, "takes no operands ('%s')", argv[first]);
    return CLI_GO;
}

/* libmicrohttpd's messages, to stderr, but for the one it gives for each
 * request closed without an answer, as those whose client had gone are
 * (counted by report_gone instead). */
static void mhd_log(void *cls, const char *fmt, va_list ap) {
    (void)cls;
    if (!strncmp(fmt, "Application reported internal error", 35)) return;
    vfprintf(stderr, fmt, ap);
}

/* The number of server threads, each answering one request at a time
 * with a store connection of its own: two a processor (a thread waiting
 * for a PostgreSQL server leaves its processor to the server), from 2 to
 * HTTP_API_MAX_STORES. */
static int serve_threads(void) {
    long n = 2 * sysconf(_SC_NPROCESSORS_ONLN);
    return n < 2 ? 2 : n > HTTP_API_MAX_STORES ? HTTP_API_MAX_STORES : (int)n;
}

/* Reports (to stderr) the requests stopped since the last report because
 * their client had gone. */
static void report_gone(server *sv) {
    pthread_mutex_lock(&sv->watch_lock);
    long n = sv->gone;
    sv->gone = 0;
    pthread_mutex_unlock(&sv->watch_lock);
    if (n)
        fprintf(stderr, "dyad: serve: stopped %ld request%s whose client had gone\n", n,
                n == 1 ? "" : "s");
}

/* Runs the HTTP daemon for sv on addr until SIGINT or SIGTERM, closing
 * slow requests each second; 0, or 1 when it cannot listen. */
static int run_daemon(server *sv, const struct sockaddr_in *addr, const serve_opts *o) {
    const char *host = o->host, *db = o->db;
    long port = o->port;
    int allow_post = o->allow_post;
    /* SIGINT and SIGTERM stay blocked in the server's threads (they inherit
     * this mask) and are taken by sigtimedwait below */
    signal(SIGPIPE, SIG_IGN);
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    sigprocmask(SIG_BLOCK, &block, &old);
    struct MHD_Daemon *d = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG, (uint16_t)port, NULL, NULL, on_request, sv,
        MHD_OPTION_EXTERNAL_LOGGER, mhd_log, NULL, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)addr,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)sv->api.nstores, MHD_OPTION_NOTIFY_COMPLETED, on_done, sv,
        MHD_OPTION_NOTIFY_CONNECTION, on_connection, sv, MHD_OPTION_CONNECTION_TIMEOUT, 10u,
        MHD_OPTION_CONNECTION_LIMIT, 256u, MHD_OPTION_PER_IP_CONNECTION_LIMIT, 32u,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, CONN_MEMORY, MHD_OPTION_END);
    int rc = 0;
    if (!d) {
        fprintf(stderr, "dyad: serve: cannot listen on %s:%ld\n", host, port);
        rc = 1;
    } else {
        const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
        sv->port = info ? info->port : (unsigned)port;
        if (strncmp(host, "127.", 4) != 0 && !sv->token)
            fprintf(stderr,
                    "dyad: serve: warning: listening on %s, beyond this machine, with no "
                    "--token: anyone who reaches it reads the whole store%s\n",
                    host, allow_post ? " and can write to it (--allow-post)" : "");
        char shown[512];
        shown_db(db, shown, sizeof shown);
        fprintf(stderr, "dyad: serving %s on http://%s:%u/ (dashboard: %s)\n", shown, host,
                info ? info->port : (unsigned)port, sv->web[0] ? sv->web : "none");
        fflush(stderr);
        /* wait for SIGINT or SIGTERM, cutting slow requests each second */
        for (;;) {
            struct timespec second = {1, 0};
            int sig = sigtimedwait(&block, NULL, &second);
            if (sig == SIGINT || sig == SIGTERM) break;
            report_gone(sv);
            int cut = cut_slow(sv);
            if (cut)
                fprintf(stderr,
                        "dyad: serve: closed %d connection%s that took over %ld s to send a request\n",
                        cut, cut == 1 ? "" : "s", sv->request_timeout);
        }
        MHD_stop_daemon(d);
        report_gone(sv);
        fputs("dyad: serve: stopped\n", stderr);
    }
    return rc;
}

static int cmd_serve(int argc, char **argv) {
    serve_opts o;
    int go = serve_options(argc, argv, &o);
    if (go != CLI_GO) return go;
    const char *db = o.db, *host = o.host, *web = o.web, *token = o.token;
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)o.port);
    if (inet_pton(AF_INET, host, &addr.sin_addr) != 1) {
        fprintf(stderr, "dyad: serve: --host: '%s' is not an IPv4 address\n", host);
        return CLI_EXIT_USAGE;
    }
    server *sv = calloc(1, sizeof *sv);
    if (!sv) return 1;
    sv->max_body = o.max_body;
    sv->request_timeout = o.request_timeout;
    pthread_mutex_init(&sv->watch_lock, NULL);
    sv->token = token && *token ? token : NULL;
    sv->allow_post = o.allow_post;
    sv->cors = o.cors;
    sv->host = host;
    if (web) {
        if (!realpath(web, sv->web)) {
            fprintf(stderr, "dyad: serve: --web: cannot open '%s': %s\n", web, strerror(errno));
            free(sv);
            return 1;
        }
    } else {
        char buf[PATH_MAX], where[4 * PATH_MAX];
        if (!cli_data_find(CLI_DATA_WEB, buf, sizeof buf) || !realpath(buf, sv->web)) {
            sv->web[0] = '\0';
            fprintf(stderr, "dyad: serve: no dashboard (looked in %s); the API is served alone\n",
                    cli_data_tried(CLI_DATA_WEB, where, sizeof where));
        }
    }
    cli_warn w = {0, 1, NULL};
    dyad_ctx *ctx = cli_load_dicts(o.dicts, o.ndicts, &w);
    if (!ctx) fputs("dyad: serve: no dictionaries; POST /api/articles is disabled\n", stderr);
    dyad_error err;
    http_api_init(&sv->api, ctx);
    sv->api.openapi = openapi_json;
    int rc = 0;
    /* an SQLite database in memory is one connection's own: one for all */
    int memory = !*db || !strcmp(db, ":memory:") || strstr(db, "mode=memory");
    /* a server that takes no writes only reads: a store that is not there
     * is an error, not an empty one made */
    dyad_store_mode mode = sv->token || sv->allow_post ? DYAD_STORE_CREATE : DYAD_STORE_READONLY;
    for (int i = memory ? 1 : serve_threads(); rc == 0 && sv->api.nstores < i; sv->api.nstores++)
        if (dyad_store_open_mode(&sv->api.stores[sv->api.nstores], db, mode, &err) != DYAD_OK) {
            cli_error(&err);
            rc = 1;
        }
    if (rc == 0) rc = run_daemon(sv, &addr, &o);
    for (int i = 0; i < sv->api.nstores; i++) dyad_store_close(sv->api.stores[i]);
    http_api_destroy(&sv->api);
    pthread_mutex_destroy(&sv->watch_lock);
    dyad_ctx_free(ctx);
    free(sv);
    return rc;
}

const cli_cmd cli_serve = {
    .name = "serve",
    .operands = "",
    .summary = "serve the store: an HTTP JSON API under /api/ and the analysts' dashboard",
    .text = "Listens on 127.0.0.1:8080 until SIGINT or SIGTERM. Reads are open to\n"
            "whoever reaches it; POST /api/articles (code and store articles) needs\n"
            "--token or --allow-post, and without either the store is opened\n"
            "read-only (it must exist). docs/serve.md describes the routes; GET\n"
            "/api/openapi.json gives them as OpenAPI 3.1.\n",
    .opts = SERVE_OPTS,
    .run = cmd_serve,
};
