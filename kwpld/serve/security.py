"""What keeps a local server local: host names, an access token, CSRF, body limits, paths.

``kwpld serve`` holds a scholar's records and can write them, so each request passes, in
order (:class:`Guard`, one ASGI middleware, so that no route can forget a check):

1. **Body size**: a declared ``Content-Length`` over the limit is refused before any byte is
   read; any other body is read, up to the limit, before the app sees it, and one that
   grows past it (chunked) is refused; both get a 413.
2. **Host**: without a token only the names the server was started for are answered
   (``127.0.0.1:PORT``, ``localhost:PORT``, ``[::1]:PORT`` and ``--allow-host``). A web page
   that rebinds its own domain name to 127.0.0.1 (DNS rebinding) sends its own name as Host
   and is refused.
3. **Token**: when the server has one (always with ``--allow-remote``), every request must
   carry it: ``Authorization: Bearer TOKEN``, or once as ``?token=TOKEN`` on a page, which
   sets a cookie (HttpOnly, SameSite=Strict) and redirects to the same page without it.
4. **CSRF**: every POST except to ``/sparql`` must carry the CSRF token of its session, in
   the form field ``csrf_token`` or the header ``X-CSRF-Token``, and must not come from
   another site (``Origin``, ``Sec-Fetch-Site``). The token is an HMAC of the session cookie
   with a secret made at start, so it is valid only with the cookie of the browser it was
   given to. ``/sparql`` is read-only by construction (an update is a 403), and SPARQL
   clients and YASGUI post queries to it from other origins, as the protocol expects.
5. **Headers**: every answer says ``X-Content-Type-Options: nosniff``, ``Referrer-Policy:
   same-origin`` (an address with the token never reaches another site; ``no-referrer``
   would make browsers send ``Origin: null`` with the forms), and pages cannot be framed;
   HTML gets a Content Security Policy that allows this server's own scripts and styles only.

Paths: nothing a request names is joined to a folder unchecked; :func:`inside` resolves a
relative path under a root and refuses anything that leaves it (``..``, an absolute path, a
symbolic link out of the folder, a NUL byte).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

__all__ = [
    "CSRF_FIELD",
    "CSRF_HEADER",
    "Guard",
    "Outside",
    "SecurityPolicy",
    "csrf_token",
    "inside",
    "loopback_hosts",
]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SESSION_COOKIE = "kwpld_session"
TOKEN_COOKIE = "kwpld_token"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
CSRF_EXEMPT = ("/sparql",)
"""POSTs that carry no CSRF token: read-only by construction (see the module's notes)."""

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
    "form-action 'self'; object-src 'none'"
)
"""Inline styles stay allowed: the charts are SVG drawn with style attributes. Scripts come
only from this server's files, so text that escaped escaping still could not run."""


class Outside(ValueError):
    """A path that would leave the folder it must stay in."""


def inside(root: Path, relative: str) -> Path:
    """``root / relative``, resolved, if it stays inside ``root``; else :class:`Outside`.

    Refuses absolute paths, ``..`` segments, backslashes, NUL bytes and paths whose
    resolution (symbolic links included) ends outside the resolved root.
    """
    if not relative or "\x00" in relative or "\\" in relative:
        raise Outside(f"{relative!r} is not a path inside the folder")
    parts = relative.split("/")
    if relative.startswith("/") or any(p in ("", ".", "..") for p in parts):
        raise Outside(f"{relative!r} is not a path inside the folder")
    base = root.resolve()
    target = (base / relative).resolve()
    if target != base and not target.is_relative_to(base):
        raise Outside(f"{relative!r} leads outside the folder")
    return target


def loopback_hosts(port: int) -> set[str]:
    """The Host header values a browser sends to a server on this machine's loopback."""
    names = {"127.0.0.1", "localhost", "[::1]"}
    return {f"{n}:{port}" for n in names} | (names if port == 80 else set())


def csrf_token(secret: bytes, session: str) -> str:
    """The CSRF token of a session: an HMAC, so it cannot be made without the server's key."""
    return hmac.new(secret, session.encode("ascii", "replace"), hashlib.sha256).hexdigest()


@dataclass
class SecurityPolicy:
    """The server's rules: allowed Host values (None: any), the token (None: none), limits."""

    hosts: set[str] | None
    token: str | None = None
    max_body: int = 1 << 20
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    cors_paths: tuple[str, ...] = ("/sparql",)
    secure_cookies: bool = False


