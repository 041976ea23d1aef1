#!/bin/sh
# Load this release into an Apache Jena TDB2 database with tdb2.tdbloader (offline bulk loader).
# The N-Quads keep every named graph; tdb2.tdbloader reads gzipped files as they are.
#
#   load/jena-tdb2.sh [DATABASE_FOLDER]   (default ./tdb2-{{dataset_id}}, or $TDB2_LOCATION)
#
# Then serve it with Fuseki: fuseki-server --loc DATABASE_FOLDER /{{dataset_id}}
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
location=${1:-${TDB2_LOCATION:-tdb2-{{dataset_id}}}}
cd "$here"
exec tdb2.tdbloader --loc "$location" {{nquads_files}}
