/**
 * SCDB clusters: panls takes the include path of one (`cluster.build.properties`, see
 * panc/build/scdb.py) when `pan.includePath` is empty, and says which in `pan/indexReady`
 * along with the others of the workspace; "Pan: Choose the SCDB cluster" picks another.
 */
import * as path from 'path';
import * as vscode from 'vscode';

export interface ClusterNotice {
  cluster?: string | null;
  clusters?: string[];
}

/** Quick-pick rows: each cluster by its path below `clusters/`, the one in use marked. */
export function clusterItems(notice: ClusterNotice | undefined): { label: string; description: string; directory: string }[] {
  return (notice?.clusters ?? []).map((directory) => {
    const below = directory.split(`${path.sep}clusters${path.sep}`).pop() ?? directory;
    return { label: below, description: directory === notice?.cluster ? 'in use' : '', directory };
  });
}

export async function chooseCluster(notice: ClusterNotice | undefined): Promise<void> {
  const items = clusterItems(notice);
  if (items.length === 0) {
    void vscode.window.showInformationMessage('Pan: no SCDB cluster (cfg/clusters/*/cluster.build.properties) in this workspace.');
    return;
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder: 'The SCDB cluster whose include path panls uses' });
  if (!picked) {
    return;
  }
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(picked.directory));
  const value = folder ? path.relative(folder.uri.fsPath, picked.directory) : picked.directory;
  await vscode.workspace.getConfiguration('pan').update('cluster', value, vscode.ConfigurationTarget.Workspace);
}
