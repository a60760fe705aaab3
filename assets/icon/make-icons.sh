#!/usr/bin/env bash
# Renders callaudit.svg to the PNG sizes desktops ask for, then bundles them into
# callaudit.ico (Windows) and callaudit.icns (macOS), and copies three sizes to where
# the app loads its window icon from. Run from anywhere; rewrites the files it makes.
#
# Needs: rsvg-convert (Debian: librsvg2-bin), ImageMagick's convert, png2icns (Debian:
# icnsutils). On macOS without png2icns: make an iconset folder of the PNGs named
# icon_16x16.png ... icon_512x512.png and run `iconutil -c icns`.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source_svg="$here/callaudit.svg"
app_icons="$root/src/main/resources/com/callaudit/app/icon"

for tool in rsvg-convert convert png2icns; do
  if ! command -v "$tool" >/dev/null; then
    echo "make-icons: $tool is missing (apt-get install librsvg2-bin imagemagick" \
      "icnsutils)" >&2
    exit 1
  fi
done

sizes=(16 24 32 48 64 128 256 512)
for size in "${sizes[@]}"; do
  rsvg-convert -w "$size" -h "$size" "$source_svg" -o "$here/callaudit-$size.png"
done

# Windows shows 16-48 in lists and 256 in large views; .ico stops at 256.
convert "$here"/callaudit-{16,24,32,48,64,128,256}.png "$here/callaudit.ico"

# png2icns knows 16, 32, 48, 128, 256 and 512.
png2icns "$here/callaudit.icns" "$here"/callaudit-{16,32,48,128,256,512}.png >/dev/null

mkdir -p "$app_icons"
for size in 32 64 256; do
  cp "$here/callaudit-$size.png" "$app_icons/callaudit-$size.png"
done
echo "make-icons: wrote ${#sizes[@]} PNGs, callaudit.ico, callaudit.icns" \
  "and $app_icons"
