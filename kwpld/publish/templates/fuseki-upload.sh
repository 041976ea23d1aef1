#!/bin/sh
# Upload this release to a running Apache Jena Fuseki dataset: the release's graphs
# (load/graphs.txt) are dropped with one SPARQL Update, then each graph with a file of its own
# is sent with a Graph Store Protocol PUT, and the {{source_graph_count}} per-source graphs (graphs/sources*.nq)
# as N-Quads in one POST to the dataset. Uploading again replaces rather than duplicates.
# Fuseki does not take compressed uploads, so gzipped files are unpacked on the way.
#
#   load/fuseki-upload.sh http://localhost:3030/{{dataset_id}}
#
# Environment: FUSEKI_USER and FUSEKI_PASSWORD for HTTP basic authentication, if needed.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
dataset=${1:?usage: load/fuseki-upload.sh http://HOST:PORT/DATASET}
config=/dev/null
if [ -n "${FUSEKI_USER:-}" ]; then
  # credentials go through a private file, never on the command line (visible in ps)
  config=$(mktemp)
  trap 'rm -f "$config"' EXIT
  printf 'user = "%s:%s"\n' "$FUSEKI_USER" "${FUSEKI_PASSWORD:-}" > "$config"
fi
put() {
  graph=$1; shift
  (cd "$here" && gzip -dcf "$@") |
    curl -fsS -K "$config" -X PUT -H 'Content-Type: application/n-triples' -T - "$dataset/data?graph=$graph" >/dev/null
}
sed -e 's/^/DROP SILENT GRAPH </' -e 's/$/> ;/' "$here/load/graphs.txt" |
  curl -fsS -K "$config" -X POST -H 'Content-Type: application/sparql-update' --data-binary @- "$dataset/update" >/dev/null
{{puts}}
sources="{{source_files}}"
if [ -n "$sources" ]; then
  (cd "$here" && gzip -dcf {{source_files}}) |
    curl -fsS -K "$config" -X POST -H 'Content-Type: application/n-quads' -T - "$dataset" >/dev/null
fi
echo "uploaded {{graph_count}} graphs ({{quads}} triples) to $dataset"
