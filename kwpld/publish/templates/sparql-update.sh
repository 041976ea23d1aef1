#!/bin/sh
# Send this release to any SPARQL 1.1 Update endpoint as INSERT DATA requests, one file per
# request (each holds at most {{chunk}} triples, which Virtuoso, Oxigraph, Fuseki and GraphDB
# accept). Adds to what the store holds: clear the graphs first to replace a release.
#
#   load/sparql-update.sh http://HOST:PORT/update
#
# Environment: SPARQL_USER and SPARQL_PASSWORD for HTTP basic authentication, if needed.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
endpoint=${1:?usage: load/sparql-update.sh UPDATE_ENDPOINT}
config=/dev/null
if [ -n "${SPARQL_USER:-}" ]; then
  # credentials go through a private file, never on the command line (visible in ps)
  config=$(mktemp)
  trap 'rm -f "$config"' EXIT
  printf 'user = "%s:%s"\n' "$SPARQL_USER" "${SPARQL_PASSWORD:-}" > "$config"
fi
for file in "$here"/update/*.ru; do
  curl -fsS -K "$config" -X POST -H 'Content-Type: application/sparql-update' --data-binary "@$file" "$endpoint" >/dev/null
done
echo "sent {{update_count}} update requests ({{quads}} triples) to $endpoint"
