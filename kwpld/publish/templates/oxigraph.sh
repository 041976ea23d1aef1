#!/bin/sh
# Load this release into an Oxigraph database with the oxigraph command-line server's bulk
# loader (not atomic: load into a new folder, then point the server at it).
# kwpld can do the same without the server: kwpld load RELEASE --store FOLDER
#
#   load/oxigraph.sh [DATABASE_FOLDER]    (default ./oxigraph-{{dataset_id}}, or $OXIGRAPH_LOCATION)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
location=${1:-${OXIGRAPH_LOCATION:-oxigraph-{{dataset_id}}}}
cd "$here"
gzip -dcf {{nquads_files}} | oxigraph load --location "$location" --format nq
