import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { includePathFacet, indexFacet, PanLanguageStatus, restrictedFacet, serverFacet, summarize } from '../../src/languageStatus';
import { LanguageStatusSeverity, statusItems } from './mocks/vscode';

describe('summarize', () => {
  it('joins the facets in order, details apart, with the worst severity', () => {
    const view = summarize([includePathFacet(['/ws']), indexFacet({ files: 1, seconds: 0.04 }, true), serverFacet('running', 'bundled pan-tools')]);
    assert.deepEqual(view, {
      text: 'panls · 1 template',
      detail: 'bundled pan-tools · indexed 1 template in 0.0 s · include path: /ws',
      severity: 'information',
      busy: false,
    });
    assert.equal(summarize([restrictedFacet(), serverFacet('starting')]).text, 'Restricted Mode · panls starting');
    assert.equal(summarize([]).text, 'Pan');
  });

  it('takes a facet of another source (a later build summary) without change', () => {
    const builds = { id: 'builds', text: '3 of 10 hosts fail', detail: 'build of site/profiles', severity: 'error' as const, order: 40 };
    const view = summarize([serverFacet('running'), indexFacet({ files: 5 }, true), builds]);
    assert.equal(view.text, 'panls · 5 templates · 3 of 10 hosts fail');
    assert.equal(view.severity, 'error');
  });
});

describe('PanLanguageStatus', () => {
  it('renders into a language status item for pan files, replaced facet by facet', () => {
    const status = new PanLanguageStatus();
    const item = statusItems.get('pan.status')!;
    assert.deepEqual(item.selector, { language: 'pan' });
    assert.equal(item.command?.command, 'pan.restartServer');
    status.set(serverFacet('starting'));
    assert.deepEqual([item.text, item.busy], ['panls starting', true]);
    status.set(serverFacet('failed', 'no Python 3.11'));
    assert.deepEqual([item.text, item.busy, item.severity, item.detail], ['panls failed', false, LanguageStatusSeverity.Error, 'no Python 3.11']);
    status.delete('server');
    assert.equal(item.text, 'Pan');
    status.dispose();
    assert.equal(statusItems.has('pan.status'), false);
  });
});
