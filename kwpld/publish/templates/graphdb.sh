#!/bin/sh
# Load this release into a GraphDB repository with importrdf (offline; stop GraphDB first).
# importrdf picks the format from the file extension and reads gzipped N-Quads as they are.
# It writes into GraphDB's own data folder, never into the release.
#
#   load/graphdb.sh [REPOSITORY_ID]        (default {{dataset_id}}, or $GRAPHDB_REPOSITORY)
#
# Online alternative: POST the N-Quads to /repositories/REPOSITORY_ID/statements with
# Content-Type application/n-quads.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd -P)
repository=${1:-${GRAPHDB_REPOSITORY:-{{dataset_id}}}}
set --
for file in {{nquads_files}}; do set -- "$@" "$here/$file"; done
exec importrdf load -f -i "$repository" -m parallel "$@"
