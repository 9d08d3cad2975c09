/**
 * The extension's messages against the real language server: the settings payload (as
 * initializationOptions and workspace/didChangeConfiguration) and the pan/provenance request.
 * Runs `python -m panls` from the repository with the interpreter in $PAN_PYTHON or the
 * repository's .venv (what .ci/run creates); skipped when neither has pan-tools' dependencies.
 */
import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { PROVENANCE_METHOD, ProvenanceResult } from '../../src/provenance';
import { readSettings, serverSettings } from '../../src/settings';
import { env, NO_PYTHON, repo, usablePython } from './pythonTools';

const python = usablePython('panls.server');

describe('panls speaks what the extension sends', { skip: python ? false : NO_PYTHON, timeout: 120000 }, () => {
  let server: ChildProcess;
  let connection: MessageConnection;
  const workspace = mkdtempSync(join(tmpdir(), 'panls-ws-'));
  const file = join(workspace, 'node.pan');
  const uri = `file://${file}`;
  const text = "object template node;\n'/a' = 1;\n'/a' = 2;\n";

  before(async () => {
    writeFileSync(file, text);
    server = spawn(python as string, ['-m', 'panls'], { cwd: repo, env, stdio: ['pipe', 'pipe', 'inherit'] });
    connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.listen();
    const settings = serverSettings(readSettings({ get: <T>(key: string) => ({ includePath: ['.'] } as Record<string, unknown>)[key] as T }));
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: `file://${workspace}`,
      workspaceFolders: [{ uri: `file://${workspace}`, name: 'ws' }],
      capabilities: {},
      initializationOptions: settings,
    });
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'pan', version: 1, text } });
  });

  after(async () => {
    try {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
    } finally {
      connection.dispose();
      server.kill();
    }
  });

  it('accepts the settings as workspace/didChangeConfiguration without restarting', async () => {
    const payload = serverSettings(readSettings({ get: <T>(key: string) => ({ 'lint.ignore': ['LP004'], 'compile.onType': false } as Record<string, unknown>)[key] as T }));
    await connection.sendNotification('workspace/didChangeConfiguration', { settings: payload });
    assert.equal(server.exitCode, null);
  });

  it('answers pan/provenance {uri, position} with the writes the extension lists', async () => {
    const result = await connection.sendRequest<ProvenanceResult>(PROVENANCE_METHOD, { uri, position: { line: 2, character: 2 } });
    assert.equal(result.path, '/a');
    assert.deepEqual(result.writes.map((w) => w.range.start.line), [1, 2]);
    assert.ok(result.writes[0].order < result.writes[1].order);
    assert.ok(result.writes.every((w) => w.uri.endsWith('node.pan')));
  });

  it('rejects a position outside any path with an error the extension can show', async () => {
    await assert.rejects(
      connection.sendRequest(PROVENANCE_METHOD, { uri, position: { line: 0, character: 0 } }),
      (err: { message?: string }) => typeof err.message === 'string' && err.message.length > 0,
    );
  });
});
