/** The `pan.*` settings of the current workspace. */
import * as vscode from 'vscode';
import { PanSettings, readSettings } from './settings';

export function currentSettings(): PanSettings {
  return readSettings(vscode.workspace.getConfiguration('pan'));
}
