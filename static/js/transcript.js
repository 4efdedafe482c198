// A transcript's time codes move the player of the page to their moment and play it, instead
// of loading the page again; the paragraph being heard is marked as the video plays. Without
// this script each time code is a link to the page at that moment (?t=), whose player starts
// there: the same place, one page load later.
document.querySelectorAll("[data-transcript-of]").forEach((transcript) => {
  const player = document.getElementById(transcript.dataset.transcriptOf);
  if (!player) return;
  const links = [...transcript.querySelectorAll("a.timecode[data-seconds]")];
  const mark = (link) => {
    transcript.querySelectorAll(".transcript__current").forEach((paragraph) => {
      paragraph.classList.remove("transcript__current");
    });
    if (link) link.parentElement.classList.add("transcript__current");
  };
  transcript.addEventListener("click", (event) => {
    const link = event.target.closest("a.timecode[data-seconds]");
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    const seconds = Number(link.dataset.seconds);
    player.currentTime = seconds;
    // A browser may refuse to play without a gesture on the player itself: it is then ready.
    player.play().catch(() => {});
    mark(link);
    history.replaceState(null, "", `?t=${seconds}`);
    player.focus();
  });
  player.addEventListener("timeupdate", () => {
    if (player.paused) return;
    const heard = links.filter((link) => Number(link.dataset.seconds) <= player.currentTime);
    mark(heard[heard.length - 1]);
  });
});
