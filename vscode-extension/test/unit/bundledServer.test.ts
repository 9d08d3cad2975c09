/**
 * The packaged extension runs by itself: the .vsix is unpacked into a fresh directory, the
 * extension (its real code, `vscode` mocked) finds a Python 3.11+ on PATH with nothing of
 * pan-tools installed, and the bundled panls it starts, from another fresh directory with a
 * fresh HOME, publishes diagnostics; the bundled panc compiles. Nothing is written into the
 * extension or the workspace. Needs PAN_VSIX (ci.sh sets it after `vsce package`).
 */
import assert from 'node:assert/strict';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { activate, deactivate } from '../../src/extension';
import { clientEvents } from './mocks/languageclient';
import { resetRecordedAndSettings, setWorkspaceFolder, Uri } from './mocks/vscode';

const vsix = process.env.PAN_VSIX;
/** Debian's own python3 (3.11 on bookworm): an interpreter without pan-tools or pygls. */
const SYSTEM_PATH = existsSync('/usr/bin/python3') ? '/usr/bin:/bin' : process.env.PATH ?? '';

interface Published {
  uri: string;
  diagnostics: { message: string; severity?: number; range: { start: { line: number } } }[];
}

function fresh(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Every file below `dir`, relative. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name).slice(dir.length + 1))
    .sort();
}

describe('the packaged extension', { skip: vsix ? false : 'PAN_VSIX not set (ci.sh sets it after packaging)', timeout: 180000 }, () => {
  const unpacked = fresh('vsix-');
  const extension = join(unpacked, 'extension');
  const storage = fresh('storage-');
  const home = fresh('home-');
  const workspace = fresh('ws-');
  const broken = join(workspace, 'broken.pan');
  const node = join(workspace, 'node.pan');
  const env = { PATH: SYSTEM_PATH, HOME: home, XDG_CACHE_HOME: join(home, '.cache') };
  let command = '';
  let args: string[] = [];
  let initializationOptions: unknown;
  let server: ChildProcess | undefined;
  let connection: MessageConnection | undefined;
  const savedPath = process.env.PATH;

  before(async () => {
    const unzip = spawnSync('python3', ['-I', '-m', 'zipfile', '-e', vsix as string, unpacked], { encoding: 'utf8' });
    assert.equal(unzip.status, 0, unzip.stderr);
    writeFileSync(broken, "unique template broken;\n'/a' = (1;\n");
    writeFileSync(node, "object template node;\n'/system/hostname' = 'node01';\n");
    resetRecordedAndSettings();
    setWorkspaceFolder(workspace);
    clientEvents.length = 0;
    process.env.PATH = SYSTEM_PATH;
    try {
      await activate({ subscriptions: [], extensionPath: extension, globalStorageUri: Uri.file(storage) } as never);
    } finally {
      process.env.PATH = savedPath;
    }
    const constructed = clientEvents.find((e) => e.event === 'construct')?.detail as
      { serverOptions: { command: string; args: string[] }; initializationOptions: unknown } | undefined;
    assert.ok(constructed, 'the extension started a language client');
    ({ command, args } = constructed.serverOptions);
    initializationOptions = constructed.initializationOptions;
  });

  after(async () => {
    try {
      await connection?.sendRequest('shutdown');
      await connection?.sendNotification('exit');
    } catch {
      // the server may already be gone
    } finally {
      connection?.dispose();
      server?.kill();
      await deactivate();
    }
  });

  it('runs the bundled launcher, isolated, with a Python 3.11+ from PATH that has no pan-tools', () => {
    assert.ok(command.startsWith('/'), command);
    assert.deepEqual(args, ['-I', '-X', `pycache_prefix=${join(storage, 'pycache')}`, join(extension, 'bundled', 'tool', 'pan_tool.py'), 'panls']);
    const alone = spawnSync(command, ['-I', '-c', 'import panls'], { env, encoding: 'utf8' });
    assert.notEqual(alone.status, 0, `${command} must not have pan-tools of its own, or this test proves nothing`);
  });

  it('gets diagnostics from the bundled panls started in a fresh directory', async () => {
    server = spawn(command, args, { cwd: fresh('cwd-'), env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    server.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    const published = new Promise<Published>((resolve) => {
      connection!.onNotification('textDocument/publishDiagnostics', (params: Published) => {
        if (params.uri.endsWith('broken.pan') && params.diagnostics.length > 0) resolve(params);
      });
    });
    connection.listen();
    const uri = Uri.file(workspace).toString();
    await connection.sendRequest('initialize', {
      processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'ws' }], capabilities: {}, initializationOptions,
    });
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: Uri.file(broken).toString(), languageId: 'pan', version: 1, text: readFileSync(broken, 'utf8') },
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no diagnostics; server stderr:\n${stderr}`)), 60000);
    });
    const { diagnostics } = await Promise.race([published, timeout]).finally(() => clearTimeout(timer));
    assert.ok(diagnostics.some((d) => d.severity === 1 && d.range.start.line === 1), JSON.stringify(diagnostics));
  });

  it('compiles with the bundled panc', () => {
    const out = fresh('out-');
    const panc = [...args.slice(0, -1), 'panc', '--formats', 'json', '--output-dir', out, node];
    const run = spawnSync(command, panc, { cwd: workspace, env, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(readFileSync(join(out, 'node.json'), 'utf8')), { system: { hostname: 'node01' } });
  });

  it("writes nothing into the extension or the workspace: bytecode goes to the extension's storage", () => {
    assert.deepEqual(filesBelow(extension).filter((f) => f.includes('__pycache__')), []);
    assert.deepEqual(filesBelow(workspace), ['broken.pan', 'node.pan']);
    const cached = filesBelow(join(storage, 'pycache'));
    assert.ok(cached.some((f) => f.includes(join('bundled', 'libs', 'pygls'))), 'pygls was loaded from the bundle');
  });
});
