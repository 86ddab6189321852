/* rmm-db-pg.c: the connection layer on a PostgreSQL server: the same statements and
 * transactions as on an SQLite file, through libpq
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What differs from SQLite is settled here, so the repositories keep one copy of their SQL:
 * "?" and "?N" become "$N"; an INSERT whose id is wanted gets RETURNING id; every value
 * travels as text and booleans read back as 1 and 0; one writer at a time, as on SQLite,
 * by a transaction-level advisory lock, so the audit chain is appended to in turn and never
 * forks. Other clients' changes arrive as notifications (LISTEN rmm_desk), which the
 * server's migrations send on every audit event.
 */
#define G_LOG_DOMAIN "rmm-db"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rmm-db-private.h"  /* first: the engine class rmm-db-pg.h derives from */
#include "rmm-db-pg.h"
#include "rmm-error.h"
#include "rmm-server-private.h"

/* The advisory lock every writer holds for its transaction ("RMMD"). */
#define WRITE_LOCK "1380797764"

/* How long a commit cut off by a lost connection is waited for, once back, while the server
 * still has it in hand. */
#define IN_DOUBT_TRIES   40
#define IN_DOUBT_WAIT_MS 250

typedef struct
{
  RmmDbStmt  parent;
  char      *sql;          /* with $N parameters */
  char      *name;         /* prepared on the server under this name */
  char      *insert_name;  /* the same with RETURNING id, once an insert wanted it */
  int        n_params;
  char     **values;       /* n_params, NULL for NULL */
  PGresult  *result;
  int        row;
} PgStmt;

struct _RmmDbPg
{
  RmmDb          parent_instance;

  PGconn        *conn;
  char          *conninfo;    /* as given, to dial again (it may hold a password: never shown) */
  RmmServerInfo *info;
  char          *login;
  guint          n_prepared;
  gint64         changes;     /* other clients' commits heard of */
  char          *writing;     /* the write transaction's id on the server, while it runs */
  char          *begun_head;  /* the audit chain's newest event ("ID HASH") read as the write
                               * lock was taken, until the store takes it */
  char          *in_doubt;    /* the id of one whose COMMIT the lost connection cut off */
  guint          ahead;       /* commands sent ahead in a pipeline, their outcome not yet read */
  GError        *refused_ahead; /* the first of them refused, until the transaction ends */
};

G_DEFINE_FINAL_TYPE (RmmDbPg, rmm_db_pg, RMM_TYPE_DB)

#define PG(stmt) ((PgStmt *)(stmt))
#define DB(stmt) ((RmmDbPg *)((RmmDbStmt *)(stmt))->db)

/* SQLite's "?" (the next number) and "?N" as PostgreSQL's "$N", outside quotes and comments;
 * @n_params is the highest number used. */
static char *
translate_parameters (const char *sql,
                      int        *n_params)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  int highest = 0;

  for (const char *p = sql; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '"')
        {
          const char *end = strchr (p + 1, *p);

          end = end ? end : p + strlen (p) - 1;
          g_string_append_len (out, p, end - p + 1);
          p = end;
        }
      else if (p[0] == '-' && p[1] == '-')
        {
          const char *end = strchr (p, '\n');

          end = end ? end : p + strlen (p) - 1;
          g_string_append_len (out, p, end - p + 1);
          p = end;
        }
      else if (*p == '?')
        {
          int number;

          if (g_ascii_isdigit (p[1]))
            {
              char *end;

              number = (int)g_ascii_strtoll (p + 1, &end, 10);
              p = end - 1;
            }
          else
            number = highest + 1;
          highest = MAX (highest, number);
          g_string_append_printf (out, "$%d", number);
        }
      else
        g_string_append_c (out, *p);
    }
  *n_params = highest;
  return g_string_free (out, FALSE);
}

static gboolean
is_connection_lost (RmmDbPg     *self,
                    const char  *sqlstate)
{
  return PQstatus (self->conn) != CONNECTION_OK || sqlstate == NULL ||
         g_str_has_prefix (sqlstate, "08") || g_str_has_prefix (sqlstate, "57P");
}

/* A broken rule of the schema: the table, and the columns the server names (a unique key's
 * in its detail, "Key (meeting_id, child_id)=(…) already exists": the values never shown). */
