/**
 * Workspace Trust. In Restricted Mode (an untrusted workspace) the extension runs no program
 * from the workspace and compiles nothing: no compile-on-type, compile, profile, provenance or
 * debugging. package.json declares this as `capabilities.untrustedWorkspaces` ("limited").
 */
import * as vscode from 'vscode';

export function workspaceTrusted(): boolean {
  return vscode.workspace.isTrusted !== false;
}

/** What compile commands say in Restricted Mode. */
export const RESTRICTED_COMPILE = 'Pan: compiling is disabled in Restricted Mode. Trust this workspace to compile its templates.';
