/* http_api.h -- the JSON API of `dyad serve`, independent of the HTTP
 * library: a request (method, path, query arguments, body) goes in, a
 * status and a JSON body come out. */
#ifndef DYAD_HTTP_API_H
#define DYAD_HTTP_API_H

#include <pthread.h>
#include <stddef.h>

#include "dyad.h"

typedef struct http_api {
    dyad_store *store;   /* one connection, used under lock */
    const dyad_ctx *ctx; /* dictionaries for POST /api/articles (read-only) */
    pthread_mutex_t lock;
} http_api;

/* Value of query argument name of request req, NULL when absent. */
typedef const char *(*http_arg_fn)(void *req, const char *name);

typedef struct http_reply {
    int status;
    char *body; /* malloc'd JSON, NUL-terminated */
    size_t len;
} http_reply;

/* Answers a request whose path starts with /api/. Never fails: errors are
 * {"error": "..."} replies with a 4xx (or 500) status. */
void http_api_handle(http_api *api, const char *method, const char *path, http_arg_fn arg, void *req,
                     const char *body, size_t body_len, http_reply *out);

/* Fills out with {"error": msg} and status. */
void http_error(http_reply *out, int status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

#endif
