import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, it } from 'node:test';
import { PancRunner, problemsToDiagnostics, scratchDir } from '../../src/compile';
import { parsePancOutput } from '../../src/pancOutput';
import { ToolLocator } from '../../src/toolLocator';
import {
  Diagnostic, openEditor, recorded, resetRecordedAndSettings, setWorkspaceFolder, settingsStore, Uri, workspace,
} from './mocks/vscode';

/**
 * A stand-in for panc: records its arguments, prints what a real panc printed for an error
 * (or writes the JSON profile into --output-dir) and exits like panc.
 */
function fakePanc(dir: string, mode: 'error' | 'profile'): string {
  const script = join(dir, 'panc');
  const body = mode === 'error'
    ? `printf 'evaluation error [%s:3.8-3.17]\\n[bad] user-initiated error: x\\n>>> call stack trace \\n>>> [%s:3.8-3.17]\\n>>> [lib/caller.pan:5.1-5.20]\\n>>> ====================\\n' "$last" "$last"\nexit 1`
    : 'mkdir -p "$out/site" && printf \'{\\n  "a": 1\\n}\' > "$out/site/node.json"\nexit 0';
  writeFileSync(script, `#!/bin/sh
printf '%s\\n' "$@" >> "${join(dir, 'args.txt')}"
out=""; prev=""; last=""
for a in "$@"; do if [ "$prev" = "--output-dir" ]; then out="$a"; fi; prev="$a"; last="$a"; done
${body}
`);
  chmodSync(script, 0o755);
  return script;
}

/** A workspace folder, and a `pan.toolsPath` whose panc is `fakePanc(mode)`. */
function workspaceWithFakePanc(mode: 'error' | 'profile'): { ws: string; tools: string } {
  const ws = mkdtempSync(join(tmpdir(), 'ws-'));
  const tools = mkdtempSync(join(tmpdir(), 'tools-'));
  fakePanc(tools, mode);
  setWorkspaceFolder(ws);
  settingsStore['pan.toolsPath'] = tools;
  return { ws, tools };
}

const output = { lines: [] as string[], append(s: string) { this.lines.push(s); }, appendLine(s: string) { this.lines.push(`${s}\n`); }, show() {} };

describe('problemsToDiagnostics', () => {
  it('puts each problem on its file (relative to the working directory) with the trace as related locations', () => {
    const problems = parsePancOutput('evaluation error [lib/broken.pan:3.16-3.39]\n[n] user-initiated error: bad\n>>> call stack trace \n>>> [lib/broken.pan:3.16-3.39]\n>>> [n.pan:3.1-3.21]\n>>> ====\n');
    const byFile = problemsToDiagnostics(problems, '/ws/n.pan', '/ws');
    const [diagnostic] = byFile.get(Uri.file('/ws/lib/broken.pan').toString()) as unknown as Diagnostic[];
    assert.equal(diagnostic.message, '[n] user-initiated error: bad');
    assert.deepEqual([diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.character], [2, 15, 39]);
    assert.equal(diagnostic.source, 'panc');
    assert.equal(diagnostic.code, 'evaluation error');
    assert.equal(diagnostic.relatedInformation?.[0].location.uri.fsPath, '/ws/n.pan');
  });

  it('reports problems without a file on the compiled template', () => {
    const byFile = problemsToDiagnostics(parsePancOutput('evaluation error [?:?]\ncannot locate object template named \'x\'\n'), '/ws/x.pan', '/ws');
    assert.deepEqual([...byFile.keys()], [Uri.file('/ws/x.pan').toString()]);
  });
});

describe('PancRunner', () => {
  beforeEach(() => {
    resetRecordedAndSettings();
  });

  it('compiles the active object template with panc and turns its errors into diagnostics', async () => {
    const { ws, tools } = workspaceWithFakePanc('error');
    settingsStore['pan.includePath'] = ['site'];
    const file = join(ws, 'bad.pan');
    writeFileSync(file, 'object template bad;\n');
    const runner = new PancRunner(output as never, new ToolLocator(undefined));
    const result = await runner.compile(file, ['pan', 'dep'], join(ws, 'out'));
    assert.equal(result?.ok, false);
    assert.equal(result?.problems[0].message, '[bad] user-initiated error: x');
    assert.deepEqual(readFileSync(join(tools, 'args.txt'), 'utf8').trim().split('\n'),
      ['--include-path', join(ws, 'site'), '--output-dir', join(ws, 'out'), '--formats', 'pan,dep', file]);
    const entries = (runner as unknown as { diagnostics: { entries: Map<string, Diagnostic[]> } }).diagnostics.entries;
    const diagnostics = entries.get(Uri.file(file).toString());
    assert.equal(diagnostics?.[0].message, '[bad] user-initiated error: x');
    assert.equal(diagnostics?.[0].relatedInformation?.[0].location.uri.fsPath, join(ws, 'lib', 'caller.pan'));
    assert.equal(runner.lastObject?.fsPath, file);
  });

  it('refuses templates that are not object templates', async () => {
    openEditor('/ws/lib.pan', 'pan', 'declaration template lib;\n');
    await new PancRunner(output as never, new ToolLocator(undefined)).compileActive();
    assert.match(recorded.messages[0].text, /lib\.pan is not an object template/);
  });

  it('explains a missing panc instead of failing', async () => {
    settingsStore['pan.toolsPath'] = mkdtempSync(join(tmpdir(), 'empty-'));
    const result = await new PancRunner(output as never, new ToolLocator(undefined)).compile('/ws/x.pan', ['pan'], mkdtempSync(join(tmpdir(), 'out-')));
    assert.equal(result, undefined);
    assert.match(recorded.messages[0].text, /'panc' was not found in pan\.toolsPath/);
  });

  it('shows the compiled profile beside the template and rebuilds it on save', async () => {
    const { ws, tools } = workspaceWithFakePanc('profile');
    const file = join(ws, 'node.pan');
    const text = 'object template site/node;\n\'/a\' = 1;\n';
    writeFileSync(file, text);
    const editor = openEditor(file, 'pan', text);
    (editor.document as unknown as { save: () => Promise<boolean> }).save = async () => true;
    const runner = new PancRunner(output as never, new ToolLocator(undefined));
    await runner.showProfile();
    const profile = join(scratchDir('profile', file), 'site', 'node.json');
    assert.equal(readFileSync(profile, 'utf8'), '{\n  "a": 1\n}');
    assert.ok(recorded.commands.some((c) => c.command === 'showTextDocument'));
    assert.ok(readFileSync(join(tools, 'args.txt'), 'utf8').includes('json'));

    writeFileSync(join(tools, 'args.txt'), '');
    workspace.textDocuments = [{ fileName: profile, languageId: 'json', uri: Uri.file(profile), getText: () => '' }];
    await runner.refreshProfiles();
    assert.ok(readFileSync(join(tools, 'args.txt'), 'utf8').includes(file), 'saving recompiles the open profile');

    writeFileSync(join(tools, 'args.txt'), '');
    await Promise.all([runner.refreshProfiles(), runner.refreshProfiles(), runner.refreshProfiles()]);
    const runs = readFileSync(join(tools, 'args.txt'), 'utf8').split('\n').filter((line) => line === '--output-dir').length;
    assert.equal(runs, 2, 'saves during a rebuild are folded into one more rebuild');
  });
});
