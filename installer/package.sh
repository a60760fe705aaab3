#!/usr/bin/env bash
# Builds CallAudit's installers: a jlinked runtime, an app image, then the native
# package types this OS can make (Linux: deb, rpm; Windows: msi, exe; macOS: dmg, pkg).
#
#   installer/package.sh [--type T[,T...]] [--app-version V] [-- MAVEN_ARGS...]
#
# Run by hand, it hands over to Maven (`./mvnw -Pinstaller package`), which builds the
# jar, copies the dependencies into target/installer and calls this script back with
# --from-maven; everything about the app (version, description, jar name) comes from
# the pom that way. Output: target/installer/dist. See installer/README.md.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/target/installer"
here="$root/installer"

# ---- arguments -------------------------------------------------------------------------

types=""
from_maven=false
app_version=""
maven_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --type) types="${types:+$types,}$2"; shift 2 ;;
    --type=*) types="${types:+$types,}${1#--type=}"; shift ;;
    --app-version) app_version="$2"; shift 2 ;;
    --from-maven) from_maven=true; shift ;;
    --) shift; maven_args=("$@"); break ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "package.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

case "$(uname -s)" in
  Linux) os=linux; default_types="deb" ;;
  Darwin) os=mac; default_types="dmg" ;;
  MINGW*|MSYS*|CYGWIN*) os=windows; default_types="msi" ;;
  *) echo "package.sh: cannot package on $(uname -s)" >&2; exit 2 ;;
esac
# "none" builds the app image alone.
types="${types:-$default_types}"

if [[ "$from_maven" != true ]]; then
  cd "$root"
  exec ./mvnw -B -DskipTests -Pinstaller \
    "-Dinstaller.types=$types" "-Dinstaller.app-version=$app_version" \
    ${maven_args[@]+"${maven_args[@]}"} package
fi

# ---- what Maven handed over ------------------------------------------------------------

: "${CALLAUDIT_VERSION:?set by the Maven profile}"
: "${CALLAUDIT_DESCRIPTION:?set by the Maven profile}"
: "${CALLAUDIT_JAR:?set by the Maven profile}"
app_version="${app_version:-$CALLAUDIT_VERSION}"

name=CallAudit
vendor="CallAudit team"
copyright="Proprietary - all rights reserved by the CallAudit team"
main_class=com.callaudit.launcher.Launcher
input="$work/input"
javafx="$work/javafx"
runtime="$work/runtime"
dist="$work/dist"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}"

step() { printf 'package.sh: %s\n' "$*"; }

[[ -f "$root/target/$CALLAUDIT_JAR" ]] || {
  echo "package.sh: target/$CALLAUDIT_JAR is missing" >&2; exit 1; }
cp "$root/target/$CALLAUDIT_JAR" "$input/"
# The recordings are CC BY-SA 3.0: their credits must travel with every copy.
mkdir -p "$input/legal"
cp "$root/assets/recordings/CREDITS.md" "$input/legal/RECORDINGS-CREDITS.md"
cp "$here/THIRD-PARTY.md" "$input/legal/THIRD-PARTY.md"

# Only the platform jars hold JavaFX's classes and natives; the plain ones are empty.
javafx_jars=()
for jar in "$javafx"/javafx-*-[0-9]*-*.jar; do
  javafx_jars+=("$jar")
done
[[ ${#javafx_jars[@]} -gt 0 ]] || {
  echo "package.sh: no JavaFX platform jars in $javafx" >&2; exit 1; }
path_sep=":"
[[ "$os" == windows ]] && path_sep=";"
javafx_path="$(IFS="$path_sep"; echo "${javafx_jars[*]}")"

# ---- runtime ---------------------------------------------------------------------------

# jdeps finds what the jars use; the rest is loaded by name or by service lookup,
# which jdeps cannot see: the demo space's HTTP server, SunEC for TLS key exchange,
# Java Sound's providers, preferences, and sun.misc for the libraries that want it.
step "finding JDK modules with jdeps"
found="$("${java_bin}jdeps" --multi-release 17 --ignore-missing-deps -q \
  --print-module-deps --module-path "$javafx_path" "$input"/*.jar)"
modules="$found,java.desktop,java.prefs,jdk.httpserver,jdk.crypto.ec"
modules="$modules,jdk.unsupported,java.naming,javafx.controls,javafx.media"
modules="$(tr ',' '\n' <<<"$modules" | sort -u | paste -sd, -)"
step "modules: $modules"

rm -rf "$runtime" "$dist"
step "linking the runtime"
"${java_bin}jlink" --module-path "$javafx_path" --add-modules "$modules" \
  --strip-debug --no-man-pages --no-header-files --generate-cds-archive \
  --output "$runtime"
# The second CDS archive serves only heaps over 32 GB, which this app never asks for.
rm -f "$runtime/lib/server/classes_nocoops.jsa"

# JavaFX looks for its natives beside the JDK's before it unpacks its own copies into
# ~/.openjfx/cache; putting them there keeps an installed app from writing to $HOME.
native_dir="$runtime/lib"
[[ "$os" == windows ]] && native_dir="$runtime/bin"
unpack="$work/natives"
rm -rf "$unpack" && mkdir -p "$unpack"
for jar in "${javafx_jars[@]}"; do
  (cd "$unpack" && "${java_bin}jar" xf "$jar")
done
find "$unpack" -maxdepth 1 -type f \( -name '*.so' -o -name '*.dll' -o -name '*.dylib' \) \
  -exec cp {} "$native_dir/" \;
step "copied $(find "$unpack" -maxdepth 1 -type f \( -name '*.so' -o -name '*.dll' \
  -o -name '*.dylib' \) | wc -l) JavaFX native libraries into ${native_dir#"$work/"}"

# ---- app image -------------------------------------------------------------------------

icon_dir="$root/assets/icon"
case "$os" in
  linux) icon="$icon_dir/callaudit-256.png" ;;
  windows) icon="$icon_dir/callaudit.ico" ;;
  mac) icon="$icon_dir/callaudit.icns" ;;
