/* sqlite.c -- the store backend in SQLite (see backend.h): articles (with
 * a full-text index), their sentences, the reports (mentions) of events,
 * events merged by merge.c's rule with GDELT counts, and the casualty
 * figures of each article. All SQL is parameterised; writes happen inside
 * caller-delimited transactions. */
#include <errno.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "status.h"
#include "date.h"
#include "merge.h"
#include "filter.h"
#include "rows.h"
#include "backend.h"

/* Sentences are stored up to 1 << (SENTENCE_SIZES - 1) a statement: a
 * statement costs more to run than the rows it adds. */
#define SENTENCE_SIZES 5

typedef struct lite {
    sqlite3 *db;
    char *path;
    int busy_ms;       /* how long to wait for another writer */
    int writer;        /* has begun a transaction (WRITER_PRAGMAS set) */
    dyad_warn_fn warn; /* told once per wait */
    void *warn_ud;
    dyad_stop_fn stop; /* asked during reads whether to stop (dyad_store_watch) */
    void *stop_ud;
    sqlite3_stmt *find_article, *put_article, *put_event, *find_event, *put_mention, *put_source, *count,
        *put_figure, *put_fts, *savepoint, *release, *rollback_to;
    /* an article's sentences, 1 << i rows a statement in put_sentences[i] */
    sqlite3_stmt *put_sentences[SENTENCE_SIZES];
    /* articles stored in the open transaction and not yet in the full-text
     * index: indexed together at commit, as FTS5 writes what it holds at
     * every savepoint */
    sqlite3_int64 *unindexed;
    size_t nunindexed, capunindexed;
    sqlite3_stmt *merge[MERGE_NSTMTS]; /* merge.c's statements */
} lite;

static const char SCHEMA[] =
    "PRAGMA journal_mode=WAL;"
    "PRAGMA synchronous=NORMAL;"
    "PRAGMA foreign_keys=ON;"
    "CREATE TABLE IF NOT EXISTS dyad_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS articles("
    " rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, hash TEXT NOT NULL UNIQUE,"
    " date TEXT NOT NULL, source TEXT NOT NULL, title TEXT NOT NULL, url TEXT NOT NULL,"
    " text TEXT NOT NULL, file TEXT NOT NULL, ingested_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,"
    " story TEXT, minhash TEXT);"
    /* MinHash bands of the articles, to find copies of one story by */
    "CREATE TABLE IF NOT EXISTS article_bands(key INTEGER NOT NULL, article INTEGER NOT NULL);"
    "CREATE INDEX IF NOT EXISTS article_bands_key ON article_bands(key);"
    "CREATE INDEX IF NOT EXISTS article_bands_article ON article_bands(article);"
    "CREATE TABLE IF NOT EXISTS sentences("
    " article INTEGER NOT NULL REFERENCES articles(rowid), idx INTEGER NOT NULL,"
    " start INTEGER NOT NULL, end INTEGER NOT NULL, discarded INTEGER NOT NULL,"
    " PRIMARY KEY(article, idx)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS events("
    " id INTEGER PRIMARY KEY, date TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,"
    " code TEXT NOT NULL, root TEXT NOT NULL, quad INTEGER NOT NULL, goldstein REAL NOT NULL,"
    " place TEXT NOT NULL DEFAULT '', country TEXT NOT NULL DEFAULT '', lat REAL, lon REAL,"
    " place_kind TEXT NOT NULL DEFAULT '', confidence REAL,"
    " num_mentions INTEGER NOT NULL DEFAULT 0,"
    " num_sources INTEGER NOT NULL DEFAULT 0, num_articles INTEGER NOT NULL DEFAULT 0,"
    " UNIQUE(date, source, target, code, place));"
    "CREATE TABLE IF NOT EXISTS mentions("
    " id INTEGER PRIMARY KEY, event INTEGER NOT NULL REFERENCES events(id),"
    " article INTEGER NOT NULL REFERENCES articles(rowid), sentence INTEGER NOT NULL,"
    " source_text TEXT NOT NULL, target_text TEXT NOT NULL, verb_text TEXT NOT NULL,"
    " source_start INTEGER, source_end INTEGER, target_start INTEGER, target_end INTEGER,"
    " verb_start INTEGER, verb_end INTEGER, date_text TEXT NOT NULL, rule TEXT NOT NULL,"
    " place_text TEXT NOT NULL DEFAULT '', place_start INTEGER, place_end INTEGER, confidence REAL,"
    " source_basis TEXT NOT NULL DEFAULT '', target_basis TEXT NOT NULL DEFAULT '',"
    " source_name TEXT NOT NULL DEFAULT '', target_name TEXT NOT NULL DEFAULT '',"
    " source_wikidata TEXT NOT NULL DEFAULT '', target_wikidata TEXT NOT NULL DEFAULT '',"
    " place TEXT, country TEXT, lat REAL, lon REAL, place_kind TEXT,"
    " date_precision TEXT NOT NULL DEFAULT '', place_admin1 TEXT NOT NULL DEFAULT '',"
    " place_geonameid INTEGER, place_precision TEXT NOT NULL DEFAULT '', story TEXT);"
    "CREATE TABLE IF NOT EXISTS figures("
    " id INTEGER PRIMARY KEY, article INTEGER NOT NULL REFERENCES articles(rowid),"
    " sentence INTEGER NOT NULL, kind TEXT NOT NULL, released INTEGER NOT NULL,"
    " value INTEGER NOT NULL, value_max INTEGER NOT NULL, qualifier TEXT NOT NULL,"
    " number_text TEXT NOT NULL, number_start INTEGER, number_end INTEGER,"
    " victim_text TEXT NOT NULL, victim_code TEXT NOT NULL,"
    " perpetrator_text TEXT NOT NULL, perpetrator_code TEXT NOT NULL,"
    " date TEXT NOT NULL, date_text TEXT NOT NULL, cited TEXT NOT NULL,"
    " place TEXT NOT NULL, country TEXT NOT NULL, lat REAL, lon REAL, place_kind TEXT NOT NULL,"
    " place_text TEXT NOT NULL, historical INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX IF NOT EXISTS figures_date ON figures(date);"
    "CREATE INDEX IF NOT EXISTS figures_article ON figures(article);"
    "CREATE TABLE IF NOT EXISTS event_sources(event INTEGER NOT NULL, source TEXT NOT NULL,"
    " PRIMARY KEY(event, source)) WITHOUT ROWID;"
    "CREATE INDEX IF NOT EXISTS mentions_event ON mentions(event, article);"
    "CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article);"
    "CREATE INDEX IF NOT EXISTS events_source ON events(source);"
    "CREATE INDEX IF NOT EXISTS events_target ON events(target);"
    "CREATE INDEX IF NOT EXISTS events_code ON events(code);"
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
    " title, text, content='articles', content_rowid='rowid');"
    /* an article removed (a later copy replaced) leaves the index too */
    "CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN"
    " INSERT INTO articles_fts(articles_fts, rowid, title, text)"
    " VALUES('delete', old.rowid, old.title, old.text); END;";

