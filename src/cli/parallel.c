/* parallel.c -- `--jobs N`: articles coded by N worker threads that share
 * one read-only dyad_ctx, and handed back to the reading thread in input
 * order, so that what a command writes is the same whatever N. The
 * reading thread reads, copies each article into a ring of 4*N slots and
 * writes (or stores) what comes out; the workers only call dyad_code.
 * Reader warnings wait in the ring with the article after them, so stderr
 * keeps the order of one thread too. With N = 1 there are no threads:
 * each article is coded in the reading thread as it is read. A caller that
 * keeps articles in flight (ingest, which stores them) has one worker even
 * with N = 1, and its articles handed back in a thread of their own, so
 * that reading, coding and storing overlap. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* Articles in flight per worker: enough to keep each busy while the one
 * at the head is written, few enough for memory to stay flat. */
#define SLOTS_PER_JOB 4

/* One article in flight with the reader warnings printed before it. */
typedef struct slot {
    parallel_job job;
    char *notes; /* "dyad: warning: ...\n" lines, NULL when none */
    long nnotes; /* warnings counted with them (printed or quiet) */
    int done;    /* coded (under mu) */
} slot;

struct parallel {
    const dyad_ctx *ctx;
    cli_warn *w;
    parallel_work_fn work;
    parallel_fn fn;
    void *ud;
    int nthreads; /* 0: coded in the caller's thread */
    pthread_t *threads;
    slot *ring;
    size_t cap;
    /* counters, not indexes (slot i is ring[i % cap]): handed back below
     * head, taken by a worker below next, submitted below tail */
    size_t head, next, tail;
    pthread_mutex_t mu;
    pthread_cond_t queued; /* a slot was submitted, or quit */
    pthread_cond_t coded;  /* the head slot was coded */
    pthread_cond_t handed; /* the head slot was handed back (handing thread) */
    pthread_t hander;      /* hands the articles back, when handing */
    int handing;
    int quit;
    int stopped; /* fn said stop, or out of memory: the rest is dropped */
    /* reader warnings since the last article submitted */
    char *notes;
    size_t nlen, ncap;
    long nnotes;
};

int parallel_default_jobs(void) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1) return 1;
    return n > PARALLEL_MAX_JOBS ? PARALLEL_MAX_JOBS : (int)n;
}

int parallel_jobs_arg(const char *s, int *out) {
    char *end;
    long v = strtol(s, &end, 10);
    if (end == s || *end || v < 1 || v > PARALLEL_MAX_JOBS) {
        fprintf(stderr, "dyad: --jobs: '%s' is not a number of threads (1 to %d)\n", s,
                PARALLEL_MAX_JOBS);
        return -1;
    }
    *out = (int)v;
    return 0;
}

static char *own(const char *s) { return strdup(s ? s : ""); }

static void article_free(dyad_article *a) {
    free((char *)a->id), free((char *)a->date), free((char *)a->source);
    free((char *)a->title), free((char *)a->url), free((char *)a->file), free((char *)a->text);
    memset(a, 0, sizeof *a);
}

/* Copies a into out, every string owned; -1 when out of memory. */
static int article_copy(dyad_article *out, const dyad_article *a) {
    *out = *a;
    out->id = own(a->id);
    out->date = own(a->date);
    out->source = own(a->source);
    out->title = own(a->title);
    out->url = own(a->url);
    out->file = own(a->file);
    char *t = malloc(a->text_len + 1);
    if (t) {
        memcpy(t, a->text, a->text_len);
        t[a->text_len] = '\0';
    }
    out->text = t;
    if (!out->id || !out->date || !out->source || !out->title || !out->url || !out->file || !t) {
        article_free(out);
        return -1;
    }
    return 0;
}

static void code(const dyad_ctx *ctx, parallel_job *j) {
    j->doc = NULL;
    j->status = dyad_code(ctx, &j->a, &j->doc, &j->err);
    if (j->status != DYAD_OK) j->doc = NULL;
}

static void *worker(void *arg) {
    parallel *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->quit && p->next == p->tail) pthread_cond_wait(&p->queued, &p->mu);
        if (p->next == p->tail) break; /* quit, nothing left */
        size_t i = p->next++;
        slot *s = &p->ring[i % p->cap];
        int skip = p->stopped;
        pthread_mutex_unlock(&p->mu);
        if (!skip) {
            code(p->ctx, &s->job);
            if (p->work) p->work(p->ud, &s->job);
        }
        pthread_mutex_lock(&p->mu);
        s->done = 1;
        if (i == p->head) pthread_cond_signal(&p->coded);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

