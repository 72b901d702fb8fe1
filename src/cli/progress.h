/* progress.h -- the progress line of long dyad code and dyad ingest runs
 * (progress.c). */
#ifndef DYAD_CLI_PROGRESS_H
#define DYAD_CLI_PROGRESS_H

#include <time.h>

#include "dyad.h"

typedef struct cli_progress {
    int on;               /* stderr is a terminal and -q was not given */
    int shown;            /* a line is on the terminal now */
    struct timespec t0;   /* when the run started */
    double last;          /* seconds since t0 of the last redraw */
    long long total;      /* bytes of all inputs, -1 when one is unknown */
    long long done_bytes; /* bytes of the inputs read to their end */
} cli_progress;

/* Starts the line for a run over files[0..n) (quiet: never shown). */
void progress_start(cli_progress *p, int quiet, const char *const *files, int n);
/* Redraws the line (at most four times a second): articles and events so
 * far, r the reader of the file being read (NULL between files). */
void progress_update(cli_progress *p, long articles, long events, const dyad_reader *r);
/* The same from another thread than the reading one: read is the bytes of
 * the inputs read so far (progress_read), -1 when unknown. */
void progress_update_at(cli_progress *p, long articles, long events, long long read);
/* The bytes of the inputs read so far, r reading the current one (NULL
 * between files), -1 when unknown: for progress_update_at. */
long long progress_read(const cli_progress *p, const dyad_reader *r);
/* Counts the file r has read to its end as read. */
void progress_file_done(cli_progress *p, const dyad_reader *r);
/* Clears the line (p may be NULL), so that a message can be printed: a
 * later update draws it again. */
void progress_clear(cli_progress *p);

#endif