static void
set_refused (const PGresult  *result,
             const char      *sqlstate,
             GError         **error)
{
  const char *table = PQresultErrorField (result, PG_DIAG_TABLE_NAME);
  const char *column = PQresultErrorField (result, PG_DIAG_COLUMN_NAME);
  const char *detail = PQresultErrorField (result, PG_DIAG_MESSAGE_DETAIL);
  g_autofree char *key = NULL;

  if (g_str_equal (sqlstate, "23505"))
    {
      const char *open = detail ? strstr (detail, "Key (") : NULL;
      const char *close = open ? strchr (open, ')') : NULL;

      if (close != NULL)
        key = g_strndup (open + strlen ("Key ("), close - open - strlen ("Key ("));
      rmm_db_set_refused (error, RMM_DB_REFUSED_DUPLICATE, table, key);
    }
  else if (g_str_equal (sqlstate, "23502"))
    rmm_db_set_refused (error, RMM_DB_REFUSED_MISSING, table, column);
  else if (g_str_equal (sqlstate, "23503"))
    rmm_db_set_refused (error, RMM_DB_REFUSED_REFERENCE, table, NULL);
  else
    rmm_db_set_refused (error, RMM_DB_REFUSED_VALUE, table, NULL);
}

/* The server's refusal as one sentence in our error domain; never the SQL. */
static gboolean
set_error_from_result (RmmDbPg         *self,
                       const PGresult  *result,
                       GError         **error)
{
  const char *sqlstate = result ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *primary = result ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  const char *database = self->info->database;

  if (primary == NULL)
    primary = PQerrorMessage (self->conn);

  if (is_connection_lost (self, sqlstate))
    g_set_error (error, RMM_ERROR, RMM_ERROR_IO,
                 _("The server holding “%s” cannot be reached: this change was not saved."),
                 database);
  else if (g_str_equal (sqlstate, "23000"))
    g_set_error (error, RMM_ERROR, RMM_ERROR_IMMUTABLE, "%s", primary);
  else if (g_str_has_prefix (sqlstate, "23"))
    set_refused (result, sqlstate, error);
  else if (g_str_has_prefix (sqlstate, "22"))       /* data: its message may quote a value */
    rmm_db_set_refused (error, RMM_DB_REFUSED_VALUE, NULL, NULL);
  else if (g_str_equal (sqlstate, "40001") || g_str_equal (sqlstate, "40P01") ||
           g_str_equal (sqlstate, "55P03"))
    g_set_error (error, RMM_ERROR, RMM_ERROR_LOCKED,
                 _("Someone else is saving to “%s” at this moment. Try again."), database);
  else if (g_str_equal (sqlstate, "53100"))
    g_set_error (error, RMM_ERROR, RMM_ERROR_IO,
                 _("The server holding “%s” is out of disk space: this change was not saved. "
                   "Tell the server’s administrator."), database);
  else if (g_str_equal (sqlstate, "42501"))
    g_set_error (error, RMM_ERROR, RMM_ERROR_READ_ONLY,
                 _("The server does not allow this login (“%s”) to do that."), self->login);
  else
    {
      /* Anything else is in the server's words, which may quote SQL or values: never shown,
       * nor logged (they may name people). Its code is said, for whoever looks into it. */
      g_set_error (error, RMM_ERROR, RMM_ERROR_FAILED,
                   _("The server holding “%s” refused this (error %s): nothing was changed. If "
                     "it happens again, tell the server’s administrator."), database, sqlstate);
    }
  return FALSE;
}

/* Sends a command that returns no rows without waiting for its outcome: it travels in a
 * pipeline with the next command that does wait, one round trip for all. A writer holds the
 * write lock while it waits for the server, so every round trip saved is a wait shorter for
 * every other writer. Only inside a write transaction, which a failure then fails. */
static gboolean
send_ahead (RmmDbPg             *self,
            const char          *name,
            int                  n_params,
            const char * const  *values,
            const char          *sql,
            GError             **error)
{
  if (PQpipelineStatus (self->conn) == PQ_PIPELINE_OFF && !PQenterPipelineMode (self->conn))
    return set_error_from_result (self, NULL, error);
  if (!(name ? PQsendQueryPrepared (self->conn, name, n_params, values, NULL, NULL, 0)
             : PQsendQueryParams (self->conn, sql, 0, NULL, NULL, NULL, NULL, 0)))
    return set_error_from_result (self, NULL, error);
  self->ahead++;
  return TRUE;
}

/* Ends the pipeline: what was sent ahead is run, the last command's result returned, or the
 * first failure's (the commands after a failure are not run). NULL if the connection is
 * gone. With @last_wanted the last command is the caller's own, sent with the rest. */
