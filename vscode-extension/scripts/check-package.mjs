// Check the packaged .vsix: the files VS Code needs are there, and nothing else (no node_modules,
// sources, tests or source maps). Reads the zip's central directory itself (no unzip needed).
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

const REQUIRED = [
  'extension/package.json',
  'extension/readme.md',
  'extension/LICENSE.txt',
  'extension/icon.png',
  'extension/language-configuration.json',
  'extension/dist/extension.js',
  'extension/syntaxes/pan.tmLanguage.json',
];
const ALLOWED = new Set([...REQUIRED, '[Content_Types].xml', 'extension.vsixmanifest']);
const MAX_BYTES = 2 * 1024 * 1024;

const file = process.argv[2] ?? newestVsix();
const entries = zipEntries(readFileSync(file));
const names = entries.map((e) => e.name);
const total = entries.reduce((sum, e) => sum + e.size, 0);
const grammar = entries.find((e) => e.name === 'extension/syntaxes/pan.tmLanguage.json');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const unexpected = names.filter((name) => !ALLOWED.has(name));
const checks = [
  ...REQUIRED.map((name) => [`contains ${name}`, names.includes(name)]),
  [`nothing else (${unexpected.join(', ') || 'ok'})`, unexpected.length === 0],
  ['no node_modules', !names.some((name) => name.includes('node_modules'))],
  [`content below ${MAX_BYTES} bytes`, total <= MAX_BYTES],
  ['grammar identical to ../grammars/pan.tmLanguage.json',
    grammar !== undefined && grammar.size === statSync(join(root, '..', 'grammars', 'pan.tmLanguage.json')).size],
];

console.log(`${file}: ${entries.length} files, ${total} bytes uncompressed (version ${manifest.version})`);
for (const e of entries) console.log(`  ${String(e.size).padStart(9)}  ${e.name}`);
for (const [name, ok] of checks) console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name}`);
const failed = checks.filter(([, ok]) => !ok).length;
console.log(`package: ${checks.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
