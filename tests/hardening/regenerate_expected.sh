#!/usr/bin/env bash
# Regenerate cases/*.stdout (and *.json) with the Java panc: what the tests expect of ours.
set -euo pipefail
cd "$(dirname "$0")/cases"
oracle=${PANC_ORACLE:-../../../../shared/oracle/java-panc/panc}
out=$(mktemp -d)
for case in *.pan; do
    stem=${case%.pan}
    rm -f "$out"/*
    "$oracle" --output-dir "$out" --formats json "$case" | sed "s|$PWD/||g" > "$stem.stdout" || true
    if [ -f "$out/$stem.json" ]; then cp "$out/$stem.json" "$stem.json"; else rm -f "$stem.json"; fi
done
rm -rf "$out"
