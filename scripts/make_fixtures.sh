#!/usr/bin/env bash
# Regenerates the document fixtures in tests/fixtures/documents/ (PDF, DOCX,
# HTML renderings of the sample résumés and a job post, and a DOCX zip bomb).
# Installs what it needs: the DejaVu fonts (Debian) and reportlab and
# python-docx (PyPI, in a throw-away virtualenv). Run from the repository root.
set -euo pipefail
if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  apt-get update -qq && apt-get install -y -qq fonts-dejavu-core
fi
venv="$(mktemp -d)/venv"
python3 -m venv "$venv"
"$venv/bin/pip" install -q "reportlab==5.*" "python-docx==1.*"
"$venv/bin/python" scripts/make_fixtures.py tests/fixtures/documents
