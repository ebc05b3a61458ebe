"""Serving the app to a class: a websocket client that opens a page the way a browser tab
does (:mod:`serving.client`, used by the load benchmark and the warm-up), and the warm-up
of every page's default view when a server starts (:mod:`serving.warmup`).

Nothing here is shared between server processes: each replica warms its own caches.
"""
