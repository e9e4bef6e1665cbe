/**
 * Every word the desktop shell says to a person: the window, the menu, the dialogs and the launcher
 * (`npm start`). Kept apart from the renderer's texts because main and the launcher print them
 * before any page exists.
 */

export const PRODUCT_NAME_RU = 'Приёмная';

export const appMenu = {
  file: 'Файл',
  openDataFolder: 'Открыть папку с данными',
  quit: 'Выход',
  edit: 'Правка',
  undo: 'Отменить',
  redo: 'Повторить',
  cut: 'Вырезать',
  copy: 'Копировать',
  paste: 'Вставить',
  selectAll: 'Выделить всё',
  view: 'Вид',
  reload: 'Обновить',
  zoomIn: 'Крупнее',
  zoomOut: 'Мельче',
  resetZoom: 'Обычный размер',
  fullScreen: 'Во весь экран',
  devTools: 'Инструменты разработчика',
  window: 'Окно',
  minimize: 'Свернуть',
  help: 'Справка',
  about: 'О программе',
  hide: 'Скрыть Приёмную',
  hideOthers: 'Скрыть остальные',
  showAll: 'Показать все',
} as const;

export const appDialogs = {
  aboutTitle: 'О программе',
  aboutMessage: (version: string) => `${PRODUCT_NAME_RU}, версия ${version}`,
  aboutDetail: (dataFile: string) =>
    `Учёт обращений граждан по 59-ФЗ для приёмной депутата.\nФайл данных: ${dataFile}`,
  startFailedTitle: 'Приёмная не запустилась',
  dbOpenFailed: (dataFile: string, reason: string) => `Не удалось открыть файл данных ${dataFile}: ${reason}`,
  ok: 'Понятно',
} as const;

/** Why a download at first start did not happen. */
const fetchCauses = {
  offline: 'нет доступа к сети',
  timeout: 'загрузка не уложилась в минуту',
  failed: 'загрузчик завершился с ошибкой',
} as const;

/** Why Electron could not start; each is a clause that fits into `launcher.fallback`. */
export const launchReasons = {
  fetch: fetchCauses,
  binaryMissing: (cause: string) => `программа Electron ещё не скачана, а скачать её не удалось: ${cause}`,
  nativeMissing: (cause: string) =>
    `модуль базы данных для Electron ещё не скачан, а скачать его не удалось: ${cause}`,
  noDisplay: 'нет графического экрана',
  asRoot: 'Electron не запускается от имени администратора (root) без отключения песочницы',
  sandboxHelper: 'песочница Chromium (chrome-sandbox) не настроена',
  missingLibrary: (lib: string) => `в системе нет библиотеки ${lib}`,
  spawnFailed: (message: string) => `программа не запустилась: ${message}`,
  startFailed: 'Приёмная не смогла открыть в нём файл данных',
  exitedEarly: (code: string) => `программа сразу завершилась с кодом ${code}`,
} as const;

export const launcher = {
  building: 'Собираю Приёмную: это нужно при первом запуске и после изменений в исходниках.',
  buildFailed: 'Не удалось собрать Приёмную; подробности выше.',
  downloadingElectron: 'Скачиваю Electron: это нужно один раз, при первом запуске.',
  downloadingNative: 'Скачиваю модуль базы данных для Electron: это нужно один раз.',
  fallback: (reason: string) => `Не удалось запустить Electron (${reason}): открываю Приёмную в браузере.`,
  browserFailed: 'Не удалось открыть Приёмную и в браузере; подробности выше.',
} as const;
