import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

function sourceFiles(directory: string): string[] {
  const full = path.join(ROOT, directory);
  return readdirSync(full).flatMap((name) => {
    const relative = path.join(directory, name);
    if (statSync(path.join(ROOT, relative)).isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [relative] : [];
  });
}

/** Runtime imports (not `import type`) of a file. */
function runtimeImports(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)'/gms)].map((match) => match[1]!);
}

describe('layering (STYLE.md): only services and auth touch the database', () => {
  // The table definitions pull the query builder into browser bundles: only enums.ts is light.
  const forbidden = [/^@\/db\/client$/, /^@\/db\/schema(?!\/enums$)/, /^drizzle-orm/, /^postgres$/, /^@electric-sql\/pglite/];
  // server/trpc is the wiring that opens the database for the context; it runs no queries.
  for (const layer of ['app', 'components', 'lib', 'server/routers']) {
    it(`${layer}/ has no runtime import of the database or the query builder`, () => {
      const offenders = sourceFiles(layer).flatMap((file) =>
        runtimeImports(file)
          .filter((source) => forbidden.some((pattern) => pattern.test(source)))
          .map((source) => `${file} imports ${source}`),
      );
      expect(offenders).toEqual([]);
    });
  }

  it('service input schemas stay free of database code (forms in the browser import them)', () => {
    const offenders = sourceFiles('server/services')
      .filter((file) => file.endsWith('schemas.ts'))
      .flatMap((file) =>
        runtimeImports(file)
          .filter((source) => forbidden.some((pattern) => pattern.test(source)))
          .map((source) => `${file} imports ${source}`),
      );
    expect(offenders).toEqual([]);
  });

});

describe('server components and client modules', () => {
  /** The file an `@/…` import points to, if it is ours. */
  function resolve(source: string): string | null {
    if (!source.startsWith('@/')) return null;
    for (const ext of ['.tsx', '.ts']) {
      const file = source.slice(2) + ext;
      if (existsSync(path.join(ROOT, file))) return file;
    }
    return null;
  }

  it('import only components from "use client" modules (other values arrive as client references)', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles('app')) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      if (text.startsWith("'use client'")) continue;
      for (const match of text.matchAll(/^import\s+\{([^}]*)\}\s+from\s+'([^']+)'/gm)) {
        const target = resolve(match[2]!);
        if (!target || !readFileSync(path.join(ROOT, target), 'utf8').startsWith("'use client'")) continue;
        const names = match[1]!.split(',').map((name) => name.trim()).filter((name) => name && !name.startsWith('type '));
        for (const name of names) if (!/^[A-Z][a-z][A-Za-z]*$/.test(name)) offenders.push(`${file} imports ${name} from ${target}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
