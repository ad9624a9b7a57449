// The cookie banner with JavaScript: cookie-consent's showCookieBar saves the choice without
// a reload. Without JavaScript the server's banner (templates/cookie_consent/_banner.html) is
// plain forms; this script replaces it with the <template> copy once the status is known.

import { showCookieBar } from "../cookie_consent/cookiebar.module.js";

const template = document.getElementById("cookie-consent__cookie-bar");
const serverBanner = document.querySelector("[data-cookie-banner]");
const status = document.querySelector("[data-cookie-status]");

// Controls that wait for a cookie group (the comment form's "Save my name…" box) work as
// soon as the visitor accepts it.
function enableFor(groups) {
  for (const { varname } of groups) {
    for (const node of document.querySelectorAll(`[data-consent-requires="${varname}"]`)) {
      node.disabled = false;
      node.removeAttribute("aria-describedby");
    }
    for (const node of document.querySelectorAll(`[data-consent-explains="${varname}"]`)) {
      node.hidden = true;
    }
  }
}

// The banner's buttons disappear with it: say what happened where it was and keep the
// keyboard there, rather than dropping focus to the top of the document.
function announce(text) {
  status.textContent = `${text} You can change this at any time in Cookie settings, at the bottom of every page.`;
  status.focus();
}

if (template && status) {
  showCookieBar({
    statusUrl: template.dataset.statusUrl,
    templateSelector: "#cookie-consent__cookie-bar",
    cookieGroupsSelector: "#cookie-consent__cookie-groups",
    acceptSelector: "[data-cookie-accept]",
    declineSelector: "[data-cookie-decline]",
    insertBefore: template,
    onShow: () => serverBanner?.remove(),
    onAccept: (groups, event) => {
      enableFor(groups);
      if (event) announce("Cookies accepted.");
    },
    onDecline: (groups, event) => {
      if (event) announce("Optional cookies declined.");
    },
  })
    // Nothing was pending after all (the page was older than the choice): no banner.
    .then(() => serverBanner?.remove())
    // The status could not be fetched: the server's banner and its forms still work.
    .catch(() => {});
}
