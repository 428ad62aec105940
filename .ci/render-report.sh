#!/usr/bin/env bash
# Renders a report.html to a PNG with headless Chromium, to check that the page renders offline.
#
#   .ci/render-report.sh REPORT_HTML [OUT_PNG] [WIDTHxHEIGHT]
#
# OUT_PNG defaults to REPORT_HTML with .png instead of .html; the window defaults to 1280x2000.
# Installs Debian's chromium with apt-get when it is missing (needs root). Fails when chromium exits
# non-zero, or the PNG is missing, or it is (nearly) blank.
set -euo pipefail

if [[ $# -lt 1 || $# -gt 3 ]]; then
  echo "usage: $0 REPORT_HTML [OUT_PNG] [WIDTHxHEIGHT]" >&2
  exit 2
fi
html=$(realpath "$1")
out=${2:-${html%.html}.png}
size=${3:-1280x2000}
if [[ ! -f "$html" ]]; then
  echo "no such report: $html" >&2
  exit 2
fi

browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z "$browser" ]]; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "chromium is missing and installing it needs root (apt-get install chromium)" >&2
    exit 1
  fi
  echo "installing chromium..." >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  browser=$(command -v chromium)
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
rm -f "$out"
# No network, no background services, a throw-away profile: the page must render from the file alone.
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --hide-scrollbars --user-data-dir="$profile" \
  --window-size="${size/x/,}" --screenshot="$(realpath -m "$out")" "file://$html" \
  >"$profile/chromium.log" 2>&1 || {
    status=$?
    echo "chromium failed with status $status:" >&2
    tail -20 "$profile/chromium.log" >&2
    exit 1
  }

if [[ ! -s "$out" ]]; then
  echo "chromium wrote no screenshot to $out" >&2
  tail -20 "$profile/chromium.log" >&2
  exit 1
fi

# Blank check: a rendered report has many distinct colours; a failed render is one flat colour.
python3 - "$out" <<'PY'
import struct, sys, zlib
path = sys.argv[1]
data = open(path, 'rb').read()
if data[:8] != b'\x89PNG\r\n\x1a\n':
    sys.exit(f"{path} is not a PNG")
width, height, depth, colour = struct.unpack('>IIBB', data[16:26])
idat, pos = b'', 8
while pos < len(data):
    length, kind = struct.unpack('>I4s', data[pos:pos + 8])
    if kind == b'IDAT':
        idat += data[pos + 8:pos + 8 + length]
    pos += 12 + length
raw = zlib.decompress(idat)
# The filtered scanlines of a flat image compress to (nearly) nothing and hold few distinct bytes.
distinct = len(set(raw[::7]))
ratio = len(idat) / max(1, len(raw))
if distinct < 8 or ratio < 0.002:
    sys.exit(f"{path} looks blank ({width}x{height}, {distinct} distinct sampled bytes)")
print(f"rendered {path} ({width}x{height})")
PY