static void hand(parallel *p, slot *s);

/* The handing thread: hands the coded articles back in order, until the
 * pool quits with none left. */
static void *hander(void *arg) {
    parallel *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->quit && (p->head == p->tail || !p->ring[p->head % p->cap].done))
            pthread_cond_wait(&p->coded, &p->mu);
        if (p->head == p->tail) break; /* quit, nothing left */
        while (!p->ring[p->head % p->cap].done) pthread_cond_wait(&p->coded, &p->mu);
        slot *s = &p->ring[p->head % p->cap];
        pthread_mutex_unlock(&p->mu);
        hand(p, s);
        pthread_mutex_lock(&p->mu);
        p->head++;
        pthread_cond_broadcast(&p->handed);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

parallel *parallel_new(const dyad_ctx *ctx, int jobs, size_t depth, cli_warn *w, parallel_work_fn work,
                       parallel_fn fn, void *ud) {
    parallel *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    p->ctx = ctx;
    p->w = w;
    p->work = work;
    p->fn = fn;
    p->ud = ud;
    if (jobs <= 1 && !depth) return p;
    p->cap = (size_t)jobs * SLOTS_PER_JOB;
    if (p->cap < depth) p->cap = depth;
    p->ring = calloc(p->cap, sizeof *p->ring);
    p->threads = calloc((size_t)jobs, sizeof *p->threads);
    if (!p->ring || !p->threads) {
        parallel_free(p);
        return NULL;
    }
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->queued, NULL);
    pthread_cond_init(&p->coded, NULL);
    pthread_cond_init(&p->handed, NULL);
    /* as many workers as the system gives, up to jobs; none: coded inline */
    while (p->nthreads < jobs && pthread_create(&p->threads[p->nthreads], NULL, worker, p) == 0)
        p->nthreads++;
    if (p->nthreads == 0) {
        pthread_mutex_destroy(&p->mu);
        pthread_cond_destroy(&p->queued);
        pthread_cond_destroy(&p->coded);
        pthread_cond_destroy(&p->handed);
        free(p->ring), free(p->threads);
        p->ring = NULL, p->threads = NULL, p->cap = 0;
    } else if (depth) /* none: handed back by the submitting thread */
        p->handing = pthread_create(&p->hander, NULL, hander, p) == 0;
    return p;
}

/* Stops the pool: what is still in flight is dropped, not coded. */
static void stop(parallel *p) {
    if (p->ring) pthread_mutex_lock(&p->mu);
    p->stopped = 1; /* workers and the handing thread read it under mu */
    if (p->ring) pthread_mutex_unlock(&p->mu);
}

static int stopped(parallel *p) {
    if (p->ring) pthread_mutex_lock(&p->mu);
    int v = p->stopped;
    if (p->ring) pthread_mutex_unlock(&p->mu);
    return v;
}

/* Prints and counts a slot's warnings, hands its article to fn unless the
 * pool has stopped, then frees what fn did not take. */
static void hand(parallel *p, slot *s) {
    if (!stopped(p)) {
        if (s->notes) {
            progress_clear(p->w->progress);
            fputs(s->notes, stderr);
        }
        p->w->count += s->nnotes;
        if (p->fn(p->ud, &s->job) != 0) stop(p);
    }
    dyad_doc_free(s->job.doc);
    article_free(&s->job.a);
    free(s->job.out);
    free(s->notes);
    s->notes = NULL;
    s->nnotes = 0;
}

/* Hands back the slots at the head of the ring, in order, waiting until
 * at most keep are in flight; those already coded beyond that too. */
static void hand_back(parallel *p, size_t keep) {
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->tail - p->head > keep && !p->ring[p->head % p->cap].done)
            pthread_cond_wait(&p->coded, &p->mu);
        if (p->head == p->tail || !p->ring[p->head % p->cap].done) break;
        slot *s = &p->ring[p->head % p->cap];
        pthread_mutex_unlock(&p->mu);
        hand(p, s); /* writes without holding the workers up */
        pthread_mutex_lock(&p->mu);
        p->head++;
    }
    pthread_mutex_unlock(&p->mu);
}