/* Columns added since the first schema, for stores made before them. */
static const char *const UPGRADES[][2] = {
    {"events", "country TEXT NOT NULL DEFAULT ''"},
    {"events", "lat REAL"},
    {"events", "lon REAL"},
    {"events", "place_kind TEXT NOT NULL DEFAULT ''"},
    {"mentions", "place_text TEXT NOT NULL DEFAULT ''"},
    {"mentions", "place_start INTEGER"},
    {"mentions", "place_end INTEGER"},
    {"events", "confidence REAL"},
    {"mentions", "confidence REAL"},
    {"mentions", "source_basis TEXT NOT NULL DEFAULT ''"},
    {"mentions", "target_basis TEXT NOT NULL DEFAULT ''"},
    {"mentions", "source_name TEXT NOT NULL DEFAULT ''"},
    {"mentions", "target_name TEXT NOT NULL DEFAULT ''"},
    {"mentions", "source_wikidata TEXT NOT NULL DEFAULT ''"},
    {"mentions", "target_wikidata TEXT NOT NULL DEFAULT ''"},
    /* each report's own place; NULL in reports stored before: their event's */
    {"mentions", "place TEXT"},
    {"mentions", "country TEXT"},
    {"mentions", "lat REAL"},
    {"mentions", "lon REAL"},
    {"mentions", "place_kind TEXT"},
    {"figures", "historical INTEGER NOT NULL DEFAULT 0"},
    {"mentions", "date_precision TEXT NOT NULL DEFAULT ''"},
    /* its place's GeoNames admin-1 code, id and precision */
    {"mentions", "place_admin1 TEXT NOT NULL DEFAULT ''"},
    {"mentions", "place_geonameid INTEGER"},
    {"mentions", "place_precision TEXT NOT NULL DEFAULT ''"},
    /* the story an article is a copy of (NULL: its own hash), and its
     * MinHash signature */
    {"articles", "story TEXT"},
    {"articles", "minhash TEXT"},
    /* each report's article's story, for NumArticles (set from its article
     * when added) */
    {"mentions", "story TEXT"},
};

/* Adds the columns of UPGRADES that a table lacks. */
static int migrate(lite *s) {
    for (size_t i = 0; i < sizeof UPGRADES / sizeof UPGRADES[0]; i++) {
        char name[64], sql[256];
        sscanf(UPGRADES[i][1], "%63s", name);
        sqlite3_stmt *st;
        int rc = sqlite3_prepare_v2(s->db, "SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2", -1,
                                    &st, NULL);
        if (rc != SQLITE_OK) return rc;
        sqlite3_bind_text(st, 1, UPGRADES[i][0], -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        sqlite3_finalize(st);
        if (rc == SQLITE_ROW) continue;
        if (rc != SQLITE_DONE) return rc;
        snprintf(sql, sizeof sql, "ALTER TABLE %s ADD COLUMN %s", UPGRADES[i][0], UPGRADES[i][1]);
        if ((rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL)) != SQLITE_OK) return rc;
        if (!strcmp(name, "story") && !strcmp(UPGRADES[i][0], "mentions") &&
            (rc = sqlite3_exec(s->db,
                               "UPDATE mentions SET story = (SELECT coalesce(a.story, a.hash) FROM"
                               " articles a WHERE a.rowid = mentions.article)",
                               NULL, NULL, NULL)) != SQLITE_OK)
            return rc;
    }
    /* a report's story is looked up by event (NumArticles) */
    return sqlite3_exec(s->db, "CREATE INDEX IF NOT EXISTS mentions_story ON mentions(event, story)",
                        NULL, NULL, NULL);
}

static dyad_status db_fail(lite *s, dyad_error *err, const char *what) {
    return dyad_fail(err, DYAD_EDB, s->path, 0, "%s: %s", what, sqlite3_errmsg(s->db));
}

/* A failed read: words to search for that are not FTS5 syntax are the
 * caller's error, anything else the database's. */
static dyad_status query_fail(lite *s, const dyad_query *q, int rc, dyad_error *err, const char *what) {
    if (rc == SQLITE_INTERRUPT) return dyad_fail(err, DYAD_EDB, s->path, 0, "%s: stopped", what);
    if (q && q->text && q->text[0] && rc == SQLITE_ERROR)
        return dyad_fail(err, DYAD_EINVAL, NULL, 0, "text: '%.200s' is not a valid search (%s)", q->text,
                         sqlite3_errmsg(s->db));
    return db_fail(s, err, what);
}

/* Prepares a query of sql into *st; a failure is the query's fault. */
static dyad_status prepare(lite *s, const char *sql, sqlite3_stmt **st, dyad_error *err) {
    return sqlite3_prepare_v2(s->db, sql, -1, st, NULL) == SQLITE_OK ? DYAD_OK
                                                                     : db_fail(s, err, "bad query");
}

static int prep(lite *s, sqlite3_stmt **st, const char *sql) {
    return sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL);
}

/* merge.c's MERGE_COPY_CANDIDATES as SQLite runs it best: the same rows
 * in the same order (the articles of the first 32 bands found, by rowid),
 * read by rowid from the list of the subquery, where the shared form
 * builds three temporary B-trees for each article stored. */
static const char COPY_CANDIDATES[] =
    "SELECT coalesce(story, hash), minhash FROM articles WHERE rowid IN"
    " (SELECT article FROM article_bands WHERE key IN (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
    " ?11, ?12, ?13, ?14, ?15, ?16) LIMIT 32) ORDER BY rowid";

/* Prepares the inserts of 1, 2, 4... sentences (put_sentences). */
static int prep_sentences(lite *s) {
    for (int i = 0; i < SENTENCE_SIZES; i++) {
        char sql[64 + (1 << (SENTENCE_SIZES - 1)) * 32];
        int k = snprintf(sql, sizeof sql,
                         "INSERT INTO sentences(article, idx, start, end, discarded) VALUES");
        for (int r = 0; r < 1 << i; r++)
            k += snprintf(sql + k, sizeof sql - (size_t)k, "%s(?%d, ?%d, ?%d, ?%d, ?%d)", r ? ", " : " ",
                          5 * r + 1, 5 * r + 2, 5 * r + 3, 5 * r + 4, 5 * r + 5);
        if (prep(s, &s->put_sentences[i], sql)) return -1;
    }
    return 0;
}

/* Prepares merge.c's statements. */
static int prep_merge(lite *s) {
    for (int i = 0; i < MERGE_NSTMTS; i++)
        if (prep(s, &s->merge[i], i == MERGE_COPY_CANDIDATES ? COPY_CANDIDATES : merge_sql[i]))
            return -1;
    return 0;
}

static void lite_close(void *impl) {
    lite *s = impl;
    if (!s) return;
    sqlite3_finalize(s->find_article);
    sqlite3_finalize(s->put_article);
    for (int i = 0; i < SENTENCE_SIZES; i++) sqlite3_finalize(s->put_sentences[i]);
    sqlite3_finalize(s->put_event);
    sqlite3_finalize(s->find_event);
    sqlite3_finalize(s->put_mention);
    sqlite3_finalize(s->put_source);
    sqlite3_finalize(s->count);
    sqlite3_finalize(s->put_figure);
    sqlite3_finalize(s->put_fts);
    sqlite3_finalize(s->savepoint);
    sqlite3_finalize(s->release);
    sqlite3_finalize(s->rollback_to);
    free(s->unindexed);
    for (int i = 0; i < MERGE_NSTMTS; i++) sqlite3_finalize(s->merge[i]);
    sqlite3_close(s->db);
    free(s->path);
    free(s);
}

