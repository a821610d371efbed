// The application menu: export items, standard Edit roles, dev-only View items.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../../electron/main/menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

const actions = () => ({ exportCsv: vi.fn(), exportJsonl: vi.fn(), about: vi.fn() });

describe('application menu', () => {
  it('has no reload or DevTools in production', () => {
    for (const isMac of [false, true]) {
      const roles = flatten(
        buildMenuTemplate({ isDev: false, isMac, locale: 'en-US', appName: 'Pizhu', actions: actions() }),
      ).map((i) => i.role);
      expect(roles).not.toContain('reload');
      expect(roles).not.toContain('forceReload');
      expect(roles).not.toContain('toggleDevTools');
    }
  });

  it('has them in development', () => {
    const roles = flatten(
      buildMenuTemplate({ isDev: true, isMac: false, locale: 'en-US', appName: 'Pizhu', actions: actions() }),
    ).map((i) => i.role);
    expect(roles).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('exports CSV and JSONL and quits from File, with standard Edit roles', () => {
    const a = actions();
    const items = flatten(
      buildMenuTemplate({ isDev: false, isMac: false, locale: 'zh-CN', appName: '批注', actions: a }),
    );
    const byId = (id: string) => items.find((i) => i.id === id);
    (byId('export-csv')?.click as () => void)();
    (byId('export-jsonl')?.click as () => void)();
    expect(a.exportCsv).toHaveBeenCalledOnce();
    expect(a.exportJsonl).toHaveBeenCalledOnce();
    expect(byId('export-csv')?.label).toBe('导出 CSV…');
    const roles = items.map((i) => i.role);
    expect(roles).toEqual(
      expect.arrayContaining(['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
    );
  });

  it('uses English labels outside Chinese locales', () => {
    const items = flatten(
      buildMenuTemplate({
        isDev: false,
        isMac: false,
        locale: 'de-DE',
        appName: 'Pizhu',
        actions: actions(),
      }),
    );
    expect(items.find((i) => i.id === 'export-jsonl')?.label).toBe('Export JSONL…');
  });
});
