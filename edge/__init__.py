"""
The site behind an HTTP cache: response headers that say what a shared cache may store
(middleware.py), the surrogate keys pages are tagged with (keys.py), purges when what a page
shows changes (signals.py → services.py → purge.py, sent by a task), and the header-based
cross-origin protection that lets the anonymous forms work without a per-visitor token
(origin.py).
"""