/* SQLite's busy handler: waits in steps of up to 100 ms while another
 * writer holds the file, telling the warning callback once per wait. */
static int on_busy(void *ud, int count) {
    lite *s = ud;
    int waited = count <= 10 ? count * (count + 1) / 2 * 10 : 550 + (count - 10) * 100;
    if (waited >= s->busy_ms) return 0;
    if (count == 0 && s->warn)
        dyad_warn(s->warn, s->warn_ud, DYAD_EDB, s->path, 0,
                  "another process is writing to the database; waiting up to %d s", s->busy_ms / 1000);
    struct timespec ts = {0, (long)(count < 10 ? count + 1 : 10) * 10 * 1000000L};
    nanosleep(&ts, NULL);
    return 1;
}

/* SQLite's progress handler, every PROGRESS_STEPS steps of a statement:
 * stops a read (outside a transaction) when the watcher says so. */
#define PROGRESS_STEPS 20000 /* a few milliseconds; a poll of a socket costs a microsecond */
static int on_progress(void *ud) {
    lite *s = ud;
    return s->stop && sqlite3_get_autocommit(s->db) && s->stop(s->stop_ud);
}

static void lite_watch(void *impl, dyad_stop_fn stop, void *ud) {
    lite *s = impl;
    s->stop = stop;
    s->stop_ud = ud;
    sqlite3_progress_handler(s->db, stop ? PROGRESS_STEPS : 0, stop ? on_progress : NULL, s);
}

static void lite_busy(void *impl, int ms, dyad_warn_fn warn, void *ud) {
    lite *s = impl;
    if (!s) return;
    s->busy_ms = ms > 0 ? ms : 0;
    s->warn = warn;
    s->warn_ud = ud;
    sqlite3_busy_handler(s->db, on_busy, s);
}

/* Runs SCHEMA (every statement of it idempotent). A statement that reads
 * the schema and then writes it gets SQLITE_BUSY at once, not through the
 * busy handler, when another connection (a concurrent ingest making the
 * same new store) wrote in between: it is run again, for up to busy_ms. */
static int make_schema(lite *s, char **msg) {
    int rc;
    for (int tries = 0;; tries++) {
        rc = sqlite3_exec(s->db, SCHEMA, NULL, NULL, msg);
        if ((rc & 0xff) != SQLITE_BUSY || tries * 20 >= s->busy_ms) return rc;
        sqlite3_free(*msg);
        *msg = NULL;
        struct timespec ts = {0, 20 * 1000000L};
        nanosleep(&ts, NULL);
    }
}

/* A read-only open: whether the file at path is there to be opened,
 * said in err when not. */
static dyad_status check_file(const char *path, dyad_error *err) {
    struct stat sb;
    if (stat(path, &sb) != 0)
        return dyad_fail(err, DYAD_EIO, path, 0, "cannot open the store: %s (dyad ingest makes one)",
                         strerror(errno));
    if (S_ISDIR(sb.st_mode))
        return dyad_fail(err, DYAD_EIO, path, 0, "cannot open the store: it is a directory");
    return DYAD_OK;
}

/* Whether the database open in s is a Dyad store (of this Dyad or an
 * earlier one): DYAD_OK, or DYAD_EDB with err set. */
static dyad_status is_store(lite *s, dyad_error *err) {
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(
        s->db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'articles'", -1, &st, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc == SQLITE_ROW) return DYAD_OK;
    if (rc == SQLITE_DONE)
        return dyad_fail(err, DYAD_EDB, s->path, 0, "not a Dyad store (it has no table of articles)");
    return db_fail(s, err, "cannot read the store");
}

/* Opens the store at path, made when missing; readonly: an existing
 * store only (a database in memory is made whatever), which the
 * connection then only reads (PRAGMA query_only). Its schema is
 * brought up to date either way: a store of an earlier Dyad is upgraded
 * once, which is the one write a reader makes. The connection is opened
 * read-write even so, as the last one to close a WAL file must be to
 * remove its -wal and -shm files; a file the system will not let it
 * write is opened read-only by SQLite. */
static dyad_status lite_open(void **out, const char *path, int readonly, dyad_error *err) {
    *out = NULL;
    if (readonly && (!*path || !strcmp(path, ":memory:"))) readonly = 0;
    if (readonly) {
        dyad_status st = check_file(path, err);
        if (st != DYAD_OK) return st;
    }
    lite *s = calloc(1, sizeof *s);
    if (!s) return dyad_fail(err, DYAD_ENOMEM, path, 0, "out of memory");
    s->path = malloc(strlen(path) + 1);
    if (!s->path) {
        free(s);
        return dyad_fail(err, DYAD_ENOMEM, path, 0, "out of memory");
    }
    strcpy(s->path, path);
    /* without SQLite's lock of the connection: a dyad_store is used by one
     * thread at a time, under its caller's own lock (dyad.h) */
    int flags = readonly ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path, &s->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        dyad_status st = db_fail(s, err, "cannot open database");
        lite_close(s);
        return st;
    }
    lite_busy(s, DYAD_BUSY_MS, NULL, NULL);
    dyad_status ok = readonly ? is_store(s, err) : DYAD_OK;
    if (ok != DYAD_OK) {
        lite_close(s);
        return ok;
    }
    char *msg = NULL;
    int rc = make_schema(s, &msg);
    if (rc == SQLITE_OK) rc = migrate(s);
    if (rc == SQLITE_OK && readonly)
        rc = sqlite3_exec(s->db, "PRAGMA query_only = ON", NULL, NULL, &msg);
    if (rc != SQLITE_OK && msg) {
        dyad_status st = dyad_fail(err, DYAD_EDB, path, 0, "cannot create schema: %s", msg);
        sqlite3_free(msg);
        lite_close(s);
        return st;
    }
    if (rc != SQLITE_OK) {
        dyad_status st = db_fail(s, err, "cannot upgrade the schema");
        lite_close(s);
        return st;
    }
    if (prep(s, &s->find_article,
             "SELECT rowid, id, date, hash FROM articles WHERE id = ?1 OR hash = ?2") ||
        prep(s, &s->put_article,
             "INSERT INTO articles(id, hash, date, source, title, url, text, file, story, minhash)"
             " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)") ||
        prep_sentences(s) ||
        prep(s, &s->put_event,
             "INSERT INTO events(date, source, target, code, root, quad, goldstein, place, country,"
             " lat, lon, place_kind, confidence)"
             " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)") ||
        /* The events of a report's key (see join_event) */
        prep(s, &s->find_event,
             "SELECT id, place, place_kind = 'country', country = ?5 AND ?5 <> '' AND place <> ''"
             " AND place_kind <> 'country' FROM events"
             " WHERE date = ?1 AND source = ?2 AND target = ?3 AND code = ?4") ||
        prep(
            s, &s->put_mention,
            "INSERT INTO mentions(event, article, sentence, source_text, target_text, verb_text,"
            " source_start, source_end, target_start, target_end, verb_start, verb_end, date_text, rule,"
            " place_text, place_start, place_end, confidence, source_basis, target_basis,"
            " source_name, target_name, source_wikidata, target_wikidata, place, country, lat, lon,"
            " place_kind, date_precision, place_admin1, place_geonameid, place_precision, story)"
            " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
            " ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29,"
            " ?30, ?31, ?32, ?33, ?34)") ||
        prep(s, &s->put_figure,
             "INSERT INTO figures(article, sentence, kind, released, value, value_max, qualifier,"
             " number_text, number_start, number_end, victim_text, victim_code, perpetrator_text,"
             " perpetrator_code, date, date_text, cited, place, country, lat, lon, place_kind,"
             " place_text, historical) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
             " ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)") ||
        prep(s, &s->put_source, "INSERT OR IGNORE INTO event_sources(event, source) VALUES(?1, ?2)") ||
        /* a report's counts, before it is stored: it adds an article
         * unless its story has reported the event already (copies of one
         * story are one article) */
        prep(s, &s->count,
             "UPDATE events SET num_mentions = num_mentions + 1, num_articles = num_articles +"
             " NOT EXISTS (SELECT 1 FROM mentions WHERE event = ?1 AND story = ?2),"
             " num_sources = num_sources + ?3, confidence = max(coalesce(confidence, 0), ?4)"
             " WHERE id = ?1") ||
        prep(s, &s->put_fts,
             "INSERT INTO articles_fts(rowid, title, text) SELECT rowid, title, text FROM articles"
             " WHERE rowid BETWEEN ?1 AND ?2") ||
        prep(s, &s->savepoint, "SAVEPOINT article") || prep(s, &s->release, "RELEASE article") ||
        prep(s, &s->rollback_to, "ROLLBACK TO article") || prep_merge(s)) {
        dyad_status st = db_fail(s, err, "cannot prepare statements");
        lite_close(s);
        return st;
    }
    *out = s;
    return DYAD_OK;
}

