"""Messages between the judge and the sandbox: length-prefixed frames on a socket, and a loader
for the sandbox's replies that builds plain data only."""

from __future__ import annotations

import io
import pickle
import socket
import struct


def send(sock: socket.socket, payload: bytes) -> None:
    sock.sendall(struct.pack("!Q", len(payload)) + payload)


def _recv_exactly(sock: socket.socket, size: int) -> bytes:
    chunks = []
    while size:
        chunk = sock.recv(min(size, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def recv(sock: socket.socket) -> bytes:
    (size,) = struct.unpack("!Q", _recv_exactly(sock, 8))
    return _recv_exactly(sock, size)


class _PlainDataOnly(pickle.Unpickler):
    """Loads what the sandbox sends: builtin containers and scalars, never a class or callable."""

    def find_class(self, module, name):
        raise pickle.UnpicklingError(f"the sandbox may not send {module}.{name}")


def load_plain(payload: bytes):
    return _PlainDataOnly(io.BytesIO(payload)).load()
