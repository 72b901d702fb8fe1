/* replay_main.c -- runs a fuzz target over files without libFuzzer, so the
 * corpus (fuzz/corpus/<target>/) is replayed by `make check` under the
 * sanitizers of any compiler. Usage: replay_<target> FILE... */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv) {
    int n = 0;
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            fprintf(stderr, "replay: cannot read %s\n", argv[i]);
            return 1;
        }
        size_t cap = 1 << 16, len = 0, k;
        uint8_t *buf = malloc(cap);
        while (buf && (k = fread(buf + len, 1, cap - len, f)) > 0) {
            len += k;
            if (len == cap) {
                uint8_t *nb = realloc(buf, cap *= 2);
                if (!nb) break;
                buf = nb;
            }
        }
        fclose(f);
        if (!buf) return 1;
        LLVMFuzzerTestOneInput(buf, len);
        free(buf);
        n++;
    }
    printf("replayed %d inputs\n", n);
    return 0;
}
