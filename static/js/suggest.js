// Suggestions while typing: fills a search box's <datalist> with the titles that start with
// what is typed. A convenience only: without it (or without JavaScript) the search works the
// same, and /recherche/suggestions/ lists the titles as a page.
document.querySelectorAll("input[data-suggest][list]").forEach((input) => {
  const list = document.getElementById(input.getAttribute("list"));
  let timer;
  let asked = "";
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const query = input.value.trim();
      if (query.length < 2 || query === asked) return;
      asked = query;
      const url = new URL(input.dataset.suggest, window.location.href);
      url.searchParams.set("q", query);
      url.searchParams.set("format", "json");
      try {
        const response = await fetch(url, { headers: { Accept: "application/json" } });
        if (!response.ok) return;
        const { suggestions } = await response.json();
        list.replaceChildren(
          ...suggestions.map((title) => Object.assign(document.createElement("option"), { value: title })),
        );
      } catch {
        // No suggestions this time; the search itself is unaffected.
      }
    }, 200);
  });
});
