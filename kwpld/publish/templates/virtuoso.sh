#!/bin/sh
# Load this release into Virtuoso with its bulk loader (ld_dir_all + rdf_loader_run).
# graphs/ holds one N-Triples file per named graph, with a .graph file that names the graph,
# and the {{source_graph_count}} per-source graphs in N-Quads (graphs/sources*.nq: every line names
# its graph). The release's graphs (load/graphs.txt) are cleared first, so loading a release
# again replaces it. Virtuoso must be allowed to read this folder: add it to DirsAllowed in
# virtuoso.ini.
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
if grep -q "[' <>]" "$here/load/graphs.txt"; then
  echo "virtuoso.sh: load/graphs.txt holds a graph IRI that cannot be written in SPARQL" >&2
  exit 2
fi
{
  echo "log_enable(3, 1);"
  sed -e 's/^/SPARQL CLEAR GRAPH </' -e 's/$/>;/' "$here/load/graphs.txt"
  echo "DELETE FROM DB.DBA.load_list WHERE ll_file LIKE '$here/graphs/%';"
  echo "ld_dir_all('$here/graphs', '{{nt_pattern}}', NULL);"
  # Virtuoso's loader skips a file without a graph; every N-Quads line names its own graph, so
  # this one is never used.
  echo "ld_dir_all('$here/graphs', '{{nq_pattern}}', '{{source_graph_base}}');"
  echo "rdf_loader_run();"
  echo "checkpoint;"
} | "$isql" "$port" "$user" "$password" VERBOSE=OFF BANNER=OFF PROMPT=OFF ERRORS=STDOUT >/dev/null
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
