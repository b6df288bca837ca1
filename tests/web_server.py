"""A local web site for the fetch and watch tests: an HTTP server on 127.0.0.1, in a thread of the
test, serving the routes the test gives it (pages, feeds, errors, delays, redirects, endless
bodies) and logging every request it gets."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from recoupe.settings import Settings

# Local servers answer at once: short timeouts and no pause between requests keep the tests fast.
FAST = Settings(
    fetch_allow_private=True,
    fetch_connect_timeout_s=2.0,
    fetch_read_timeout_s=0.5,
    fetch_retries=1,
    fetch_backoff_s=0.05,
    fetch_host_interval_s=0.0,
)


@dataclass
class Route:
    """What one path answers: a body (with an ETag when `etag` is set), a status, a redirect, a
    delay before answering, or `stream_bytes` of filler sent in chunks with no length announced."""

    body: bytes | str = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    location: str | None = None
    delay_s: float = 0.0
    stream_bytes: int = 0


@dataclass
class Site:
    """The routes served (changed freely between rounds) and the requests seen, as (path, headers)."""

    base: str = ""
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> int:
        return sum(1 for seen, _ in self.requests if seen == path)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            site.requests.append((self.path, dict(self.headers.items())))
            route = site.routes.get(self.path)
            if route is None:
                self._answer(404, b"not here", "text/plain")
                return
            if route.delay_s:
                time.sleep(route.delay_s)
            if route.location is not None:
                self.send_response(route.status)
                self.send_header("Location", route.location)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            unchanged = (route.etag and self.headers.get("If-None-Match") == route.etag) or (
                route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified
            )
            if unchanged:
                self.send_response(304)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if route.stream_bytes:
                self._stream(route)
                return
            body = route.body.encode("utf-8") if isinstance(route.body, str) else route.body
            self._answer(route.status, body, route.content_type, route)

        def _answer(self, status: int, body: bytes, content_type: str, route: Route | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            if route and route.etag:
                self.send_header("ETag", route.etag)
            if route and route.last_modified:
                self.send_header("Last-Modified", route.last_modified)
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # a client that gave up
                self.wfile.write(body)

        def _stream(self, route: Route) -> None:
            """Filler in chunks, its length never announced: the client must stop at its cap."""
            self.send_response(200)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"<p>" + b"x" * 65_000 + b"</p>\n"
            try:
                for _ in range(route.stream_bytes // len(chunk) + 1):
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                self.wfile.write(b"0\r\n\r\n")
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped reading at its cap, as it should

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@contextmanager
def serve(site: Site | None = None, *, host: str = "127.0.0.1", port: int = 0) -> Iterator[Site]:
    """Serve `site` on `host` (a loopback address) at `port` (a free one by default) for the
    duration of the block."""
    site = site or Site()
    server = ThreadingHTTPServer((host, port), _handler(site))
    server.daemon_threads = True
    site.base = f"http://{host}:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


def article_page(title: str, paragraphs: list[str], published: str, site_name: str, chrome: str = "") -> str:
    """A news page as a site serves it: metadata, a menu, the article, a footer."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>{title} | {site_name}</title>
<meta property="og:site_name" content="{site_name}">
<meta property="article:published_time" content="{published}T08:00:00+01:00">
</head><body>
<nav><a href="/">Accueil</a> <a href="/politique">Politique</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1>
{body}
</article>
<footer>{chrome or "© " + site_name + ". Tous droits réservés."}</footer>
</body></html>"""
