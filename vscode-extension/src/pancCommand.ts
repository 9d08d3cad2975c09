/** The panc command line for compiling one object template, and where its outputs land. */
import * as crypto from 'crypto';
import * as os from 'os';
import * as path from 'path';

export interface PancInvocation {
  file: string;
  includeDirs: string[];
  outputDir: string;
  formats: string[];
  extraArgs: string[];
}

/** Arguments for panc (the include path is ':'-separated, as panc expects on every platform). */
export function pancArgs(inv: PancInvocation): string[] {
  const args: string[] = [];
  if (inv.includeDirs.length > 0) {
    args.push('--include-path', inv.includeDirs.join(':'));
  }
  args.push('--output-dir', inv.outputDir);
  if (inv.formats.length > 0) {
    args.push('--formats', inv.formats.join(','));
  }
  args.push(...inv.extraArgs, inv.file);
  return args;
}

/** Include directories: settings relative to the workspace folder; the folder itself when none. */
export function resolveIncludeDirs(includePath: string[], folder: string | undefined): string[] {
  const base = folder ?? process.cwd();
  if (includePath.length === 0) {
    return folder ? [folder] : [];
  }
  return includePath.map((dir) => (path.isAbsolute(dir) ? dir : path.join(base, dir)));
}

const HEADER = /^\s*(?:(object|structure|unique|declaration)\s+)?template\s+([A-Za-z0-9_+.\/-]+)\s*;/m;

/** Strip comments and annotations so that the header regex only sees code. */
function code(text: string): string {
  return text.replace(/@[A-Za-z_.-]*(\{[^}]*\}|\([^)]*\)|\[[^\]]*\])/g, '').replace(/#.*$/gm, '');
}

/** The template kind and name from its header, or undefined when there is no header. */
export function templateHeader(text: string): { kind: string; name: string } | undefined {
  const match = HEADER.exec(code(text));
  return match ? { kind: match[1] ?? 'ordinary', name: match[2] } : undefined;
}

const FORMAT_SUFFIX: Record<string, string> = {
  pan: '.xml', xml: '.xml', 'pan.gz': '.xml.gz', 'xml.gz': '.xml.gz', json: '.json', 'json.gz': '.json.gz',
  text: '.txt', dot: '.dot', dep: '.dep', 'dep.gz': '.dep.gz', null: '.null',
};

/** The file panc writes for an object in a format: `outdir/<object name><suffix>`. */
export function outputFile(outputDir: string, objectName: string, format: string): string {
  const suffix = FORMAT_SUFFIX[format];
  if (suffix === undefined) {
    throw new Error(`unknown panc output format '${format}'`);
  }
  return path.join(outputDir, ...objectName.split('/')) + suffix;
}

/** A per-template directory under the system temp dir, so outputs never land in the workspace. */
export function scratchDir(kind: string, file: string): string {
  const digest = crypto.createHash('sha1').update(file).digest('hex').slice(0, 12);
  return path.join(os.tmpdir(), 'vscode-pan', kind, digest);
}
