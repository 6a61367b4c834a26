/**
 * `npm run build`: compiles src/ into dist/src/ with tsc, then copies beside the compiled code
 * every file under src/ that is not TypeScript (SQL migrations of every store, seed text), which
 * the code finds relative to its own location (import.meta.url).
 *
 * `--if-possible` (the `prepare` step): when TypeScript is not installed, as in a production
 * install without dev dependencies, keep the dist/ built earlier instead of failing the install.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const optional = process.argv.includes('--if-possible');

function findTsc() {
  try {
    return createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    return undefined;
  }
}

const tsc = findTsc();
if (!tsc) {
  if (!optional) throw new Error('TypeScript is not installed: run npm install (with dev dependencies) first');
  console.warn(`corridor-bot: TypeScript is not installed; ${existsSync(`${root}dist/src`) ? 'keeping the dist/ built earlier' : 'dist/ is not built'}`);
  process.exit(0);
}

// Start clean, so a source file deleted since the last build leaves no compiled twin behind.
rmSync(`${root}dist`, { recursive: true, force: true });
const compiled = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);

cpSync(`${root}src`, `${root}dist/src`, {
  recursive: true,
  filter: (path) => statSync(path).isDirectory() || !path.endsWith('.ts'),
});
