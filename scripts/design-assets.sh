#!/bin/sh
# Copies the design system's third-party files into static/ from their npm packages (fetched
# with `npm pack`, nothing installed, no CDN at run time):
#  - the font: Source Sans 3, variable weight, latin subset (Fontsource's package; SIL OFL 1.1)
#    -> static/fonts/source-sans-3-latin-wght-normal.woff2 and static/fonts/OFL.txt;
#  - the icons: the few Lucide icons the site uses (lucide-static; ISC) -> the sprite
#    static/img/icons.svg and its licence static/img/icons-LICENSE.txt.
# Run it again after changing a version or the list of icons below; commit what it writes.
set -eu

FONT_PACKAGE="@fontsource-variable/source-sans-3@5.3.1"
ICONS_PACKAGE="lucide-static@1.62.0"
# Lucide's names; the sprite's ids are the same.
ICONS="search menu x user bell file-text play wrench route messages-square download arrow-right
arrow-left external-link funnel"

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

cd "$WORK"
npm pack --silent "$FONT_PACKAGE" "$ICONS_PACKAGE" >/dev/null
mkdir font icons
tar -xzf fontsource-variable-source-sans-3-*.tgz -C font
tar -xzf lucide-static-*.tgz -C icons

mkdir -p "$ROOT/static/fonts" "$ROOT/static/img"
cp font/package/files/source-sans-3-latin-wght-normal.woff2 "$ROOT/static/fonts/"
cp font/package/LICENSE "$ROOT/static/fonts/OFL.txt"
cp icons/package/LICENSE "$ROOT/static/img/icons-LICENSE.txt"

# One <symbol> per icon, keeping Lucide's drawing and its stroke attributes.
python3 - "$ICONS_PACKAGE" "$ROOT/static/img/icons.svg" icons/package/icons $ICONS <<'EOF'
import re
import sys
from pathlib import Path

package, target, folder, *names = sys.argv[1:]
symbols = []
for name in names:
    svg = (Path(folder) / f"{name}.svg").read_text(encoding="utf-8")
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
    body = re.search(r"<svg[^>]*>(.*)</svg>", svg, re.S).group(1)
    body = " ".join(line.strip() for line in body.splitlines() if line.strip())
    symbols.append(
        f'<symbol id="{name}" viewBox="0 0 24 24" fill="none" stroke="currentColor" '
        f'stroke-width="2" stroke-linecap="round" stroke-linejoin="round">{body}</symbol>'
    )
Path(target).write_text(
    '<svg xmlns="http://www.w3.org/2000/svg">\n'
    f"<!-- Icons from {package} (https://lucide.dev), ISC licence: icons-LICENSE.txt. "
    "Written by scripts/design-assets.sh. -->\n" + "\n".join(symbols) + "\n</svg>\n",
    encoding="utf-8",
)
EOF
ls -l "$ROOT/static/fonts" "$ROOT/static/img/icons.svg"
