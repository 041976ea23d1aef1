#!/bin/sh
# Build a QLever index of this release with qlever-control (`qlever index`) in a folder
# outside the release, and leave a Qleverfile there for `qlever start`: the index is written
# where the Qleverfile is, and a release is immutable, so load/Qleverfile is a template whose
# paths this script makes absolute (one input stream per named graph with a file of its own,
# one N-Quads stream for the per-source graphs, so every triple keeps its graph).
#
#   load/qlever.sh [INDEX_FOLDER]          (default ./qlever-{{dataset_id}}, or $QLEVER_INDEX)
#
# A relative INDEX_FOLDER is taken from the folder you run this in. Then:
#   cd INDEX_FOLDER && qlever start
set -eu
here=$(cd "$(dirname "$0")/.." && pwd -P)
location=${1:-${QLEVER_INDEX:-qlever-{{dataset_id}}}}
# -- the index folder, made absolute before anything else, and never inside the release
case $location in /*) ;; *) location=$(pwd -P)/$location ;; esac
probe=$location
while [ ! -d "$probe" ]; do probe=$(dirname "$probe"); done
case "$(cd "$probe" && pwd -P)/" in
  "$here"/*)
    echo "qlever.sh: $location is inside the release $here, which is never written to;" \
      "give an index folder outside it" >&2
    exit 2 ;;
esac
# --
case "$here" in
  *[\'\"\\\$\`\|\&]*)
    echo "qlever.sh: the release path $here has a character (' \" \\ \$ \` | &) that cannot" \
      "be written into a Qleverfile command; move the release" >&2
    exit 2 ;;
esac
mkdir -p "$location"
# ../graphs/NAME -> '/absolute/release/graphs/'NAME: one shell word, whatever the path holds
sed -e "/^INPUT_FILES\|^MULTI_INPUT_JSON/s|\.\./graphs/|'$here/graphs/'|g" \
  "$here/load/Qleverfile" > "$location/Qleverfile"
cd "$location"
exec qlever index
