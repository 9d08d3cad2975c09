// Check the packaged .vsix: the files VS Code needs and the Python tools are there, and nothing
// else (no node_modules, sources, tests, source maps, bytecode or native binaries: one .vsix for
// every OS). Reads the zip's central directory itself (no unzip needed).
//   node scripts/check-package.mjs [file.vsix]    (default: the newest pan-*.vsix here)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function newestVsix() {
  const candidates = readdirSync(root).filter((f) => /^pan-.*\.vsix$/.test(f));
  candidates.sort((a, b) => statSync(join(root, b)).mtimeMs - statSync(join(root, a)).mtimeMs);
  if (candidates.length === 0) throw new Error('no pan-*.vsix: run `npx vsce package --no-dependencies` first');
  return join(root, candidates[0]);
}

/** Names and uncompressed sizes of the entries of a zip archive. */
export function zipEntries(buffer) {
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip archive');
  const count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(offset) !== 0x02014b50) throw new Error('corrupt central directory');
    const size = buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    entries.push({ name: buffer.toString('utf8', offset + 46, offset + 46 + nameLength), size });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const LIBS = 'extension/bundled/libs/';
const REQUIRED = [
  'extension/package.json',
  'extension/readme.md',
  'extension/LICENSE.txt',
  'extension/icon.png',
  'extension/icons/pan-file.svg',
  'extension/language-configuration.json',
  'extension/snippets/pan.json',
  'extension/dist/extension.js',
  'extension/syntaxes/pan.tmLanguage.json',
  'extension/bundled/manifest.json',
  'extension/bundled/tool/pan_tool.py',
  `${LIBS}panls/__main__.py`,
  `${LIBS}pandbg/__main__.py`,
  `${LIBS}pandbg/framing.py`,
  `${LIBS}panc/__main__.py`,
  `${LIBS}panc/grammars/pan.lark`,
  `${LIBS}debugpy/common/messaging.py`,
];
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const walkthroughMedia = manifest.contributes.walkthroughs.flatMap((w) => w.steps.map((s) => `extension/${s.media.markdown}`));
const ALLOWED = new Set([...REQUIRED, ...walkthroughMedia, '[Content_Types].xml', 'extension.vsixmanifest']);
/** Files of compiled code for one platform or one Python version. */
const NATIVE = /\.(so|pyd|dll|dylib|exe|pyc)$|__pycache__/;
const MAX_BYTES = 12 * 1024 * 1024;

const file = process.argv[2] ?? newestVsix();
const entries = zipEntries(readFileSync(file));
const names = entries.map((e) => e.name);
const total = entries.reduce((sum, e) => sum + e.size, 0);
const grammar = entries.find((e) => e.name === 'extension/syntaxes/pan.tmLanguage.json');
const bundle = JSON.parse(readFileSync(join(root, 'bundled', 'manifest.json'), 'utf8'));
const distInfo = (name, version) => `${LIBS}${name.replace(/-/g, '_')}-${version}.dist-info/METADATA`;
const unexpected = names.filter((name) => !ALLOWED.has(name) && !name.startsWith(LIBS));
const native = names.filter((name) => NATIVE.test(name));
const checks = [
  ...REQUIRED.map((name) => [`contains ${name}`, names.includes(name)]),
  ...walkthroughMedia.map((name) => [`contains ${name}`, names.includes(name)]),
  ...Object.entries(bundle.distributions).map(([name, version]) => [`bundles ${name} ${version}`, names.includes(distInfo(name, version))]),
  [`nothing else outside bundled/libs (${unexpected.join(', ') || 'ok'})`, unexpected.length === 0],
  [`no native code or bytecode (${native.slice(0, 5).join(', ') || 'ok'})`, native.length === 0],
  ['no node_modules', !names.some((name) => name.includes('node_modules'))],
  [`content below ${MAX_BYTES} bytes`, total <= MAX_BYTES],
  ['grammar identical to ../grammars/pan.tmLanguage.json',
    grammar !== undefined && grammar.size === statSync(join(root, '..', 'grammars', 'pan.tmLanguage.json')).size],
];

const libs = entries.filter((e) => e.name.startsWith(LIBS));
console.log(`${file}: ${entries.length} files, ${total} bytes uncompressed (version ${manifest.version})`);
for (const e of entries.filter((entry) => !entry.name.startsWith(LIBS))) console.log(`  ${String(e.size).padStart(9)}  ${e.name}`);
console.log(`  ${String(libs.reduce((sum, e) => sum + e.size, 0)).padStart(9)}  ${LIBS} (${libs.length} files: ${Object.entries(bundle.distributions).map(([n, v]) => `${n} ${v}`).join(', ')})`);
for (const [name, ok] of checks) console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name}`);
const failed = checks.filter(([, ok]) => !ok).length;
console.log(`package: ${checks.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
