#!/bin/sh
# Load this release into a GraphDB repository with importrdf (offline; stop GraphDB first).
# importrdf picks the format from the file extension and reads gzipped N-Quads as they are.
#
#   load/graphdb.sh [REPOSITORY_ID]        (default {{dataset_id}}, or $GRAPHDB_REPOSITORY)
#
# Online alternative: POST the N-Quads to /repositories/REPOSITORY_ID/statements with
# Content-Type application/n-quads.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
repository=${1:-${GRAPHDB_REPOSITORY:-{{dataset_id}}}}
cd "$here"
exec importrdf load -f -i "$repository" -m parallel {{nquads_files}}
