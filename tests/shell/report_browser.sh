# report_browser.sh - the annual report's HTML in a real browser: headless
# Chromium prints it to PDF (a page a section, as its print styles ask)
# and draws it to PNG, which must not be blank.
. "$KZ_TESTS/lib.sh"
B=$KZ_TESTS/../config/beijing.yaml
DB=$T/bj.db
export KIZUNA_NOW=2026-01-02T03:04:05Z

CHROME=
for c in chromium chromium-browser; do
	if command -v "$c" >/dev/null 2>&1; then CHROME=$c; break; fi
done
if [ -z "$CHROME" ]; then
	skip "chromium is not installed (apt-get install chromium fonts-wqy-microhei): the report is not tried in a browser"
	finish
fi
fc-list 2>/dev/null | grep -qi 'wqy\|noto.*cjk' && ok || bad "no CJK font (apt-get install fonts-wqy-microhei): Chinese would draw as boxes"

run -c "$B" -d "$DB" demo
expect_rc 0 "Beijing's demo"
run -c "$B" -d "$DB" report 2019 --format html -o "$T/report.html"
expect_rc 0 "the report as HTML"

# A private profile in the test's directory, no sandbox (root in a
# container), no GPU; a time limit, as a browser can hang.
browser() {
	timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu \
	    --no-first-run --no-default-browser-check --hide-scrollbars \
	    --user-data-dir="$T/chromium" "$@" >"$T/chromium.log" 2>&1
}
browser --no-pdf-header-footer --print-to-pdf="$T/report.pdf" "file://$T/report.html"
[ -s "$T/report.pdf" ] && ok || { bad "chromium made no PDF (status $?)"; tail -n 5 "$T/chromium.log"; }
browser --window-size=1000,1600 --screenshot="$T/report.png" "file://$T/report.html"
[ -s "$T/report.png" ] && ok || { bad "chromium made no PNG"; tail -n 5 "$T/chromium.log"; }

# The PDF: a PDF, and a page for each section the report has (the print
# styles break before each); some text in it.
python3 - "$T/report.pdf" "$T/report.html" <<'PY' && ok || bad "the PDF is not the report's pages"
import re, sys
pdf = open(sys.argv[1], "rb").read()
html = open(sys.argv[2], encoding="utf-8").read()
assert pdf.startswith(b"%PDF-"), pdf[:8]
assert len(pdf) > 20000, len(pdf)
pages = len(re.findall(rb"/Type\s*/Page(?![a-z])", pdf))
sections = html.count("<section")
assert pages >= 1, "no page"
assert pages >= sections, (pages, sections)
assert re.search(rb"/Font", pdf), "no font: no text"
PY

# The PNG: decoded here (zlib, the five filters; no imaging library):
# its size, and drawn: many colours, some of the page not white.
python3 - "$T/report.png" <<'PY' && ok || bad "the PNG is blank or not a PNG"
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, ihdr = 8, b"", None
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR": ihdr = struct.unpack(">IIBBBBB", body)
    elif kind == b"IDAT": idat += body
    pos += 12 + n
w, h, depth, ctype = ihdr[:4]
assert depth == 8 and ctype in (2, 6), ihdr
bpp = 3 if ctype == 2 else 4
assert w >= 800 and h >= 1000, (w, h)
raw = zlib.decompress(idat)
stride = w * bpp
prev = bytearray(stride)
colours, dark, total = set(), 0, 0
for y in range(h):
    f = raw[y * (stride + 1)]
    line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b = prev[i]
        c = prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    prev = line
    if y % 4: continue
    for x in range(0, stride, bpp * 4):
        px = bytes(line[x:x + 3]); colours.add(px); total += 1
        if sum(px) < 600: dark += 1
assert len(colours) >= 16, len(colours)
assert dark / total > 0.01, dark / total
PY

finish
