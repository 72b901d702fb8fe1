/* store_sql.h -- the merge rule of the event store, as SQL both backends
 * use (store.c with numbered parameters, store_pg.c with PL/pgSQL
 * arguments), so that SQLite and PostgreSQL merge alike.
 *
 * A new report joins a stored event of the same date and code whose place
 * agrees (same place, one unknown, or a country and a place in it) when
 * both actors are the same, or when one of them is the same real actor
 * (not a role alone) and the other is compatible: the same country at
 * another precision (IND, INDMIL) or a role alone and an actor of that role
 * (---CRM, SOMCRM). The stored event then takes the finer codes. */
#ifndef DYAD_STORE_SQL_H
#define DYAD_STORE_SQL_H

/* stored actor code c and reported code p name the same actor, one of
 * them perhaps more closely */
#define SQL_ACTOR_COMPAT(c, p)                                                                     \
    "(" c " = " p " OR (substr(" c ", 1, 3) <> '---' AND substr(" p ", 1, 3) <> '---'"              \
    " AND length(" c ") >= 3 AND length(" p ") >= 3 AND (substr(" p ", 1, length(" c ")) = " c      \
    " OR substr(" c ", 1, length(" p ")) = " p "))"                                                 \
    " OR (substr(" c ", 1, 3) = '---' AND substr(" p ", 1, 3) <> '---' AND length(" c ") > 3"       \
    " AND length(" p ") > 3 AND substr(" p ", 4) = substr(" c ", 4))"                               \
    " OR (substr(" p ", 1, 3) = '---' AND substr(" c ", 1, 3) <> '---' AND length(" p ") > 3"       \
    " AND length(" c ") > 3 AND substr(" c ", 4) = substr(" p ", 4)))"

/* the reported code p says more than the stored, compatible code c */
#define SQL_ACTOR_FINER(c, p) "(" c " <> " p " AND (substr(" c ", 1, 3) = '---' OR length(" p ") > length(" c ")))"

/* code p names a real actor */
#define SQL_REAL(p) "(" p " <> '' AND substr(" p ", 1, 3) <> '---')"

/* the actors of a stored event (source, target) agree with reported s, t */
#define SQL_ACTORS_AGREE(s, t)                                                                     \
    "((source = " s " AND target = " t ") OR (((source = " s " AND " SQL_REAL(s) ")"                \
    " OR (target = " t " AND " SQL_REAL(t) ")) AND " SQL_ACTOR_COMPAT("source", s)                  \
    " AND " SQL_ACTOR_COMPAT("target", t) "))"

#endif
