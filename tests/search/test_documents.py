"""The text of attached documents is extracted at upload and finds the pages they belong to."""

import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from experiences.models import ExperienceDocument
from search.documents import extract_text
from search.models import DocumentText
from tests.factories import ExperienceSheetFactory

pytestmark = pytest.mark.django_db


def pdf(text: str) -> bytes:
    """A one-page PDF showing `text` in Helvetica, with a correct cross-reference table."""
    stream = f"BT /F1 12 Tf 72 712 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = io.BytesIO(b"%PDF-1.4\n"), []
    out.seek(0, 2)
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def office(parts: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, xml in parts.items():
            archive.writestr(name, xml)
    return out.getvalue()


def test_text_is_read_from_pdf_word_opendocument_and_slides():
    assert "Zephyrine budget annexe" in extract_text(
        io.BytesIO(pdf("Zephyrine budget annexe")), "pdf"
    )
    word = office(
        {"word/document.xml": "<w:document><w:p><w:r><w:t>coop</w:t></w:r><w:r><w:t>ération"
         "</w:t></w:r><w:tab/><w:r><w:t>&amp; élus</w:t></w:r></w:p><w:p><w:r><w:t>Fin</w:t>"
         "</w:r></w:p></w:document>"}
    )  # fmt: skip
    assert extract_text(io.BytesIO(word), "docx") == "coopération & élus\nFin"
    odt = office({"content.xml": "<text:p>Charte<text:s/>du<text:s/>collectif</text:p>"})
    assert extract_text(io.BytesIO(odt), "odt") == "Charte du collectif"
    slides = office(
        {f"ppt/slides/slide{n}.xml": f"<a:p><a:t>Diapo {n}</a:t></a:p>" for n in (10, 2)}
    )
    assert extract_text(io.BytesIO(slides), "pptx") == "Diapo 2\nDiapo 10"


def test_a_broken_file_gives_no_text_and_no_error():
    assert extract_text(io.BytesIO(b"PK\x03\x04 broken"), "docx") == ""
    assert extract_text(io.BytesIO(b"%PDF-1.4 broken"), "pdf") == ""
    entity = office(
        {
            "word/document.xml": '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><w:t>&e;</w:t>'
        }
    )
    assert "root" not in extract_text(io.BytesIO(entity), "docx")


def test_an_attached_document_finds_its_sheet(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = get_document_model().objects.create(
            title="Annexe budgétaire",
            file=ContentFile(pdf("Zephyrine budget annexe"), name="annexe.pdf"),
        )
    assert "Zephyrine" in DocumentText.objects.get(document=document).text
    sheet = ExperienceSheetFactory()
    assert sheet.title not in client.get("/recherche/", {"q": "zéphyrine"}).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        sheet.documents.add(ExperienceDocument(document=document))
        sheet.save_revision().publish()
    html = client.get("/recherche/", {"q": "zéphyrine"}).content.decode()
    assert sheet.title.replace("'", "&#x27;") in html


def test_a_restricted_pages_document_is_never_found_by_search(
    client, django_capture_on_commit_callbacks
):
    """Documents have their pages' privacy (portal.documents); search finds them only through
    the text of public pages."""
    with django_capture_on_commit_callbacks(execute=True):
        document = get_document_model().objects.create(
            title="Compte rendu", file=ContentFile(pdf("Xylophage confidentiel"), name="cr.pdf")
        )
    sheet = ExperienceSheetFactory()
    with django_capture_on_commit_callbacks(execute=True):
        sheet.documents.add(ExperienceDocument(document=document))
        sheet.save_revision().publish()
    assert (
        sheet.title.replace("'", "&#x27;")
        in client.get("/recherche/", {"q": "xylophage"}).content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=sheet, restriction_type=PageViewRestriction.LOGIN)
    html = client.get("/recherche/", {"q": "xylophage"}).content.decode()
    assert sheet.title.replace("'", "&#x27;") not in html
    assert document.url not in html
