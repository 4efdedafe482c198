"""Posts' Markdown: what members need is kept, anything hostile is rendered harmless."""

import pytest

from forums.markup import render

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[clic](javascript:alert(1))",
    '<a href="javascript:alert(1)">clic</a>',
    '<a href="jav&#x61;script:alert(1)">clic</a>',
    "<svg onload=alert(1)><circle r=1 /></svg>",
    '<iframe src="https://exemple.org"></iframe>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<div onmouseover="alert(1)">survol</div>',
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<form action="https://exemple.org"><input name="q"></form>',
    "<math><mtext><script>alert(1)</script></mtext></math>",
    '"><script>alert(1)</script>',
    "![x](https://exemple.org/x.png)",
]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_hostile_markdown_is_rendered_harmless(payload):
    html = render(payload).lower()
    forbidden_parts = ["<script", "onerror", "onload", "onmouseover", "javascript:", "<svg"]
    forbidden_parts += ["<iframe", "style=", "<form", "<input", "data:", "<img", "<math"]
    for forbidden in forbidden_parts:
        assert forbidden not in html, (payload, html)


def test_markdown_keeps_what_members_need():
    html = render(
        "**Gras**, *italique*\n\n- un\n- deux\n\n> citation\n\n[lien](https://exemple.org)"
    )
    assert "<strong>Gras</strong>" in html
    assert "<li>un</li>" in html
    assert "<blockquote>" in html
    assert 'href="https://exemple.org"' in html and 'rel="nofollow' in html
