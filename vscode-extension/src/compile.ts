/** "Compile object template" and "Show compiled profile": run panc, report problems, open outputs. */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { currentSettings } from './workspaceSettings';
import { outputFile, pancArgs, resolveIncludeDirs, scratchDir, templateHeader } from './pancCommand';

export { scratchDir };
import { editorRange, PancLocation, parsePancOutput, PancProblem } from './pancOutput';
import { runProcess } from './processes';
import { reportMissingTool, ToolLocator } from './toolLocator';
import { RESTRICTED_COMPILE, workspaceTrusted } from './trust';

export interface CompileResult {
  ok: boolean;
  outputDir: string;
  problems: PancProblem[];
}

function toRange(loc: PancLocation): vscode.Range {
  if (!loc.range) {
    return new vscode.Range(0, 0, 0, 0);
  }
  const { start, end } = editorRange(loc.range);
  return new vscode.Range(start[0], start[1], end[0], end[1]);
}

function resolveFile(file: string, cwd: string): vscode.Uri {
  return vscode.Uri.file(path.isAbsolute(file) ? file : path.join(cwd, file));
}

/** Diagnostics per file; problems without a file are reported on the compiled template. */
export function problemsToDiagnostics(problems: PancProblem[], compiled: string, cwd: string): Map<string, vscode.Diagnostic[]> {
  const byFile = new Map<string, vscode.Diagnostic[]>();
  for (const problem of problems) {
    const loc = problem.location ?? { file: compiled };
    const uri = resolveFile(loc.file, cwd);
    const diagnostic = new vscode.Diagnostic(toRange(loc), problem.message, vscode.DiagnosticSeverity.Error);
    diagnostic.source = 'panc';
    diagnostic.code = `${problem.kind} error`;
    diagnostic.relatedInformation = problem.trace.map(
      (frame) => new vscode.DiagnosticRelatedInformation(new vscode.Location(resolveFile(frame.file, cwd), toRange(frame)), 'called from here'),
    );
    const key = uri.toString();
    byFile.set(key, [...(byFile.get(key) ?? []), diagnostic]);
  }
  return byFile;
}

export class PancRunner implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('panc');
  /** Object template file -> opened profile file, refreshed when a pan file is saved. */
  private readonly profiles = new Map<string, string>();
  /** The object template compiled last (used as the object of provenance requests). */
  lastObject: vscode.Uri | undefined;

  constructor(private readonly output: vscode.OutputChannel, private readonly locator: ToolLocator) {}

  dispose(): void {
    this.diagnostics.dispose();
  }

  /** The active pan document if it is an object template; explains otherwise. */
  activeObjectTemplate(): vscode.TextDocument | undefined {
    if (!workspaceTrusted()) {
      void vscode.window.showWarningMessage(RESTRICTED_COMPILE);
      return undefined;
    }
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'pan') {
      void vscode.window.showInformationMessage('Pan: open an object template first.');
      return undefined;
    }
    const header = templateHeader(document.getText());
    if (header?.kind !== 'object') {
      void vscode.window.showWarningMessage(`Pan: ${path.basename(document.fileName)} is not an object template; only object templates can be compiled.`);
      return undefined;
    }
    return document;
  }

  async compile(file: string, formats: string[], outputDir: string): Promise<CompileResult | undefined> {
    if (!workspaceTrusted()) {
      return undefined;
    }
    const settings = currentSettings();
    const uri = vscode.Uri.file(file);
    const located = await this.locator.locate('panc', settings, uri);
    if ('error' in located) {
      this.output.appendLine(located.error);
      void reportMissingTool(located.error);
      return undefined;
    }
    const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath;
    const cwd = folder ?? path.dirname(file);
    fs.mkdirSync(outputDir, { recursive: true });
    const args = [
      ...located.tool.args,
      ...pancArgs({ file, includeDirs: resolveIncludeDirs(settings.includePath, folder), outputDir, formats, extraArgs: settings.pancArgs }),
    ];
    this.output.appendLine(`$ ${[located.tool.command, ...args].join(' ')}`);
    const result = await runProcess(located.tool.command, args, cwd, (chunk) => this.output.append(chunk));
    if (result.startError) {
      const message = `Pan: could not run panc (${located.tool.command}): ${result.startError}`;
      this.output.appendLine(message);
      void vscode.window.showErrorMessage(message);
      return undefined;
    }
    const problems = parsePancOutput(result.output);
    this.diagnostics.clear();
    for (const [key, diagnostics] of problemsToDiagnostics(problems, file, cwd)) {
      this.diagnostics.set(vscode.Uri.parse(key), diagnostics);
    }
    this.output.appendLine(`panc exited with code ${String(result.code)}`);
    this.lastObject = uri;
    return { ok: result.code === 0, outputDir, problems };
  }

  /** Command "Compile object template". */
  async compileActive(): Promise<void> {
    const document = this.activeObjectTemplate();
    if (!document) {
      return;
    }
    await document.save();
    const config = vscode.workspace.getConfiguration('pan');
    const formats = config.get<string[]>('compile.formats') ?? ['pan', 'dep'];
    const folder = vscode.workspace.getWorkspaceFolder(document.uri)?.uri.fsPath ?? path.dirname(document.fileName);
    const configured = config.get<string>('compile.outputDir');
    const outputDir = configured ? path.resolve(folder, configured) : scratchDir('build', document.fileName);
    this.output.show(true);
    const result = await this.compile(document.fileName, formats, outputDir);
    if (result?.ok) {
      void vscode.window.showInformationMessage(`Pan: compiled ${path.basename(document.fileName)} into ${outputDir}`);
    } else if (result) {
      void vscode.window.showErrorMessage(`Pan: compilation failed with ${result.problems.length} error(s); see Problems.`);
    }
  }

  /** Command "Show compiled profile": compile into a scratch directory and open the profile. */
  async showProfile(): Promise<void> {
    const document = this.activeObjectTemplate();
    if (!document) {
      return;
    }
    await document.save();
    const profile = await this.buildProfile(document.fileName, document.getText());
    if (profile) {
      this.profiles.set(document.fileName, profile);
      await vscode.window.showTextDocument(vscode.Uri.file(profile), { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
    }
  }

  private async buildProfile(file: string, text: string): Promise<string | undefined> {
    const header = templateHeader(text);
    if (!header) {
      return undefined;
    }
    const format = currentSettings().profileFormat;
    const outputDir = scratchDir('profile', file);
    const result = await this.compile(file, [format], outputDir);
    if (!result) {
      return undefined;
    }
    if (!result.ok) {
      this.output.show(true);
      void vscode.window.showErrorMessage('Pan: the profile could not be compiled; see Problems.');
      return undefined;
    }
    return outputFile(outputDir, header.name, format);
  }

  private refreshing: Promise<void> | undefined;
  private refreshAgain = false;

  /**
   * Saving any pan file recompiles the profiles on display; the open editors reload from disk.
   * Saves during a rebuild are folded into one more rebuild after it.
   */
  async refreshProfiles(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.refreshAgain = false;
        await this.rebuildProfiles();
      } while (this.refreshAgain);
    })();
    try {
      await this.refreshing;
    } finally {
      this.refreshing = undefined;
    }
  }

  private async rebuildProfiles(): Promise<void> {
    for (const file of [...this.profiles.keys()]) {
      const stillOpen = vscode.workspace.textDocuments.some((doc) => doc.fileName === this.profiles.get(file));
      if (!stillOpen) {
        this.profiles.delete(file);
        continue;
      }
      await this.buildProfile(file, fs.readFileSync(file, 'utf8'));
    }
  }
}
