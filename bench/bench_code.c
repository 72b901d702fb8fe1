/* bench_code.c -- throughput of the coder: loads dictionaries (timed),
 * reads the articles of the input files once, then codes them repeatedly
 * until at least --sentences sentences have been coded, and prints
 * sentences/s, MB/s, dictionary load time, peak RSS and a checksum of the
 * events (so a fast wrong answer shows).
 *
 *   bench_code [--sentences N] --dict PATH... -- INPUT... */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "dyad.h"

typedef struct art {
    dyad_article a;
    char *id, *date, *text;
} art;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void count_warn(void *ud, const dyad_error *w) {
    (void)w;
    ++*(long *)ud;
}

static uint64_t mix(uint64_t h, const char *s) {
    while (*s) h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
    return (h ^ 0xff) * 1099511628211ULL;
}

int main(int argc, char **argv) {
    long want = 100000, warnings = 0;
    int i = 1;
    dyad_ctx *ctx;
    dyad_error err;
    if (dyad_ctx_new(&ctx, &err) != DYAD_OK) return 1;
    double t0 = now();
    for (; i < argc && strcmp(argv[i], "--"); i++) {
        if (!strcmp(argv[i], "--sentences") && i + 1 < argc) {
            want = atol(argv[++i]);
        } else if (!strcmp(argv[i], "--dict") && i + 1 < argc) {
            const char *p = argv[++i];
            size_t l = strlen(p);
            dyad_status st =
                (l && p[l - 1] == '/')
                    ? dyad_ctx_load_dir(ctx, p, count_warn, &warnings, &err)
                    : dyad_ctx_load_file(ctx, p, DYAD_DICT_AUTO, count_warn, &warnings, &err);
            if (st != DYAD_OK) {
                char b[1024];
                fprintf(stderr, "bench: %s\n", dyad_error_format(&err, b, sizeof b));
                return 1;
            }
        }
    }
    if (dyad_ctx_finish(ctx, &err) != DYAD_OK) return 1;
    double load = now() - t0;
    art *arts = NULL;
    size_t n = 0, cap = 0, bytes = 0;
    for (i++; i < argc; i++) {
        dyad_reader *r;
        if (dyad_reader_open(&r, argv[i], DYAD_FMT_AUTO, count_warn, &warnings, &err) != DYAD_OK) {
            fprintf(stderr, "bench: cannot read %s\n", argv[i]);
            return 1;
        }
        dyad_article a;
        while (dyad_reader_next(r, &a, &err) == 1) {
            if (n == cap) {
                cap = cap ? cap * 2 : 64;
                arts = realloc(arts, cap * sizeof *arts);
                if (!arts) return 1;
            }
            art *x = &arts[n++];
            x->a = a;
            x->id = strdup(a.id);
            x->date = strdup(a.date);
            x->text = malloc(a.text_len + 1);
            memcpy(x->text, a.text, a.text_len + 1);
            x->a.id = x->id;
            x->a.date = x->date;
            x->a.text = x->text;
            x->a.source = x->a.title = x->a.url = x->a.file = "";
            bytes += a.text_len;
        }
        dyad_reader_free(r);
    }
    if (n == 0) {
        fprintf(stderr, "bench: no articles\n");
        return 1;
    }
    long sents = 0, events = 0;
    size_t coded_bytes = 0;
    uint64_t h = 14695981039346656037ULL;
    double c0 = now();
    while (sents < want) {
        for (size_t k = 0; k < n; k++) {
            dyad_doc *d;
            if (dyad_code(ctx, &arts[k].a, &d, &err) != DYAD_OK) return 1;
            sents += (long)dyad_doc_nsentences(d);
            coded_bytes += arts[k].a.text_len;
            for (size_t e = 0; e < dyad_doc_nevents(d); e++) {
                const dyad_event *ev = dyad_doc_event(d, e);
                h = mix(mix(mix(h, ev->source), ev->target), ev->code);
                events++;
            }
            dyad_doc_free(d);
        }
    }
    double secs = now() - c0;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("articles %zu (%zu bytes) x %ld passes\n", n, bytes,
           (long)(coded_bytes / (bytes ? bytes : 1)));
    printf("dictionary load %.3f s\n", load);
    printf("coded %ld sentences, %ld events in %.3f s\n", sents, events, secs);
    printf("throughput %.0f sentences/s, %.2f MB/s\n", (double)sents / secs,
           (double)coded_bytes / 1e6 / secs);
    printf("peak RSS %.1f MB\n", (double)ru.ru_maxrss / 1024.0);
    printf("event checksum %016llx\n", (unsigned long long)h);
    for (size_t k = 0; k < n; k++) {
        free(arts[k].id);
        free(arts[k].date);
        free(arts[k].text);
    }
    free(arts);
    dyad_ctx_free(ctx);
    return 0;
}
