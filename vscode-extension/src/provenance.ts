/** "Where does this value come from?": the custom `pan/provenance` request of panls. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RESTRICTED_COMPILE } from './trust';

export const PROVENANCE_METHOD = 'pan/provenance';

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** One assignment that wrote (or deleted) the path, as panls reports it. */
export interface ProvenanceWrite {
  order: number;
  path: string;
  value?: string;
  template?: string;
  deleted?: boolean;
  kind?: string;
  uri: string;
  range: LspRange;
}

export interface ProvenanceResult {
  object?: string;
  path: string;
  value?: string | null;
  error?: string | null;
  writes: ProvenanceWrite[];
}

export interface ProvenanceParams {
  uri: string;
  position: { line: number; character: number };
  object?: string;
}

const METHOD_NOT_FOUND = -32601;

/** A user-facing explanation of a failed request (no server, old server, or the server's reason). */
export function provenanceErrorMessage(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (code === METHOD_NOT_FOUND) {
    return 'Pan: this version of panls does not answer "Where does this value come from?" (pan/provenance).';
  }
  const message = (error as { message?: unknown })?.message;
  return `Pan: cannot tell where this value comes from: ${typeof message === 'string' ? message : String(error)}`;
}

/** Quick-pick rows for the writes, in the order they happened. */
export function describeWrites(result: ProvenanceResult): { label: string; description: string; write: ProvenanceWrite }[] {
  const inOrder = [...result.writes].sort((a, b) => a.order - b.order);
  return inOrder.map((write, index) => ({
    label: `${index + 1}. ${write.deleted ? 'deleted' : write.value ?? ''}`.trim(),
    description: `${write.path} in ${write.template ?? write.uri}:${write.range.start.line + 1}`,
    write,
  }));
}

/** Ask panls where the path under the cursor comes from (undefined, with a message, when it cannot). */
async function askProvenance(
  client: LanguageClient | undefined, objectUri: string | undefined, trusted: boolean,
): Promise<{ result: ProvenanceResult; editor: vscode.TextEditor } | undefined> {
  if (!trusted) {
    // Answering compiles the object template.
    void vscode.window.showWarningMessage(RESTRICTED_COMPILE);
    return undefined;
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'pan') {
    void vscode.window.showInformationMessage('Pan: put the cursor on a path in a pan template.');
    return undefined;
  }
  if (!client) {
    void vscode.window.showWarningMessage('Pan: the language server is not running; see the "Pan" output channel.');
    return undefined;
  }
  const params: ProvenanceParams = {
    uri: editor.document.uri.toString(),
    position: { line: editor.selection.active.line, character: editor.selection.active.character },
  };
  if (objectUri && objectUri !== params.uri) {
    params.object = objectUri;
  }
  try {
    return { result: await client.sendRequest<ProvenanceResult>(PROVENANCE_METHOD, params), editor };
  } catch (err) {
    void vscode.window.showWarningMessage(provenanceErrorMessage(err));
    return undefined;
  }
}

export async function showProvenance(client: LanguageClient | undefined, objectUri: string | undefined, trusted: boolean): Promise<void> {
  const asked = await askProvenance(client, objectUri, trusted);
  if (!asked) {
    return;
  }
  const { result } = asked;
  const items = describeWrites(result);
  if (items.length === 0) {
    const detail = result.error ? ` (${result.error})` : '';
    void vscode.window.showInformationMessage(`Pan: nothing writes ${result.path}${detail}.`);
    return;
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: `${result.path} = ${result.value ?? 'undefined'}`,
    placeHolder: 'Assignments that produced this value, in order',
  });
  if (picked) {
    const { start, end } = picked.write.range;
    await vscode.window.showTextDocument(vscode.Uri.parse(picked.write.uri), {
      selection: new vscode.Range(start.line, start.character, end.line, end.character),
    });
  }
}

/** The writes as locations, in the order they happened. */
export function writeLocations(result: ProvenanceResult): vscode.Location[] {
  return [...result.writes].sort((a, b) => a.order - b.order).map((write) => {
    const { start, end } = write.range;
    return new vscode.Location(vscode.Uri.parse(write.uri), new vscode.Range(start.line, start.character, end.line, end.character));
  });
}

/**
 * "Find writes of this path": every statement that wrote the path under the cursor, its parents
 * or below it, in the compile of the object template (or of the host including the template that
 * was used last), in the references view.
 */
export async function findWrites(client: LanguageClient | undefined, objectUri: string | undefined, trusted: boolean): Promise<void> {
  const asked = await askProvenance(client, objectUri, trusted);
  if (!asked) {
    return;
  }
  const locations = writeLocations(asked.result);
  if (locations.length === 0) {
    void vscode.window.showInformationMessage(`Pan: nothing writes ${asked.result.path}.`);
    return;
  }
  await vscode.commands.executeCommand('editor.action.showReferences', asked.editor.document.uri, asked.editor.selection.active, locations);
}
