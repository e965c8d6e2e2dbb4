"""Copy the site's web fonts out of the npm @fontsource packages into static/fonts/ and write
their @font-face rules to static/css/fonts.css.

The site serves its fonts itself (no font CDN, ``font-src 'self'``) and never needs
node_modules at run time: the files this writes are committed. Run it after changing the faces
or subsets below, or after updating the packages in package.json:

    npm ci && python tools/vendor_fonts.py

Only what the pages use is copied: the weights and styles in FACES, in the SUBSETS scripts.
Each subset is its own file with its ``unicode-range``, so a browser downloads the Cyrillic,
Greek or Vietnamese file only for a page that has such letters (Ольга Петрова, Ελένη,
Ògúnmọ́dẹdé: the dots below are in the Vietnamese subset).
"""

import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ROOT / "node_modules" / "@fontsource"
FONTS = ROOT / "static" / "fonts"
STYLESHEET = ROOT / "static" / "css" / "fonts.css"

# package: (weight, style) pairs the stylesheets use.
FACES = {
    "source-serif-4": [(400, "normal"), (400, "italic"), (600, "normal"), (700, "normal")],
    "source-sans-3": [(400, "normal"), (600, "normal")],
}
SUBSETS = ["latin", "latin-ext", "cyrillic", "greek", "vietnamese"]
COPYRIGHT = (
    "Source Serif 4: Copyright 2014-2023 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'.\n"
    "Source Sans 3: Copyright 2010-2020 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'.\n"
    "Source is a trademark of Adobe in the United States and/or other countries.\n"
)

RULE = re.compile(r"/\* (?P<name>[\w-]+) \*/\s*@font-face\s*{(?P<body>[^}]*)}")


def faces_in(css: str) -> dict[str, str]:
    """{file stem: the rule's unicode-range} for each @font-face in a @fontsource stylesheet."""
    found = {}
    for match in RULE.finditer(css):
        unicode_range = re.search(r"unicode-range:\s*([^;]+);", match["body"])
        found[match["name"]] = unicode_range[1].strip() if unicode_range else ""
    return found


def main() -> int:
    if not PACKAGES.is_dir():
        print("node_modules/@fontsource is missing: run `npm ci` first.", file=sys.stderr)
        return 1
    FONTS.mkdir(exist_ok=True)
    for old in FONTS.glob("*.woff2"):
        old.unlink()
    rules = []
    for package, faces in FACES.items():
        family = None
        for weight, style in faces:
            css_name = f"{weight}{'-italic' if style == 'italic' else ''}.css"
            css = (PACKAGES / package / css_name).read_text()
            family = re.search(r"font-family:\s*'([^']+)'", css)[1]
            ranges = faces_in(css)
            for subset in SUBSETS:
                stem = f"{package}-{subset}-{weight}-{style}"
                if stem not in ranges:
                    raise SystemExit(f"{package} has no {subset} subset for {weight} {style}")
                shutil.copyfile(PACKAGES / package / "files" / f"{stem}.woff2", FONTS / f"{stem}.woff2")
                rules.append(
                    "@font-face {\n"
                    f"  font-family: '{family}';\n"
                    f"  font-style: {style};\n"
                    f"  font-weight: {weight};\n"
                    "  font-display: swap;\n"
                    f"  src: url(../fonts/{stem}.woff2) format('woff2');\n"
                    f"  unicode-range: {ranges[stem]};\n"
                    "}\n"
                )
    # The packages' LICENSE files carry the OFL's text under a packager's line; the fonts are Adobe's.
    ofl = (PACKAGES / "source-serif-4" / "LICENSE").read_text()
    ofl = ofl[ofl.index("This Font Software") :]
    (FONTS / "OFL.txt").write_text(COPYRIGHT + "\n" + ofl)
    header = (
        "/* Source Serif 4 and Source Sans 3 (SIL Open Font License 1.1, see ../fonts/OFL.txt),\n"
        "   from the @fontsource npm packages. Written by tools/vendor_fonts.py: edit that, not this. */\n"
    )
    STYLESHEET.write_text(header + "\n".join(rules))
    print(f"{len(rules)} font files in {FONTS.relative_to(ROOT)}, rules in {STYLESHEET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
