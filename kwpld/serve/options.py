"""The settings of one ``kwpld serve``: where it listens, who may use it, and its limits."""

from __future__ import annotations

import ipaddress
import secrets
from dataclasses import dataclass, field

from ..errors import InputError

__all__ = ["ServeOptions", "is_loopback"]

DEFAULT_PORT = 7878
"""Oxigraph's own default port, which SPARQL users of a local store may know already."""


def is_loopback(host: str) -> bool:
    """True for an address only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass
class ServeOptions:
    """Everything ``kwpld serve`` can be told; the defaults are the safe ones."""

    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    allow_remote: bool = False
    """Bind to an address other machines can reach; needs (and makes) an access token."""
    token: str | None = None
    """The access token every request must carry (made at random with ``allow_remote``)."""
    allow_hosts: tuple[str, ...] = ()
    """Host names besides the loopback ones, e.g. the name a reverse proxy forwards."""
    timeout: float = 30.0
    """Seconds a SPARQL query may run."""
    max_size: int = 100_000_000
    """Bytes a SPARQL answer may hold, as serialized (100 MB)."""
    max_body: int = 1 << 20
    """Bytes a request body may hold (a query, a form)."""
    workers: int = 2
    """Queries evaluated at once."""
    cors: bool = True
    """Let web pages of any origin query ``/sparql`` (YASGUI and other browser tools)."""
    base_iri: str | None = None
    reviewer: str | None = None
    """The name written as ``by`` in the decisions taken in the workbench."""
    watch: float = 2.0
    """Seconds between looks at a data folder's files for edits made elsewhere (0: never)."""
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False)

    def check(self) -> ServeOptions:
        """These options made safe to use: a clear error for a remote address without
        ``allow_remote``, a token made for a remote server that has none."""
        if not 0 <= self.port <= 65535:
            raise InputError(f"--port {self.port}: a port is a number from 0 to 65535")
        if self.timeout <= 0 or self.max_size <= 0 or self.max_body <= 0:
            raise InputError("--timeout and --max-size must be positive")
        if not is_loopback(self.host) and not self.allow_remote:
            raise InputError(
                f"--host {self.host} lets other machines reach the server and write the "
                "records; add --allow-remote to do so (an access token is then required), "
                "or leave --host at 127.0.0.1"
            )
        if self.token is not None and len(self.token) < 16:
            raise InputError("--token: use at least 16 characters (or leave it out to get one)")
        if self.allow_remote and self.token is None:
            self.token = secrets.token_urlsafe(24)
        return self