static PGresult *
read_ahead (RmmDbPg  *self,
            gboolean  last_wanted)
{
  PGresult *failed = NULL;
  PGresult *last = NULL;
  guint ahead = self->ahead;

  self->ahead = 0;
  if (!PQpipelineSync (self->conn))
    return NULL;
  for (guint i = 0; i < ahead; i++)
    {
      PGresult *result = PQgetResult (self->conn);

      if (result == NULL)
        break;
      /* Each command's results end with a NULL. */
      PQclear (PQgetResult (self->conn));
      if (failed == NULL && PQresultStatus (result) == PGRES_FATAL_ERROR)
        {
          failed = result;
          /* A write sent ahead and refused fails its whole transaction, whoever reads the
           * refusal (a read that ignores its error, a savepoint rolled back): the COMMIT is
           * refused with it. */
          if ((i + 1 < ahead || !last_wanted) && self->refused_ahead == NULL)
            set_error_from_result (self, result, &self->refused_ahead);
        }
      else if (i == ahead - 1 && failed == NULL)
        last = result;
      else
        PQclear (result);
    }
  PQclear (PQgetResult (self->conn));  /* the end of the pipeline */
  PQexitPipelineMode (self->conn);
  if (failed != NULL)
    {
      g_debug ("refused (%s) in a pipeline", PQresultErrorField (failed, PG_DIAG_SQLSTATE));
      PQclear (last);
      return failed;
    }
  return last;
}

/* Reads what was sent ahead, before a command that cannot travel with it; FALSE with the
 * first failure among them. */
static gboolean
catch_up (RmmDbPg  *self,
          GError  **error)
{
  g_autoptr(PGresult) result = NULL;
  ExecStatusType status;

  if (self->ahead == 0)
    return TRUE;
  result = read_ahead (self, FALSE);
  status = PQresultStatus (result);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return TRUE;
  return set_error_from_result (self, result, error);
}

/* @sql's result: on its own, or with what was sent ahead. A transaction's COMMIT, RELEASE and
 * SAVEPOINT go with it; its ROLLBACK does not (a failure ahead would leave it unrun), and
 * neither does a string of several statements, which a pipeline cannot carry. */
static PGresult *
exec_after_ahead (RmmDbPg     *self,
                  const char  *sql,
                  GError     **error)
{
  if (self->ahead > 0)
    {
      if (g_str_has_prefix (sql, "ROLLBACK"))
        PQclear (read_ahead (self, FALSE));   /* undone anyway, a refusal kept */
      else if (strchr (sql, ';') == NULL)
        return send_ahead (self, NULL, 0, NULL, sql, error) ? read_ahead (self, TRUE) : NULL;
      else if (!catch_up (self, error))
        return NULL;
    }
  return PQexec (self->conn, sql);
}

/* Runs @sql (one or more statements, no parameters). */
static gboolean
rmm_db_pg_exec (RmmDb       *db,
                const char  *sql,
                GError     **error)
{
  RmmDbPg *self = RMM_DB_PG (db);
  g_autoptr(PGresult) result = NULL;
  ExecStatusType status;

  g_return_val_if_fail (self->conn != NULL, FALSE);

  /* A savepoint inside a write transaction waits for nothing: it goes with the next. */
  if (self->writing != NULL && g_str_has_prefix (sql, "SAVEPOINT ") && strchr (sql, ';') == NULL)
    return send_ahead (self, NULL, 0, NULL, sql, error);
  result = exec_after_ahead (self, sql, error);
  if (result == NULL && error != NULL && *error != NULL)
    return FALSE;
  status = PQresultStatus (result);
  if (g_str_equal (sql, "COMMIT") || g_str_equal (sql, "ROLLBACK"))
    {
      /* Whether a COMMIT the connection cut off took effect is known only to the server:
       * asked again once it is back (rmm_db_pg_reconnect()). */
      if (g_str_equal (sql, "COMMIT") && status != PGRES_COMMAND_OK &&
          PQstatus (self->conn) != CONNECTION_OK && self->writing != NULL)
        {
          g_free (self->in_doubt);
          self->in_doubt = g_steal_pointer (&self->writing);
          g_set_error (error, RMM_ERROR, RMM_ERROR_IO,
                       _("The connection to the server was lost while this change was being "
                         "saved. Whether it was saved is checked as soon as the server is back."));
          return FALSE;
        }
      g_clear_pointer (&self->writing, g_free);
      g_clear_pointer (&self->begun_head, g_free);
      /* A transaction a refusal had aborted ends in a ROLLBACK, whatever its COMMIT: never
       * reported as saved. */
      if (g_str_equal (sql, "COMMIT") && status == PGRES_COMMAND_OK &&
          g_strcmp0 (PQcmdStatus (result), "ROLLBACK") == 0)
        {
          if (self->refused_ahead != NULL)
            g_propagate_error (error, g_steal_pointer (&self->refused_ahead));
          else
            g_set_error (error, RMM_ERROR, RMM_ERROR_FAILED,
                         _("The server refused part of this change, so none of it was saved."));
          return FALSE;
        }
      g_clear_error (&self->refused_ahead);
    }
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return TRUE;
  return set_error_from_result (self, result, error);
}

/* The first column of the first row of @sql (no parameters); NULL with @error. */
static char *
query_text (RmmDbPg     *self,
            const char  *sql,
            GError     **error)
{
  g_autoptr(PGresult) result = NULL;

  if (!catch_up (self, error))
    return NULL;
  result = PQexec (self->conn, sql);
  if (PQresultStatus (result) != PGRES_TUPLES_OK || PQntuples (result) < 1)
    {
      set_error_from_result (self, result, error);
      return NULL;
    }
  return g_strdup (PQgetvalue (result, 0, 0));
}

