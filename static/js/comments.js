// Progressive enhancement of the comment form: post without a page reload, reply in place.
// Without JavaScript the form posts normally and the server redirects back.

import { fillFromCookie } from "./comment-remember.js";

const form = document.querySelector("[data-comment-form]");

function showStatus(text, isError = false) {
  const status = form.querySelector("[data-comment-status]");
  status.textContent = text;
  status.classList.toggle("is-error", isError);
}

// Errors are linked to their field (aria-describedby names an element that exists) and
// focus moves to the first field to correct, or to the form's own message.
function describedBy(input) {
  const helpText = document.getElementById(`${input.id}_helptext`);
  return helpText ? [helpText.id] : [];
}

function clearErrors() {
  for (const node of form.querySelectorAll(".errorlist")) node.remove();
  for (const input of form.querySelectorAll("[aria-invalid]")) {
    input.removeAttribute("aria-invalid");
    const ids = describedBy(input);
    if (ids.length) input.setAttribute("aria-describedby", ids.join(" "));
    else input.removeAttribute("aria-describedby");
  }
  const box = form.querySelector("[data-form-errors]");
  box.replaceChildren();
  box.hidden = true;
}

function errorList(id, messages) {
  const list = document.createElement("ul");
  list.className = "errorlist";
  if (id) list.id = id;
  for (const message of messages) {
    const item = document.createElement("li");
    item.textContent = message.message;
    list.append(item);
  }
  return list;
}

function showErrors(errors) {
  const box = form.querySelector("[data-form-errors]");
  for (const [name, messages] of Object.entries(errors || {})) {
    const input = name === "__all__" ? null : form.elements[name];
    if (input && input.id && input.type !== "hidden") {
      const list = errorList(`${input.id}_error`, messages);
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", [...describedBy(input), list.id].join(" "));
      input.closest(".field").append(list);
    } else {
      box.append(errorList("", messages));
      box.hidden = false;
    }
  }
  const firstBad = [...form.elements].find((element) => element.getAttribute("aria-invalid"));
  if (firstBad) firstBad.focus();
  else if (!box.hidden) box.focus();
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
      // What was typed stays in the form.
      showStatus(answer.message || "Your comment could not be posted.", true);
      showErrors(answer.errors);
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
  // The name is the commenter's own text: isolated, so bidi controls stay inside it.
  const name = document.createElement("bdi");
  name.textContent = link.dataset.replyName;
  title.replaceChildren("Reply to ", name, " ");
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
