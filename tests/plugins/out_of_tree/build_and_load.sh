#!/bin/sh
# Installs the SDK from BUILD_DIR into a temporary prefix, builds the out-of-tree report plugin
# against it, and installs it into a fresh Steward (SQLite) to prove it loads.
# Usage: build_and_load.sh BUILD_DIR STEWARD_BIN
set -eu
build_dir=$1
steward=$2
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build_dir" --prefix "$tmp/prefix" --component sdk >/dev/null
cmake -S "$here" -B "$tmp/build" -G Ninja -DCMAKE_PREFIX_PATH="$tmp/prefix" >/dev/null
cmake --build "$tmp/build" >/dev/null
test -f "$tmp/build/report-hello.so"
export STEWARD_DATABASE="sqlite:$tmp/steward.db" STEWARD_PLUGIN_DIR="$tmp/plugins"
"$steward" migrate >/dev/null
"$steward" plugins install "$tmp/build/report-hello.so"
"$steward" plugins info org.example.report.hello | grep -q "name: Hello report"
"$steward" plugins enable org.example.report.hello
echo "out-of-tree plugin built against the installed SDK and loaded"
