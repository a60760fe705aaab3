#!/usr/bin/env bash
# Runs the benchmark suite: every figure of the benchmark issue beside its floor, in
# one JVM (plus the processes it starts: Xvfb, the app, a bare window, curl, JMH's
# fork). Prints the table and writes bench/results.md. Takes about 10 minutes.
#
#   bash bench/run.sh            every figure
#   bash bench/run.sh 1,5        only figures 1 and 5
#   bash bench/run.sh all -o     extra words go to Maven (here: offline)
#
# Needs: xvfb, curl, libgtk-3-0, libavformat59 (MP3). Not part of .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
figures="${1:-all}"
shift || true
exec ./mvnw -B -ntp -Pbenchmarks -Dbench.figures="$figures" "$@" verify
