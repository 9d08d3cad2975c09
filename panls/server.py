"""Wiring: LSP methods to feature functions. No language knowledge lives here."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcInternalError
from pygls.lsp.server import LanguageServer

from panc.analysis.document import DocumentAnalysis
from panc.analysis.navigation import RenameError
from panc.build.scdb import find_clusters
from panc.loader import read_text
from panls import __version__
from panls.config import Settings, merge_settings
from panls.convert import plain_json, uri_to_path
from panls.features import (
    code_actions,
    completion,
    folding,
    formatting,
    hover,
    links,
    navigation,
    profile_view,
    provenance,
    rename,
    semantic_tokens,
    signature,
    symbols,
)
from panls.features.compilation import ObjectCompiles, compile_diagnostics
from panls.features.profile_view import PROFILE
from panls.features.site_check import (
    AFFECTED_OBJECTS,
    SiteChecker,
    affected_request,
    is_object_text,
)
from panls.protocol import PanProtocol
from panls.publisher import DiagnosticsPublisher
from panls.session import Session

logger = logging.getLogger(__name__)

INDEX_STARTED = "pan/indexStarted"
"""Notification sent when indexing of the include path starts: ``{includePath}``."""
INDEX_READY = "pan/indexReady"
"""Notification sent once the include path is indexed: ``{files, parsed, reused, seconds, includePath}``."""
PROVENANCE = "pan/provenance"
REQUEST_FAILED = -32803
INDEX_WAIT_SECONDS = 30.0
CONFIGURATION_WAIT_SECONDS = 5.0

F = TypeVar("F", bound=Callable[..., Any])


class PanLanguageServer(LanguageServer):
    """The pan language server: a ``Session`` plus a diagnostics publisher."""

    def __init__(self) -> None:
        super().__init__(
            "panls",
            __version__,
            text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
            protocol_cls=PanProtocol,
        )
        self.session = Session()
        self.compiles = ObjectCompiles(self.session)
        self.publisher = DiagnosticsPublisher(
            self.session,
            self.text_document_publish_diagnostics,
            functools.partial(compile_diagnostics, self.compiles),
        )
        self.site = SiteChecker(self.session, self.compiles, self.publisher.publish_object, self._notify)
        self.index_done: asyncio.Event | None = None

    def _notify(self, method: str, params: Any) -> None:
        self.protocol.notify(method, params)

    def analysis(self, uri: str) -> DocumentAnalysis:
        """The analysis of the current text of ``uri`` (open buffer, else the file)."""
        document = self.workspace.get_text_document(uri)
        if uri in self.workspace.text_documents:
            return self.session.document(uri_to_path(uri), document.source, document.version)
        return self.session.file_document(uri_to_path(uri), document.source)

    async def wait_for_index(self) -> None:
        if self.index_done is not None:
            try:
                await asyncio.wait_for(self.index_done.wait(), INDEX_WAIT_SECONDS)
            except TimeoutError:
                logger.warning(
                    "index still building after %ss; answering with a partial index", INDEX_WAIT_SECONDS
                )

    async def pull_configuration(self) -> dict[str, Any] | None:
        """The ``pan`` settings section, from clients that answer ``workspace/configuration``."""
        workspace = self.client_capabilities.workspace
        if workspace is None or not workspace.configuration:
            return None
        try:
            answer = await asyncio.wait_for(
                self.workspace_configuration_async(
                    types.ConfigurationParams(items=[types.ConfigurationItem(section="pan")])
                ),
                CONFIGURATION_WAIT_SECONDS,
            )
        except (TimeoutError, JsonRpcException):
            logger.warning("the client did not answer workspace/configuration")
            return None
        section = answer[0] if answer else None
        return plain_json(section) if section else None

    def expect_index(self) -> None:
        """Make requests wait for the first index (called at ``initialize``): a request sent
        right after ``initialized``, before the index has started, waits for it too."""
        self.index_done = asyncio.Event()

    async def rebuild_index(self) -> None:
        """Index the include path in a worker thread, then refresh every open document."""
        waiting = self.index_done
        self.index_done = index_done = asyncio.Event()
        self.publisher.index_ready = False
        include_path = self.session.settings.include_dirs
        self.protocol.notify(INDEX_STARTED, {"includePath": include_path, **self._clusters()})
        loop = asyncio.get_running_loop()
        try:
            stats = await loop.run_in_executor(None, self.session.build_index)
        except Exception:  # pylint: disable=broad-except
            logger.exception("indexing failed")
            stats = None
        self.publisher.index_ready = True
        index_done.set()
        if waiting is not None:
            waiting.set()  # requests that came before this rebuild began
        self.compiles.warm()
        self.protocol.notify(
            INDEX_READY,
            {
                "files": stats.files if stats else 0,
                "parsed": stats.parsed if stats else 0,
                "reused": stats.reused if stats else 0,
                "seconds": round(stats.seconds, 3) if stats else 0.0,
                "includePath": include_path,
                **self._clusters(),
            },
        )
        self.publisher.refresh_all()
        self.site.reset()
        self.site.start_background()

    def _clusters(self) -> dict[str, Any]:
        """The SCDB cluster whose include path is in use, and the clusters there are to choose from."""
        settings = self.session.settings
        return {
            "cluster": settings.cluster if settings.cluster_include_path else None,
            "clusters": find_clusters(settings.root),
        }


def guarded(name: str) -> Callable[[F], F]:
    """Log a feature's failure and answer that one request with an LSP error."""

    def decorate(function: F) -> F:
        if asyncio.iscoroutinefunction(function):

            @functools.wraps(function)
            async def run_async(*args: Any, **kwargs: Any) -> Any:
                with _request_errors(name):
                    return await function(*args, **kwargs)

            return run_async  # type: ignore[return-value]

        @functools.wraps(function)
        def run(*args: Any, **kwargs: Any) -> Any:
            with _request_errors(name):
                return function(*args, **kwargs)

        return run  # type: ignore[return-value]

    return decorate


