/**
 * panc's error report, as printed by the Java compiler and by pan-tools' panc:
 *
 *     evaluation error [FILE:L.C-L.C]        syntax error [...]       parse error [...]
 *     message on the next line(s)             validation error [FILE]  (no position)
 *     >>> call stack trace / >>> [FILE:L.C-L.C] ...
 *
 * Positions are 1-based; the end column is inclusive. A parse error may end before it starts
 * (`3.11-3.3`) and its message may follow an empty line ("Encountered: ...").
 */

export type PancErrorKind = 'evaluation' | 'syntax' | 'parse' | 'validation';

/** A 1-based inclusive range exactly as panc prints it. */
export interface PancRange {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface PancLocation {
  file: string;
  range?: PancRange;
}

export interface PancProblem {
  kind: PancErrorKind;
  /** Undefined when panc printed `?:?` (no source file, e.g. a missing object template). */
  location?: PancLocation;
  message: string;
  /** The `>>>` call stack, innermost first, without the error's own position. */
  trace: PancLocation[];
}

/** Header regex shared with the `$panc` problem matcher in package.json (tested to be identical). */
export const HEADER_REGEX = '^(evaluation|syntax|parse|validation) error \\[(.+?)(?::(\\d+)\\.(\\d+)-(\\d+)\\.(\\d+))?\\]$';
/** The message line that follows a header in the `$panc` problem matcher. */
export const MESSAGE_REGEX = '^(?!>>>)(.+)$';
/** The `Encountered: ...` line two lines below a parse error header (`$panc-parse`). */
export const ENCOUNTERED_REGEX = '^(Encountered: .*)$';

const HEADER = new RegExp(HEADER_REGEX);
const TRACE = /^>>> \[(.+?)(?::(\d+)\.(\d+)-(\d+)\.(\d+))?\]$/;

function location(file: string, numbers: (string | undefined)[]): PancLocation | undefined {
  if (file === '?:?' || file === '?') {
    return undefined;
  }
  const [sl, sc, el, ec] = numbers.map((n) => (n === undefined ? NaN : Number(n)));
  if ([sl, sc, el, ec].some((n) => Number.isNaN(n))) {
    return { file };
  }
  return { file, range: { startLine: sl, startColumn: sc, endLine: el, endColumn: ec } };
}

function sameLocation(a: PancLocation | undefined, b: PancLocation): boolean {
  return a !== undefined && a.file === b.file && JSON.stringify(a.range) === JSON.stringify(b.range);
}

/** JavaCC's "Was expecting one of:" list, one token per line, folded into one line. */
function condense(message: string[]): string {
  const at = message.indexOf('Was expecting one of:');
  if (at < 0) {
    return message.join('\n');
  }
  const expected = message.slice(at + 1).map((line) => line.trim().replace(/ \.\.\.$/, '')).filter((t) => t.length > 0);
  return [...message.slice(0, at), `Was expecting one of: ${expected.join(', ')}`].join('\n');
}

/** Every error report in panc's output (stdout and stderr may be concatenated). */
export function parsePancOutput(output: string): PancProblem[] {
  const lines = output.split(/\r?\n/);
  const problems: PancProblem[] = [];
  let i = 0;
  while (i < lines.length) {
    const header = HEADER.exec(lines[i]);
    i += 1;
    if (!header) {
      continue;
    }
    const kind = header[1] as PancErrorKind;
    const loc = location(header[2], header.slice(3, 7));
    if (kind === 'parse' && i < lines.length && lines[i] === '') {
      i += 1; // "parse error [...]", "", "Encountered: ..."
    }
    const message: string[] = [];
    while (i < lines.length && lines[i].trim() !== '' && !lines[i].startsWith('>>>') && !HEADER.test(lines[i])) {
      message.push(lines[i]);
      i += 1;
    }
    const trace: PancLocation[] = [];
    while (i < lines.length && (lines[i].startsWith('>>>') || lines[i].startsWith('    '))) {
      const frame = TRACE.exec(lines[i]);
      const frameLoc = frame ? location(frame[1], frame.slice(2, 6)) : undefined;
      if (frameLoc && !(trace.length === 0 && sameLocation(loc, frameLoc))) {
        trace.push(frameLoc);
      }
      i += 1;
    }
    problems.push({ kind, location: loc, message: condense(message) || `${kind} error`, trace });
  }
  return problems;
}

/**
 * 0-based start and exclusive end, as editors use them. panc's end column is inclusive; an end
 * before the start (seen in parse errors) collapses to the start character.
 */
export function editorRange(range: PancRange): { start: [number, number]; end: [number, number] } {
  const start: [number, number] = [range.startLine - 1, Math.max(range.startColumn - 1, 0)];
  let end: [number, number] = [range.endLine - 1, range.endColumn];
  if (end[0] < start[0] || (end[0] === start[0] && end[1] <= start[1])) {
    end = [start[0], start[1] + 1];
  }
  return { start, end };
}
