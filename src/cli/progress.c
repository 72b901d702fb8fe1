/* progress.c -- the progress line of long dyad code and dyad ingest runs
 * on stderr: articles, articles per second, events and, when the inputs'
 * sizes are known, the share read and the time left. Only on a terminal
 * (never into a file or a pipe) and never with -q; redrawn at most four
 * times a second, and cleared before any other message and at the end. */
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "progress.h"

static double since(const struct timespec *t0) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

void progress_start(cli_progress *p, int quiet, const char *const *files, int n) {
    *p = (cli_progress){0};
    p->on = !quiet && isatty(STDERR_FILENO);
    clock_gettime(CLOCK_MONOTONIC, &p->t0);
    for (int i = 0; i < n && p->total >= 0; i++) {
        struct stat st;
        if (files[i][0] == '-' && !files[i][1])
            p->total = -1;
        else if (stat(files[i], &st) == 0 && S_ISREG(st.st_mode))
            p->total += (long long)st.st_size;
        else
            p->total = -1;
    }
}

long long progress_read(const cli_progress *p, const dyad_reader *r) {
    long long size, off = r ? dyad_reader_offset(r, &size) : 0;
    return off >= 0 ? p->done_bytes + off : -1;
}

void progress_update(cli_progress *p, long articles, long events, const dyad_reader *r) {
    if (p->on) progress_update_at(p, articles, events, progress_read(p, r));
}

void progress_update_at(cli_progress *p, long articles, long events, long long read) {
    if (!p->on) return;
    double now = since(&p->t0);
    if (now - p->last < 0.25) return;
    p->last = now;
    char left[64] = "";
    if (p->total > 0 && read >= 0) {
        double share = (double)read / (double)p->total;
        if (share > 1) share = 1;
        if (share > 0.001) {
            long secs = (long)(now / share - now);
            snprintf(left, sizeof left, ", %.0f%% read, %ld:%02ld:%02ld left", share * 100, secs / 3600,
                     secs / 60 % 60, secs % 60);
        }
    }
    fprintf(stderr, "\rdyad: %ld articles (%.0f/s), %ld events%s\033[K", articles,
            now > 0 ? (double)articles / now : 0.0, events, left);
    fflush(stderr);
    p->shown = 1;
}

void progress_file_done(cli_progress *p, const dyad_reader *r) {
    long long size;
    if (r && dyad_reader_offset(r, &size) >= 0 && size >= 0) p->done_bytes += size;
}

void progress_clear(cli_progress *p) {
    if (!p || !p->shown) return;
    fputs("\r\033[K", stderr);
    p->shown = 0;
}