static gboolean
prepare_named (RmmDbPg     *self,
               const char  *name,
               const char  *sql,
               GError     **error)
{
  g_autoptr(PGresult) result = NULL;

  if (!catch_up (self, error))
    return FALSE;
  result = PQprepare (self->conn, name, sql, 0, NULL);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    {
      g_debug ("refused (%s): %s", PQresultErrorField (result, PG_DIAG_SQLSTATE), sql);
      return set_error_from_result (self, result, error);
    }
  return TRUE;
}

static RmmDbStmt *
rmm_db_pg_prepare (RmmDb       *db,
                   const char  *sql,
                   GError     **error)
{
  RmmDbPg *self = RMM_DB_PG (db);
  PgStmt *stmt = g_new0 (PgStmt, 1);

  g_return_val_if_fail (self->conn != NULL, NULL);

  stmt->sql = translate_parameters (sql, &stmt->n_params);
  stmt->name = g_strdup_printf ("rmm_%u", ++self->n_prepared);
  stmt->values = g_new0 (char *, stmt->n_params + 1);
  stmt->row = -1;
  if (!prepare_named (self, stmt->name, stmt->sql, error))
    {
      stmt->parent.db = db;
      RMM_DB_GET_CLASS (db)->stmt_free ((RmmDbStmt *)stmt);
      return NULL;
    }
  return (RmmDbStmt *)stmt;
}

static void
rmm_db_pg_reset (RmmDbStmt *stmt)
{
  g_clear_pointer (&PG (stmt)->result, PQclear);
  PG (stmt)->row = -1;
}

static void
rmm_db_pg_stmt_clear (RmmDbStmt *stmt)
{
  rmm_db_pg_reset (stmt);
  for (int i = 0; i < PG (stmt)->n_params; i++)
    g_clear_pointer (&PG (stmt)->values[i], g_free);
}

static void
rmm_db_pg_stmt_free (RmmDbStmt *stmt)
{
  /* Prepared statements live as long as the connection: the server forgets them with it. */
  rmm_db_pg_stmt_clear (stmt);
  g_free (PG (stmt)->values);
  g_free (PG (stmt)->sql);
  g_free (PG (stmt)->name);
  g_free (PG (stmt)->insert_name);
  g_free (stmt);
}

static void
rmm_db_pg_bind_text (RmmDbStmt  *stmt,
                     int         index,
                     const char *value)
{
  g_return_if_fail (index >= 1 && index <= PG (stmt)->n_params);

  g_free (PG (stmt)->values[index - 1]);
  PG (stmt)->values[index - 1] = g_strdup (value);
}

static void
rmm_db_pg_bind_int (RmmDbStmt *stmt,
                    int        index,
                    gint64     value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  rmm_db_pg_bind_text (stmt, index, text);
}

/* Runs the statement prepared as @name with the bound values; the rows are then read. */
static gboolean
execute (PgStmt      *stmt,
         const char  *name,
         GError     **error)
{
  RmmDbPg *self = DB (stmt);
  ExecStatusType status;

  g_clear_pointer (&stmt->result, PQclear);
  if (self->ahead > 0)
    stmt->result = send_ahead (self, name, stmt->n_params, (const char * const *)stmt->values,
                               NULL, NULL) ? read_ahead (self, TRUE) : NULL;
  else
    stmt->result = PQexecPrepared (self->conn, name, stmt->n_params,
                                   (const char * const *)stmt->values, NULL, NULL, 0);
  stmt->row = -1;
  status = PQresultStatus (stmt->result);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return TRUE;
  /* The statement's SQL and the server's code only: values and messages may name people. */
  g_debug ("refused (%s): %s", PQresultErrorField (stmt->result, PG_DIAG_SQLSTATE), stmt->sql);
  set_error_from_result (self, stmt->result, error);
  g_clear_pointer (&stmt->result, PQclear);
  return FALSE;
}

static gboolean
rmm_db_pg_step (RmmDbStmt  *stmt,
                GError    **error)
{
  PgStmt *pg = PG (stmt);

  if (pg->result == NULL && !execute (pg, pg->name, error))
    return FALSE;
  if (++pg->row < PQntuples (pg->result))
    return TRUE;
  rmm_db_pg_reset (stmt);
  return FALSE;
}

/* A write whose outcome nothing waits for, inside a write transaction: sent ahead. */
static gboolean
rmm_db_pg_send (RmmDbStmt  *stmt,
                GError    **error)
{
  PgStmt *pg = PG (stmt);
  RmmDbPg *self = DB (stmt);

  if (self->writing == NULL)
    return rmm_db_stmt_run (stmt, error);
  rmm_db_pg_reset (stmt);
  return send_ahead (self, pg->name, pg->n_params, (const char * const *)pg->values, NULL,
                     error);
}

