/**
 * Main process. The application menu, in Russian. A pure template builder: main.ts wraps it with
 * `Menu.buildFromTemplate`, and the test reads it without Electron.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { appMenu as t, PRODUCT_NAME_RU } from '../../shared/i18n/ru/app';

export interface MenuOptions {
  isMac: boolean;
  /** Development only: a production build offers no way into the page's internals. */
  devTools: boolean;
  onAbout: () => void;
  onOpenDataFolder: () => void;
}

export function menuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  const macApp: MenuItemConstructorOptions[] = o.isMac
    ? [
        {
          label: PRODUCT_NAME_RU,
          submenu: [
            { label: t.about, click: o.onAbout },
            { type: 'separator' },
            { role: 'hide', label: t.hide },
            { role: 'hideOthers', label: t.hideOthers },
            { role: 'unhide', label: t.showAll },
            { type: 'separator' },
            { role: 'quit', label: t.quit },
          ],
        },
      ]
    : [];
  const file: MenuItemConstructorOptions = {
    label: t.file,
    submenu: [
      { label: t.openDataFolder, click: o.onOpenDataFolder },
      ...(o.isMac
        ? []
        : [{ type: 'separator' } as const, { role: 'quit', label: t.quit, accelerator: 'Ctrl+Q' } as const]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: t.edit,
    submenu: [
      { role: 'undo', label: t.undo },
      { role: 'redo', label: t.redo },
      { type: 'separator' },
      { role: 'cut', label: t.cut },
      { role: 'copy', label: t.copy },
      { role: 'paste', label: t.paste },
      { role: 'selectAll', label: t.selectAll },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: t.view,
    submenu: [
      { role: 'reload', label: t.reload },
      { type: 'separator' },
      { role: 'zoomIn', label: t.zoomIn },
      { role: 'zoomOut', label: t.zoomOut },
      { role: 'resetZoom', label: t.resetZoom },
      { type: 'separator' },
      { role: 'togglefullscreen', label: t.fullScreen },
      ...(o.devTools
        ? [{ type: 'separator' } as const, { role: 'toggleDevTools', label: t.devTools } as const]
        : []),
    ],
  };
  const windowMenu: MenuItemConstructorOptions[] = o.isMac
    ? [{ label: t.window, submenu: [{ role: 'minimize', label: t.minimize }] }]
    : [];
  const help: MenuItemConstructorOptions = {
    label: t.help,
    submenu: [{ label: t.about, click: o.onAbout }],
  };
  return [...macApp, file, edit, view, ...windowMenu, help];
}
