#!/usr/bin/env bash
# The throw-away server the PostgreSQL suites run beside: it answers on its socket only,
# never as root, passes COMMAND's failure on, and leaves nothing behind either way.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
record=$(mktemp)
trap 'rm -f "$record"' EXIT

"$here/with-cluster" bash -c '
  set -euo pipefail
  echo "$PGHOST" > "'"$record"'"
  [[ $(psql -XtAc "SELECT 1") == 1 ]]
  [[ -z $(psql -XtAc "SHOW listen_addresses") ]]
  [[ $(psql -XtAc "SELECT rolname FROM pg_roles WHERE rolsuper AND rolname = current_user") \
     != root ]]
  [[ $(psql -XtAc "SHOW server_encoding") == UTF8 ]]
'
folder=$(cat "$record")
[[ -n $folder && ! -e $folder ]] || { echo "the cluster's folder $folder was left behind" >&2; exit 1; }

# A failing command fails the run, and the server still goes.
status=0
"$here/with-cluster" bash -c 'echo "$PGHOST" > "'"$record"'"; exit 3' || status=$?
[[ $status -eq 3 ]] || { echo "with-cluster returned $status for a command that failed with 3" >&2; exit 1; }
folder=$(cat "$record")
[[ ! -e $folder ]] || { echo "the cluster's folder $folder was left behind after a failure" >&2; exit 1; }
echo "ok"
