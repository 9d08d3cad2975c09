/**
 * The launch configuration the extension resolves, sent to the real pandbg over DAP (stdio):
 * the object template compiles and its profile lands in the resolved output directory.
 * Uses the interpreter in $PAN_PYTHON or the repository's .venv; skipped without one.
 */
import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { resolveLaunchConfig } from '../../src/launchConfig';
import { env, NO_PYTHON, usablePython } from './pythonTools';

/** Just enough of a DAP client: Content-Length framing, requests by seq, a log of events. */
class DapClient {
  private buffer = Buffer.alloc(0);
  private seq = 1;
  private readonly pending = new Map<number, (message: Record<string, unknown>) => void>();
  readonly events: Record<string, unknown>[] = [];
  private waiters: (() => void)[] = [];

  constructor(private readonly child: ChildProcess) {
    child.stdout!.on('data', (chunk: Buffer) => this.receive(chunk));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      if (message.type === 'response') this.pending.get(message.request_seq)?.(message);
      if (message.type === 'event') {
        this.events.push(message);
        this.waiters.forEach((wake) => wake());
      }
    }
  }

  request(command: string, args: unknown = {}): Promise<Record<string, unknown>> {
    const seq = this.seq++;
    const body = JSON.stringify({ seq, type: 'request', command, arguments: args });
    this.child.stdin!.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    return new Promise((done) => this.pending.set(seq, done));
  }

  async event(name: string): Promise<Record<string, unknown>> {
    for (;;) {
      const found = this.events.find((e) => e.event === name);
      if (found) return found;
      await new Promise<void>((wake) => this.waiters.push(wake));
    }
  }
}

const python = usablePython('pandbg.adapter');

describe('pandbg runs the launch configuration the extension resolves', { skip: python ? false : NO_PYTHON, timeout: 120000 }, () => {
  let adapter: ChildProcess | undefined;
  after(() => adapter?.kill());

  it('compiles the active object template and writes its profile into the scratch output directory', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'pandbg-ws-'));
    const outputDir = mkdtempSync(join(tmpdir(), 'pandbg-out-'));
    const program = join(workspace, 'node.pan');
    writeFileSync(program, "object template node;\n'/a' = 1 + 2;\n");
    const resolution = resolveLaunchConfig({}, { path: program, languageId: 'pan' }, [workspace], () => outputDir);
    assert.ok('config' in resolution);
    const config = { ...resolution.config, formats: ['json'] };

    adapter = spawn(python as string, ['-m', 'pandbg'], { cwd: workspace, env, stdio: ['pipe', 'pipe', 'inherit'] });
    const client = new DapClient(adapter);
    const init = await client.request('initialize', { adapterID: 'pan', linesStartAt1: true, columnsStartAt1: true, pathFormat: 'path' });
    assert.equal(init.success, true);
    const launched = client.request('launch', config);
    await client.event('initialized');
    await client.request('configurationDone');
    assert.equal((await launched).success, true);
    await client.event('terminated');
    assert.deepEqual(JSON.parse(readFileSync(join(outputDir, 'node.json'), 'utf8')), { a: 3 });
  });
});
