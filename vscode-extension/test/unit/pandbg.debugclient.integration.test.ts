/**
 * pandbg end to end under @vscode/debugadapter-testsupport's DebugClient, the DAP test client
 * VS Code's own adapters are tested with: a breakpoint in an included template, stepping in and
 * out, scopes and variables (the profile tree), evaluate, the run to completion writing the
 * profile, and a launch on a missing template answered by an error with the adapter still up.
 * Uses the interpreter in $PAN_PYTHON or the repository's .venv; skipped without one.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import { DebugProtocol } from '@vscode/debugprotocol';
import { env, NO_PYTHON, repo, usablePython } from './pythonTools';

const fixtures = join(repo, 'tests', 'pandbg', 'fixtures');
const THREAD = 1;

/** The 1-based line of the first line of fixture `name` containing `marker`. */
function lineOf(name: string, marker: string): number {
  const index = readFileSync(join(fixtures, name), 'utf8').split('\n').findIndex((line) => line.includes(marker));
  assert.ok(index >= 0, `${marker} not in ${name}`);
  return index + 1;
}

/** The adapter's stack as [frame name, file name, line], top first. */
async function stack(dc: DebugClient): Promise<[string, string, number][]> {
  const response = await dc.stackTraceRequest({ threadId: THREAD });
  return response.body.stackFrames.map((f) => [f.name, basename(f.source?.path ?? ''), f.line]);
}

/** Send a step/continue request and wait for the stop it causes. */
async function stopAfter(dc: DebugClient, request: Promise<unknown>, reason = 'step'): Promise<void> {
  const [stopped] = await Promise.all([dc.waitForEvent('stopped'), request]);
  assert.equal((stopped as DebugProtocol.StoppedEvent).body.reason, reason);
}

async function variables(dc: DebugClient, reference: number): Promise<DebugProtocol.Variable[]> {
  return (await dc.variablesRequest({ variablesReference: reference })).body.variables;
}

const python = usablePython('pandbg.adapter');

