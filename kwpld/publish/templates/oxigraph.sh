#!/bin/sh
# Load this release into an Oxigraph database with the oxigraph command-line server's bulk
# loader (not atomic: load into a new folder, then point the server at it).
# kwpld can do the same without the server: kwpld load RELEASE --store FOLDER
#
#   load/oxigraph.sh [DATABASE_FOLDER]    (default ./oxigraph-{{dataset_id}}, or $OXIGRAPH_LOCATION)
#
# A relative DATABASE_FOLDER is taken from the folder you run this in, and it must be outside
# the release: a release is immutable, so nothing is ever written inside it.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd -P)
location=${1:-${OXIGRAPH_LOCATION:-oxigraph-{{dataset_id}}}}
# -- the database folder, made absolute before anything else, and never inside the release
case $location in /*) ;; *) location=$(pwd -P)/$location ;; esac
probe=$location
while [ ! -d "$probe" ]; do probe=$(dirname "$probe"); done
case "$(cd "$probe" && pwd -P)/" in
  "$here"/*)
    echo "oxigraph.sh: $location is inside the release $here, which is never written to;" \
      "give a database folder outside it" >&2
    exit 2 ;;
esac
# --
set --
for file in {{nquads_files}}; do set -- "$@" "$here/$file"; done
gzip -dcf "$@" | oxigraph load --location "$location" --format nq
echo "loaded {{quads}} quads into $location"
