#!/usr/bin/env bash
# rmmctl server init on the throw-away server: an empty database set up once and then left
# alone; another program's database, a newer RMM Desk's, a malformed address, a host that
# does not exist and a file path each refused with one sentence, nothing changed, and no
# password ever printed.
#   usage: with-cluster test-server-init.sh RMMCTL
set -uo pipefail
rmmctl=$1
fail () { echo "not ok: $*" >&2; exit 1; }
expect () {   # expect STATUS TEXT COMMAND…: exits with STATUS and prints TEXT
  local status=$1 text=$2; shift 2
  output=$("$@" 2>&1); got=$?
  [[ $got -eq $status ]] || fail "$* exited $got, not $status: $output"
  [[ $output == *"$text"* ]] || fail "$* did not say “$text”: $output"
}
here="host=$PGHOST user=$PGUSER"

# Set up by its owner only, and the first time on a server by one who may create roles.
psql -Xqc "CREATE ROLE keeper LOGIN" && createdb --owner keeper kept || fail "keeper"
psql -Xqc "CREATE ROLE stranger LOGIN" || fail "stranger"
expect 1 "which this login may not create" "$rmmctl" -d "host=$PGHOST user=keeper dbname=kept" \
  server init
expect 1 "Only the owner" "$rmmctl" -d "host=$PGHOST user=stranger dbname=kept" server init
[[ $(psql -XtAd kept -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == 0 ]] ||
  fail "a refused init changed the database"

createdb rmm || fail "createdb"
expect 0 "is set up on the database “rmm”" "$rmmctl" -d "$here dbname=rmm" server init
expect 0 "over its own connection" "$rmmctl" -d "$here dbname=rmm" server init
expect 0 "already: nothing to do" "$rmmctl" -d "postgresql:///rmm?host=$PGHOST" server init
# every migration once: as many as data/migrations/postgresql holds
migrations=$(ls "$(dirname "$0")"/../../data/migrations/postgresql/*.sql | wc -l)
[[ $(psql -XtAd rmm -c "SELECT max(version) FROM schema_version") == "$migrations" ]] || fail "version"
[[ $(psql -XtAd rmm -c "SELECT count(*) FROM schema_version") == "$migrations" ]] || fail "set up twice"
[[ $(psql -XtAd rmm -c "SELECT to_regclass ('public.audit_event') IS NOT NULL") == t ]] ||
  fail "no audit_event table"

# The group role exists now: the owner without CREATEROLE sets its database up.
expect 0 "is set up on the database “kept”" "$rmmctl" -d "host=$PGHOST user=keeper dbname=kept" \
  server init

createdb other && psql -Xqd other -c "CREATE TABLE ledger (amount int)"
expect 1 "another program’s tables" "$rmmctl" -d "$here dbname=other" server init
[[ $(psql -XtAd other -c "SELECT count(*) FROM information_schema.tables
                          WHERE table_schema = 'public'") == 1 ]] || fail "other changed"

createdb newer
"$rmmctl" -d "$here dbname=newer" server init >/dev/null || fail "newer: init"
psql -Xqd newer -c "INSERT INTO schema_version VALUES (99, 'later')"
expect 1 "newer RMM Desk" "$rmmctl" -d "$here dbname=newer" server init

expect 1 "not one RMM Desk can read" "$rmmctl" -d "postgresql://ada:s3cret-Pa55@[bad/rmm" \
  server init
[[ $output != *s3cret* ]] || fail "the password was printed: $output"
expect 1 "cannot be found" "$rmmctl" \
  -d "host=rmm.example.invalid dbname=rmm password=s3cret-Pa55 connect_timeout=2" server init
[[ $output != *s3cret* ]] || fail "the password was printed: $output"
expect 2 "needs a PostgreSQL server" "$rmmctl" -d "$PGHOST/rmm.sqlite" server init
expect 2 "server what?" "$rmmctl" -d "$here dbname=rmm" server drop
echo ok
