/* http_api.h -- the JSON API of `dyad serve`, independent of the HTTP
 * library: a request (method, path, query arguments, body) goes in, a
 * status and a JSON body come out. */
#ifndef DYAD_HTTP_API_H
#define DYAD_HTTP_API_H

#include <pthread.h>
#include <stddef.h>

#include "dyad.h"

/* The most store connections an API keeps (one per request served at
 * once). */
#define HTTP_API_MAX_STORES 16

typedef struct http_api {
    /* the pool: nstores connections to one store, each used by one
     * request at a time (taken and given back under lock) */
    dyad_store *stores[HTTP_API_MAX_STORES];
    int nstores;
    unsigned char taken[HTTP_API_MAX_STORES];
    const dyad_ctx *ctx; /* dictionaries for POST /api/articles (read-only) */
    const char *openapi; /* the OpenAPI description served at /api/openapi.json, NULL: none */
    int download_page;   /* events a download reads from the store at a time; 0: 2000 */
    pthread_mutex_t lock;
    pthread_cond_t freed; /* signalled when a connection is given back */
} http_api;

/* The API's OpenAPI 3.1 description (src/api/openapi.json), embedded in
 * the dyad binary at build time; the server sets api->openapi to it. */
extern const char openapi_json[];

/* Sets up api's lock with no connections in the pool; the caller then
 * fills stores and nstores. */
void http_api_init(http_api *api, const dyad_ctx *ctx);
/* Frees the lock; the caller closes the stores. */
void http_api_destroy(http_api *api);

/* Value of query argument name of request req, NULL when absent. */
typedef const char *(*http_arg_fn)(void *req, const char *name);
/* Name of query argument i (0, 1, ...) of request req, NULL past the last. */
typedef const char *(*http_arg_name_fn)(void *req, int i);
/* Whether the client of request req has gone (closed its connection):
 * asked now and then while a read runs, which then stops. */
typedef int (*http_gone_fn)(void *req);

/* A request as the HTTP library hands it over; req is the library's
 * handle, given to the functions. */
typedef struct http_request {
    const char *method, *path; /* path starts with /api/ */
    http_arg_fn arg;
    http_arg_name_fn arg_name; /* NULL: arguments are not checked by name */
    http_gone_fn gone;         /* NULL: the client is never gone */
    void *req;
    const char *body;
    size_t body_len;
} http_request;

/* A download under way: every event of a query, a page at a time. */
typedef struct http_download http_download;

typedef struct http_reply {
    int status;
    char *body; /* malloc'd JSON, NUL-terminated; NULL when gone */
    size_t len;
    int gone;          /* the client went away during the request: no answer */
    const char *allow; /* with a 405: the methods the path takes, for Allow */
    char *link;        /* malloc'd value of a Link header (the next page), or NULL; the
                          server frees it */
    /* a download (status 200, no body): its bytes come from
       http_download_read; the server frees it with http_download_free */
    http_download *download;
    const char *type;     /* its Content-Type */
    const char *filename; /* its name, for Content-Disposition */
} http_reply;

/* The next bytes of download d into buf (at most n): how many, 0 at its
 * end, -1 when reading the store failed (the download is then cut short). */
long http_download_read(http_download *d, char *buf, size_t n);
void http_download_free(http_download *d);

/* Answers a request whose path starts with /api/. Never fails: errors are
 * {"error": "..."} replies with a 4xx (or 500) status (a query argument
 * the route does not take is a 400 naming it; a method it does not take a
 * 405 with allow set), except when rq->gone says the client has gone: a
 * read then stops and out has gone set and no body. */
void http_api_handle(http_api *api, const http_request *rq, http_reply *out);

/* Fills out with {"error": msg} and status. */
void http_error(http_reply *out, int status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

#endif
