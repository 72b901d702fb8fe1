/* input.c -- opens a file of articles, or stdin, as a stdio stream: zlib
 * reads gzip and plain bytes alike (a plain file is passed through), and
 * the first bytes are read ahead, kept for the reader to tell the format
 * by, and given again by the stream (so stdin needs no seeking). */
#define _GNU_SOURCE /* fopencookie */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include <zlib.h>

#include "input.h"

struct input {
    gzFile gz;
    unsigned char head[INPUT_HEAD];
    size_t nhead, pos; /* the head's bytes, and how many the stream gave */
    long long size;    /* the file's size, -1 when unknown (a pipe) */
    char err[160];     /* what went wrong, "" when nothing */
};

/* The zlib message of a failed or truncated read, kept in in->err. */
static void note_error(input *in) {
    int code = Z_OK;
    const char *m = gzerror(in->gz, &code);
    if (code == Z_OK || code == Z_STREAM_END) return;
    if (code == Z_BUF_ERROR)
        m = "the gzip data ends early (a truncated file)";
    else if (code == Z_ERRNO)
        m = strerror(errno);
    snprintf(in->err, sizeof in->err, "%s", m && *m ? m : "unreadable gzip data");
}

/* Reads up to n bytes from zlib, as many as there are: gzread may give
 * fewer than asked before the end. */
static ssize_t gz_fill(input *in, unsigned char *buf, size_t n) {
    size_t got = 0;
    while (got < n) {
        unsigned chunk = n - got > (1u << 30) ? (1u << 30) : (unsigned)(n - got);
        int k = gzread(in->gz, buf + got, chunk);
        if (k < 0) {
            note_error(in);
            return got ? (ssize_t)got : -1;
        }
        if (k == 0) {
            note_error(in);
            break;
        }
        got += (size_t)k;
    }
    return (ssize_t)got;
}

static ssize_t in_read(void *c, char *buf, size_t n) {
    input *in = c;
    if (in->pos < in->nhead) {
        size_t k = in->nhead - in->pos < n ? in->nhead - in->pos : n;
        memcpy(buf, in->head + in->pos, k);
        in->pos += k;
        return (ssize_t)k;
    }
    if (in->err[0]) return 0;
    int k = gzread(in->gz, buf, n > (1u << 30) ? (1u << 30) : (unsigned)n);
    if (k <= 0) note_error(in);
    return k < 0 ? -1 : k;
}

static int in_close(void *c) {
    input *in = c;
    int rc = in->gz ? gzclose_r(in->gz) : Z_OK;
    free(in);
    return rc == Z_OK ? 0 : EOF;
}

FILE *input_open(const char *path, unsigned char head[INPUT_HEAD], size_t *nhead, int *gzip, input **out,
                 const char **why) {
    *nhead = 0;
    *gzip = 0;
    *out = NULL;
    int fd = strcmp(path, "-") ? open(path, O_RDONLY) : dup(0);
    if (fd < 0) {
        *why = "cannot open file";
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) st.st_mode = 0;
    if (S_ISDIR(st.st_mode)) {
        close(fd);
        *why = "is a directory, not a file of articles";
        return NULL;
    }
    input *in = calloc(1, sizeof *in);
    if (in) in->size = S_ISREG(st.st_mode) ? (long long)st.st_size : -1;
    if (!in || !(in->gz = gzdopen(fd, "rb"))) {
        free(in);
        close(fd);
        *why = "out of memory";
        return NULL;
    }
    gzbuffer(in->gz, 1u << 17);
    ssize_t k = gz_fill(in, in->head, INPUT_HEAD);
    in->nhead = k > 0 ? (size_t)k : 0;
    *gzip = !gzdirect(in->gz);
    cookie_io_functions_t io = {.read = in_read, .write = NULL, .seek = NULL, .close = in_close};
    FILE *f = fopencookie(in, "r", io);
    if (!f) {
        in_close(in);
        *why = "out of memory";
        return NULL;
    }
    memcpy(head, in->head, in->nhead);
    *nhead = in->nhead;
    *out = in;
    return f;
}

const char *input_error(const input *in) { return in && in->err[0] ? in->err : NULL; }

long long input_offset(const input *in, long long *size) {
    *size = in ? in->size : -1;
    if (!in) return -1;
    z_off_t off = gzoffset(in->gz);
    return off < 0 ? -1 : (long long)off;
}
