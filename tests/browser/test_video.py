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


def test_a_hosted_video_loads_its_host_only_when_the_reader_asks(page):
    hosts = []
    page.on("request", lambda request: hosts.append(request.url.split("/")[2]))
    page.goto("/videos/reperes-des-principes-d-accompagnement/")
    expect(page.locator(".hosted-video")).to_contain_text("PeerTube")
    assert "video.bloc-local.example" not in hosts
    page.get_by_role("button", name=re.compile("Lancer la vidéo")).click()
    frame = page.locator(".hosted-video iframe")
    expect(frame).to_have_attribute("src", re.compile(r"^https://video\.bloc-local\.example/"))
    expect(frame).to_have_attribute("title", re.compile("Repères"))
