vcl 4.1;

# Newsroom's HTTP cache (Varnish 7.1 and varnish-modules, Debian packages).
#
# Anonymous readers are served from the cache: their cookies are dropped, except the consent
# cookie, on which pages vary (the banner shows until a choice is made). Logged-in users, the
# admin and every unsafe request go to the site untouched. The site says what may be stored
# (Cache-Control: public, s-maxage, stale-while-revalidate, stale-if-error) and tags each page
# with surrogate keys (the xkey header), which a PURGE request from the site removes.
# See docs/deployment.md, "HTTP cache".

import cookie;
import std;
import xkey;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
    # Whether stale pages may be served past stale-while-revalidate (stale-if-error): a
    # static file, answered by WhiteNoise before any database work.
    .probe = {
        .url = "/static/css/site.css";
        .interval = 5s;
        .timeout = 2s;
        .window = 5;
        .threshold = 3;
    }
}

# Who may purge: the web processes, on this host (add the web hosts' addresses if they run
# elsewhere).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey) {
            return (synth(400, "A PURGE needs an xkey header"));
        }
        set req.http.X-Purged = xkey.purge(req.http.xkey);
        return (synth(200, "Purged " + req.http.X-Purged + " objects"));
    }
    # Set by vcl_hit below when a stale page must be fetched again; never by a client.
    if (req.restarts == 0) {
        unset req.http.X-Refresh;
    } else if (req.http.X-Refresh) {
        set req.grace = 0s;
    }

    if (req.method != "GET" && req.method != "HEAD") {
        # Comment posts, consent choices, reports: to the site with every cookie.
        return (pass);
    }
    if (req.url ~ "^/admin(/|$)" || req.http.Authorization) {
        return (pass);
    }
    # A logged-in user (an editor, a moderator): pages are theirs alone.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }

    # Anonymous readers: only the consent cookie reaches the site (pages send Vary: Cookie,
    # so there is one copy per consent state). The CSRF token is not needed by the anonymous
    # forms (they are protected by the browser's Origin and Sec-Fetch-Site headers) and the
    # "remember me" cookie (comment_author) is read in the browser only.
    cookie.parse(req.http.Cookie);
    # Someone who posted a comment sees it on the article's page while it waits for
    # moderation (the signed comments_posted cookie): that page is theirs alone (the site
    # marks it private), so it goes to the site with that cookie. Elsewhere the cookie
    # means nothing and is dropped like the rest.
    if (req.url ~ "^/articles/" && cookie.isset("comments_posted")) {
        cookie.keep("cookie_consent,comments_posted");
        set req.http.Cookie = cookie.get_string();
        return (pass);
    }
    cookie.keep("cookie_consent");
    set req.http.Cookie = cookie.get_string();
    if (req.http.Cookie == "") {
        unset req.http.Cookie;
    }
    # Pages also vary on Global Privacy Control: one value for "on", none for "off".
    if (req.http.Sec-GPC ~ "^\s*1\s*$") {
        set req.http.Sec-GPC = "1";
    } else {
        unset req.http.Sec-GPC;
    }
    return (hash);
}

# The built-in vcl_hash keys a page on its URL and host only. The copies per consent state
# come from the page's Vary: Cookie, Sec-GPC, compared against the two headers as cleaned
# above (the consent cookie alone, Sec-GPC as "1" or absent); feeds and sitemaps, which do
# not vary, keep a single copy for everyone.

sub vcl_hit {
    # Fresh, or stale within stale-while-revalidate: served now, refreshed in the background.
    if (obj.ttl >= 0s || obj.ttl + std.duration(obj.http.X-Stale-While-Revalidate, 0s) >= 0s) {
        return (deliver);
    }
    # Staler than that: only worth serving while the site is down (stale-if-error).
    if (!std.healthy(req.backend_hint)) {
        return (deliver);
    }
    set req.http.X-Refresh = "1";
    return (restart);
}

sub vcl_backend_response {
    # A failed background refresh keeps the stale page rather than replacing it.
    if (bereq.is_bgfetch && beresp.status >= 500) {
        return (abandon);
    }
    # Only what the site marks cacheable is stored (no Cache-Control: no guess).
    if (!beresp.http.Cache-Control) {
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # Varnish takes s-maxage for the TTL and stale-while-revalidate for the grace; the grace
    # is stretched to stale-if-error, and vcl_hit tells the two apart.
    set beresp.http.X-Stale-While-Revalidate = "0s";
    if (beresp.http.Cache-Control ~ "stale-while-revalidate=\d+") {
        set beresp.http.X-Stale-While-Revalidate = regsub(
            beresp.http.Cache-Control, "^.*stale-while-revalidate=(\d+).*$", "\1s");
    }
    if (beresp.http.Cache-Control ~ "stale-if-error=\d+") {
        set beresp.http.X-Stale-If-Error = regsub(
            beresp.http.Cache-Control, "^.*stale-if-error=(\d+).*$", "\1s");
        if (std.duration(beresp.http.X-Stale-If-Error, 0s) > beresp.grace) {
            set beresp.grace = std.duration(beresp.http.X-Stale-If-Error, 0s);
        }
        unset beresp.http.X-Stale-If-Error;
    }
    # Falls through to the built-in rules: Set-Cookie, private, no-store, no-cache and
    # Vary: * are never stored.
}

sub vcl_deliver {
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } else if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # Surrogate keys and our bookkeeping are for this cache only.
    unset resp.http.xkey;
    unset resp.http.X-Stale-While-Revalidate;
}
