#!/usr/bin/env python3
"""Writes the document fixtures (see make_fixtures.sh, which installs the tools)."""
import re
import sys
import zipfile
from pathlib import Path

from docx import Document as Docx
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, SimpleDocTemplate, Spacer, FrameBreak

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
SEED = Path("resumes/systems-engineer-alireza-ghadimi.txt")
ANALYST = Path("resumes/data-analyst-priya-raman.md")
POST = Path("job_posts/tech-dev-028-senior-linux-developer-ethernet.txt")


def fonts():
    pdfmetrics.registerFont(TTFont("DejaVu", FONT_DIR + "DejaVuSans.ttf"))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", FONT_DIR + "DejaVuSans-Bold.ttf"))


def inline(text):
    """Markdown emphasis and links to reportlab markup; XML escaped."""
    text = text.replace("\\_", "_").replace("\\$", "$")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)
    return re.sub(r"(?<![\w*])\*([^*]+)\*", r"<i>\1</i>", text)


def plain(text):
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text.replace("\\_", "_").replace("\\$", "$"))
    return text.replace("**", "").replace("*", "")


def blocks(path):
    """(kind, text) for each line of a Markdown-ish résumé: h1, h2, h3, bullet, para."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        s = line.strip()
        if not s or s == "---":
            continue
        m = re.match(r"^(#{1,3}) (.*)", s)
        if m:
            out.append((f"h{len(m.group(1))}", m.group(2)))
        elif s.startswith("- "):
            out.append(("bullet", s[2:]))
        else:
            out.append(("para", s))
    return out


def styles():
    base = dict(fontName="DejaVu", fontSize=9.5, leading=12)
    return {
        "h1": ParagraphStyle("h1", **{**base, "fontName": "DejaVu-Bold", "fontSize": 18, "leading": 22}),
        "h2": ParagraphStyle("h2", **{**base, "fontName": "DejaVu-Bold", "fontSize": 13, "leading": 18, "spaceBefore": 6}),
        "h3": ParagraphStyle("h3", **{**base, "fontName": "DejaVu-Bold", "fontSize": 10.5, "leading": 14, "spaceBefore": 4}),
        "bullet": ParagraphStyle("bullet", **base, leftIndent=10, bulletIndent=2),
        "para": ParagraphStyle("para", **base),
    }


def flowables(path):
    st = styles()
    out = []
    for kind, text in blocks(path):
        if kind == "bullet":
            out.append(Paragraph(inline(text), st["bullet"], bulletText="•"))
        else:
            out.append(Paragraph(inline(text), st[kind]))
    return out


def seed_pdf(out):
    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, title="Résumé")
    doc.build(flowables(SEED))


def two_column_pdf(out):
    """The data-analyst résumé with a left sidebar (contact, skills, education) and a right main column."""
    items = blocks(ANALYST)
    st = styles()
    side_sections = {"Skills", "Education", "Certifications"}
    side, main, current = [], [], None
    for kind, text in items:
        if kind == "h2":
            current = text
        target = side if (current in side_sections or kind == "h1" or current is None) else main
        para = Paragraph(inline(text), st["bullet"], bulletText="•") if kind == "bullet" else Paragraph(inline(text), st[kind])
        target.append(para)
    doc = BaseDocTemplate(str(out), pagesize=A4, title="Résumé")
    width, height = A4
    left = Frame(12 * mm, 12 * mm, 62 * mm, height - 24 * mm, id="side")
    right = Frame(80 * mm, 12 * mm, width - 92 * mm, height - 24 * mm, id="main")
    doc.addPageTemplates([PageTemplate(id="two", frames=[left, right])])
    doc.build(side + [FrameBreak()] + main)


def seed_docx(out):
    d = Docx()
    items = blocks(SEED)
    d.sections[0].header.paragraphs[0].text = plain(items[2][1]) if len(items) > 2 else ""
    skills_table = None
    for kind, text in items:
        if kind in ("h1", "h2", "h3"):
            d.add_heading(plain(text), level=int(kind[1]))
            skills_table = None
        elif kind == "bullet":
            d.add_paragraph(plain(text), style="List Bullet")
        elif text.startswith("**") and ":**" in text:
            label, _, rest = plain(text).partition(":")
            if skills_table is None:
                skills_table = d.add_table(rows=0, cols=2)
            row = skills_table.add_row().cells
            row[0].text, row[1].text = label.strip(), rest.strip()
        else:
            d.add_paragraph(plain(text))
    d.save(str(out))


def job_html(out):
    lines = POST.read_text(encoding="utf-8").splitlines()
    body = []
    for line in lines[1:]:
        s = line.strip()
        if not s:
            continue
        esc = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        if s.endswith(":") and len(s.split()) <= 5:
            body.append(f"<h2>{esc[:-1]}</h2>")
        else:
            body.append(f"<p>{esc}</p>")
    title = lines[0].replace("<", "&lt;").replace(">", "&gt;")
    html = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Careers</title>
<style>.cookie-banner {{ display: none }} nav a {{ margin: 0 1em }}</style>
<script>window.dataLayer = [{{"event": "view", "skills": "Kubernetes Terraform Scala"}}];</script></head>
<body>
<nav><a href="/">Home</a><a href="/jobs">Jobs</a><a href="/about">About us</a><a href="/login">Sign in</a></nav>
<div class="cookie-banner">We use cookies to improve Salesforce and HubSpot analytics. Accept all?</div>
<main><article><h1>{title}</h1>
{chr(10).join(body)}
<p><a class="apply" href="/apply">Apply now</a></p></article></main>
<footer><p>&copy; 2026 Example Careers &middot; Privacy &middot; Terms</p></footer>
</body></html>
"""
    out.write_text(html, encoding="utf-8")


def zip_bomb(out):
    """A DOCX whose document.xml inflates to 200 MiB of spaces."""
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(b'<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>')
            chunk = b" " * (1 << 20)
            for _ in range(200):
                f.write(chunk)
            f.write(b"</w:t></w:r></w:p></w:body></w:document>")


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    fonts()
    seed_pdf(out / "seed.pdf")
    seed_docx(out / "seed.docx")
    two_column_pdf(out / "two-column-analyst.pdf")
    job_html(out / "linux-developer-post.html")
    zip_bomb(out / "zip-bomb.docx")
    print("wrote", sorted(p.name for p in out.iterdir()))


if __name__ == "__main__":
    main()
