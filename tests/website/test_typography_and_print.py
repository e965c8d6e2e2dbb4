"""The site's own fonts, its print stylesheet and its scripts: served by the site itself, under
its Content-Security-Policy, the same bytes for every reader."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse

from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db

STATIC = Path(settings.BASE_DIR) / "static"
FONT_FACE = re.compile(r"@font-face\s*{([^}]*)}")


def font_faces() -> list[dict[str, str]]:
    css = (STATIC / "css" / "fonts.css").read_text()
    faces = []
    for body in FONT_FACE.findall(css):
        faces.append(dict(re.findall(r"([\w-]+):\s*([^;]+);", body)))
    return faces


def test_every_face_is_a_committed_woff2_with_its_subset_and_swap():
    faces = font_faces()
    assert faces
    for face in faces:
        (path,) = re.findall(r"url\(\.\./fonts/([^)]+\.woff2)\)", face["src"])
        assert (STATIC / "fonts" / path).stat().st_size > 1000, path
        assert face["font-display"] == "swap"
        assert face["unicode-range"].startswith("U+")


def test_the_faces_cover_the_weights_used_and_the_scripts_of_the_names():
    faces = {
        (face["font-family"].strip("'"), face["font-weight"], face["font-style"], subset)
        for face in font_faces()
        for subset in re.findall(r"-(latin-ext|latin|cyrillic|greek|vietnamese)-\d", face["src"])
    }
    for subset in ("latin", "latin-ext", "cyrillic"):
        assert ("Source Serif 4", "400", "normal", subset) in faces
        assert ("Source Serif 4", "400", "italic", subset) in faces
        assert ("Source Serif 4", "700", "normal", subset) in faces
        assert ("Source Sans 3", "400", "normal", subset) in faces
    # Ògúnmọ́dẹdé: the dots below are only in the Vietnamese subset, the combining accent too.
    ranges = " ".join(face["unicode-range"] for face in font_faces() if "vietnamese" in face["src"])
    assert "U+1EA0-1EF9" in ranges
    assert "U+0300-0301" in ranges


def test_the_licence_is_next_to_the_fonts():
    licence = (STATIC / "fonts" / "OFL.txt").read_text()
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert "Reserved Font Name 'Source'" in licence


def test_pages_load_the_fonts_and_preload_the_body_face(client):
    page = client.get(reverse("home")).content.decode()

    assert '<link rel="stylesheet" href="/static/css/fonts.css">' in page
    preloads = re.findall(
        r'<link rel="preload" href="([^"]+)" as="font" type="font/woff2" crossorigin>', page
    )
    assert "/static/fonts/source-sans-3-latin-400-normal.woff2" in preloads
    assert len(preloads) <= 2
    for url in preloads:
        assert finders.find(url.removeprefix("/static/")), url


def test_font_files_are_served_by_the_site(client):
    response = client.get("/static/fonts/source-serif-4-latin-400-normal.woff2")
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:4] == b"wOF2"


def test_fonts_come_from_self_under_the_csp(client):
    policy = client.get(reverse("home"))["Content-Security-Policy"]
    assert re.search(r"font-src 'self'(;|$)", policy)
    assert "fonts.googleapis" not in (STATIC / "css" / "fonts.css").read_text()


def test_the_type_scale_makes_the_title_the_heaviest():
    css = (STATIC / "css" / "site.css").read_text()
    assert "--weight-title: 700;" in css
    assert "--weight-heading: 600;" in css
    title = re.search(r"\.publication__header h1 {([^}]*)}", css).group(1)
    assert "font-size: var(--step-5)" in title
    assert "font-weight: var(--weight-title)" in title
    prose_headings = re.search(r"\.prose h2, \.prose h3, \.prose h4 {([^}]*)}", css).group(1)
    assert "font-weight: var(--weight-heading)" in prose_headings


def test_scripts_are_files_and_pages_the_same_for_everyone(client):
    publication = PublicationFactory()
    for url in (reverse("home"), reverse("publications:list"), publication.get_absolute_url()):
        page = client.get(url).content.decode()
        for script in re.findall(r"<script\b[^>]*>", page):
            if 'type="application/ld+json"' in script:
                continue  # data, not code
            assert re.fullmatch(r'<script src="/static/js/[\w-]+\.js" defer>', script), script
        assert "nonce" not in page


# Print ----------------------------------------------------------------------------------------


def print_rules() -> str:
    """print.css without its comments."""
    return re.sub(r"/\*.*?\*/", "", (STATIC / "css" / "print.css").read_text(), flags=re.S)


def test_print_stylesheet_is_for_print_only(client):
    page = client.get(reverse("home")).content.decode()
    assert '<link rel="stylesheet" href="/static/css/print.css" media="print">' in page


def test_print_hides_buttons_forms_navigation_and_the_sign_up_box():
    css = print_rules()
    hidden = re.search(r"([^{}]*){\s*display: none !important;\s*}", css).group(1)
    selectors = {selector.strip() for selector in hidden.split(",")}
    for selector in (
        "button",
        "form",
        "nav",
        ".site-header",
        ".site-footer",
        ".subscribe",
        ".cite__downloads",  # BibTeX and RIS
        ".pdf-link",
        ".related",
        ".pagination",
    ):
        assert selector in selectors, selector


def test_print_shows_its_header_and_link_addresses_in_a_serif():
    css = print_rules()
    assert re.search(r"\.print-header\[hidden\] {[^}]*display: flex !important", css)
    assert re.search(r'\.prose a\[href\^="http"\]::after[^{]*{[^}]*content: " <" attr\(href\) ">"', css)
    assert re.search(r"body {[^}]*font-family: var\(--serif\); font-size: 11pt", css)
    assert ".note-back { display: none; }" in css  # in-page links get no address