describe('pandbg under the DebugClient of @vscode/debugadapter-testsupport', { skip: python ? false : NO_PYTHON, timeout: 120000 }, () => {
  let dc: DebugClient | undefined;

  /** Start `python -mpandbg` (one argument: DebugClient passes a single executable argument). */
  async function startAdapter(): Promise<DebugClient> {
    dc = new DebugClient(python as string, '-mpandbg', 'pan', { cwd: repo, env }, true);
    dc.defaultTimeout = 30000; // a shared 2-core machine: Python startup and a compile take a while
    await dc.start();
    return dc;
  }

  afterEach(async () => {
    await dc?.stop();
    dc = undefined;
  });

  it('stops in an included template, steps in and out, shows the profile, evaluates and writes the profile', async () => {
    const client = await startAdapter();
    const outputDir = mkdtempSync(join(tmpdir(), 'pandbg-dc-out-'));
    const base = join(fixtures, 'site', 'base.pan');
    const mtuLine = lineOf('site/base.pan', "mtu' = 1500");
    const includeLine = lineOf('node1.pan', "include 'site/base'");
    const launchArgs = { program: join(fixtures, 'node1.pan'), includePath: [fixtures], outputDir, formats: ['json'] };

    await client.hitBreakpoint(launchArgs, { path: base, line: mtuLine });
    assert.deepEqual(await stack(client), [
      ['template site/base', 'base.pan', mtuLine],
      ['object template node1', 'node1.pan', includeLine],
    ]);

    await stopAfter(client, client.stepOutRequest({ threadId: THREAD }));
    assert.deepEqual(await stack(client), [['object template node1', 'node1.pan', lineOf('node1.pan', 'variable GREETING')]]);

    const callLine = lineOf('node1.pan', 'add_packages(list');
    const placed = await client.setBreakpointsRequest({ source: { path: join(fixtures, 'node1.pan') }, breakpoints: [{ line: callLine }] });
    assert.equal(placed.body.breakpoints[0].verified, true);
    await stopAfter(client, client.continueRequest({ threadId: THREAD }), 'breakpoint');
    assert.deepEqual(await stack(client), [['object template node1', 'node1.pan', callLine]]);

    await stopAfter(client, client.stepInRequest({ threadId: THREAD }));
    const inFunction = await stack(client);
    assert.deepEqual(inFunction.map(([name, file]) => [name, file]), [
      ['function add_packages', 'base.pan'],
      ['object template node1', 'node1.pan'],
    ]);
    assert.equal(inFunction[0][2], lineOf('site/base.pan', 'result = dict()'));

    const frameId = (await client.stackTraceRequest({ threadId: THREAD })).body.stackFrames[0].id;
    const scopes = (await client.scopesRequest({ frameId })).body.scopes;
    assert.deepEqual(scopes.map((s) => s.name), ['Locals', 'Globals', 'Profile']);
    const argv = (await variables(client, scopes[0].variablesReference)).find((v) => v.name === 'ARGV');
    assert.equal(argv?.value, '[ [ "a", "b" ] ]');
    const globals = await variables(client, scopes[1].variablesReference);
    assert.equal(globals.find((v) => v.name === 'GREETING')?.value, '"hello"');
    const system = (await variables(client, scopes[2].variablesReference)).find((v) => v.name === 'system');
    assert.ok(system && system.variablesReference > 0, 'the profile shows /system as an expandable dict');
    const children = await variables(client, system.variablesReference);
    assert.equal(children.find((v) => v.name === 'hostname')?.value, '"node1"');
    const network = children.find((v) => v.name === 'network');
    assert.ok(network && network.variablesReference > 0);
    // site/base wrote mtu 1500 before the breakpoint; node1's own 9000 comes later
    assert.equal((await variables(client, network.variablesReference)).find((v) => v.name === 'mtu')?.value, '1500');

    const evaluated = await client.evaluateRequest({ expression: 'length(ARGV[0]) + 40', frameId, context: 'repl' });
    assert.equal(evaluated.body.result, '42');
    await assert.rejects(client.evaluateRequest({ expression: '1 +', frameId, context: 'repl' }), /./);

    await stopAfter(client, client.stepOutRequest({ threadId: THREAD }));
    // out of the function and past the rest of its statement: the next statement of node1
    assert.deepEqual(await stack(client), [['object template node1', 'node1.pan', lineOf('node1.pan', "sshd' = create")]]);

    await client.setBreakpointsRequest({ source: { path: join(fixtures, 'node1.pan') }, breakpoints: [] });
    await Promise.all([client.waitForEvent('terminated'), client.continueRequest({ threadId: THREAD })]);
    const profile = JSON.parse(readFileSync(join(outputDir, 'node1.json'), 'utf8'));
    assert.equal(profile.system.hostname, 'node1');
    assert.equal(profile.system.network.mtu, 9000);
    assert.deepEqual(profile.software.packages, { a: 0, b: 1 });
  });

  it('answers a launch on a missing template with an error and keeps serving requests', async () => {
    const client = await startAdapter();
    const initialized = await client.initializeRequest();
    assert.equal(initialized.body?.supportsConfigurationDoneRequest, true);
    const missing = join(fixtures, 'no-such-object.pan');
    await assert.rejects(client.launchRequest({ program: missing, includePath: [fixtures] } as DebugProtocol.LaunchRequestArguments), (error: Error) => {
      assert.match(error.message, /no-such-object\.pan/);
      return true;
    });
    const threads = await client.threadsRequest();
    assert.equal(threads.success, true);
    assert.equal(threads.body.threads.length, 1);
    const placed = await client.setBreakpointsRequest({ source: { path: join(fixtures, 'node1.pan') }, breakpoints: [{ line: 8 }] });
    assert.equal(placed.success, true);
  });
});