@contextlib.contextmanager
def _request_errors(name: str) -> Iterator[None]:
    """Turn what a feature raises into the LSP error of its request (a bug is logged too)."""
    try:
        yield
    except JsonRpcException:
        raise
    except RenameError as error:
        raise JsonRpcException(str(error), code=REQUEST_FAILED) from error
    except Exception as error:
        logger.exception("%s failed", name)
        raise JsonRpcInternalError(f"{name} failed: {error!r}") from error


def create_server() -> PanLanguageServer:
    """A new, unstarted pan language server."""
    server = PanLanguageServer()
    session = server.session

    @server.feature(types.INITIALIZE)
    def on_initialize(params: types.InitializeParams) -> None:
        root = None
        if params.workspace_folders:
            root = uri_to_path(params.workspace_folders[0].uri)
        elif params.root_uri:
            root = uri_to_path(params.root_uri)
        elif params.root_path:
            root = params.root_path
        settings = Settings(root=root) if root else Settings()
        session.configure(merge_settings(settings, params.initialization_options))
        server.expect_index()
        session.encoding = server.workspace.position_encoding or types.PositionEncodingKind.Utf16

    @server.feature(types.INITIALIZED)
    async def on_initialized(_params: types.InitializedParams) -> None:
        pulled = await server.pull_configuration()
        if pulled:
            session.configure(merge_settings(session.settings, pulled))
        server.compiles.warm()  # the workers import the compiler while the index is built
        await server.rebuild_index()

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def on_configuration(params: types.DidChangeConfigurationParams) -> None:
        settings = params.settings
        if not isinstance(settings, dict) or not settings:
            # Clients using the pull model only say "something changed".
            settings = await server.pull_configuration() or {}
        if session.configure(merge_settings(session.settings, settings)):
            await server.rebuild_index()
        else:
            server.publisher.refresh_all()
            server.site.start_background()

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def on_watched_files(params: types.DidChangeWatchedFilesParams) -> None:
        for change in params.changes:
            session.index.update_file(uri_to_path(change.uri))
        server.publisher.refresh_all()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def on_open(params: types.DidOpenTextDocumentParams) -> None:
        document = params.text_document
        session.update(document.uri, document.text, document.version)
        server.publisher.document_changed(document.uri, document.text, document.version, immediate=True)
        if is_object_text(document.text):
            server.site.remember(uri_to_path(document.uri))

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def on_change(params: types.DidChangeTextDocumentParams) -> None:
        document = server.workspace.get_text_document(params.text_document.uri)
        session.update(document.uri, document.source, document.version)
        server.publisher.document_changed(document.uri, document.source, document.version)
        path = uri_to_path(document.uri)
        if is_object_text(document.source):
            server.site.remember(path)
        server.site.edited(path)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def on_save(params: types.DidSaveTextDocumentParams) -> None:
        document = server.workspace.get_text_document(params.text_document.uri)
        server.publisher.document_changed(document.uri, document.source, document.version, immediate=True)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def on_close(params: types.DidCloseTextDocumentParams) -> None:
        path = uri_to_path(params.text_document.uri)
        unsaved = session.open_texts().get(path)
        session.close(params.text_document.uri)
        server.publisher.document_closed(params.text_document.uri)
        if unsaved is not None and unsaved != read_text(path):
            server.site.edited(path)  # its objects were checked with the text given up

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    @guarded("documentSymbol")
    def on_document_symbol(params: types.DocumentSymbolParams) -> list[types.DocumentSymbol]:
        doc = server.analysis(params.text_document.uri)
        return symbols.document_symbols(doc, session.converter(doc.path))

    @server.feature(types.WORKSPACE_SYMBOL)
    @guarded("workspaceSymbol")
    async def on_workspace_symbol(params: types.WorkspaceSymbolParams) -> list[types.WorkspaceSymbol]:
        await server.wait_for_index()
        return symbols.workspace_symbols(session, params.query)

    @server.feature(types.TEXT_DOCUMENT_FOLDING_RANGE)
    @guarded("foldingRange")
    def on_folding(params: types.FoldingRangeParams) -> list[types.FoldingRange]:
        return folding.folding_ranges(server.analysis(params.text_document.uri))

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_LINK)
    @guarded("documentLink")
    async def on_links(params: types.DocumentLinkParams) -> list[types.DocumentLink]:
        await server.wait_for_index()
        doc = server.analysis(params.text_document.uri)
        return links.document_links(session, doc, session.converter(doc.path))

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    @guarded("definition")
    async def on_definition(params: types.DefinitionParams) -> list[types.Location]:
        await server.wait_for_index()
        return navigation.definition(session, server.analysis(params.text_document.uri), params.position)

    @server.feature(types.TEXT_DOCUMENT_DECLARATION)
    @guarded("declaration")
    async def on_declaration(params: types.DeclarationParams) -> list[types.Location]:
        await server.wait_for_index()
        return navigation.definition(session, server.analysis(params.text_document.uri), params.position)

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    @guarded("references")
    async def on_references(params: types.ReferenceParams) -> list[types.Location]:
        await server.wait_for_index()
        return navigation.references(
            session,
            server.analysis(params.text_document.uri),
            params.position,
            params.context.include_declaration,
        )

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    @guarded("hover")
    async def on_hover(params: types.HoverParams) -> types.Hover | None:
        await server.wait_for_index()
        doc = server.analysis(params.text_document.uri)
        extra = provenance.hover_sections(session, doc, params.position)
        return hover.hover(session, doc, params.position, extra)

    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION,
        types.CompletionOptions(trigger_characters=completion.TRIGGER_CHARACTERS),
    )
    @guarded("completion")
    async def on_completion(params: types.CompletionParams) -> types.CompletionList:
        await server.wait_for_index()
        return completion.completion(session, server.analysis(params.text_document.uri), params.position)

    @server.feature(
        types.TEXT_DOCUMENT_SIGNATURE_HELP,
        types.SignatureHelpOptions(trigger_characters=signature.TRIGGER_CHARACTERS),
    )
    @guarded("signatureHelp")
    async def on_signature(params: types.SignatureHelpParams) -> types.SignatureHelp | None:
        await server.wait_for_index()
        return signature.signature_help(session, server.analysis(params.text_document.uri), params.position)

    @server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
    @guarded("prepareRename")
    async def on_prepare_rename(params: types.PrepareRenameParams) -> types.PrepareRenamePlaceholder | None:
        await server.wait_for_index()
        return rename.prepare_rename(session, server.analysis(params.text_document.uri), params.position)

    @server.feature(types.TEXT_DOCUMENT_RENAME, types.RenameOptions(prepare_provider=True))
    @guarded("rename")
    async def on_rename(params: types.RenameParams) -> types.WorkspaceEdit:
        await server.wait_for_index()
        capabilities = server.client_capabilities.workspace
        edit_caps = capabilities.workspace_edit if capabilities else None
        operations = bool(
            edit_caps
            and edit_caps.resource_operations
            and types.ResourceOperationKind.Rename in edit_caps.resource_operations
        )
        return rename.rename(
            session, server.analysis(params.text_document.uri), params.position, params.new_name, operations
        )

    @server.feature(types.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL, semantic_tokens.LEGEND)
    @guarded("semanticTokens")
    def on_semantic_tokens(params: types.SemanticTokensParams) -> types.SemanticTokens:
        doc = server.analysis(params.text_document.uri)
        return semantic_tokens.semantic_tokens(doc, session.converter(doc.path))

    @server.feature(types.TEXT_DOCUMENT_SEMANTIC_TOKENS_RANGE, semantic_tokens.LEGEND)
    @guarded("semanticTokens/range")
    def on_semantic_tokens_range(params: types.SemanticTokensRangeParams) -> types.SemanticTokens:
        doc = server.analysis(params.text_document.uri)
        return semantic_tokens.semantic_tokens(doc, session.converter(doc.path), params.range)

    @server.feature(types.TEXT_DOCUMENT_FORMATTING)
    @guarded("formatting")
    def on_formatting(params: types.DocumentFormattingParams) -> list[types.TextEdit]:
        return formatting.format_document(session, server.analysis(params.text_document.uri))

    @server.feature(types.TEXT_DOCUMENT_RANGE_FORMATTING)
    @guarded("rangeFormatting")
    def on_range_formatting(params: types.DocumentRangeFormattingParams) -> list[types.TextEdit]:
        doc = server.analysis(params.text_document.uri)
        return formatting.format_range(session, doc, params.range)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]
        ),
    )
    @guarded("codeAction")
    async def on_code_action(params: types.CodeActionParams) -> list[types.CodeAction]:
        await server.wait_for_index()
        return code_actions.code_actions(session, server.analysis(params.text_document.uri), params)

    @server.feature(PROVENANCE)
    @guarded("provenance")
    async def on_provenance(params: Any) -> dict[str, Any]:
        await server.wait_for_index()
        return await provenance.provenance_request(server, params)

    @server.feature(PROFILE)
    @guarded("profile")
    async def on_profile(params: Any) -> dict[str, Any]:
        await server.wait_for_index()
        return await profile_view.profile_request(server, params)

    @server.feature(AFFECTED_OBJECTS)
    @guarded("affectedObjects")
    async def on_affected(params: Any) -> dict[str, Any]:
        await server.wait_for_index()
        return affected_request(server.site, params)

    @server.feature(types.SHUTDOWN)
    def on_shutdown(_params: Any) -> None:
        server.site.shutdown()
        server.publisher.shutdown()
        server.compiles.shutdown()

    return server