static int lite_connected(const void *impl) {
    (void)impl;
    return 1; /* a file is always there */
}

static const char *col(sqlite3_stmt *st, int i) {
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? (const char *)t : "";
}

static int step_done(sqlite3_stmt *st) {
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

/* Adds the articles of rowids lo to hi to the full-text index: -1 on a
 * database error. */
static int index_range(lite *s, sqlite3_int64 lo, sqlite3_int64 hi) {
    sqlite3_bind_int64(s->put_fts, 1, lo);
    sqlite3_bind_int64(s->put_fts, 2, hi);
    return step_done(s->put_fts);
}

/* Adds the articles stored since the last call to the full-text index, a
 * run of consecutive rowids a statement: FTS5 writes what it holds at each
 * statement's savepoint too. -1 on a database error. */
static int index_articles(lite *s) {
    size_t i = 0, n = s->nunindexed;
    const sqlite3_int64 *v = s->unindexed;
    while (i < n) {
        size_t j = i + 1;
        while (j < n && v[j] == v[j - 1] + 1) j++;
        if (index_range(s, v[i], v[j - 1])) { /* the rest stays to be indexed */
            memmove(s->unindexed, v + i, (n - i) * sizeof *v);
            s->nunindexed = n - i;
            return -1;
        }
        i = j;
    }
    s->nunindexed = 0;
    return 0;
}

/* Set on a connection that writes: a page cache that holds the indexes an
 * ingest touches (SQLite's default is 2 MB), the savepoint journal of each
 * article kept in memory rather than written to a temporary file, and the
 * WAL copied into the database every 40 MB rather than 4 (an index page
 * that every batch changes is copied once for ten). */
static const char WRITER_PRAGMAS[] =
    "PRAGMA cache_size=-32768; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=10000;";

static dyad_status lite_begin(void *impl, dyad_error *err) {
    lite *s = impl;
    s->nunindexed = 0;
    if (!s->writer && sqlite3_exec(s->db, WRITER_PRAGMAS, NULL, NULL, NULL) == SQLITE_OK) s->writer = 1;
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return db_fail(s, err, "cannot begin a transaction");
    return DYAD_OK;
}

static dyad_status lite_commit(void *impl, dyad_error *err) {
    lite *s = impl;
    dyad_status st = DYAD_OK;
    if (index_articles(s))
        st = db_fail(s, err, "cannot index an article");
    else if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        st = db_fail(s, err, "cannot commit");
    if (st != DYAD_OK) sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return st;
}

/* bind_text and bind_str bind without a copy: each statement runs right
 * after its parameters are bound, while the caller's strings are there,
 * and all are bound again before it runs again. */
static void bind_text(sqlite3_stmt *st, int i, const char *s, size_t n) {
    sqlite3_bind_text(st, i, s ? s : "", s ? (int)n : 0, SQLITE_STATIC);
}

static void bind_str(sqlite3_stmt *st, int i, const char *s) {
    sqlite3_bind_text(st, i, s ? s : "", -1, SQLITE_STATIC);
}

static void bind_span(sqlite3_stmt *st, int i, const dyad_article *a, const dyad_doc *d, dyad_span sp) {
    if (!sp.len) {
        sqlite3_bind_null(st, i);
        sqlite3_bind_null(st, i + 1);
        return;
    }
    sqlite3_bind_int64(st, i, (sqlite3_int64)dyad_doc_char_offset(d, a->text, sp.off));
    sqlite3_bind_int64(st, i + 1,
                       (sqlite3_int64)dyad_doc_char_offset(d, a->text, (size_t)sp.off + sp.len));
}

/* Binds a place's name, country, latitude, longitude and kind from i on
 * ("" and NULLs when there is none). */
static void bind_place(sqlite3_stmt *st, int i, const dyad_place *pl) {
    bind_str(st, i, pl->name);
    bind_str(st, i + 1, pl->name ? pl->country : "");
    for (int k = 0; k < 2; k++) {
        double v = k ? pl->lon : pl->lat;
        if (pl->name && !isnan(v))
            sqlite3_bind_double(st, i + 2 + k, v);
        else
            sqlite3_bind_null(st, i + 2 + k);
    }
    bind_str(st, i + 4, pl->name ? pl->kind : "");
}

static dyad_status put_figures(lite *s, const dyad_article *a, const dyad_doc *d, sqlite3_int64 art,
                               dyad_error *err) {
    for (size_t i = 0; i < dyad_doc_nfigures(d); i++) {
        const dyad_figure *f = dyad_doc_figure(d, i);
        sqlite3_stmt *st = s->put_figure;
        sqlite3_bind_int64(st, 1, art);
        sqlite3_bind_int(st, 2, (int)f->sentence);
        bind_str(st, 3, dyad_figure_kind_name(f->kind));
        sqlite3_bind_int(st, 4, f->released);
        sqlite3_bind_int64(st, 5, f->value);
        sqlite3_bind_int64(st, 6, f->value_max);
        bind_str(st, 7, f->qualifier);
        bind_str(st, 8, f->number);
        bind_span(st, 9, a, d, f->number_span);
        bind_str(st, 11, f->victim);
        bind_str(st, 12, f->victim_code);
        bind_str(st, 13, f->perpetrator);
        bind_str(st, 14, f->perpetrator_code);
        bind_str(st, 15, f->date);
        bind_text(st, 16, a->text + f->date_span.off, f->date_span.len);
        bind_str(st, 17, f->cited);
        bind_place(st, 18, &f->place);
        bind_text(st, 23, a->text + f->place.span.off, f->place.name ? f->place.span.len : 0);
        sqlite3_bind_int(st, 24, f->historical);
        if (step_done(st)) return db_fail(s, err, "cannot store a figure");
    }
    return DYAD_OK;
}

#define MAX_COLS ROWS_MAX_COLS

/* st's current row as text for rows.c and merge.c: NULL for SQL NULL,
 * reals with all their digits (kept in reals). */
typedef struct text_row {
    const char *v[MAX_COLS];
    char reals[MAX_COLS][32];
    int n;
} text_row;

static const char *const *row_text(sqlite3_stmt *st, text_row *r) {
    int nc = sqlite3_column_count(st);
    r->n = nc > MAX_COLS ? MAX_COLS : nc;
    for (int c = 0; c < r->n; c++) {
        int t = sqlite3_column_type(st, c);
        if (t == SQLITE_NULL)
            r->v[c] = NULL;
        else if (t == SQLITE_FLOAT) {
            snprintf(r->reals[c], sizeof r->reals[c], "%.17g", sqlite3_column_double(st, c));
            r->v[c] = r->reals[c];
        } else
            r->v[c] = (const char *)sqlite3_column_text(st, c);
    }
    return r->v;
}

/* Runs merge.c's statement stmt with text parameters (NULL: SQL NULL),
 * handing each row to row. */
static dyad_status lite_run(void *impl, int stmt, int n, const char *const *v, store_row_fn row,
                            void *ud, dyad_error *err) {
    lite *s = impl;
    sqlite3_stmt *st = s->merge[stmt];
    /* MinHash bands and article rowids, in INTEGER columns: bound as the
     * integers that SQLite would make of their text */
    int ints = stmt == MERGE_COPY_CANDIDATES || stmt == MERGE_PUT_BANDS;
    for (int i = 0; i < n; i++) {
        if (!v[i])
            sqlite3_bind_null(st, i + 1);
        else if (ints)
            sqlite3_bind_int64(st, i + 1, strtoll(v[i], NULL, 10));
        else
            sqlite3_bind_text(st, i + 1, v[i], -1, SQLITE_TRANSIENT);
    }
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!row) continue;
        text_row r;
        row_text(st, &r);
        stop = row(ud, r.n, r.v);
    }
    if (stop) rc = SQLITE_DONE; /* the caller has what it wants */
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? DYAD_OK : db_fail(s, err, "cannot merge an event's reports");
}

