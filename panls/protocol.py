"""pygls' LSP protocol, with the futures of finished handlers forgotten.

pygls 2.x runs its built-in notification handlers (``didOpen``, ``didChange``...) as
generators and files the future of each under a fresh id in ``_request_futures``; only a
request's response removes an entry, so every notification left one behind: about 2 KB per
edit, without bound (measured by ``bench/lsp_soak.py``). Here each future is dropped once
its handler is done, whatever kind of message it served. Requests behave as before (pygls
itself removes theirs when it sends the response, and a cancelled one is still found while
it runs).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from functools import partial
from typing import Any

from pygls.protocol import LanguageServerProtocol


class PanProtocol(LanguageServerProtocol):
    # pylint: disable-next=too-many-arguments  # pygls' signature
    def _execute_handler(
        self,
        msg_id: Any,
        handler: Callable[..., Any],
        callback: Callable[[Future[Any]], None],
        args: tuple[Any, ...] | None = None,
        kwargs: dict[str, Any] | None = None,
    ) -> None:
        super()._execute_handler(msg_id, handler, callback, args, kwargs)
        future = self._request_futures.get(msg_id)
        if future is not None:
            future.add_done_callback(partial(self._forget, msg_id))

    def _forget(self, msg_id: Any, future: Future[Any]) -> None:
        if self._request_futures.get(msg_id) is future:
            del self._request_futures[msg_id]

    def pending_handlers(self) -> int:
        """How many handlers are filed as still running (for tests: it must not grow)."""
        return len(self._request_futures)
