// Progressive enhancement of the comment form: post without a page reload, reply in place.
// Without JavaScript the form posts normally and the server redirects back.

import { fillFromCookie } from "./comment-remember.js";

const form = document.querySelector("[data-comment-form]");

function showStatus(text, isError = false) {
  const status = form.querySelector("[data-comment-status]");
  status.textContent = text;
  status.classList.toggle("is-error", isError);
}

function clearErrors() {
  for (const node of form.querySelectorAll(".js-error")) node.remove();
  for (const node of form.querySelectorAll("[aria-invalid]")) node.removeAttribute("aria-invalid");
}

function showErrors(errors) {
  for (const [name, messages] of Object.entries(errors || {})) {
    const text = messages.map((m) => m.message).join(" ");
    const input = form.elements[name];
    const note = document.createElement("span");
    note.className = "errorlist js-error";
    note.textContent = text;
    if (input && input.closest) {
      input.setAttribute("aria-invalid", "true");
      input.closest(".field").append(note);
    } else {
      form.prepend(note);
    }
  }
}

function placeComment(html, anchor) {
  const existing = document.getElementById(anchor);
  if (existing) {
    existing.scrollIntoView({ block: "center" });
    return;
  }
  const template = document.createElement("template");
  template.innerHTML = html.trim();
  const item = template.content.firstElementChild;
  const parentId = form.elements.parent.value;
  const parent = parentId && document.getElementById(`comment-${parentId}`);
  if (parent) {
    // After the parent's last descendant, so the thread reads in order.
    let last = parent;
    const depth = Number((parent.className.match(/depth-(\d+)/) || [0, 0])[1]);
    for (let next = parent.nextElementSibling; next; next = next.nextElementSibling) {
      const nextDepth = Number((next.className.match(/depth-(\d+)/) || [0, 0])[1]);
      if (nextDepth <= depth) break;
      last = next;
    }
    last.after(item);
  } else {
    document.querySelector("[data-comment-list]").append(item);
  }
}

async function submit(event) {
  event.preventDefault();
  clearErrors();
  const button = form.querySelector("button[type=submit]");
  button.disabled = true;
  showStatus("Posting your comment…");
  try {
    const response = await fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    const answer = await response.json();
    if (!answer.ok) {
      showErrors(answer.errors);
      showStatus(answer.message || "Your comment could not be posted.", true);
      return;
    }
    placeComment(answer.html, answer.anchor);
    form.elements.content.value = "";
    showStatus(answer.message);
    resetReply();
  } catch {
    // Network trouble: fall back to a normal post, which the server handles the same way.
    form.removeEventListener("submit", submit);
    form.submit();
  } finally {
    button.disabled = false;
  }
}

function resetReply() {
  const respond = document.getElementById("respond");
  const section = document.getElementById("comments");
  form.elements.parent.value = "";
  document.getElementById("reply-title").textContent = "Leave a Comment";
  if (respond.parentElement !== section) section.append(respond);
}

function startReply(link) {
  const item = document.getElementById(`comment-${link.dataset.replyTo}`);
  const respond = document.getElementById("respond");
  form.elements.parent.value = link.dataset.replyTo;
  const title = document.getElementById("reply-title");
  title.textContent = `Reply to ${link.dataset.replyName} `;
  const cancel = document.createElement("a");
  cancel.href = "#respond";
  cancel.textContent = "Cancel reply";
  cancel.addEventListener("click", (event) => {
    event.preventDefault();
    resetReply();
  });
  title.append(cancel);
  item.append(respond);
  form.elements.content.focus();
}

if (form) {
  fillFromCookie(form);
  form.addEventListener("submit", submit);
  document.addEventListener("click", (event) => {
    const link = event.target.closest("[data-reply-to]");
    if (link) {
      event.preventDefault();
      startReply(link);
    }
  });
}
