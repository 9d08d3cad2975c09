/**
 * The site check of panls (`pan/siteStatus`, see panls/features/site_check.py): how many hosts
 * fail, shown as a facet of the language status ("3 of 10 hosts fail"), and the command that
 * lists the failing hosts to open one.
 */
import * as vscode from 'vscode';
import { FacetSeverity, StatusFacet } from './languageStatus';

export const SITE_STATUS = 'pan/siteStatus';
export const SITE_FACET_ORDER = 40;

export interface FailingHost {
  name: string;
  uri: string;
  message?: string | null;
}

export interface SiteStatus {
  objects: number;
  checked: number;
  failed: number;
  failing: FailingHost[];
  pending: number;
  notChecked: number;
  skipped?: number;
  text: string;
}

/** The language status facet of a site status: an error while hosts fail, busy while checking. */
export function siteFacet(status: SiteStatus): StatusFacet {
  const severity: FacetSeverity = status.failed > 0 ? 'error' : 'information';
  const names = status.failing.map((host) => host.name);
  const shown = names.slice(0, 5).join(', ') + (status.failed > 5 ? ` and ${status.failed - 5} more` : '');
  const detail = status.failed > 0 ? `failing: ${shown} ("Pan: Show the hosts that fail")` : undefined;
  return { id: 'site', text: status.text, detail, severity, busy: status.pending > 0, order: SITE_FACET_ORDER };
}

/** Quick-pick rows of the failing hosts, with the first line of each one's error. */
export function failingHostItems(status: SiteStatus | undefined): { label: string; description: string; uri: string }[] {
  return (status?.failing ?? []).map((host) => ({ label: host.name, description: host.message ?? '', uri: host.uri }));
}

export async function showFailingHosts(status: SiteStatus | undefined): Promise<void> {
  const items = failingHostItems(status);
  if (items.length === 0) {
    void vscode.window.showInformationMessage(status ? `Pan: ${status.text}.` : 'Pan: no host has been checked yet.');
    return;
  }
  const picked = await vscode.window.showQuickPick(items, { title: status?.text, placeHolder: 'Open the object template of a host' });
  if (picked) {
    await vscode.window.showTextDocument(vscode.Uri.parse(picked.uri));
  }
}
