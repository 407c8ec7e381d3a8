"""Production static files: hashed names, gzip and brotli copies, cached forever (whitenoise).

Development and the other tests serve the files straight from the app folders; these tests run
`collectstatic` with the production settings once and serve its result the way production does.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.http import HttpResponse
from django.templatetags.static import static
from django.test import RequestFactory, override_settings
from whitenoise.middleware import WhiteNoiseMiddleware

ROOT = Path(__file__).resolve().parents[3]
MANIFEST_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"
PRODUCTION_ENV = {
    "PATH": os.environ.get("PATH", ""),
    "DJANGO_SETTINGS_MODULE": "veerkracht.settings",
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "static-files-test-Yq3!vN8#rT5@wK2$zL9&pB6^mH4*cF7(dJ1)gS0-xE",
    "ALLOWED_HOSTS": "veerkracht.example.org",
    "EMAIL_HOST": "smtp.example.org",
    "DATABASE_URL": "sqlite:///:memory:",
}


def _manage(*args: str, static_root: Path | None = None) -> subprocess.CompletedProcess:
    env = {**PRODUCTION_ENV, **({"STATIC_ROOT": str(static_root)} if static_root else {})}
    return subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("staticfiles")
    # Django's own back-office files (two thirds of them, compressed for 20 s) are left out.
    result = _manage("collectstatic", "--noinput", "-v", "0", "--ignore", "admin", static_root=root)
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture
def production_static(static_root, settings):
    with override_settings(
        STATIC_ROOT=static_root,
        STORAGES={**settings.STORAGES, "staticfiles": {"BACKEND": MANIFEST_STORAGE}},
        WHITENOISE_USE_FINDERS=False,
        WHITENOISE_AUTOREFRESH=False,
    ):
        yield static_root


def _hashed(static_root, name: str) -> str:
    return json.loads((static_root / "staticfiles.json").read_text())["paths"][name]


def test_production_uses_compressed_manifest_storage():
    code = "from django.conf import settings as s; print(s.STORAGES['staticfiles']['BACKEND'])"
    result = _manage("shell", "--no-imports", "-c", code)
    assert result.stdout.strip() == MANIFEST_STORAGE, result.stderr


def test_collectstatic_writes_hashed_gzip_and_brotli_files(static_root):
    names = ("vendor/utrecht/component-library.css", "vendor/utrecht/design-tokens.css", "css/veerkracht.css")
    for name in names:
        hashed = _hashed(static_root, name)
        assert re.search(r"\.[0-9a-f]{12}\.css$", hashed)
        for suffix in ("", ".gz", ".br"):
            assert (static_root / f"{hashed}{suffix}").exists()
        assert (static_root / f"{hashed}.br").stat().st_size < (static_root / hashed).stat().st_size / 3


def test_font_and_image_references_point_at_hashed_files(static_root):
    fonts_css = (static_root / _hashed(static_root, "vendor/fonts/noto-sans/noto-sans.css")).read_text()
    references = re.findall(r"url\(([^)]+)\)", fonts_css)
    references = [ref.strip("'\"") for ref in references]
    assert references and all(re.search(r"\.[0-9a-f]{12}\.woff2$", ref) for ref in references)
    css_folder = static_root / "vendor" / "fonts" / "noto-sans"
    assert all((css_folder / ref).exists() for ref in references)
    assert "font-display: swap" in fonts_css
    own_css = (static_root / _hashed(static_root, "css/veerkracht.css")).read_text()
    assert re.search(r"select-arrow\.[0-9a-f]{12}\.svg", own_css)


def test_pages_link_the_hashed_files_and_whitenoise_sends_them_compressed_for_ever(
    production_static, client, region
):
    html = client.get("/").content.decode()
    css_url = static("vendor/utrecht/component-library.css")
    assert re.fullmatch(r"/static/vendor/utrecht/component-library\.[0-9a-f]{12}\.css", css_url)
    assert f'href="{css_url}"' in html

    serve = WhiteNoiseMiddleware(lambda request: HttpResponse(status=404))
    response = serve(RequestFactory().get(css_url, HTTP_ACCEPT_ENCODING="gzip, deflate, br"))
    assert response.status_code == 200
    assert response["Content-Encoding"] == "br"
    assert response["Cache-Control"] == "max-age=315360000, public, immutable"
    response.close()