/* The event e joins as put_events says (a new one when its key has
 * none) in *ev, and whether its key must be planned again in *replan; -1
 * on a database error. */
static int join_event(lite *s, const dyad_event *e, sqlite3_int64 *ev, int *replan) {
    const dyad_place *pl = &e->place;
    const char *place = pl->name ? pl->name : "", *kind = pl->name ? pl->kind : "";
    sqlite3_stmt *st = s->find_event;
    bind_str(st, 1, e->date);
    bind_str(st, 2, e->source);
    bind_str(st, 3, e->target);
    bind_str(st, 4, e->code);
    bind_str(st, 5, pl->name ? pl->country : "");
    /* the key's first event (the least id) and how many it has, without
     * a sort: a key has one event a place */
    int rc, nev = 0, joins = 0;
    *ev = -1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        sqlite3_int64 id = sqlite3_column_int64(st, 0);
        nev++;
        if (*ev >= 0 && id > *ev) continue;
        *ev = id;
        int country = kind && !strcmp(kind, "country");
        int same = !strcmp(col(st, 1), place) && sqlite3_column_int(st, 2) == country;
        int in_it = country && sqlite3_column_int(st, 3);
        joins = same || !place[0] || in_it;
    }
    *replan = nev > 0 && (!joins || nev > 1);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) return -1;
    if (*ev < 0) {
        st = s->put_event;
        bind_str(st, 1, e->date);
        bind_str(st, 2, e->source);
        bind_str(st, 3, e->target);
        bind_str(st, 4, e->code);
        bind_str(st, 5, e->root);
        sqlite3_bind_int(st, 6, e->quad);
        sqlite3_bind_double(st, 7, e->goldstein);
        bind_place(st, 8, pl);
        sqlite3_bind_double(st, 13, e->confidence);
        if (step_done(st)) return -1;
        *ev = sqlite3_last_insert_rowid(s->db);
    }
    return 0;
}

/* Binds the mention of event e (of event ev, article art) to put_mention. */
static void bind_mention(sqlite3_stmt *st, const dyad_article *a, const dyad_doc *d, const dyad_event *e,
                         sqlite3_int64 ev, sqlite3_int64 art) {
    const dyad_place *pl = &e->place;
    sqlite3_bind_int64(st, 1, ev);
    sqlite3_bind_int64(st, 2, art);
    sqlite3_bind_int(st, 3, (int)e->sentence);
    bind_text(st, 4, a->text + e->source_span.off, e->source_span.len);
    bind_text(st, 5, a->text + e->target_span.off, e->target_span.len);
    bind_text(st, 6, a->text + e->verb_span.off, e->verb_span.len);
    bind_span(st, 7, a, d, e->source_span);
    bind_span(st, 9, a, d, e->target_span);
    bind_span(st, 11, a, d, e->verb_span);
    bind_text(st, 13, a->text + e->date_span.off, e->date_span.len);
    bind_str(st, 14, e->rule);
    bind_text(st, 15, a->text + pl->span.off, pl->name ? pl->span.len : 0);
    bind_span(st, 16, a, d, pl->name ? pl->span : (dyad_span){0, 0});
    sqlite3_bind_double(st, 18, e->confidence);
    bind_str(st, 19, e->source_basis ? e->source_basis : "");
    bind_str(st, 20, e->target_basis ? e->target_basis : "");
    bind_str(st, 21, e->source_name ? e->source_name : "");
    bind_str(st, 22, e->target_name ? e->target_name : "");
    bind_str(st, 23, e->source_wikidata ? e->source_wikidata : "");
    bind_str(st, 24, e->target_wikidata ? e->target_wikidata : "");
    bind_place(st, 25, pl);
    bind_str(st, 30, e->date_precision ? e->date_precision : "");
    bind_str(st, 31, pl->name && pl->admin1 ? pl->admin1 : "");
    if (pl->name && pl->geonameid)
        sqlite3_bind_int64(st, 32, pl->geonameid);
    else
        sqlite3_bind_null(st, 32);
    bind_str(st, 33, pl->name && pl->precision ? pl->precision : "");
}

/* Stores the article's events, each as a report (mention) of the event it
 * joins. A report whose key has no event makes one; one whose key has a
 * single event that the merge rule would have it join (the same place; a
 * place in its country; no place) adds to its counts. Any other has its key
 * planned again (plan_key), as the key's events may regroup. */
