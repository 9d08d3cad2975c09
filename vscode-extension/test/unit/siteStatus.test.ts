import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { chooseCluster, clusterItems } from '../../src/cluster';
import { summarize, serverFacet } from '../../src/languageStatus';
import { failingHostItems, showFailingHosts, SiteStatus, siteFacet } from '../../src/siteStatus';
import { recorded, resetRecordedAndSettings, setWorkspaceFolder, settingsStore } from './mocks/vscode';

const FAILING: SiteStatus = {
  objects: 10, checked: 10, failed: 3, pending: 0, notChecked: 0, text: '3 of 10 hosts fail',
  failing: [
    { name: 'wn.example.org', uri: 'file:///site/profiles/wn.example.org.pan', message: 'division by zero' },
    { name: 'wn2.example.org', uri: 'file:///site/profiles/wn2.example.org.pan', message: 'division by zero' },
    { name: 'wn3.example.org', uri: 'file:///site/profiles/wn3.example.org.pan', message: null },
  ],
};

describe('site status', () => {
  beforeEach(() => resetRecordedAndSettings());

  it('is a facet of the language status: an error while hosts fail, busy while checking', () => {
    const facet = siteFacet(FAILING);
    assert.deepEqual([facet.text, facet.severity, facet.busy], ['3 of 10 hosts fail', 'error', false]);
    assert.match(facet.detail ?? '', /failing: wn\.example\.org, wn2\.example\.org, wn3\.example\.org/);
    assert.equal(summarize([serverFacet('running'), facet]).text, 'panls · 3 of 10 hosts fail');
    const checking = siteFacet({ ...FAILING, failed: 0, failing: [], pending: 3, text: 'checking 3 hosts; 0 of 10 hosts fail' });
    assert.deepEqual([checking.severity, checking.busy, checking.detail], ['information', true, undefined]);
  });

  it('lists the failing hosts with their error and opens the one picked', async () => {
    assert.deepEqual(failingHostItems(FAILING).map((i) => [i.label, i.description]), [
      ['wn.example.org', 'division by zero'], ['wn2.example.org', 'division by zero'], ['wn3.example.org', ''],
    ]);
    await showFailingHosts(FAILING);
    const opened = recorded.commands.find((c) => c.command === 'showTextDocument');
    assert.equal(String(opened?.args[0]), 'file:///site/profiles/wn.example.org.pan');
    await showFailingHosts(undefined);
    assert.equal(recorded.messages.at(-1)?.text, 'Pan: no host has been checked yet.');
    await showFailingHosts({ ...FAILING, failed: 0, failing: [], text: '0 of 10 hosts fail' });
    assert.equal(recorded.messages.at(-1)?.text, 'Pan: 0 of 10 hosts fail.');
  });
});

describe('SCDB clusters', () => {
  beforeEach(() => resetRecordedAndSettings());

  it('offers the clusters of the workspace and sets pan.cluster to the one picked', async () => {
    setWorkspaceFolder('/scdb');
    const notice = { cluster: '/scdb/cfg/clusters/grid/umd4', clusters: ['/scdb/cfg/clusters/grid/umd4', '/scdb/cfg/clusters/misc/nagios'] };
    assert.deepEqual(clusterItems(notice).map((i) => [i.label, i.description]), [['grid/umd4', 'in use'], ['misc/nagios', '']]);
    await chooseCluster(notice);
    assert.equal(settingsStore['pan.cluster'], 'cfg/clusters/grid/umd4');
    await chooseCluster({ clusters: [] });
    assert.match(recorded.messages.at(-1)?.text ?? '', /no SCDB cluster/);
  });
});
