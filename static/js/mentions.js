// "@" completion in the post editor: typing @ and letters in a form's message (a form with
// data-mentions, the address of forums:mention_lookup) proposes the members who may read the
// space. The textarea keeps the focus (aria-activedescendant points at the option); arrows
// move, Enter or Tab inserts, Escape closes; a live region says what is proposed. Without
// JavaScript, typing the handle does the same.
document.querySelectorAll("form[data-mentions]").forEach((form, formIndex) => {
  const textarea = form.querySelector("textarea[name=body]");
  if (!textarea) return;
  const listId = `mentions-${formIndex}`;
  // What is said, in the page's language (the template's data-mentions-* attributes).
  const say = (name, values = {}) =>
    (form.dataset[name] || "").replace(/%\((\w+)\)s/g, (_all, key) => values[key] ?? "");
  const list = document.createElement("ul");
  list.id = listId;
  list.className = "mentions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", say("mentionsLabel"));
  list.hidden = true;
  const status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("aria-live", "polite");
  textarea.insertAdjacentElement("afterend", list);
  list.insertAdjacentElement("afterend", status);
  textarea.setAttribute("aria-autocomplete", "list");
  textarea.setAttribute("aria-controls", listId);

  let members = [];
  let active = -1;
  let token = null; // { start, end } of "@letters" before the caret
  let timer;
  let asked = "";

  const close = () => {
    list.hidden = true;
    list.replaceChildren();
    members = [];
    active = -1;
    textarea.removeAttribute("aria-activedescendant");
  };

  const highlight = (index) => {
    active = index;
    [...list.children].forEach((option, position) => {
      option.setAttribute("aria-selected", position === index ? "true" : "false");
    });
    if (index >= 0) {
      textarea.setAttribute("aria-activedescendant", `${listId}-${index}`);
      list.children[index].scrollIntoView({ block: "nearest" });
    } else {
      textarea.removeAttribute("aria-activedescendant");
    }
  };

  const insert = (index) => {
    const member = members[index];
    if (!member || !token) return;
    const text = textarea.value;
    const mention = `@${member.handle} `;
    textarea.value = text.slice(0, token.start) + mention + text.slice(token.end);
    const caret = token.start + mention.length;
    textarea.setSelectionRange(caret, caret);
    status.textContent = say("mentionsInserted", { name: `${member.name} (@${member.handle})` });
    close();
    textarea.focus();
  };

  const show = (found) => {
    members = found;
    list.replaceChildren(
      ...found.map((member, index) => {
        const option = document.createElement("li");
        option.id = `${listId}-${index}`;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        const name = document.createElement("span");
        name.className = "mentions__name";
        name.textContent = member.name;
        const details = document.createElement("span");
        details.className = "mentions__details";
        details.textContent = ` @${member.handle}${member.job ? ` · ${member.job}` : ""}`;
        option.append(name, details);
        option.addEventListener("mousedown", (event) => {
          event.preventDefault(); // the textarea keeps the focus
          insert(index);
        });
        return option;
      }),
    );
    list.hidden = found.length === 0;
    active = -1;
    if (!found.length) status.textContent = say("mentionsNone");
    else if (found.length === 1) status.textContent = say("mentionsOne");
    else status.textContent = say("mentionsMany", { count: found.length });
  };

  const lookUp = () => {
    const before = textarea.value.slice(0, textarea.selectionStart);
    const match = /(^|[^\w@/.+-])@([a-z0-9-]{1,30})$/i.exec(before);
    if (!match) {
      token = null;
      asked = "";
      close();
      return;
    }
    token = { start: before.length - match[2].length - 1, end: textarea.selectionStart };
    const query = match[2].toLowerCase();
    if (query === asked) return;
    clearTimeout(timer);
    timer = setTimeout(async () => {
      asked = query;
      const url = new URL(form.dataset.mentions, window.location.href);
      url.searchParams.set("q", query);
      try {
        const response = await fetch(url, { headers: { Accept: "application/json" } });
        if (!response.ok) return close();
        const data = await response.json();
        if (asked === query) show(data.members || []);
      } catch {
        close(); // no proposals this time; typing the handle still works
      }
    }, 150);
  };

  textarea.addEventListener("input", lookUp);
  textarea.addEventListener("click", lookUp);
  textarea.addEventListener("blur", () => setTimeout(close, 150));
  textarea.addEventListener("keydown", (event) => {
    if (list.hidden || !members.length) return;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      highlight((active + 1) % members.length);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      highlight(active <= 0 ? members.length - 1 : active - 1);
    } else if ((event.key === "Enter" || event.key === "Tab") && active >= 0) {
      event.preventDefault();
      insert(active);
    } else if (event.key === "Escape") {
      event.preventDefault();
      asked = "";
      close();
      status.textContent = say("mentionsClosed");
    }
  });
});
