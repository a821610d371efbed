/**
 * The application menu: File (export CSV / JSONL, quit), Edit (standard roles, so copy/paste and
 * select-all work in the document view), View (reload and DevTools only in development), Help.
 *
 * Labels follow the OS language (Chinese when the system locale is zh-*, English otherwise):
 * the menu exists before the renderer's i18n is loaded.
 *
 * Pure: returns a template; index.ts turns it into a Menu. Tested for the dev-only items.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  exportCsv(): void;
  exportJsonl(): void;
  about(): void;
}

export interface MenuInput {
  isDev: boolean;
  isMac: boolean;
  /** `app.getLocale()` or `app.getPreferredSystemLanguages()[0]`. */
  locale: string;
  appName: string;
  actions: MenuActions;
}

const LABELS = {
  zh: {
    file: '文件',
    exportCsv: '导出 CSV…',
    exportJsonl: '导出 JSONL…',
    edit: '编辑',
    view: '视图',
    help: '帮助',
    about: '关于批注',
  },
  en: {
    file: 'File',
    exportCsv: 'Export CSV…',
    exportJsonl: 'Export JSONL…',
    edit: 'Edit',
    view: 'View',
    help: 'Help',
    about: 'About Pizhu',
  },
} as const;

export function menuLabels(locale: string): (typeof LABELS)['zh'] | (typeof LABELS)['en'] {
  return locale.toLowerCase().startsWith('zh') ? LABELS.zh : LABELS.en;
}

export function buildMenuTemplate({
  isDev,
  isMac,
  locale,
  appName,
  actions,
}: MenuInput): MenuItemConstructorOptions[] {
  const t = menuLabels(locale);
  const template: MenuItemConstructorOptions[] = [];

  // macOS puts About/Quit in the application menu; elsewhere they live in File and Help.
  if (isMac) {
    template.push({
      label: appName,
      submenu: [
        { label: t.about, click: () => actions.about() },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }

  template.push({
    label: t.file,
    submenu: [
      {
        id: 'export-csv',
        label: t.exportCsv,
        accelerator: 'CmdOrCtrl+Shift+E',
        click: () => actions.exportCsv(),
      },
      { id: 'export-jsonl', label: t.exportJsonl, click: () => actions.exportJsonl() },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  });

  template.push({
    label: t.edit,
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  });

  // Reload would drop unsaved UI state and DevTools give a console into the page: both only in
  // development. Zoom stays available to everyone (long Chinese texts, small screens).
  const viewItems: MenuItemConstructorOptions[] = [];
  if (isDev)
    viewItems.push(
      { role: 'reload' },
      { role: 'forceReload' },
      { role: 'toggleDevTools' },
      { type: 'separator' },
    );
  viewItems.push(
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  );
  template.push({ label: t.view, submenu: viewItems });

  template.push({
    label: t.help,
    role: 'help',
    submenu: isMac ? [] : [{ label: t.about, click: () => actions.about() }],
  });
  return template;
}