static gint64
rmm_db_pg_insert (RmmDbStmt  *stmt,
                  GError    **error)
{
  PgStmt *pg = PG (stmt);
  gint64 id = 0;

  if (pg->insert_name == NULL)
    {
      g_autofree char *sql = g_strconcat (pg->sql, " RETURNING id", NULL);
      g_autofree char *name = g_strconcat (pg->name, "_id", NULL);

      if (!prepare_named (DB (stmt), name, sql, error))
        return 0;
      pg->insert_name = g_steal_pointer (&name);
    }
  if (!execute (pg, pg->insert_name, error))
    return 0;
  if (PQntuples (pg->result) > 0)
    id = g_ascii_strtoll (PQgetvalue (pg->result, 0, 0), NULL, 10);
  rmm_db_pg_reset (stmt);
  return id;
}

static gboolean
rmm_db_pg_is_null (RmmDbStmt *stmt,
                   int        column)
{
  PgStmt *pg = PG (stmt);

  return pg->result == NULL || pg->row < 0 || column >= PQnfields (pg->result) ||
         PQgetisnull (pg->result, pg->row, column);
}

static const char *
rmm_db_pg_get_text (RmmDbStmt *stmt,
                    int        column)
{
  if (rmm_db_pg_is_null (stmt, column))
    return NULL;
  return PQgetvalue (PG (stmt)->result, PG (stmt)->row, column);
}

/* As SQLite reads a column as an integer: NULL is 0, a comparison's true is 1. */
static gint64
rmm_db_pg_get_int (RmmDbStmt *stmt,
                   int        column)
{
  const char *text = rmm_db_pg_get_text (stmt, column);

  if (text == NULL)
    return 0;
  if (g_str_equal (text, "t"))
    return 1;
  return g_ascii_strtoll (text, NULL, 10);
}

/* One writer at a time, as on SQLite: another client's write transaction is waited for up
 * to a second (the store then waits patiently in its own way), or not at all. */
static gboolean
rmm_db_pg_begin_writing (RmmDb    *db,
                         gboolean  wait,
                         GError  **error)
{
  RmmDbPg *self = RMM_DB_PG (db);
  g_autofree char *got = NULL;
  g_autoptr(GError) local_error = NULL;

  /* One round trip: the lock, then the transaction's id and the audit chain's newest event
   * as it stands now the lock is held (the first event the transaction appends follows it:
   * a round trip fewer while others wait for the lock); no id when the lock was not free. */
#define AND_HEAD " || ' ' || coalesce ((SELECT id || ' ' || hash FROM audit_chain " \
                 "ORDER BY id DESC LIMIT 1), '0 ' || repeat ('0', 64))"
  got = query_text (self, wait ? "BEGIN;"
                                 "SET LOCAL lock_timeout = 1000;"
                                 "SELECT pg_advisory_xact_lock (" WRITE_LOCK ");"
                                 "SET LOCAL lock_timeout = 0;"
                                 "SELECT txid_current ()" AND_HEAD
                               : "BEGIN;"
                                 "SELECT CASE WHEN pg_try_advisory_xact_lock (" WRITE_LOCK ") "
                                 "            THEN txid_current ()" AND_HEAD " END",
                    &local_error);
#undef AND_HEAD
  g_clear_error (&self->refused_ahead);
  if (got != NULL && *got != '\0')
    {
      char *space = strchr (got, ' ');

      /* Its id, to ask the server about it should its COMMIT be cut off. */
      g_free (self->begun_head);
      self->begun_head = space ? g_strdup (space + 1) : NULL;
      if (space != NULL)
        *space = '\0';
      g_free (self->writing);
      self->writing = g_steal_pointer (&got);
      return TRUE;
    }

  rmm_db_pg_exec (db, "ROLLBACK", NULL);
  if (local_error == NULL)
    g_set_error (&local_error, RMM_ERROR, RMM_ERROR_LOCKED,
                 _("Someone else is saving to “%s” at this moment. Try again."),
                 self->info->database);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* The chain's newest event as the write lock was taken, once: a later question (after a
 * savepoint rolled back what was appended since) is asked of the server. */
static gboolean
rmm_db_pg_take_chain_head (RmmDb   *db,
                           gint64  *id,
                           char   **hash)
{
  RmmDbPg *self = RMM_DB_PG (db);
  g_autofree char *head = g_steal_pointer (&self->begun_head);
  char *space = head ? strchr (head, ' ') : NULL;

  if (space == NULL || self->writing == NULL)
    return FALSE;
  *id = g_ascii_strtoll (head, NULL, 10);
  *hash = g_strdup (space + 1);
  return TRUE;
}

