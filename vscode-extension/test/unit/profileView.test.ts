import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeNode, PROFILE_METHOD, ProfileAnswer, ProfileNode, ProfileTreeProvider } from '../../src/profileView';
import { TreeItemCollapsibleState } from './mocks/vscode';

const range = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 20 } });
const HOSTNAME: ProfileNode = {
  name: 'hostname', path: '/system/network/hostname', kind: 'string', value: "'wn'", size: 0,
  origin: { uri: 'file:///site/standard/os/network/config.pan', range: range(10), template: 'os/network/config', kind: 'assign' },
};
const NETWORK: ProfileNode = { name: 'network', path: '/system/network', kind: 'dict', value: null, size: 7, origin: null };
const PORT: ProfileNode = {
  name: 'port', path: '/node/port', kind: 'long', value: '22', size: 0,
  origin: { uri: 'file:///site/schema.pan', range: range(12), template: 'port_number', kind: 'default' },
};

describe('profile view', () => {
  it('shows values, sizes and where each node was set', () => {
    assert.deepEqual(describeNode(HOSTNAME), {
      label: 'hostname', description: "'wn'", expandable: false,
      tooltip: "/system/network/hostname (string)\nset in os/network/config:11",
    });
    assert.deepEqual(describeNode(NETWORK), {
      label: 'network', description: '{7}', expandable: true, tooltip: '/system/network (dict)\nno statement recorded',
    });
    assert.equal(describeNode({ ...NETWORK, kind: 'list', size: 0 }).description, '[0]');
    assert.equal(describeNode({ ...NETWORK, kind: 'list', size: 0 }).expandable, false);
    assert.match(describeNode(PORT).tooltip, /type default in port_number:13/);
  });

  it('asks panls for one branch at a time and opens the statement of a node', async () => {
    const requests: { method: string; params: unknown }[] = [];
    const answer: ProfileAnswer = { object: 'file:///site/wn.pan', path: '/', error: null, exists: true, children: [NETWORK], more: 0 };
    const client = { sendRequest: async (method: string, params: unknown) => { requests.push({ method, params }); return answer; } };
    const provider = new ProfileTreeProvider(() => client as never, () => 'file:///site/machine-types/wn.pan');
    assert.deepEqual(await provider.getChildren(), [NETWORK]);
    await provider.getChildren(NETWORK);
    assert.deepEqual(requests, [
      { method: PROFILE_METHOD, params: { uri: 'file:///site/machine-types/wn.pan', path: '/' } },
      { method: PROFILE_METHOD, params: { uri: 'file:///site/machine-types/wn.pan', path: '/system/network' } },
    ]);
    const item = provider.getTreeItem(HOSTNAME);
    assert.equal(item.collapsibleState, TreeItemCollapsibleState.None);
    assert.equal(item.command?.command, 'vscode.open');
    assert.equal(String(item.command?.arguments?.[0]), 'file:///site/standard/os/network/config.pan');
    assert.equal(provider.getTreeItem(NETWORK).collapsibleState, TreeItemCollapsibleState.Collapsed);
  });

  it('shows nothing without a server or a pan editor, and survives a failed request', async () => {
    assert.deepEqual(await new ProfileTreeProvider(() => undefined, () => 'file:///x.pan').getChildren(), []);
    const failing = { sendRequest: async () => { throw new Error('no object template includes this template'); } };
    assert.deepEqual(await new ProfileTreeProvider(() => failing as never, () => 'file:///x.pan').getChildren(), []);
  });
});
