import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { describeWrites, findWrites, provenanceErrorMessage, PROVENANCE_METHOD, ProvenanceResult, showProvenance } from '../../src/provenance';
import { openEditor, recorded, window } from './mocks/vscode';

const RESULT: ProvenanceResult = {
  object: 'file:///ws/node.pan',
  path: '/system/network/hostname',
  value: "'node01'",
  writes: [
    { order: 1, path: '/system/network/hostname', value: "'default'", template: 'site/defaults', uri: 'file:///ws/site/defaults.pan', range: { start: { line: 4, character: 0 }, end: { line: 4, character: 30 } } },
    { order: 2, path: '/system/network', deleted: true, template: 'node', uri: 'file:///ws/node.pan', range: { start: { line: 9, character: 0 }, end: { line: 9, character: 20 } } },
  ],
};

function fakeClient(answer: (method: string, params: unknown) => Promise<unknown>) {
  const calls: { method: string; params: unknown }[] = [];
  return {
    calls,
    sendRequest: (method: string, params: unknown) => {
      calls.push({ method, params });
      return answer(method, params);
    },
  };
}

describe('provenance', () => {
  beforeEach(() => recorded.reset());

  it('describes writes in order with template and 1-based line', () => {
    const shuffled = { ...RESULT, writes: [{ ...RESULT.writes[1], order: 7 }, { ...RESULT.writes[0], order: 0 }] };
    assert.deepEqual(describeWrites(shuffled).map(({ label, description }) => ({ label, description })), [
      { label: "1. 'default'", description: '/system/network/hostname in site/defaults:5' },
      { label: '2. deleted', description: '/system/network in node:10' },
    ]);
  });

  it('explains a server without the request, and passes on the server reason otherwise', () => {
    assert.match(provenanceErrorMessage({ code: -32601, message: 'Method not found' }), /does not answer/);
    assert.equal(provenanceErrorMessage({ code: -32602, message: 'no absolute profile path at this position' }),
      'Pan: cannot tell where this value comes from: no absolute profile path at this position');
  });

  it('sends {uri, position} (plus the last compiled object) and opens the chosen write', async () => {
    openEditor('/ws/site/defaults.pan', 'pan', "'/system/network/hostname' = 'x';", 4, 7);
    const client = fakeClient(async () => RESULT);
    await showProvenance(client as never, 'file:///ws/node.pan', true);
    assert.deepEqual(client.calls, [{
      method: PROVENANCE_METHOD,
      params: { uri: 'file:///ws/site/defaults.pan', position: { line: 4, character: 7 }, object: 'file:///ws/node.pan' },
    }]);
    assert.ok(recorded.commands.some((c) => c.command === 'showTextDocument'));
  });

  it('turns an error response into a warning instead of throwing', async () => {
    openEditor('/ws/node.pan', 'pan');
    const client = fakeClient(async () => { throw Object.assign(new Error('Unhandled method pan/provenance'), { code: -32601 }); });
    await showProvenance(client as never, undefined, true);
    assert.equal(recorded.messages.length, 1);
    assert.equal(recorded.messages[0].level, 'warning');
    assert.match(recorded.messages[0].text, /does not answer/);
  });

  it('says so when nothing writes the path, and when no server runs', async () => {
    openEditor('/ws/node.pan', 'pan');
    await showProvenance(fakeClient(async () => ({ path: '/x', writes: [] })) as never, undefined, true);
    assert.match(recorded.messages[0].text, /nothing writes \/x/);
    await showProvenance(undefined, undefined, true);
    assert.match(recorded.messages[1].text, /language server is not running/);
    window.activeTextEditor = undefined;
    await showProvenance(fakeClient(async () => RESULT) as never, undefined, true);
    assert.match(recorded.messages[2].text, /put the cursor on a path/);
  });

  it('finds the writes of the path under the cursor: the references view, in the order they happened', async () => {
    openEditor('/ws/site/defaults.pan', 'pan', "'/system/network/hostname' = 'x';", 4, 7);
    const shuffled = { ...RESULT, writes: [{ ...RESULT.writes[1], order: 7 }, { ...RESULT.writes[0], order: 0 }] };
    await findWrites(fakeClient(async () => shuffled) as never, undefined, true);
    const shown = recorded.commands.find((c) => c.command === 'editor.action.showReferences');
    assert.ok(shown);
    const [uri, position, locations] = shown.args as [unknown, { line: number; character: number }, { uri: unknown; range: { start: { line: number } } }[]];
    assert.equal(String(uri), 'file:///ws/site/defaults.pan');
    assert.deepEqual([position.line, position.character], [4, 7]);
    assert.deepEqual(locations.map((l) => [String(l.uri), l.range.start.line]), [['file:///ws/site/defaults.pan', 4], ['file:///ws/node.pan', 9]]);
    await findWrites(fakeClient(async () => ({ path: '/x', writes: [] })) as never, undefined, true);
    assert.match(recorded.messages.at(-1)?.text ?? '', /nothing writes \/x/);
  });
});