static gboolean
rmm_db_pg_in_transaction (RmmDb *db)
{
  RmmDbPg *self = RMM_DB_PG (db);
  PGTransactionStatusType status = PQtransactionStatus (self->conn);

  /* Commands sent ahead leave the status "active" until they are read. */
  return self->ahead > 0 || status == PQTRANS_INTRANS || status == PQTRANS_INERROR;
}

/* Other clients' commits heard of so far (their notifications), without asking the server. */
static gint64
rmm_db_pg_get_data_version (RmmDb *db)
{
  RmmDbPg *self = RMM_DB_PG (db);
  PGnotify *notify;

  if (self->conn == NULL)
    return -1;
  if (self->ahead > 0)      /* mid-transaction: heard of at its end */
    return self->changes;
  PQconsumeInput (self->conn);
  while ((notify = PQnotifies (self->conn)) != NULL)
    {
      if (notify->be_pid != PQbackendPID (self->conn))
        self->changes++;
      PQfreemem (notify);
    }
  return self->changes;
}

/* A bulk writer fills tables inside one transaction, where no statistics follow them: a
 * statement planned once, when a table was nearly empty, would keep scanning it whole as it
 * grows. While writing in bulk, every statement is planned for the tables as they are. */
static void
rmm_db_pg_set_bulk_writing (RmmDb    *db,
                            gboolean  bulk)
{
  rmm_db_pg_exec (db, bulk ? "SET plan_cache_mode = force_custom_plan"
                           : "SET plan_cache_mode = auto", NULL);
}

/* An identity column's sequence goes on after the highest id written (a copy gives them). */
static gboolean
rmm_db_pg_follow_ids (RmmDb       *db,
                      const char  *table,
                      GError     **error)
{
  g_autofree char *quoted = NULL;
  g_autofree char *sql = NULL;
  char *escaped = PQescapeLiteral (RMM_DB_PG (db)->conn, table, strlen (table));

  quoted = g_strdup (escaped);
  PQfreemem (escaped);
  sql = g_strdup_printf ("SELECT setval (s, (SELECT coalesce (max (id), 0) + 1 FROM %s), false) "
                         "FROM pg_get_serial_sequence (%s, 'id') AS s WHERE s IS NOT NULL",
                         table, quoted);
  return rmm_db_pg_exec (db, sql, error);
}

/* Lets @login into this database as a member of @group (GRANT the role, and CONNECT here), or
 * (@group NULL) no longer into this database: REVOKE CONNECT. The role is the whole server's
 * and stays, for any other database the login is a member in; what it may do here follows
 * its memberships here. @login must be a login on this server. */
static gboolean
rmm_db_pg_admit_login (RmmDb       *db,
                       const char  *login,
                       const char  *group,
                       GError     **error)
{
  RmmDbPg *self = RMM_DB_PG (db);
  const char *values[] = { login };
  g_autoptr(PGresult) found = NULL;
  g_autofree char *sql = NULL;
  char *quoted_login;
  char *quoted_group = NULL;
  char *quoted_database;

  if (!catch_up (self, error))
    return FALSE;
  found = PQexecParams (self->conn, "SELECT rolcanlogin FROM pg_roles WHERE rolname = $1", 1,
                        NULL, values, NULL, NULL, 0);
  if (PQresultStatus (found) != PGRES_TUPLES_OK)
    return set_error_from_result (self, found, error);
  if (PQntuples (found) == 0 || !g_str_equal (PQgetvalue (found, 0, 0), "t"))
    {
      g_set_error (error, RMM_ERROR, RMM_ERROR_NOT_FOUND,
                   _("There is no login “%s” on the server holding “%s”: its administrator "
                     "creates it first (CREATE ROLE … LOGIN)."), login, self->info->database);
      return FALSE;
    }
  quoted_login = PQescapeIdentifier (self->conn, login, strlen (login));
  quoted_database = PQescapeIdentifier (self->conn, PQdb (self->conn), strlen (PQdb (self->conn)));
  if (group != NULL)
    quoted_group = PQescapeIdentifier (self->conn, group, strlen (group));
  sql = group != NULL
    ? g_strdup_printf ("GRANT %s TO %s; GRANT CONNECT ON DATABASE %s TO %s", quoted_group,
                       quoted_login, quoted_database, quoted_login)
    : g_strdup_printf ("REVOKE CONNECT ON DATABASE %s FROM %s", quoted_database, quoted_login);
  PQfreemem (quoted_login);
  PQfreemem (quoted_database);
  if (quoted_group != NULL)
    PQfreemem (quoted_group);
  return rmm_db_pg_exec (db, sql, error);
}

static gboolean
rmm_db_pg_is_connected (RmmDb *db)
{
  RmmDbPg *self = RMM_DB_PG (db);

  return self->conn != NULL && PQstatus (self->conn) == CONNECTION_OK;
}