static dyad_status put_events(lite *s, const dyad_article *a, const dyad_doc *d, sqlite3_int64 art,
                              const char *story, dyad_error *err) {
    for (size_t i = 0; i < dyad_doc_nevents(d); i++) {
        const dyad_event *e = dyad_doc_event(d, i);
        sqlite3_int64 ev;
        int replan;
        if (join_event(s, e, &ev, &replan)) return db_fail(s, err, "cannot store an event");
        /* GDELT counts, kept as mentions arrive */
        sqlite3_stmt *st = s->put_source;
        sqlite3_bind_int64(st, 1, ev);
        bind_str(st, 2, a->source);
        if (step_done(st)) return db_fail(s, err, "cannot count sources");
        int new_source = sqlite3_changes(s->db) > 0;
        st = s->count;
        sqlite3_bind_int64(st, 1, ev);
        bind_str(st, 2, story);
        sqlite3_bind_int(st, 3, new_source);
        sqlite3_bind_double(st, 4, e->confidence);
        if (step_done(st)) return db_fail(s, err, "cannot count mentions");
        st = s->put_mention;
        bind_mention(st, a, d, e, ev, art);
        bind_str(st, 34, story);
        if (step_done(st)) return db_fail(s, err, "cannot store a mention");
        if (replan) {
            const char *key[4] = {e->date, e->source, e->target, e->code};
            dyad_status res = merge_key(&store_sqlite, s, key, err);
            if (res != DYAD_OK) return res;
        }
    }
    return DYAD_OK;
}

/* Stores the sentences of article art, as many a statement as there are
 * left up to the most put_sentences takes: -1 on a database error. */
static int put_sentences(lite *s, const dyad_article *a, const dyad_doc *d, sqlite3_int64 art) {
    size_t n = dyad_doc_nsentences(d);
    for (size_t i = 0; i < n;) {
        int k = SENTENCE_SIZES - 1;
        while (n - i < (size_t)1 << k) k--;
        sqlite3_stmt *st = s->put_sentences[k];
        for (int r = 0; r < 1 << k; r++, i++) {
            const dyad_sentence_info *si = dyad_doc_sentence(d, i);
            int c = 5 * r;
            sqlite3_bind_int64(st, c + 1, art);
            sqlite3_bind_int(st, c + 2, (int)i);
            sqlite3_bind_int64(st, c + 3, (sqlite3_int64)dyad_doc_char_offset(d, a->text, si->span.off));
            sqlite3_bind_int64(
                st, c + 4,
                (sqlite3_int64)dyad_doc_char_offset(d, a->text, (size_t)si->span.off + si->span.len));
            sqlite3_bind_int(st, c + 5, si->discarded);
        }
        if (step_done(st)) return -1;
    }
    return 0;
}

/* The stored copies of an article (same id or text hash): *kept when one
 * comes first, else the rowids of those it comes before in older. */
static dyad_status find_copies(lite *s, const dyad_article *a, const char *hash, int *kept,
                               sqlite3_int64 older[2], int *nolder, dyad_error *err) {
    sqlite3_stmt *st = s->find_article;
    bind_str(st, 1, a->id);
    bind_str(st, 2, hash);
    int rc;
    *kept = *nolder = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && *nolder < 2) {
        if (merge_copy_first(a->date, a->id, hash, col(st, 2), col(st, 1), col(st, 3)))
            older[(*nolder)++] = sqlite3_column_int64(st, 0);
        else
            *kept = 1;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_fail(s, err, "cannot look up an article");
    return DYAD_OK;
}

static dyad_status lite_stored(void *impl, const dyad_article *a, int *kept, dyad_error *err) {
    char hash[33];
    dyad_text_hash(a->text, a->text_len, hash);
    sqlite3_int64 older[2];
    int nolder;
    return find_copies(impl, a, hash, kept, older, &nolder, err);
}

static dyad_status lite_put(void *impl, const dyad_article *a, const dyad_doc *d, int *added,
                            dyad_error *err) {
    lite *s = impl;
    *added = 0;
    char hash[33];
    merge_copy copy;
    merge_article_keys(a, d, hash, &copy);
    sqlite3_int64 older[2];
    int nolder = 0, kept = 0;
    if (find_copies(s, a, hash, &kept, older, &nolder, err) != DYAD_OK) return DYAD_EDB;
    if (kept) return DYAD_OK; /* already stored, or a copy that comes first */
    /* in a transaction, the article is indexed at commit (index_articles) */
    int deferred = !sqlite3_get_autocommit(s->db);
    if (deferred && s->nunindexed == s->capunindexed) {
        size_t cap = s->capunindexed ? 2 * s->capunindexed : 64;
        sqlite3_int64 *v = realloc(s->unindexed, cap * sizeof *v);
        if (!v) return dyad_fail(err, DYAD_ENOMEM, s->path, 0, "out of memory");
        s->unindexed = v;
        s->capunindexed = cap;
    }
    /* a copy removed leaves the index, which must hold it */
    if (nolder && index_articles(s)) return db_fail(s, err, "cannot index an article");
    sqlite3_stmt *st;
    if (step_done(s->savepoint)) return db_fail(s, err, "cannot start an article");
    dyad_status res = DYAD_OK;
    sqlite3_int64 art = 0;
    for (int i = 0; i < nolder && res == DYAD_OK; i++) {
        char old[24];
        snprintf(old, sizeof old, "%lld", (long long)older[i]);
        res = merge_remove_article(&store_sqlite, s, old, err);
    }
    if (res != DYAD_OK) goto done;
    res = merge_find_copy(&store_sqlite, s, hash, &copy, err);
    if (res != DYAD_OK) goto done;
    st = s->put_article;
    bind_str(st, 1, a->id);
    bind_str(st, 2, hash);
    bind_str(st, 3, a->date);
    bind_str(st, 4, a->source);
    bind_str(st, 5, a->title);
    bind_str(st, 6, a->url);
    bind_text(st, 7, a->text, a->text_len);
    bind_str(st, 8, a->file);
    bind_str(st, 9, copy.story);
    if (copy.sig)
        bind_str(st, 10, copy.sig);
    else
        sqlite3_bind_null(st, 10);
    if (step_done(st)) {
        res = db_fail(s, err, "cannot store an article");
        goto done;
    }
    art = sqlite3_last_insert_rowid(s->db);
    if (!deferred) {
        if (index_range(s, art, art)) {
            res = db_fail(s, err, "cannot index an article");
            goto done;
        }
    }
    char artid[24];
    snprintf(artid, sizeof artid, "%lld", (long long)art);
    res = merge_put_bands(&store_sqlite, s, artid, &copy, err);
    if (res != DYAD_OK) goto done;
    if (put_sentences(s, a, d, art)) {
        res = db_fail(s, err, "cannot store a sentence");
        goto done;
    }
    res = put_events(s, a, d, art, copy.story, err);
    if (res == DYAD_OK) res = put_figures(s, a, d, art, err);
done:
    if (res == DYAD_OK) {
        step_done(s->release);
        if (deferred) s->unindexed[s->nunindexed++] = art;
        *added = nolder ? 2 : 1;
    } else {
        step_done(s->rollback_to);
        step_done(s->release);
    }
    return res;
}

/* Rows of table alias t at place ?7: by name, by country code, or in the
 * country of a stored country-level place of that name. */
#define PLACE_MATCH(t)                                                                                  \
    "(lower(" t ".place) = lower(?7) OR " t ".country = upper(?7) OR " t ".country IN"                  \
    " (SELECT country FROM events WHERE lower(place) = lower(?7) AND place_kind = 'country'"            \
    " UNION SELECT country FROM figures WHERE lower(place) = lower(?7) AND place_kind = 'country'))"

/* The WHERE clause shared by queries and stats; binds start at 1 (?6 is
 * the query's limit, ?7 the place). */
