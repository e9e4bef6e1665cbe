/** The words of backups: the settings section, the command line and the service's refusals. */
import type { Backup } from '../../api/backups';
import { formatNumber } from '../../domain/number';
import { countOf } from '../../domain/plural';

/** Bytes as people read them: «12,4 МБ». */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} Б`;
  const units = ['КБ', 'МБ', 'ГБ', 'ТБ'];
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${formatNumber(v)} ${units[u]}`;
}

export const backupText = {
  // The service's refusals (shown as they come).
  noFolder: 'Папка для резервных копий не выбрана: выберите её в «Настройки → Резервные копии»',
  folderNotAbsolute: 'укажите полный путь к папке (например, D:\\Копии или /media/backup)',
  folderInsideData: 'папка внутри папки данных программы не защитит от потери диска: выберите другой диск',
  folderNotWritable: 'в эту папку нельзя записать: проверьте, что диск подключён и есть права на запись',
  noSpace: 'на диске с папкой копий нет места',
  folderUnavailable: 'папка копий недоступна (диск не подключён или нет прав на запись)',
  noSuchBackup: 'Такой резервной копии нет в папке',
  damaged:
    'Резервная копия повреждена (не прошла проверку целостности): восстановление из неё отменено, данные не изменены. Выберите другую копию.',
  refused: {
    other_office: 'Это резервная копия другой приёмной: восстановление отменено, данные не изменены.',
    newer_app: 'Копия сделана более новой версией программы: обновите программу, затем восстановите.',
    page_size:
      'Копия несовместима с базой данных этого компьютера: восстановите её через командную строку (restore).',
  },

  // The settings section.
  title: 'Резервные копии',
  intro:
    'Каждый день программа сохраняет копию базы данных и всех вложенных файлов в выбранную папку — лучше на другом диске или в сетевой папке. Копия проверяется сразу после записи. Если программа была закрыта, копия делается при следующем запуске.',
  keep: (k: { daily: number; weekly: number; monthly: number }): string =>
    `Хранятся: последние ${k.daily} ежедневных, ${k.weekly} еженедельных и ${k.monthly} ежемесячных копий.`,
  folderLabel: 'Папка для копий на этом компьютере',
  folderPlaceholder: 'например, D:\\Копии приёмной',
  folderHint: 'Настройка этого компьютера: на другие компьютеры приёмной не передаётся.',
  noFolderYet: 'Папка не выбрана — резервные копии не делаются.',
  saveFolder: 'Сохранить папку',
  folderSaved: 'Папка сохранена',
  runNow: 'Сделать копию сейчас',
  running: 'Копирование…',
  made: (b: Backup, ms: number): string =>
    `Копия сделана и проверена: ${sizeText(b.size)}, ${formatNumber(ms / 1000)} с`,
  lastError: (at: string, message: string): string =>
    `Последняя автоматическая копия не удалась (${at}): ${message}`,
  listTitle: 'Копии в папке',
  empty: 'В папке пока нет копий этой приёмной.',
  columns: { when: 'Когда', kind: 'Вид', size: 'Размер', files: 'Файлов', action: '' },
  kinds: {
    scheduled: 'ежедневная',
    manual: 'вручную',
    before_restore: 'перед восстановлением',
  } satisfies Record<Backup['kind'], string>,
  files: (b: Backup): string =>
    b.missingFiles > 0 ? `${b.files} (нет на этом компьютере: ${b.missingFiles})` : String(b.files),
  restore: 'Восстановить',
  confirmTitle: 'Восстановить данные из копии?',
  confirmText: (when: string): string =>
    `Все данные приёмной на этом компьютере будут заменены данными копии от ${when}. Изменения, сделанные после неё, пропадут из базы, но сначала будет сделана копия текущего состояния — к нему можно будет вернуться.`,
  confirm: 'Восстановить',
  cancel: 'Отмена',
  restoring: 'Восстановление…',
  restored: (when: string): string =>
    `Данные восстановлены из копии от ${when}. Текущее состояние перед восстановлением сохранено отдельной копией.`,
  count: (n: number): string => countOf(n, ['копия', 'копии', 'копий']),

  // The command line.
  cliFolderArg: '<папка резервной копии>',
  cliRestored: (name: string, before: string | null): string =>
    before ? `Восстановлено из ${name}; прежнее состояние сохранено в ${before}` : `Восстановлено из ${name}`,
  cliDamaged: (reason: string): string => `Копия повреждена, восстановление отменено: ${reason}`,
};