/* What every connection is told first: text in UTF-8, times in UTC, others' changes heard,
 * and no JIT compiling. The row policies make a large agenda's query look costly to the
 * planner, which would then spend 150–250 ms compiling it to run a 7 ms read; every query
 * RMM Desk sends is a short one. And no waiting on a table's lock for more than 10 s: a login
 * may lock a table it may change (LOCK TABLE), which would otherwise stall every reader of
 * it until the server's administrator ends that session; this one says so instead. */
static gboolean
set_session_up (RmmDbPg  *self,
                GError  **error)
{
  return rmm_db_pg_exec (RMM_DB (self), "SET client_encoding = 'UTF8';"
                                        "SET TIME ZONE 'UTC';"
                                        "SET jit = off;"
                                        "SET lock_timeout = '10s';"
                                        "LISTEN rmm_desk", error);
}

/* txid_status () of the transaction in doubt. An id "in the future" was never written to the
 * server's log: the server stopped before it, so the transaction never committed. */
static char *
ask_transaction_status (RmmDbPg     *self,
                        const char  *sql,
                        GError     **error)
{
  g_autoptr(PGresult) result = PQexec (self->conn, sql);
  const char *sqlstate = PQresultErrorField (result, PG_DIAG_SQLSTATE);

  if (PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1)
    return g_strdup (PQgetvalue (result, 0, 0));
  if (g_strcmp0 (sqlstate, "22023") == 0)
    return g_strdup ("aborted");
  set_error_from_result (self, result, error);
  return NULL;
}

/* The same server again, with the same address and login. Reads only what never changes. */
static gpointer
rmm_db_pg_dial (RmmDb   *db,
                GError **error)
{
  RmmDbPg *self = RMM_DB_PG (db);
  g_autoptr(RmmServerInfo) info = g_new0 (RmmServerInfo, 1);
  g_autoptr(GError) local_error = NULL;
  PGconn *conn = rmm_server_connect (self->conninfo, info, &local_error);

  if (conn == NULL)
    g_set_error (error, RMM_ERROR, RMM_ERROR_IO,
                 _("The server holding “%s” still cannot be reached."), self->info->database);
  return conn;
}

/* The dialled connection in place of the lost one; a commit the lost one cut off is looked
 * up by its transaction's id. */
static gboolean
rmm_db_pg_adopt (RmmDb               *db,
                 gpointer             dialled,
                 RmmDbCommitOutcome  *outcome,
                 GError             **error)
{
  RmmDbPg *self = RMM_DB_PG (db);
  g_autofree char *sql = NULL;
  g_autofree char *status = NULL;

  g_clear_pointer (&self->conn, PQfinish);
  self->conn = dialled;
  self->ahead = 0;
  g_clear_error (&self->refused_ahead);
  g_clear_pointer (&self->writing, g_free);
  g_clear_pointer (&self->begun_head, g_free);
  if (!set_session_up (self, error))
    return FALSE;
  /* Changes made by others meanwhile were not heard: as if one had been. */
  self->changes++;
  if (self->in_doubt == NULL)
    return TRUE;
  /* A transaction the server has not yet seen orphaned is still "in progress": it ends either
   * way in a moment. */
  sql = g_strdup_printf ("SELECT coalesce (txid_status (%s), 'unknown')", self->in_doubt);
  for (guint i = 0; i < IN_DOUBT_TRIES; i++)
    {
      g_free (status);
      if (!(status = ask_transaction_status (self, sql, error)))
        return FALSE;
      if (!g_str_equal (status, "in progress"))
        break;
      g_usleep (IN_DOUBT_WAIT_MS * 1000);
    }
  if (g_str_equal (status, "committed"))
    *outcome = RMM_DB_COMMIT_SAVED;
  else if (g_str_equal (status, "aborted"))
    *outcome = RMM_DB_COMMIT_NOT_SAVED;
  else
    *outcome = RMM_DB_COMMIT_UNKNOWN;
  g_clear_pointer (&self->in_doubt, g_free);
  return TRUE;
}

static void
rmm_db_pg_close (RmmDb *db)
{
  g_clear_pointer (&RMM_DB_PG (db)->conn, PQfinish);
}

/* The database as a URI without its password, naming the server as connected (its socket
 * folder or host, and port): how the store names it to the user, and the key under which this
 * computer remembers the head of its trail. */
static char *
describe_location (PGconn *conn)
{
  const char *host = PQhost (conn);
  g_autofree char *database = g_uri_escape_string (PQdb (conn), NULL, FALSE);

  if (host == NULL || host[0] == '/' || host[0] == '@')
    {
      g_autofree char *folder = g_uri_escape_string (host ? host : "", "/", FALSE);

      return g_strdup_printf ("postgresql:///%s?host=%s&port=%s", database, folder, PQport (conn));
    }
  return g_strdup_printf ("postgresql://%s:%s/%s", host, PQport (conn), database);
}

