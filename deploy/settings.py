"""What an operator of `python -m deploy` may change, in one place: who may embed the pages, the limits
each client address gets, and how long nginx waits on idle and slow clients. README's *Serving many
readers* gives the reasons for each figure; deploy/nginx.conf.jinja uses them.
"""

from __future__ import annotations

# Sites that may show the pages in a frame (CSP frame-ancestors). "*" lets any site embed them, as the
# planned "Embed this view" feature needs; a newsroom that wants only its own sites lists them instead,
# e.g. ("'self'", "https://news.example", "https://*.news.example").
FRAME_ANCESTORS: tuple[str, ...] = ("*",)

# Per client address (nginx's $binary_remote_addr). Measured in Chromium through this proxy (README,
# *Limits per client*): a cold view of a page makes 105 to 144 requests, 62 to 68 of them in its first
# second and as many in a later one; a reader moving fast between pages makes at most 35 in a second.
# Readers behind one office or carrier address share these, hence the headroom.
REQUESTS_PER_SECOND = 50  # sustained, to every route together: a cold view every three seconds
REQUEST_BURST = 500  # above that rate, served at once, unqueued: three cold views at the same moment
CONNECTIONS_PER_CLIENT = 200  # with a request in progress at once, open WebSockets included
WEBSOCKETS_PER_CLIENT = 100  # open pages (one WebSocket each) at once
RETRY_AFTER_S = 5  # what a refused client is told to wait (429's Retry-After)
# nginx listens on 127.0.0.1 only: readers reach it through a proxy on this machine (TLS, a domain),
# which adds their address to X-Forwarded-For. nginx takes the reader's address from there when the
# request comes from these addresses, so the limits count each reader, not the proxy.
PROXIES_IN_FRONT: tuple[str, ...] = ("127.0.0.1",)
# Requests from these addresses that name no other reader are not limited: the machine's own health
# checks, the tests and the benchmark. (Readers through the proxy are limited by their own address.)
UNLIMITED_ADDRESSES: tuple[str, ...] = ("127.0.0.1",)

# Time-outs for idle and slow clients: long enough for a phone on a poor network, short enough that
# connections left open on purpose (slowloris) are closed within seconds.
CLIENT_HEADER_TIMEOUT_S = 10  # to send the whole request line and headers
CLIENT_BODY_TIMEOUT_S = 10  # between two reads of a request body
SEND_TIMEOUT_S = 30  # between two writes of a response the client does not read
KEEPALIVE_TIMEOUT_S = 30  # an idle kept-alive connection between requests
KEEPALIVE_REQUESTS = 1000  # requests on one kept-alive connection
# Request line and each header at most 8 KB (a share link with every filter is under 2 KB), four such
# buffers per connection; longer gets 414 or 400.
LARGE_CLIENT_HEADER_BUFFERS = "4 8k"
CLIENT_MAX_BODY_SIZE = "1m"  # the app takes no upload; Streamlit's own requests carry no larger body
