"""A video's transcript in a real browser: its time codes move the player."""

import re

from playwright.sync_api import expect

from portal.demo import content


def test_a_time_code_moves_the_player_without_leaving_the_page(page):
    path = f"/videos/{content.VIDEOS[0]['slug']}/"
    page.goto(path)
    codes = page.locator(".transcript a.timecode")
    expect(codes.nth(1)).to_be_visible()
    seconds = int(codes.nth(1).get_attribute("data-seconds"))
    assert seconds > 0
    codes.nth(1).click()
    assert page.evaluate("document.getElementById('lecteur').currentTime") == seconds
    assert page.url.endswith(f"{path}?t={seconds}")  # the address says the moment, not reloaded
    expect(codes.nth(1).locator("xpath=..")).to_have_class(re.compile("transcript__current"))
    expect(page.locator("#lecteur")).to_be_focused()