/**
 * rmm_db_connect:
 * @conninfo: a postgresql:// URI or libpq's keyword form
 *
 * Connects to RMM Desk's database on a PostgreSQL server: over TLS that verifies the server
 * unless it is on this computer or @conninfo sets another sslmode
 * (rmm_db_pg_get_security() says which).
 */
RmmDb *
rmm_db_connect (const char  *conninfo,
                GError     **error)
{
  g_autoptr(RmmDbPg) self = g_object_new (RMM_TYPE_DB_PG, NULL);
  g_autofree char *location = NULL;

  g_return_val_if_fail (conninfo != NULL, NULL);

  self->info = g_new0 (RmmServerInfo, 1);
  self->conninfo = g_strdup (conninfo);
  if (!(self->conn = rmm_server_connect (conninfo, self->info, error)))
    return NULL;
  location = describe_location (self->conn);
  rmm_db_set_location (RMM_DB (self), location, FALSE);
  if (!set_session_up (self, error) ||
      !(self->login = query_text (self, "SELECT session_user", error)))
    return NULL;
  return RMM_DB (g_steal_pointer (&self));
}

/* The database as a person would name it: "county on rmm.example.org". */
char *
rmm_db_pg_describe (RmmDbPg *self)
{
  const char *host;

  g_return_val_if_fail (RMM_IS_DB_PG (self), NULL);

  host = PQhost (self->conn);
  if (host == NULL || host[0] == '/' || host[0] == '@' || g_str_equal (host, "localhost"))
    /* TRANSLATORS: a database on a server on this computer: "county on this computer" */
    return g_strdup_printf (_("%s on this computer"), PQdb (self->conn));
  /* TRANSLATORS: a database on a server: "county on rmm.example.org" */
  return g_strdup_printf (_("%s on %s"), PQdb (self->conn), host);
}

/* How the connection is protected, in one sentence. */
const char *
rmm_db_pg_get_security (RmmDbPg *self)
{
  g_return_val_if_fail (RMM_IS_DB_PG (self), NULL);
  return self->info->security;
}

/* The server's login this connection is, which no client can change. */
const char *
rmm_db_pg_get_login (RmmDbPg *self)
{
  g_return_val_if_fail (RMM_IS_DB_PG (self), NULL);
  return self->login;
}

static void
rmm_db_pg_finalize (GObject *object)
{
  RmmDbPg *self = (RmmDbPg *)object;

  rmm_db_close (RMM_DB (self));
  g_clear_pointer (&self->info, rmm_server_info_free);
  g_clear_pointer (&self->login, g_free);
  g_clear_pointer (&self->conninfo, g_free);
  g_clear_pointer (&self->writing, g_free);
  g_clear_pointer (&self->begun_head, g_free);
  g_clear_pointer (&self->in_doubt, g_free);
  g_clear_error (&self->refused_ahead);

  G_OBJECT_CLASS (rmm_db_pg_parent_class)->finalize (object);
}

static void
rmm_db_pg_class_init (RmmDbPgClass *klass)
{
  RmmDbClass *db_class = RMM_DB_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = rmm_db_pg_finalize;

  db_class->engine = RMM_DB_ENGINE_POSTGRESQL;
  db_class->begin_snapshot = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
  db_class->follow_ids = rmm_db_pg_follow_ids;
  db_class->admit_login = rmm_db_pg_admit_login;
  db_class->prepare = rmm_db_pg_prepare;
  db_class->stmt_free = rmm_db_pg_stmt_free;
  db_class->stmt_clear = rmm_db_pg_stmt_clear;
  db_class->bind_int = rmm_db_pg_bind_int;
  db_class->bind_text = rmm_db_pg_bind_text;
  db_class->step = rmm_db_pg_step;
  db_class->insert = rmm_db_pg_insert;
  db_class->send = rmm_db_pg_send;
  db_class->reset = rmm_db_pg_reset;
  db_class->get_int = rmm_db_pg_get_int;
  db_class->get_text = rmm_db_pg_get_text;
  db_class->is_null = rmm_db_pg_is_null;
  db_class->exec = rmm_db_pg_exec;
  db_class->begin_writing = rmm_db_pg_begin_writing;
  db_class->in_transaction = rmm_db_pg_in_transaction;
  db_class->take_chain_head = rmm_db_pg_take_chain_head;
  db_class->get_data_version = rmm_db_pg_get_data_version;
  db_class->set_bulk_writing = rmm_db_pg_set_bulk_writing;
  db_class->close = rmm_db_pg_close;
  db_class->is_connected = rmm_db_pg_is_connected;
  db_class->dial = rmm_db_pg_dial;
  db_class->adopt = rmm_db_pg_adopt;
}

static void
rmm_db_pg_init (RmmDbPg *self)
{
}
