#!/bin/sh
# Load this release into Virtuoso with its bulk loader (ld_dir_all + rdf_loader_run).
# Every file under graphs/ has a .graph file that names its graph; those graphs are cleared
# first, so loading a release again replaces it. Virtuoso must be allowed to read this folder:
# add it to DirsAllowed in virtuoso.ini.
#
#   load/virtuoso.sh [SQL_PORT]          (default 1111, or $VIRTUOSO_PORT)
#
# Environment: VIRTUOSO_USER (default dba), VIRTUOSO_PASSWORD (default dba),
# ISQL (default isql-vt, else isql).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
case "$here" in *"'"*) echo "virtuoso.sh: the release path must not contain a quote" >&2; exit 2;; esac
port=${1:-${VIRTUOSO_PORT:-1111}}
user=${VIRTUOSO_USER:-dba}
password=${VIRTUOSO_PASSWORD:-dba}
isql=${ISQL:-$(command -v isql-vt || command -v isql || echo isql-vt)}
"$isql" "$port" "$user" "$password" VERBOSE=OFF BANNER=OFF PROMPT=OFF ERRORS=STDOUT exec="
log_enable(3, 1);
{{clear_graphs}}
DELETE FROM DB.DBA.load_list WHERE ll_file LIKE '$here/graphs/%';
ld_dir_all('$here/graphs', '{{pattern}}', NULL);
rdf_loader_run();
checkpoint;
" >/dev/null
errors=$("$isql" "$port" "$user" "$password" VERBOSE=OFF BANNER=OFF PROMPT=OFF ERRORS=STDOUT exec="
SELECT 'LOADERROR', ll_file, ll_error FROM DB.DBA.load_list WHERE ll_file LIKE '$here/graphs/%' AND ll_error IS NOT NULL;
" | grep LOADERROR || true)
if [ -n "$errors" ]; then
  echo "virtuoso.sh: Virtuoso could not load some files:" >&2
  echo "$errors" >&2
  exit 1
fi
loaded=$("$isql" "$port" "$user" "$password" VERBOSE=OFF BANNER=OFF PROMPT=OFF ERRORS=STDOUT exec="
SELECT 'LOADED', COUNT(*) FROM DB.DBA.load_list WHERE ll_file LIKE '$here/graphs/%' AND ll_state = 2;
" | awk '$1 == "LOADED" { print $2 }')
if [ "$loaded" != "{{file_count}}" ]; then
  echo "virtuoso.sh: Virtuoso loaded ${loaded:-none} of the {{file_count}} files under graphs/;" \
    "is the release folder in DirsAllowed?" >&2
  exit 1
fi
echo "loaded {{quads}} triples in {{graph_count}} graphs into Virtuoso on port $port"
