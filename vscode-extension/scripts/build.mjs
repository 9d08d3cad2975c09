// Bundle the extension with esbuild (dist/extension.js); with --tests, bundle the unit tests
// (out/test/*.test.js) against hand-written mocks of `vscode` and `vscode-languageclient/node`.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import './copy-grammar.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node18', sourcemap: true, logLevel: 'warning' };

if (process.argv.includes('--tests')) {
  const dir = join(root, 'test', 'unit');
  await build({
    ...common,
    entryPoints: readdirSync(dir).filter((f) => f.endsWith('.test.ts')).map((f) => join(dir, f)),
    outdir: join(root, 'out', 'test'),
    alias: {
      vscode: join(dir, 'mocks', 'vscode.ts'),
      'vscode-languageclient/node': join(dir, 'mocks', 'languageclient.ts'),
    },
  });
} else {
  await build({
    ...common,
    entryPoints: [join(root, 'src', 'extension.ts')],
    outfile: join(root, 'dist', 'extension.js'),
    external: ['vscode'],
    minify: process.argv.includes('--minify'),
  });
}
