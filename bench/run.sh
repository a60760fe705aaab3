#!/usr/bin/env bash
# Runs the benchmark suite: every figure of the benchmark issue beside its floor, in
# one JVM (plus the processes it starts: Xvfb, the app, a bare window, curl, JMH's
# fork). Prints the table and writes bench/results.md. Takes a few minutes.
#
#   bash bench/run.sh            every figure
#   bash bench/run.sh 1,5        only figures 1 and 5
#   bash bench/run.sh all -o     extra words go to Maven (here: offline)
#
# Needs: xvfb, curl, libgtk-3-0, libavformat59 (MP3); pulseaudio and libasound2-plugins
# for paced sound (see below). Not part of .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
figures="${1:-all}"
shift || true

# These machines have no sound card, and ALSA's null device takes samples as fast as
# they come: a playing recording is decoded flat out, on every core it can get. A
# private PulseAudio with a null sink plays at the recording's own pace, as a sound card
# does, so the figures that play (5, 6, 7) see what a user's machine sees.
audio=()
plugin=$(ls /usr/lib/*/alsa-lib/libasound_module_pcm_pulse.so 2>/dev/null | head -n 1)
if command -v pulseaudio >/dev/null && [ -n "$plugin" ]; then
  sound=$(mktemp -d)
  pulseaudio -n --daemonize=no --exit-idle-time=-1 --use-pid-file=no \
    --realtime=no --high-priority=no \
    -L "module-null-sink sink_name=callaudit-bench" \
    -L "module-native-protocol-unix auth-anonymous=1 socket=$sound/pulse.sock" \
    >"$sound/pulseaudio.log" 2>&1 &
  pulse=$!
  trap 'kill "$pulse" 2>/dev/null; rm -rf "$sound"' EXIT
  for _ in $(seq 50); do
    [ -S "$sound/pulse.sock" ] && break
    sleep 0.1
  done
  [ -S "$sound/pulse.sock" ] || { cat "$sound/pulseaudio.log" >&2; exit 1; }
  cat >"$sound/alsa.conf" <<CONF
pcm.!default { type pulse; server "unix:$sound/pulse.sock" }
ctl.!default { type pulse; server "unix:$sound/pulse.sock" }
CONF
  audio=(-Dalsa.config="$sound/alsa.conf"
    "-Dbench.audio=a PulseAudio null sink, which plays at the recording's own pace")
else
  echo "bench: no pulseaudio or libasound2-plugins; sound goes to ALSA's null device," \
    "unpaced, and playback takes the cores (figures 5, 6 and 7)" >&2
fi

./mvnw -B -ntp -Pbenchmarks -Dbench.figures="$figures" "${audio[@]}" "$@" verify
