import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const webSrc = path.resolve(__dirname, '..');
const core = path.resolve(webSrc, '../../../node_modules/@mantine/core');
// What the other Mantine packages the app uses take from @mantine/core.
const USED_BY_OTHER_PACKAGES = ['Notification', 'ColorSwatch', 'Group', 'Paper', 'Text', 'Tooltip'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The names the app imports from @mantine/core. */
function usedNames(): string[] {
  const names = new Set(USED_BY_OTHER_PACKAGES);
  for (const file of sourceFiles(webSrc)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(
      /import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'@mantine\/core'/g,
    )) {
      for (const name of (match[1] ?? '').split(',')) {
        const bare = name.replace(/\btype\b/, '').trim();
        if (bare) names.add(bare);
      }
    }
  }
  return [...names];
}

/** Every folder of Mantine's code a name reaches through its imports: a component's parts. */
function foldersReached(names: string[]): Set<string> {
  const esm = path.join(core, 'esm');
  const index = readFileSync(path.join(esm, 'index.mjs'), 'utf8');
  const folders = new Set<string>();
  const visited = new Set<string>();
  const walk = (file: string) => {
    if (visited.has(file)) return;
    visited.add(file);
    for (const part of path.relative(esm, file).split(path.sep)) folders.add(part);
    for (const match of readFileSync(file, 'utf8').matchAll(/from "(\.[^"]+\.mjs)"/g)) {
      walk(path.resolve(path.dirname(file), match[1] ?? ''));
    }
  };
  for (const name of names) {
    const exported = index.match(
      new RegExp(`import \\{[^}]*\\b${name}\\b[^}]*\\} from "(\\./[^"]+)"`),
    );
    if (exported?.[1]) walk(path.resolve(esm, exported[1]));
  }
  return folders;
}

describe('Mantine styles', () => {
  it("imports the styles of every Mantine component the app uses, and of the components they're built from", () => {
    const imported = readFileSync(path.join(webSrc, 'app/mantine-styles.ts'), 'utf8');
    const needed = [...foldersReached(usedNames())].filter((folder) =>
      existsSync(path.join(core, 'styles', `${folder}.css`)),
    );
    const missing = needed.filter(
      (folder) => !imported.includes(`'@mantine/core/styles/${folder}.css'`),
    );
    expect(needed.length).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });
});