#define EVENTS_WHERE                                                                                    \
    " WHERE (?3 IS NULL OR e.date >= ?3) AND (?4 IS NULL OR e.date <= ?4)"                              \
    " AND (?5 IS NULL OR e.id IN (SELECT m.event FROM mentions m WHERE m.article IN"                    \
    " (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?5)))"                                   \
    " AND (?7 IS NULL OR " PLACE_MATCH("e") ")"                                                         \
                                            " AND (?8 IS NULL OR e.confidence >= ?8)"

/* Binds a LIKE prefix with %, _ and \ escaped. */
static void bind_prefix(sqlite3_stmt *st, int i, const char *p) {
    if (!p) {
        sqlite3_bind_null(st, i);
        return;
    }
    size_t n = strlen(p);
    char *e = malloc(2 * n + 1);
    if (!e) {
        sqlite3_bind_null(st, i);
        return;
    }
    size_t k = 0;
    for (size_t j = 0; j < n; j++) {
        if (p[j] == '%' || p[j] == '_' || p[j] == '\\') e[k++] = '\\';
        e[k++] = p[j];
    }
    sqlite3_bind_text(st, i, e, (int)k, SQLITE_TRANSIENT);
    free(e);
}

static void bind_query(sqlite3_stmt *st, const dyad_query *q) {
    if (q && q->from) sqlite3_bind_text(st, 3, q->from, -1, SQLITE_TRANSIENT);
    if (q && q->to) sqlite3_bind_text(st, 4, q->to, -1, SQLITE_TRANSIENT);
    if (q && q->text) sqlite3_bind_text(st, 5, q->text, -1, SQLITE_TRANSIENT);
    if (q && q->place) sqlite3_bind_text(st, 7, q->place, -1, SQLITE_TRANSIENT);
    if (q && q->min_confidence > 0) sqlite3_bind_double(st, 8, q->min_confidence - 1e-9);
}

/* The first parameter of a query's list and range filters (filter.c). */
#define FILTER_FIRST 10

/* Prepares sql, a format whose one %s takes the filters' clauses and,
 * when order is set, a second %s the query's ORDER BY; binds the filters
 * and the fixed parameters of EVENTS_WHERE. */
static dyad_status prepare_query(lite *s, const char *fmt, const dyad_query *q, int order,
                                 sqlite3_stmt **st, dyad_error *err) {
    filter_sql *f = malloc(sizeof *f);
    if (!f) return dyad_fail(err, DYAD_ENOMEM, NULL, 0, "out of memory");
    dyad_status res = filter_build(q, &FILTER_SQLITE, FILTER_FIRST, f, err);
    char sql[16384];
    if (res == DYAD_OK) {
        int k = order ? snprintf(sql, sizeof sql, fmt, f->where, filter_order(q, 0))
                      : snprintf(sql, sizeof sql, fmt, f->where);
        if (k < 0 || (size_t)k >= sizeof sql)
            res = dyad_fail(err, DYAD_EINVAL, NULL, 0, "the query's filters are too long");
    }
    if (res == DYAD_OK && prepare(s, sql, st, err) != DYAD_OK) res = DYAD_EDB;
    if (res == DYAD_OK) {
        for (int i = 0; i < f->nparams; i++)
            sqlite3_bind_text(*st, FILTER_FIRST + i, f->params[i], -1, SQLITE_TRANSIENT);
        bind_query(*st, q);
    }
    free(f);
    return res;
}

static dyad_status lite_query(void *impl, const dyad_query *q, dyad_event_fn fn, void *ud,
                              dyad_error *err) {
    lite *s = impl;
    dyad_status res = DYAD_OK;
    char fmt[4096];
    snprintf(fmt, sizeof fmt,
             "SELECT %s, " ROWS_FIRST("a.ingested_at") ROWS_FIRST_FROM "%s%%s%s%%s LIMIT ?6",
             /* one-a-day keeps the row of the lowest id of each group */
             q && q->one_a_day ? ROWS_EVENT("min(e.id)") : ROWS_EVENT("e.id"), EVENTS_WHERE,
             q && q->one_a_day ? " GROUP BY e.date, e.source, e.target, e.code" : "");
    sqlite3_stmt *st;
    if ((res = prepare_query(s, fmt, q, 1, &st, err)) != DYAD_OK) return res;
    sqlite3_bind_int64(st, 6, q && q->limit > 0 ? q->limit : -1);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        dyad_stored_event e;
        text_row r;
        row_text(st, &r);
        rows_event(r.v, r.n, &e);
        if (fn(ud, &e)) break;
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) res = query_fail(s, q, rc, err, "query failed");
    sqlite3_finalize(st);
    return res;
}

static dyad_status lite_stats(void *impl, const char *by, const dyad_query *q, dyad_count_fn fn,
                              void *ud, dyad_error *err) {
    lite *s = impl;
    const char *key;
    key = rows_group_key(by); /* checked by store.c */
    char fmt[2048];
    dyad_status res = DYAD_OK;
    if (!strcmp(by, "*total")) /* dyad_store_count: one count, which an index serves */
        snprintf(fmt, sizeof fmt, "SELECT 'total', count(*), 0 FROM events e%s%%s", EVENTS_WHERE);
    else
        snprintf(
            fmt, sizeof fmt,
            "SELECT %s AS k, count(*), sum(e.num_mentions) FROM events e%s%%s GROUP BY k ORDER BY k",
            key, EVENTS_WHERE);
    sqlite3_stmt *st;
    if ((res = prepare_query(s, fmt, q, 0, &st, err)) != DYAD_OK) return res;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (fn(ud, col(st, 0), (long)sqlite3_column_int64(st, 1), (long)sqlite3_column_int64(st, 2)))
            break;
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) res = query_fail(s, q, rc, err, "query failed");
    sqlite3_finalize(st);
    return res;
}

/* ---------------------------------------------------------------------
 * Reading back for the HTTP API: one event with its mentions, one article
 * with its mentions, article search, and the timeline series.
 * ------------------------------------------------------------------- */

/* Steps a prepared mention query (columns of ROWS_MENTION_SELECT), calling fn
 * for each row; finalizes st. */
static dyad_status each_mention(lite *s, sqlite3_stmt *st, dyad_mention_fn fn, void *ud,
                                dyad_error *err) {
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        dyad_stored_mention m;
        text_row r;
        rows_mention(row_text(st, &r), &m);
        if (fn && fn(ud, &m)) break;
    }
    dyad_status res = DYAD_OK;
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) res = db_fail(s, err, "mention query failed");
    sqlite3_finalize(st);
    return res;
}