esac

# Monocle is bundled only for --self-test without a display. JavaFX is a named module
# in this runtime, so Monocle, on the class path, may reach its internals only through
# these exports.
java_options=()
for package in javafx.graphics/com.sun.glass.events javafx.graphics/com.sun.glass.ui \
    javafx.graphics/com.sun.glass.ui.delegate javafx.graphics/com.sun.glass.utils \
    javafx.graphics/com.sun.javafx.tk javafx.graphics/com.sun.javafx.util \
    javafx.base/com.sun.javafx.logging; do
  java_options+=(--java-options "--add-exports=$package=ALL-UNNAMED")
done

common=(--name "$name" --app-version "$app_version" --vendor "$vendor"
  --copyright "$copyright" --description "$CALLAUDIT_DESCRIPTION" --dest "$dist")

step "building the app image"
"${java_bin}jpackage" --type app-image "${common[@]}" \
  --input "$input" --main-jar "$CALLAUDIT_JAR" --main-class "$main_class" \
  --runtime-image "$runtime" --icon "$icon" "${java_options[@]}"
case "$os" in
  mac) app_image="$dist/$name.app" ;;
  *) app_image="$dist/$name" ;;
esac
step "app image: ${app_image#"$root/"} ($(du -sh "$app_image" | cut -f1))"

# ---- native packages -------------------------------------------------------------------

for type in ${types//,/ }; do
  [[ "$type" == none || "$type" == app-image ]] && continue
  extra=()
  case "$os:$type" in
    linux:deb|linux:rpm)
      # libavformat: MP3 playback (JavaFX 21 knows ffmpeg 56-60, i.e. Debian 12's 59).
      deps="libgtk-3-0, libasound2, libavformat59 | libavformat60 | libavformat58"
      [[ "$type" == rpm ]] && deps="gtk3, alsa-lib, libavformat.so.59()(64bit)"
      # jpackage would add every package that any bundled library links to, found
      # with ldd on this machine: the whole ffmpeg tree, pinned to this machine's
      # versions. installer/linux/control lists only the packages named here, and
      # installer/linux/copyright states the licences.
      extra=(--resource-dir "$here/linux" --linux-package-name callaudit
        --linux-shortcut
        --linux-menu-group "AudioVideo;Audio;Office;" --linux-app-category sound
        --linux-package-deps "$deps")
      [[ "$type" == rpm ]] && extra+=(--linux-rpm-license-type "Proprietary")
      [[ -n "${CALLAUDIT_DEB_MAINTAINER:-}" ]] &&
        extra+=(--linux-deb-maintainer "$CALLAUDIT_DEB_MAINTAINER")
      ;;
    windows:msi|windows:exe)
      extra=(--win-menu --win-menu-group "$name" --win-shortcut --win-dir-chooser
        --win-per-user-install --win-upgrade-uuid 6c1f4a52-3b9e-4f0e-9a57-0c2d6e1b7a31)
      ;;
    mac:dmg|mac:pkg)
      extra=(--mac-package-identifier com.callaudit.app --mac-package-name "$name")
      ;;
    *) echo "package.sh: $type cannot be built on $os" >&2; exit 2 ;;
  esac
  step "building the $type package"
  # Without --icon here, the package's desktop entry would show jpackage's own icon.
  "${java_bin}jpackage" --type "$type" "${common[@]}" --app-image "$app_image" \
    --icon "$icon" "${extra[@]}"
done

step "done:"
find "$dist" -maxdepth 1 -mindepth 1 -exec du -sh {} \;
