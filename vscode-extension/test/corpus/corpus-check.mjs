// Tokenize real template libraries with the grammar and check invariants that hold for any file
// panc accepts: no region (string, annotation, heredoc) is left open at the end of a file, no
// `invalid.*` scope appears, the template header is recognised, and every line that starts with a
// statement keyword outside annotations and heredocs is highlighted as that keyword (a string or
// heredoc that runs away would swallow it). The corpora are read from ../shared next to the
// repository and are not copied; without them the check is skipped.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const here = dirname(fileURLToPath(import.meta.url));
const extensionRoot = join(here, '..', '..');
const shared = join(extensionRoot, '..', '..', 'shared', 'corpora');
const CORPORA = ['template-library-core', 'metaconfig', 'tlc-all-templates'];

const KEYWORD_LINE = /^(\s*)(include|variable|type|function|bind|valid|prefix|final|declaration|unique|structure|object)\b/;

function panFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir).sort()) {
    const file = join(dir, entry);
    if (statSync(file).isDirectory()) out.push(...panFiles(file));
    else if (entry.endsWith('.pan')) out.push(file);
  }
  return out;
}

async function loadGrammar() {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () => vsctm.parseRawGrammar(
      readFileSync(join(extensionRoot, '..', 'grammars', 'pan.tmLanguage.json'), 'utf8'), 'pan.tmLanguage.json'),
  });
  return registry.loadGrammar('source.pan');
}

function checkFile(grammar, file, problems) {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  let state = vsctm.INITIAL;
  let headerSeen = false;
  let tokens = 0;
  const where = (i) => `${relative(shared, file)}:${i + 1}`;
  lines.forEach((line, i) => {
    const result = grammar.tokenizeLine(line, state, 1000);
    if (result.stoppedEarly) problems.push(`${where(i)}: tokenizing stopped early`);
    tokens += result.tokens.length;
    for (const token of result.tokens) {
      if (token.scopes.some((s) => s.startsWith('invalid.'))) {
        problems.push(`${where(i)}: invalid scope on ${JSON.stringify(line.slice(token.startIndex, token.endIndex))}`);
      }
      if (token.scopes.includes('storage.type.template.pan')) headerSeen = true;
    }
    const keyword = KEYWORD_LINE.exec(line);
    if (keyword) {
      const token = result.tokens.find((t) => t.startIndex <= keyword[1].length && keyword[1].length < t.endIndex);
      const scopes = token ? token.scopes : [];
      const documented = scopes.some((s) => s.startsWith('meta.annotation') || s.startsWith('string.unquoted.heredoc'));
      const highlighted = scopes.some((s) => s.startsWith('keyword.') || s.startsWith('storage.'));
      if (!documented && !highlighted) {
        problems.push(`${where(i)}: '${keyword[2]}' scoped as ${scopes.join(' ')}`);
      }
    }
    state = result.ruleStack;
  });
  if (state.depth !== 1) problems.push(`${relative(shared, file)}: a region is still open at the end of the file (depth ${state.depth})`);
  if (!headerSeen) problems.push(`${relative(shared, file)}: no template header recognised`);
  return { lines: lines.length, tokens };
}

const roots = CORPORA.map((name) => join(shared, name)).filter((dir) => existsSync(dir));
if (roots.length === 0) {
  console.log(`corpus check: skipped (no corpora under ${shared})`);
  process.exit(0);
}
const grammar = await loadGrammar();
const started = Date.now();
const problems = [];
let files = 0;
let lines = 0;
let tokens = 0;
for (const root of roots) {
  for (const file of panFiles(root)) {
    const stats = checkFile(grammar, file, problems);
    files += 1;
    lines += stats.lines;
    tokens += stats.tokens;
  }
}
for (const problem of problems.slice(0, 50)) console.log(`  ${problem}`);
const failedFiles = new Set(problems.map((p) => p.split(':')[0])).size;
console.log(`corpus check: ${files} files, ${lines} lines, ${tokens} tokens in ${Date.now() - started} ms`);
console.log(`corpus: ${files - failedFiles} passed, ${failedFiles} failed`);
process.exit(problems.length === 0 ? 0 : 1);
