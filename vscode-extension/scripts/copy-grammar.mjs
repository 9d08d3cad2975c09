// Copy the one TextMate grammar of the repository (../grammars) into the extension (syntaxes/).
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(join(root, 'syntaxes'), { recursive: true });
copyFileSync(join(root, '..', 'grammars', 'pan.tmLanguage.json'), join(root, 'syntaxes', 'pan.tmLanguage.json'));
