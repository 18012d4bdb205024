// Site search on /search/ (the only page that loads this file).
//
// The index is built with Pagefind after every site build; this module asks
// it through Pagefind's own pagefind.js API and lists the results, so all the
// markup, wording and colours are ours. No inline code, no eval: it runs
// under a Content-Security-Policy of script-src 'self' 'wasm-unsafe-eval'.
// Without JavaScript the page explains that and lists every article.

const PAGE_SIZE = 10;
const TYPING_PAUSE_MS = 250;

const root = document.getElementById("search");
const form = root.querySelector("form");
const input = document.getElementById("search-q");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");

document.getElementById("search-no-js").hidden = true;

let pagefind = null;
let results = [];
let shown = 0;
let latest = 0; // each search gets a number; answers to older ones are dropped
let typingTimer = 0;

async function loadPagefind() {
  if (!pagefind) {
    pagefind = await import(root.dataset.pagefind);
    await pagefind.init();
  }
  return pagefind;
}

// Pagefind's excerpt is HTML whose only markup is <mark> around the matched
// words. Parse it in an inert document and copy over text and <mark> only,
// so nothing from the index can ever become live markup on this page.
function excerptNodes(excerpt) {
  const parsed = new DOMParser().parseFromString(excerpt, "text/html").body;
  const out = document.createDocumentFragment();
  for (const node of parsed.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      out.append(mark);
    } else {
      out.append(document.createTextNode(node.textContent));
    }
  }
  return out;
}

function resultItem(data) {
  const item = document.createElement("li");
  item.className = "search-page__result";
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  heading.append(link);
  const excerpt = document.createElement("p");
  excerpt.append(excerptNodes(data.excerpt));
  item.append(heading, excerpt);
  return item;
}

function summary(count, query) {
  if (count === 0) {
    return `No results for ${query}. Try another word, or browse all articles below.`;
  }
  return `${count} ${count === 1 ? "result" : "results"} for ${query}`;
}

async function showMore(run) {
  const page = results.slice(shown, shown + PAGE_SIZE);
  const data = await Promise.all(page.map((result) => result.data()));
  if (run !== latest) return;
  list.append(...data.map(resultItem));
  shown += page.length;
  more.hidden = shown >= results.length;
}

function rememberQuery(query) {
  const url = new URL(window.location.href);
  if (query) {
    url.searchParams.set("q", query);
  } else {
    url.searchParams.delete("q");
  }
  window.history.replaceState(null, "", url);
}

async function search(rawQuery) {
  const run = ++latest;
  const query = rawQuery.trim();
  rememberQuery(query);
  if (!query) {
    list.replaceChildren();
    list.hidden = true;
    more.hidden = true;
    status.textContent = "";
    return;
  }
  try {
    const engine = await loadPagefind();
    const response = await engine.search(query);
    if (run !== latest) return;
    results = response.results;
    shown = 0;
    list.replaceChildren();
    await showMore(run);
    if (run !== latest) return;
    list.hidden = results.length === 0;
    status.textContent = summary(results.length, query);
  } catch (error) {
    if (run !== latest) return;
    status.textContent =
      "Sorry, search could not load in your browser. Every article is listed below by topic.";
    console.error("Site search failed:", error);
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  window.clearTimeout(typingTimer);
  search(input.value);
});

input.addEventListener("input", () => {
  window.clearTimeout(typingTimer);
  typingTimer = window.setTimeout(() => search(input.value), TYPING_PAUSE_MS);
});

more.addEventListener("click", () => {
  const firstNew = shown;
  showMore(latest).then(() => {
    // Move focus to the first new result, so keyboard users continue there.
    list.children[firstNew]?.querySelector("a")?.focus();
  });
});

const initial = new URLSearchParams(window.location.search).get("q") || "";
input.value = initial;
if (initial.trim()) {
  search(initial);
}
