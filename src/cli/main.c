/* main.c -- the dyad command: picks the subcommand and runs it. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static void usage(FILE *f) {
    fputs(
        "usage: dyad COMMAND [options]\n"
        "commands:\n"
        "  code [--dict PATH]... [--format jsonl|tsv|petrarch] [--input text|jsonl|xml|feed|warc|html]\n"
        "       [--min-confidence X] [--jobs N] FILE...\n"
        "                  code articles into CAMEO events ('-' reads stdin); events below\n"
        "                  the confidence X (default 0.6: both sides named) are left out;\n"
        "                  N threads code (default: one per processor), output in input order\n"
        "  dict check FILE...   validate dictionary files and print counts\n"
        "  ingest [--db FILE|URI] [--dict PATH]... [--min-confidence X] [--jobs N] INPUT...\n"
        "                  code articles and store them (re-ingesting changes nothing);\n"
        "                  N threads code, one stores, in input order\n"
        "  query [--db FILE|URI] [--actor CODE] [--code PREFIX] [--from DATE] [--to DATE]\n"
        "        [--place NAME] [--text WORDS] [--min-confidence X] [--limit N] [--one-a-day]\n"
        "        [--format table|jsonl|csv|gdelt|gdelt-mentions|phoenix|icews|plover]\n"
        "  stats [--db FILE|URI] [--by day|week|month|year|dyad|root|country|country-year]\n"
        "        [--sort count|key] [--format tsv|table|csv|jsonl] [--limit N] [same filters]\n"
        "                  --db is an SQLite file (default dyad.db) or a PostgreSQL\n"
        "                  database: postgresql://[user[:password]@]host[:port]/dbname\n"
        "  figures [--db FILE|URI] [--kind killed|injured|captive|prisoner|displaced]\n"
        "        [--actor CODE] [--from DATE] [--to DATE] [--place NAME] [--text WORDS]\n"
        "        [--limit N] [--format table|jsonl|csv]   stored casualty figures\n"
        "  serve [--db FILE|URI] [--port N] [--host ADDR] [--web DIR] [--dict PATH]... [--max-body "
        "BYTES]\n"
        "        [--request-timeout SECONDS] [--token TOKEN] [--allow-post]\n"
        "                  HTTP JSON API and the analysts' dashboard (loopback, port 8080)\n"
        "  help            this text\n",
        f);
}

/* A password in a --db URI ("postgresql://user:PASSWORD@host/db") is
 * copied for the command and blotted out of argv, which ps and
 * /proc/PID/cmdline show to every user of the machine. */
static void hide_passwords(int argc, char **argv) {
    for (int i = 1; i + 1 < argc; i++) {
        if (strcmp(argv[i], "--db") != 0) continue;
        char *v = argv[i + 1];
        size_t len, pw = dyad_uri_password(v, &len);
        if (!strstr(v, "://") || !len) continue;
        static char kept[4][1024]; /* the copies, for the life of the process */
        static int nkept;
        if (nkept == 4 || strlen(v) >= sizeof kept[0]) continue; /* left as it is: still works */
        argv[i + 1] = strcpy(kept[nkept++], v);
        memset(v + pw, '*', len);
    }
}

int main(int argc, char **argv) {
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    hide_passwords(argc, argv);
    const char *cmd = argv[1];
    if (!strcmp(cmd, "code")) return cmd_code(argc - 1, argv + 1);
    if (!strcmp(cmd, "dict")) return cmd_dict(argc - 1, argv + 1);
    if (!strcmp(cmd, "ingest")) return cmd_ingest(argc - 1, argv + 1);
    if (!strcmp(cmd, "query")) return cmd_query(argc - 1, argv + 1);
    if (!strcmp(cmd, "stats")) return cmd_stats(argc - 1, argv + 1);
    if (!strcmp(cmd, "figures")) return cmd_figures(argc - 1, argv + 1);
    if (!strcmp(cmd, "serve")) return cmd_serve(argc - 1, argv + 1);
    if (!strcmp(cmd, "help") || !strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
        usage(stdout);
        return 0;
    }
    fprintf(stderr, "dyad: unknown command '%s'\n", cmd);
    usage(stderr);
    return 2;
}
