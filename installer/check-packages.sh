#!/usr/bin/env bash
# Checks what installer/package.sh built, the way CI runs it: the app image's
# --self-test with no display, ALSA's null device and an empty HOME (nothing may be
# unpacked into ~/.openjfx), then the .deb's metadata and contents, if one was built.
# Exit status 0 only if everything passed.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
dist="$root/target/installer/dist"
launcher="$dist/CallAudit/bin/CallAudit"
failed=0
fail() { echo "FAIL  $*"; failed=1; }
pass() { echo "PASS  $*"; }

[[ -x "$launcher" ]] || { echo "check-packages: no app image at $launcher" >&2; exit 1; }

home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
echo "== app image self-test"
if env -u DISPLAY HOME="$home" \
    ALSA_CONFIG_PATH="$root/src/test/resources/alsa-null.conf" \
    "$launcher" --self-test; then
  pass "self-test exit status 0"
else
  fail "self-test exit status $?"
fi
if [[ -e "$home/.openjfx" ]]; then
  fail "JavaFX unpacked libraries into ~/.openjfx: $(find "$home/.openjfx" | head -3)"
else
  pass "nothing unpacked into ~/.openjfx"
fi

shopt -s nullglob
debs=("$dist"/callaudit_*.deb)
for deb in "${debs[@]}"; do
  echo "== $(basename "$deb") ($(du -h "$deb" | cut -f1))"
  depends="$(dpkg-deb -f "$deb" Depends)"
  for needed in libgtk-3-0 libasound2 libavformat59 xdg-utils; do
    if [[ "$depends" == *"$needed"* ]]; then
      pass "Depends names $needed"
    else
      fail "Depends lacks $needed: $depends"
    fi
  done
  contents="$(dpkg-deb -c "$deb")"
  for path in ./opt/callaudit/bin/CallAudit \
      ./opt/callaudit/lib/callaudit-CallAudit.desktop \
      ./opt/callaudit/lib/app/legal/RECORDINGS-CREDITS.md \
      ./opt/callaudit/lib/app/legal/THIRD-PARTY.md \
      ./opt/callaudit/share/doc/copyright; do
    if grep -q " $path\$" <<<"$contents"; then
      pass "contains $path"
    else
      fail "missing $path"
    fi
  done
  if dpkg-deb --fsys-tarfile "$deb" | tar -xO ./opt/callaudit/lib/CallAudit.png |
      cmp -s - "$root/assets/icon/callaudit-256.png"; then
    pass "desktop icon is assets/icon/callaudit-256.png"
  else
    fail "desktop icon is not CallAudit's"
  fi
  if dpkg-deb --fsys-tarfile "$deb" |
      tar -xO ./opt/callaudit/lib/callaudit-CallAudit.desktop |
      grep -q '^Categories=AudioVideo;'; then
    pass "desktop entry in the AudioVideo menu"
  else
    fail "desktop entry lacks Categories=AudioVideo"
  fi
done

exit "$failed"
