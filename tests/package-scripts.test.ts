import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { scripts: Record<string, string> };
const build = JSON.parse(readFileSync(new URL('tsconfig.build.json', root), 'utf8')) as { compilerOptions: Record<string, unknown>; include: string[] };

describe('package.json scripts', () => {
  // `exec`: the shell npm runs the script in becomes node, so a SIGTERM to npm reaches the app.
  it.each(['start', 'remind', 'digest', 'event-reminder', 'nudges', 'sync', 'notion:setup'])('%s runs compiled JavaScript of an existing entry point', (name) => {
    const match = /^exec node dist\/(src\/cli\/[a-z-]+)\.js$/.exec(pkg.scripts[name] ?? '');
    expect(match, pkg.scripts[name]).not.toBeNull();
    expect(existsSync(new URL(`${match![1]}.ts`, root))).toBe(true);
  });

  it('builds before a fresh install ends, and keeps a tsx dev start', () => {
    expect(pkg.scripts.prepare).toMatch(/^node scripts\/build\.mjs\b/);
    expect(pkg.scripts.build).toBe('node scripts/build.mjs');
    expect(pkg.scripts.dev).toBe('tsx src/cli/start.ts');
  });

  it('compiles src only, into dist/src, where the start scripts look', () => {
    expect(build.include).toEqual(['src']);
    expect(build.compilerOptions).toMatchObject({ noEmit: false, rootDir: '.', outDir: 'dist' });
    expect(readFileSync(new URL('.gitignore', root), 'utf8').split('\n')).toContain('dist/');
  });
});
