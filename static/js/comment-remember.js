// Fills the comment form from the "Save my name, email, and website" cookie.
// The server never reads that cookie, so a cached page cannot show one reader's
// details to another: only this browser fills them in. The cookie is a functional one:
// without that consent the server renders the box disabled, and nothing is filled in.

const COOKIE = "comment_author";

export function rememberedAuthor() {
  const entry = document.cookie.split("; ").find((part) => part.startsWith(`${COOKIE}=`));
  if (!entry) return null;
  try {
    return JSON.parse(decodeURIComponent(entry.slice(COOKIE.length + 1)));
  } catch {
    return null;
  }
}

export function fillFromCookie(form) {
  const remember = form.elements.remember;
  if (!remember || remember.disabled) return;
  const author = rememberedAuthor();
  if (!author) return;
  const fields = { author_name: author.name, author_email: author.email, author_url: author.url };
  for (const [name, value] of Object.entries(fields)) {
    const input = form.elements[name];
    if (input && !input.value && typeof value === "string") input.value = value;
  }
  remember.checked = true;
}
