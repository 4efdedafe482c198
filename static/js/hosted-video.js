// A video hosted elsewhere (resources/embeds.py) is a placeholder until the reader asks for it:
// its link becomes a button that puts the host's player in its place. Nothing of the host is
// loaded before that; without this script the link leads to the video on its host.
document.querySelectorAll(".hosted-video[data-player]").forEach((box) => {
  const link = box.querySelector("a");
  if (!link) return;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "button";
  button.textContent = box.dataset.play;
  link.replaceWith(button);
  button.addEventListener("click", () => {
    const frame = document.createElement("iframe");
    frame.src = `${box.dataset.player}?autoplay=1`;
    frame.title = box.dataset.title;
    frame.allow = "autoplay; fullscreen; picture-in-picture";
    frame.allowFullscreen = true;
    frame.className = "hosted-video__player";
    box.replaceChildren(frame);
    frame.focus();
  });
});
