// Import boundaries: the core stays importable by plain Node (no 'electron'), the pure main
// modules import 'electron' for types only (so Vitest can load them), and the sandboxed preload
// requires nothing but 'electron' and our own bundled files.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(c|m)?(t|j)sx?$/.test(name) ? [full] : [];
  });
}

/** Runtime (non-type) imports of 'electron' or 'electron/…' in a source text. */
function runtimeElectronImports(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    // import x from 'electron' / import { a } from "electron/main" / export … from 'electron'
    /^\s*(?:import|export)\s+(?!type\b)[^;]*?\bfrom\s*['"](electron(?:\/[^'"]*)?)['"]/gm,
    // import 'electron'
    /^\s*import\s*['"](electron(?:\/[^'"]*)?)['"]/gm,
    // require('electron'), import('electron')
    /\b(?:require|import)\s*\(\s*['"](electron(?:\/[^'"]*)?)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) found.push(m[0].trim());
  return found;
}

describe('runtimeElectronImports (the detector itself)', () => {
  it('finds value imports and requires', () => {
    expect(runtimeElectronImports("import { app } from 'electron';")).toHaveLength(1);
    expect(runtimeElectronImports('import electron from "electron"')).toHaveLength(1);
    expect(runtimeElectronImports("import 'electron';")).toHaveLength(1);
    expect(runtimeElectronImports("const { app } = require('electron')")).toHaveLength(1);
    expect(runtimeElectronImports("await import('electron/main')")).toHaveLength(1);
    expect(runtimeElectronImports("import { type App, app } from 'electron';")).toHaveLength(1);
  });

  it('ignores type-only imports and look-alikes', () => {
    expect(runtimeElectronImports("import type { App } from 'electron';")).toHaveLength(0);
    expect(runtimeElectronImports("import { x } from 'electron-vite';")).toHaveLength(0);
    expect(runtimeElectronImports("import { x } from './electron';")).toHaveLength(0);
  });
});

describe('electron/core never imports electron', () => {
  const files = sourceFiles(join(root, 'electron', 'core'));
  it.each(files.length ? files.map((f) => [relative(root, f)]) : [['(no core files yet)']])('%s', (file) => {
    if (file.startsWith('(')) return;
    expect(runtimeElectronImports(readFileSync(join(root, file), 'utf8'))).toEqual([]);
  });
});

describe('pure main modules import electron for types only', () => {
  const files = sourceFiles(join(root, 'electron', 'main')).filter(
    (f) => !f.endsWith(join('main', 'index.ts')),
  );
  it('has pure modules', () => expect(files.length).toBeGreaterThan(5));
  it.each(files.map((f) => [relative(root, f)]))('%s', (file) => {
    expect(runtimeElectronImports(readFileSync(join(root, file), 'utf8'))).toEqual([]);
  });
});

describe('preload', () => {
  const source = readFileSync(join(root, 'electron', 'preload', 'index.ts'), 'utf8');
  it('imports only electron and relative project files', () => {
    const specifiers = [...source.matchAll(/\bfrom\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
    for (const s of specifiers) expect(s === 'electron' || s!.startsWith('../')).toBe(true);
  });
  it('never exposes ipcRenderer itself', () => {
    expect(source).toMatch(/exposeInMainWorld\(\s*'pizhu'\s*,\s*bridge\s*\)/);
    expect(source.match(/exposeInMainWorld/g)).toHaveLength(1);
    expect(source).toMatch(/satisfies PizhuBridge/);
  });
});