void parallel_warn(void *ud, const dyad_error *w) {
    parallel *p = ud;
    if (!p->ring) { /* coded inline: nothing is waiting to be written */
        cli_warn_cb(p->w, w);
        return;
    }
    if (!p->w->quiet) {
        char line[1200];
        int n = cli_warn_line(w, line, sizeof line);
        if (p->nlen + (size_t)n + 1 > p->ncap) {
            size_t cap = p->ncap ? p->ncap * 2 : 1024;
            while (cap < p->nlen + (size_t)n + 1) cap *= 2;
            char *t = realloc(p->notes, cap);
            if (!t) { /* printed out of its place rather than lost */
                cli_warn_cb(p->w, w);
                return;
            }
            p->notes = t;
            p->ncap = cap;
        }
        memcpy(p->notes + p->nlen, line, (size_t)n + 1);
        p->nlen += (size_t)n;
    }
    p->nnotes++;
}

int parallel_submit(parallel *p, const dyad_article *a) {
    if (p->stopped) return -1;
    if (!p->ring) { /* --jobs 1: the reader's article, coded here */
        parallel_job j = {.a = *a};
        code(p->ctx, &j);
        if (p->fn(p->ud, &j) != 0) p->stopped = 1;
        dyad_doc_free(j.doc);
        return p->stopped ? -1 : 0;
    }
    if (p->handing) { /* room for one */
        pthread_mutex_lock(&p->mu);
        while (p->tail - p->head == p->cap) pthread_cond_wait(&p->handed, &p->mu);
        pthread_mutex_unlock(&p->mu);
    } else
        hand_back(p, p->cap - 1);
    if (stopped(p)) return -1;
    slot *s = &p->ring[p->tail % p->cap];
    memset(s, 0, sizeof *s);
    if (article_copy(&s->job.a, a) != 0) {
        parallel_drain(p);
        fputs("dyad: error: out of memory\n", stderr);
        stop(p);
        return -1;
    }
    s->notes = p->nlen ? p->notes : NULL;
    s->nnotes = p->nnotes;
    if (s->notes) p->notes = NULL, p->ncap = 0;
    p->nlen = 0;
    p->nnotes = 0;
    pthread_mutex_lock(&p->mu);
    p->tail++;
    pthread_cond_signal(&p->queued);
    pthread_mutex_unlock(&p->mu);
    if (!p->handing) hand_back(p, p->cap); /* what is done already, without waiting */
    return stopped(p) ? -1 : 0;
}

size_t parallel_depth(const parallel *p) { return p->ring ? p->cap : 0; }

int parallel_drain(parallel *p) {
    if (p->handing) {
        pthread_mutex_lock(&p->mu);
        while (p->head != p->tail) pthread_cond_wait(&p->handed, &p->mu);
        pthread_mutex_unlock(&p->mu);
    } else if (p->ring)
        hand_back(p, 0);
    if (!p->stopped) {
        if (p->nlen) {
            progress_clear(p->w->progress);
            fputs(p->notes, stderr);
        }
        p->w->count += p->nnotes;
    }
    progress_clear(p->w->progress); /* what is printed next is the caller's */
    p->nlen = 0;
    p->nnotes = 0;
    return p->stopped ? -1 : 0;
}

void parallel_free(parallel *p) {
    if (!p) return;
    if (p->nthreads) {
        pthread_mutex_lock(&p->mu);
        p->quit = 1;
        p->stopped = 1; /* anything still queued is dropped */
        pthread_cond_broadcast(&p->queued);
        pthread_cond_broadcast(&p->coded); /* the handing thread, idle */
        pthread_mutex_unlock(&p->mu);
        for (int i = 0; i < p->nthreads; i++) pthread_join(p->threads[i], NULL);
        if (p->handing) pthread_join(p->hander, NULL); /* it hands the rest */
        for (; p->head != p->tail; p->head++) hand(p, &p->ring[p->head % p->cap]);
        pthread_mutex_destroy(&p->mu);
        pthread_cond_destroy(&p->queued);
        pthread_cond_destroy(&p->coded);
        pthread_cond_destroy(&p->handed);
    }
    free(p->ring);
    free(p->threads);
    free(p->notes);
    free(p);
}
