/* provenance.c -- what an export was made by, for a researcher to cite:
 * the line an ingest notes in the store (Dyad's version, commit and the
 * checksum of its dictionaries), and the sidecar file --provenance writes
 * beside an export of any layout (GDELT and Phoenix rows have no column
 * for it): one JSON object with that, the coders that filled the store,
 * the command and when. */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"

const char *cli_coder_line(const dyad_ctx *ctx, char *buf, size_t n) {
    char sum[33];
    dyad_ctx_checksum(ctx, sum);
    snprintf(buf, n, "dyad %s commit %s dictionaries %s", dyad_version(), dyad_commit(), sum);
    return buf;
}

int cli_provenance(const char *path, const dyad_ctx *ctx, const char *coders, int argc, char **argv) {
    json_object *o = json_object_new_object();
    json_object_object_add(o, "record", json_object_new_string("provenance"));
    json_object_object_add(o, "schema", json_object_new_int(DYAD_SCHEMA_VERSION));
    json_object_object_add(o, "version", json_object_new_string(dyad_version()));
    json_object_object_add(o, "commit", json_object_new_string(dyad_commit()));
    char sum[33];
    if (ctx) dyad_ctx_checksum(ctx, sum);
    json_object_object_add(o, "dictionaries", ctx ? json_object_new_string(sum) : NULL);
    json_object *by = NULL;
    if (coders) { /* the store's coders, one a line */
        by = json_object_new_array();
        for (const char *p = coders; *p;) {
            size_t k = strcspn(p, "\n");
            json_object_array_add(by, json_object_new_string_len(p, (int)k));
            p += k + (p[k] == '\n');
        }
    }
    json_object_object_add(o, "stored_by", by);
    json_object *cmd = json_object_new_array();
    for (int i = 0; i < argc; i++) json_object_array_add(cmd, json_object_new_string(argv[i]));
    json_object_object_add(o, "command", cmd);
    char when[32];
    time_t now = time(NULL);
    struct tm tm;
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&now, &tm));
    json_object_object_add(o, "created", json_object_new_string(when));
    FILE *f = fopen(path, "w");
    int bad = !f || fprintf(f, "%s\n", json_object_to_json_string_ext(o, JSON_C_TO_STRING_PRETTY)) < 0;
    if (f && fclose(f) != 0) bad = 1;
    json_object_put(o);
    if (bad) perror(path);
    return bad ? 1 : 0;
}
