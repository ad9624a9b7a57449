// Marks the current section in the menu. The menu's markup is the same on every page (so it
// can be cached once); the page says where it belongs: its own address, or the section an
// article is filed under in <body data-section="/section/…/">.

const menu = document.querySelector(".section-nav ul");

function linkTo(path) {
  if (!menu || !path) {
    return null;
  }
  return [...menu.querySelectorAll("a")].find((link) => link.pathname === path) || null;
}

// The section's own page (or the front page) is the current page; an article's section is
// the current place in the set, which ARIA calls "true".
const own = linkTo(window.location.pathname);
const current = own || linkTo(document.body.dataset.section);
if (current) {
  current.setAttribute("aria-current", own ? "page" : "true");
  // On a phone the menu scrolls sideways: bring the current section into view.
  const offset = current.getBoundingClientRect().left - menu.getBoundingClientRect().left;
  menu.scrollLeft += offset - (menu.clientWidth - current.offsetWidth) / 2;
}
