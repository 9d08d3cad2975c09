/**
 * The "Pan Profile" tree view: the compiled profile of the object template in the active editor
 * (or of the host that includes the template there, the one used last), a branch at a time from
 * panls' `pan/profile` request, each node with its value and the statement that set it; a click
 * opens that statement.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { LspRange } from './provenance';

export const PROFILE_METHOD = 'pan/profile';

export interface ProfileOrigin {
  uri: string;
  range: LspRange;
  template: string;
  kind: string;
}

export interface ProfileNode {
  name: string;
  path: string;
  kind: string;
  value: string | null;
  size: number;
  origin: ProfileOrigin | null;
}

export interface ProfileAnswer {
  object: string;
  path: string;
  error: string | null;
  exists: boolean;
  children: ProfileNode[];
  more: number;
}

/** What the tree shows for one node (pure: tested without VS Code). */
export function describeNode(node: ProfileNode): { label: string; description: string; tooltip: string; expandable: boolean } {
  const container = node.kind === 'dict' || node.kind === 'list';
  const size = node.kind === 'dict' ? `{${node.size}}` : `[${node.size}]`;
  const origin = node.origin
    ? `${node.origin.kind === 'default' ? 'type default' : 'set'} in ${node.origin.template}:${node.origin.range.start.line + 1}`
    : 'no statement recorded';
  return {
    label: node.name,
    description: container ? size : node.value ?? '',
    tooltip: `${node.path} (${node.kind})\n${origin}`,
    expandable: container && node.size > 0,
  };
}

export class ProfileTreeProvider implements vscode.TreeDataProvider<ProfileNode> {
  private readonly changed = new vscode.EventEmitter<ProfileNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** The object the last answer was about, and its error (shown as the view's message). */
  lastAnswer: ProfileAnswer | undefined;

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly documentUri: () => string | undefined,
  ) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: ProfileNode): vscode.TreeItem {
    const shown = describeNode(node);
    const item = new vscode.TreeItem(
      shown.label,
      shown.expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.description = shown.description;
    item.tooltip = shown.tooltip;
    item.id = node.path;
    if (node.origin) {
      const { start, end } = node.origin.range;
      item.command = {
        title: 'Go to the statement that set this value',
        command: 'vscode.open',
        arguments: [vscode.Uri.parse(node.origin.uri), { selection: new vscode.Range(start.line, start.character, end.line, end.character) }],
      };
    }
    return item;
  }

  async getChildren(node?: ProfileNode): Promise<ProfileNode[]> {
    const client = this.client();
    const uri = this.documentUri();
    if (!client || !uri) {
      return [];
    }
    try {
      const answer = await client.sendRequest<ProfileAnswer>(PROFILE_METHOD, { uri, path: node?.path ?? '/' });
      this.lastAnswer = answer;
      return answer?.children ?? [];
    } catch {
      return [];
    }
  }
}

/** The view, following the active pan editor and refreshed when a pan document is saved. */
export function registerProfileView(client: () => LanguageClient | undefined): vscode.Disposable[] {
  let documentUri: string | undefined;
  const provider = new ProfileTreeProvider(client, () => documentUri);
  const view = vscode.window.createTreeView('pan.profile', { treeDataProvider: provider });
  const follow = (editor: vscode.TextEditor | undefined) => {
    if (editor?.document.languageId === 'pan' && editor.document.uri.toString() !== documentUri) {
      documentUri = editor.document.uri.toString();
      provider.refresh();
    }
  };
  follow(vscode.window.activeTextEditor);
  return [
    view,
    vscode.window.onDidChangeActiveTextEditor(follow),
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (document.languageId === 'pan') {
        provider.refresh();
      }
    }),
    vscode.commands.registerCommand('pan.refreshProfileView', () => provider.refresh()),
  ];
}
