/* fuzz_reader.c -- libFuzzer target: the article readers (text, JSON
 * Lines, PETRARCH XML, WARC, RSS/Atom, HTML, or told from the content;
 * the first byte picks one) on an arbitrary file, gzip'd or not. */
#define _GNU_SOURCE /* memfd_create */
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "dyad.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    int fd = memfd_create("fuzz", 0);
    if (fd < 0) return 0;
    if (write(fd, data + 1, size - 1) != (ssize_t)(size - 1)) {
        close(fd);
        return 0;
    }
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    static const dyad_input_format fmts[7] = {DYAD_FMT_AUTO,    DYAD_FMT_TEXT, DYAD_FMT_JSONL,
                                              DYAD_FMT_PETRXML, DYAD_FMT_WARC, DYAD_FMT_FEED,
                                              DYAD_FMT_HTML};
    dyad_reader *r;
    if (dyad_reader_open(&r, path, fmts[data[0] % 7], NULL, NULL, NULL) == DYAD_OK) {
        dyad_article a;
        for (int k = 0; k < 1000 && dyad_reader_next(r, &a, NULL) == 1; k++)
            if (!a.id || !a.text || !a.date) __builtin_trap();
        dyad_reader_free(r);
    }
    close(fd);
    return 0;
}