static dyad_status lite_event(void *impl, int64_t id, dyad_event_fn efn, dyad_mention_fn mfn, void *ud,
                              int *found, dyad_error *err) {
    lite *s = impl;
    *found = 0;
    sqlite3_stmt *st;
    /* the event with its first mention's fields, as a query gives it;
     * its own row alone when efn wants none (or it has no mention) */
    static const char *const SQL[2] = {"SELECT " ROWS_EVENT("e.id") ", " ROWS_FIRST("a.ingested_at")
                                           ROWS_FIRST_FROM " WHERE e.id = ?1",
                                       "SELECT " ROWS_EVENT("e.id") " FROM events e WHERE e.id = ?1"};
    int rc = SQLITE_DONE;
    for (int k = efn ? 0 : 1; k < 2 && !*found && rc == SQLITE_DONE; k++) {
        if (prepare(s, SQL[k], &st, err) != DYAD_OK) return DYAD_EDB;
        sqlite3_bind_int64(st, 1, id);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            dyad_stored_event e;
            text_row r;
            row_text(st, &r);
            rows_event(r.v, r.n, &e);
            *found = 1;
            if (efn) efn(ud, &e);
        }
        sqlite3_finalize(st);
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_fail(s, err, "event query failed");
    if (!*found) return DYAD_OK;
    if (prepare(s, ROWS_MENTION_SELECT " WHERE m.event = ?1 ORDER BY m.article, m.sentence, m.id", &st,
                err) != DYAD_OK)
        return DYAD_EDB;
    sqlite3_bind_int64(st, 1, id);
    return each_mention(s, st, mfn, ud, err);
}

static dyad_status lite_article(void *impl, const char *id, dyad_article_fn afn, dyad_mention_fn mfn,
                                void *ud, int *found, dyad_error *err) {
    lite *s = impl;
    *found = 0;
    sqlite3_stmt *st;
    if (prepare(s,
                "SELECT a.rowid, a.id, a.date, a.source, a.title, a.url, a.text, a.ingested_at,"
                " (SELECT count(*) FROM mentions m WHERE m.article = a.rowid)"
                " FROM articles a WHERE a.id = ?1",
                &st, err) != DYAD_OK)
        return DYAD_EDB;
    bind_str(st, 1, id);
    int rc = sqlite3_step(st);
    sqlite3_int64 rowid = 0;
    if (rc == SQLITE_ROW) {
        rowid = sqlite3_column_int64(st, 0);
        dyad_stored_article a = {col(st, 1), col(st, 2), col(st, 3),
                                 col(st, 4), col(st, 5), col(st, 6),
                                 "",         col(st, 7), (long)sqlite3_column_int64(st, 8)};
        *found = 1;
        if (afn) afn(ud, &a);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_fail(s, err, "article query failed");
    if (!*found) return DYAD_OK;
    if (prepare(s, ROWS_MENTION_SELECT " WHERE m.article = ?1 ORDER BY m.sentence, m.id", &st, err) !=
        DYAD_OK)
        return DYAD_EDB;
    sqlite3_bind_int64(st, 1, rowid);
    return each_mention(s, st, mfn, ud, err);
}

static dyad_status lite_search(void *impl, const char *text, long limit, dyad_article_fn fn, void *ud,
                               dyad_error *err) {
    lite *s = impl;
    sqlite3_stmt *st;
    if (prepare(s,
                "SELECT a.id, a.date, a.source, a.title, a.url,"
                " snippet(articles_fts, 1, char(2), char(3), '...', 24), a.ingested_at,"
                " (SELECT count(*) FROM mentions m WHERE m.article = a.rowid)"
                " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
                " WHERE articles_fts MATCH ?1 ORDER BY rank LIMIT ?2",
                &st, err) != DYAD_OK)
        return DYAD_EDB;
    bind_str(st, 1, text);
    sqlite3_bind_int64(st, 2, limit > 0 ? limit : -1);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        dyad_stored_article a = {col(st, 0), col(st, 1), col(st, 2),
                                 col(st, 3), col(st, 4), "",
                                 col(st, 5), col(st, 6), (long)sqlite3_column_int64(st, 7)};
        if (fn(ud, &a)) break;
    }
    dyad_status res = DYAD_OK;
    if (rc == SQLITE_INTERRUPT)
        res = dyad_fail(err, DYAD_EDB, s->path, 0, "search '%s': stopped", text);
    else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        res = dyad_fail(err, DYAD_EINVAL, NULL, 0, "search '%s': %s", text, sqlite3_errmsg(s->db));
    sqlite3_finalize(st);
    return res;
}

static dyad_status lite_series(void *impl, const dyad_query *q, dyad_series_fn fn, void *ud,
                               dyad_error *err) {
    lite *s = impl;
    dyad_status res = DYAD_OK;
    sqlite3_stmt *st;
    if ((res = prepare_query(
             s,
             "SELECT e.date, e.root, count(*), sum(e.num_mentions) FROM events e" EVENTS_WHERE
             "%s GROUP BY e.date, e.root ORDER BY e.date, e.root",
             q, 0, &st, err)) != DYAD_OK)
        return res;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (fn(ud, col(st, 0), col(st, 1), (long)sqlite3_column_int64(st, 2),
               (long)sqlite3_column_int64(st, 3)))
            break;
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) res = query_fail(s, q, rc, err, "query failed");
    sqlite3_finalize(st);
    return res;
}

/* ---------------------------------------------------------------------
 * Casualty figures
 * ------------------------------------------------------------------- */

static dyad_status lite_figures(void *impl, const dyad_query *q, dyad_figure_fn fn, void *ud,
                                dyad_error *err) {
    lite *s = impl;
    dyad_status res = DYAD_OK;
    sqlite3_stmt *st;
    if (prepare(
            s,
            ROWS_FIGURE_SELECT
            " WHERE (?1 IS NULL OR f.victim_code LIKE ?1 || '%' ESCAPE '\\'"
            " OR f.perpetrator_code LIKE ?1 || '%' ESCAPE '\\')"
            " AND (?2 IS NULL OR f.kind = ?2)"
            " AND (?3 IS NULL OR f.date >= ?3) AND (?4 IS NULL OR f.date <= ?4)"
            " AND (?5 IS NULL OR f.article IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH "
            "?5))"
            " AND (?7 IS NULL OR " PLACE_MATCH("f") ")"
                                                    " ORDER BY f.date, f.id LIMIT ?6",
            &st, err) != DYAD_OK)
        return DYAD_EDB;
    bind_prefix(st, 1, q ? q->actor : NULL);
    if (q && q->kind) sqlite3_bind_text(st, 2, q->kind, -1, SQLITE_TRANSIENT);
    if (q && q->from) sqlite3_bind_text(st, 3, q->from, -1, SQLITE_TRANSIENT);
    if (q && q->to) sqlite3_bind_text(st, 4, q->to, -1, SQLITE_TRANSIENT);
    if (q && q->text) sqlite3_bind_text(st, 5, q->text, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 6, q && q->limit > 0 ? q->limit : -1);
    if (q && q->place) sqlite3_bind_text(st, 7, q->place, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        dyad_stored_figure f;
        text_row r;
        rows_figure(row_text(st, &r), &f);
        if (fn(ud, &f)) break;
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) res = query_fail(s, q, rc, err, "figure query failed");
    sqlite3_finalize(st);
    return res;
}

static int lite_claims(const char *path) {
    (void)path;
    return 1;
}

const store_backend store_sqlite = {
    .name = "SQLite",
    .claims = lite_claims,
    .open = lite_open,
    .close = lite_close,
    .connected = lite_connected,
    .busy = lite_busy,
    .watch = lite_watch,
    .batch = DYAD_STORE_MAX_BATCH,
    .begin = lite_begin,
    .commit = lite_commit,
    .put = lite_put,
    .stored = lite_stored,
    .query = lite_query,
    .stats = lite_stats,
    .figures = lite_figures,
    .event = lite_event,
    .article = lite_article,
    .search = lite_search,
    .series = lite_series,
    .run = lite_run,
};
