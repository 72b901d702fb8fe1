/* input.h -- a file of articles (or stdin) as a stdio stream of its
 * bytes, gzip or not, with its first bytes kept for telling its format. */
#ifndef DYAD_INPUT_H
#define DYAD_INPUT_H

#include <stddef.h>
#include <stdio.h>

/* How many of the first bytes are kept: enough to see a WARC header, an
 * XML prolog and its root element. */
#define INPUT_HEAD 4096

typedef struct input input;

/* Opens path ("-": stdin) and returns a stream of its bytes, inflated
 * when the file is gzip (one member or several, as in WARC.gz files);
 * head[0..*nhead) are its first bytes, which the stream still gives.
 * *in is what input_error asks; it lives until the stream is closed
 * (fclose). NULL with *why set when the file cannot be read. */
FILE *input_open(const char *path, unsigned char head[INPUT_HEAD], size_t *nhead, int *gzip, input **in,
                 const char **why);

/* What went wrong reading the stream, once it has ended: NULL when
 * nothing did, else a message (a truncated or corrupt gzip file). */
const char *input_error(const input *in);

/* How much of the file has been read (gzip'd bytes for a gzip file),
 * and into *size its size (-1 when unknown: a pipe); -1 when unknown. */
long long input_offset(const input *in, long long *size);

#endif
