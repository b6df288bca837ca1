"""The web app's frame: routes mounted, security headers on every answer, errors as pages or JSON."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from functools import cache
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException

from recoupe import __version__
from recoupe.settings import Settings
from recoupe.web import api, pages
from recoupe.web.db import StorePool

# No script at all, styles only from our own stylesheet; charts are inline SVG, which needs no source.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def create_app(db_path: str | Path, settings: Settings | None = None) -> FastAPI:
    """The read-only web app over one story database (built by `recoupe ingest`)."""
    stores = StorePool(Path(db_path))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close()

    app = FastAPI(
        lifespan=lifespan,
        title="recoupe",
        version=__version__,
        description="Read-only access to a recoupe story database; JSON as the recoupe/brief@1 contract.",
        openapi_url="/api/openapi.json",
        docs_url=None,  # the interactive docs load scripts from a CDN: the OpenAPI JSON is enough
        redoc_url=None,
    )
    app.state.db_path = Path(db_path)
    app.state.stores = stores
    app.state.settings = settings or Settings()
    app.include_router(pages.router)
    app.include_router(api.router)
    app.add_api_route("/static/recoupe.css", _stylesheet, methods=["GET"], include_in_schema=False)
    app.add_exception_handler(HTTPException, _error)  # type: ignore[arg-type]

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    return app


@cache
def _css() -> str:
    return (files("recoupe.report") / "templates" / "recoupe.css").read_text(encoding="utf-8")


def _stylesheet() -> Response:
    return Response(_css(), media_type="text/css", headers={"Cache-Control": "max-age=3600"})


async def _error(request: Request, exc: HTTPException) -> Response:
    """JSON under /api/, a page elsewhere; the detail is ours, never a piece of the request echoed."""
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
    page = pages.render("error.html", status=exc.status_code, detail=exc.detail)
    return HTMLResponse(page, status_code=exc.status_code)
