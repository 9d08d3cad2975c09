/**
 * The "Pan" language status item (the `{}` in the status bar of a pan file): the state of the
 * language server, the indexing of the include path, the include path in use, Restricted Mode.
 *
 * Each source of news owns one facet; the item shows their summary. A later source (the site
 * check of every host: "3 of 10 hosts fail", siteStatus.ts) adds its own facet with `set()`.
 */
import * as vscode from 'vscode';

export type FacetSeverity = 'information' | 'warning' | 'error';

export interface StatusFacet {
  /** One facet per id; `set` replaces it. */
  id: string;
  /** Shown in the status item, in `order`; omit for facets that only add detail. */
  text?: string;
  /** Shown when the item is hovered. */
  detail?: string;
  severity: FacetSeverity;
  /** A long-running activity (the item shows a spinner). */
  busy?: boolean;
  order: number;
}

export interface StatusView {
  text: string;
  detail: string;
  severity: FacetSeverity;
  busy: boolean;
}

const RANK: Record<FacetSeverity, number> = { information: 0, warning: 1, error: 2 };

/** The item's content: texts joined in order, details likewise, the worst severity, busy if any is. */
export function summarize(facets: Iterable<StatusFacet>): StatusView {
  const sorted = [...facets].sort((a, b) => a.order - b.order);
  const worst = sorted.reduce<FacetSeverity>((acc, f) => (RANK[f.severity] > RANK[acc] ? f.severity : acc), 'information');
  return {
    text: sorted.map((f) => f.text).filter((t): t is string => !!t).join(' · ') || 'Pan',
    detail: sorted.map((f) => f.detail).filter((d): d is string => !!d).join(' · '),
    severity: worst,
    busy: sorted.some((f) => f.busy),
  };
}

/** Facet order of the extension's own sources. */
export const FACET_ORDER = { trust: 0, server: 10, index: 20, includePath: 30 } as const;

/** `pan/indexStarted` and `pan/indexReady` of panls (see panls/server.py). */
export interface IndexNotice {
  includePath?: string[];
  files?: number;
  seconds?: number;
}

/** The server facet for a state of the language client. */
export function serverFacet(state: 'starting' | 'running' | 'stopped' | 'failed', detail?: string): StatusFacet {
  const texts = { starting: 'panls starting', running: 'panls', stopped: 'panls stopped', failed: 'panls failed' };
  const severity: FacetSeverity = state === 'failed' ? 'error' : state === 'stopped' ? 'warning' : 'information';
  return { id: 'server', text: texts[state], detail, severity, busy: state === 'starting', order: FACET_ORDER.server };
}

/** Indexing in progress, or done with the number of templates. */
export function indexFacet(notice: IndexNotice, done: boolean): StatusFacet {
  if (!done) {
    return { id: 'index', text: 'indexing…', severity: 'information', busy: true, order: FACET_ORDER.index };
  }
  const files = notice.files ?? 0;
  const templates = `${files} template${files === 1 ? '' : 's'}`;
  const seconds = notice.seconds === undefined ? '' : ` in ${notice.seconds.toFixed(1)} s`;
  return {
    id: 'index', text: templates, detail: `indexed ${templates}${seconds}`,
    severity: 'information', order: FACET_ORDER.index,
  };
}

export function includePathFacet(includePath: string[], cluster?: string): StatusFacet {
  const from = cluster ? ` (SCDB cluster ${cluster})` : '';
  return { id: 'includePath', detail: `include path${from}: ${includePath.join(', ') || '(none)'}`, severity: 'information', order: FACET_ORDER.includePath };
}

export function restrictedFacet(): StatusFacet {
  return {
    id: 'trust', text: 'Restricted Mode', severity: 'warning', order: FACET_ORDER.trust,
    detail: 'Restricted Mode: bundled or user-configured tools only, no compiles',
  };
}

const SEVERITY: Record<FacetSeverity, vscode.LanguageStatusSeverity> = {
  information: vscode.LanguageStatusSeverity.Information,
  warning: vscode.LanguageStatusSeverity.Warning,
  error: vscode.LanguageStatusSeverity.Error,
};

export class PanLanguageStatus implements vscode.Disposable {
  private readonly facets = new Map<string, StatusFacet>();
  private readonly item = vscode.languages.createLanguageStatusItem('pan.status', { language: 'pan' });

  constructor() {
    this.item.name = 'Pan';
    this.item.command = { title: 'Restart', command: 'pan.restartServer', tooltip: 'Restart the pan language server' };
    this.render();
  }

  set(facet: StatusFacet): void {
    this.facets.set(facet.id, facet);
    this.render();
  }

  delete(id: string): void {
    if (this.facets.delete(id)) {
      this.render();
    }
  }

  /** What the item shows now (for tests and the output channel). */
  get view(): StatusView {
    return summarize(this.facets.values());
  }

  dispose(): void {
    this.item.dispose();
  }

  private render(): void {
    const view = this.view;
    this.item.text = view.text;
    this.item.detail = view.detail;
    this.item.severity = SEVERITY[view.severity];
    this.item.busy = view.busy;
  }
}