def _headers(scope: Scope) -> dict[str, str]:
    """Request headers by lower-case name; repeated ones joined as HTTP joins them."""
    found: dict[str, str] = {}
    for raw_name, raw_value in scope.get("headers", []):
        name = raw_name.decode("latin-1").lower()
        value = raw_value.decode("latin-1")
        joiner = "; " if name == "cookie" else ", "
        found[name] = f"{found[name]}{joiner}{value}" if name in found else value
    return found


def _cookies(headers: dict[str, str]) -> dict[str, str]:
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(headers.get("cookie", ""))
    except Exception:  # a malformed Cookie header is no session, not a crash
        return {}
    return {name: morsel.value for name, morsel in jar.items()}


async def _plain(
    send: Send, status: int, text: str, headers: Iterable[tuple[str, str]] = ()
) -> None:
    body = (text.rstrip("\n") + "\n").encode("utf-8")
    raw = [
        (b"content-type", b"text/plain; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
        *[(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers],
    ]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


class BodyTooLarge(Exception):
    pass


class Guard:
    """The ASGI middleware that applies a :class:`SecurityPolicy` to every HTTP request.

    It also puts the session and its CSRF token in ``scope["state"]`` for templates
    (``csrf_token``), and sets the session cookie on the answer when the request had none.
    """

    def __init__(self, app: ASGIApp, policy: SecurityPolicy) -> None:
        self.app = app
        self.policy = policy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = self.policy
        headers = _headers(scope)
        method = scope["method"]
        path: str = scope["path"]
        # 1. body size, declared; 2. host
        if await self._refused_at_once(headers, send):
            return
        cors = path in policy.cors_paths
        if method == "OPTIONS" and cors:
            await self._preflight(send)
            return
        # 3. token
        cookies = _cookies(headers)
        if policy.token is not None:
            verdict = await self._token(scope, headers, cookies, send)
            if verdict is None:
                return
        # 4. CSRF
        session = cookies.get(SESSION_COOKIE, "")
        new_session = None
        if len(session) < 32 or not session.isalnum():
            session = new_session = secrets.token_hex(24)
        token = csrf_token(policy.secret, session)
        state = scope.setdefault("state", {})
        state["csrf_token"] = token
        state["session"] = session
        limited = self._limited(receive)
        if method not in ("GET", "HEAD", "OPTIONS"):
            replay = await self._unsafe_request(
                path, headers, receive, limited, send, token, new_session
            )
            if replay is None:
                return
            limited = replay
        # 5. headers on the answer
        await self.app(scope, limited, self._send_with_headers(send, cors, new_session))

    async def _refused_at_once(self, headers: dict[str, str], send: Send) -> bool:
        """Refuse (and say so) a declared body over the limit or a Host not allowed: true
        when the request was answered here."""
        policy = self.policy
        length = headers.get("content-length")
        if length is not None:
            if not length.isdigit():
                await _plain(send, 400, "Content-Length is not a number")
                return True
            if int(length) > policy.max_body:
                await _plain(send, 413, self._too_large())
                return True
        host = headers.get("host", "")
        if policy.hosts is not None and host.lower() not in policy.hosts:
            await _plain(
                send,
                421 if host else 400,
                f"this server does not answer for the host {host!r}; start it with "
                f"--allow-host {host.rsplit(':', 1)[0] or 'NAME'} to allow it",
            )
            return True
        return False

    async def _unsafe_request(
        self,
        path: str,
        headers: dict[str, str],
        receive: Receive,
        limited: Receive,
        send: Send,
        token: str,
        new_session: str | None,
    ) -> Receive | None:
        """A request that may change something: its whole body, bounded, read before the app
        sees any of it (a body that grows past the limit, chunked, is refused here, whichever
        route it was sent to), then the CSRF checks: the same site, and the session's token
        (``token``; a session new with this request has none). The body replayed for the app,
        or None when the request was answered here."""
        try:
            body = await self._read(limited)
        except BodyTooLarge:
            await _plain(send, 413, self._too_large())
            return None
        if path not in CSRF_EXEMPT:
            if not self._same_site(headers):
                await _plain(send, 403, "this request comes from another site; refused (CSRF)")
                return None
            given = headers.get(CSRF_HEADER) or self._form_token(headers, body)
            if new_session is not None or not given or not hmac.compare_digest(given, token):
                await _plain(
                    send,
                    403,
                    "the form's CSRF token is missing or stale; reload the page and try again",
                )
                return None
        return self._replay(body, receive)

    def _send_with_headers(self, send: Send, cors: bool, new_session: str | None) -> Send:
        """``send`` adding the security headers the app did not set, a Content-Security-Policy
        on HTML, and the session cookie on a page when the request had no session."""
        extra = self._answer_headers(cors)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                raw = list(message.get("headers", []))
                is_html = any(
                    k.lower() == b"content-type" and v.startswith(b"text/html") for k, v in raw
                )
                for name, value in extra:
                    if name.encode() not in present:
                        raw.append((name.encode("latin-1"), value.encode("latin-1")))
                if is_html and b"content-security-policy" not in present:
                    raw.append((b"content-security-policy", CSP.encode()))
                if is_html and new_session is not None:  # pages carry forms; give a session
                    raw.append((b"set-cookie", self._cookie(SESSION_COOKIE, new_session).encode()))
                message["headers"] = raw
            await send(message)

        return send_with_headers

    def _too_large(self) -> str:
        return f"the request body is larger than this server takes ({self.policy.max_body} bytes)"

    async def _preflight(self, send: Send) -> None:
        headers = [
            (b"access-control-allow-origin", b"*"),
            (b"access-control-allow-methods", b"GET, POST, OPTIONS"),
            (b"access-control-allow-headers", b"Accept, Authorization, Content-Type"),
            (b"access-control-max-age", b"600"),
            (b"content-length", b"0"),
        ]
        await send({"type": "http.response.start", "status": 204, "headers": headers})
        await send({"type": "http.response.body", "body": b""})

    async def _token(
        self, scope: Scope, headers: dict[str, str], cookies: dict[str, str], send: Send
    ) -> bool | None:
        """True when the request carries the token; None when it was answered here."""
        expected = self.policy.token or ""
        authorization = headers.get("authorization", "")
        scheme, _, value = authorization.partition(" ")
        if scheme.lower() == "bearer" and hmac.compare_digest(value.strip(), expected):
            return True
        if hmac.compare_digest(cookies.get(TOKEN_COOKIE, ""), expected):
            return True
        query = scope.get("query_string", b"").decode("latin-1")
        pairs = parse_qsl(query, keep_blank_values=True)
        given = [v for k, v in pairs if k == "token"]
        if given and hmac.compare_digest(given[0], expected) and scope["method"] == "GET":
            rest = urlencode([(k, v) for k, v in pairs if k != "token"])
            location = scope.get("root_path", "") + scope["path"] + (f"?{rest}" if rest else "")
            cookie = self._cookie(TOKEN_COOKIE, expected)
            await _plain(send, 303, "signed in", [("location", location), ("set-cookie", cookie)])
            return None
        await _plain(
            send,
            401,
            "this server needs its access token: open the address it printed at start "
            "(…/?token=…), or send the header Authorization: Bearer TOKEN",
            [("www-authenticate", 'Bearer realm="kwpld"')],
        )
        return None

    def _cookie(self, name: str, value: str) -> str:
        secure = "; Secure" if self.policy.secure_cookies else ""
        return f"{name}={value}; Path=/; HttpOnly; SameSite=Strict{secure}"

    @staticmethod
    def _same_site(headers: dict[str, str]) -> bool:
        """False for a request a browser says comes from another site. ``Sec-Fetch-Site``
        decides when present (browsers set it, pages cannot); else ``Origin`` must name the
        host the request was sent to. Clients that send neither (curl, scripts) pass: they
        still need the session's CSRF token, which only a page of this server gives."""
        fetch_site = headers.get("sec-fetch-site")
        if fetch_site is not None:
            return fetch_site in ("same-origin", "none")
        origin = headers.get("origin")
        if origin is None:
            return True
        if origin == "null":
            return False
        host = headers.get("host", "")
        return origin.split("://", 1)[-1].lower() == host.lower()

    @staticmethod
    def _form_token(headers: dict[str, str], body: bytes) -> str | None:
        media = headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if media != "application/x-www-form-urlencoded":
            return None
        try:
            pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True)
        except UnicodeDecodeError:
            return None
        values = [v for k, v in pairs if k == CSRF_FIELD]
        return values[0] if values else None

    def _limited(self, receive: Receive) -> Receive:
        limit = self.policy.max_body
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge
            return message

        return limited

    @staticmethod
    async def _read(receive: Receive) -> bytes:
        chunks = []
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        return b"".join(chunks)

    @staticmethod
    def _replay(body: bytes, receive: Receive) -> Receive:
        """The body read for the CSRF check, given again to the app; then the connection's
        own messages (its disconnect)."""
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        return replay

    def _answer_headers(self, cors: bool) -> list[tuple[str, str]]:
        found = [
            ("x-content-type-options", "nosniff"),
            ("referrer-policy", "same-origin"),
            ("x-frame-options", "DENY"),
        ]
        if cors:
            found.append(("access-control-allow-origin", "*"))
        return found
