#!/bin/sh
# Load this release into an Apache Jena TDB2 database with tdb2.tdbloader (offline bulk loader).
# The N-Quads keep every named graph; tdb2.tdbloader reads gzipped files as they are.
#
#   load/jena-tdb2.sh [DATABASE_FOLDER]   (default ./tdb2-{{dataset_id}}, or $TDB2_LOCATION)
#
# A relative DATABASE_FOLDER is taken from the folder you run this in, and it must be outside
# the release: a release is immutable, so nothing is ever written inside it.
# Then serve it with Fuseki: fuseki-server --loc DATABASE_FOLDER /{{dataset_id}}
set -eu
here=$(cd "$(dirname "$0")/.." && pwd -P)
location=${1:-${TDB2_LOCATION:-tdb2-{{dataset_id}}}}
# -- the database folder, made absolute before anything else, and never inside the release
case $location in /*) ;; *) location=$(pwd -P)/$location ;; esac
probe=$location
while [ ! -d "$probe" ]; do probe=$(dirname "$probe"); done
case "$(cd "$probe" && pwd -P)/" in
  "$here"/*)
    echo "jena-tdb2.sh: $location is inside the release $here, which is never written to;" \
      "give a database folder outside it" >&2
    exit 2 ;;
esac
# --
set --
for file in {{nquads_files}}; do set -- "$@" "$here/$file"; done
exec tdb2.tdbloader --loc "$location" "$@"
