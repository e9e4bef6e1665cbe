/** What the command line and browser mode say to people. Machine output (JSON) stays in English keys. */

export const CLI_HELP = `Приёмная — командная строка

Использование: npm run cli -- <команда> [параметры]

Команды:
  init          первичная настройка: приёмная и её администратор
                  --office-name <название> --code <код> --deputy <ФИО депутата>
                  [--region <регион>] [--time-zone <зона, напр. Asia/Yekaterinburg>]
                  --admin-login <логин> --admin-name <ФИО> --admin-password <пароль>
                  (пароль можно передать в переменной PRIEMNAYA_ADMIN_PASSWORD)
  call <метод> '<json>'
                вызвать метод API; результат — JSON в stdout. Вместо JSON можно
                указать «-» и подать его на вход. Ошибка — JSON в stderr, код выхода 1
  methods       все методы API: назначение, роли, вход и выход в JSON Schema
  backup <файл> согласованная копия базы данных (существующий файл не перезаписывается);
                полная копия с вложениями — call backups.run '{}' (папка задаётся в настройках)
  restore <папка копии>
                восстановить из резервной копии (папка priemnaya-…): в пустую папку данных —
                как есть; поверх приёмной — сначала сохраняется копия текущего состояния.
                Повреждённая копия не восстанавливается
  office-key [<ключ>]
                ключ приёмной, которым пароли сотрудников закрыты на пути через штаб: без
                аргумента — показать (на компьютере приёмной), с ключом — принять его на другом
                компьютере той же приёмной. Штабу ключ не передаётся
  demo          заполнить НОВУЮ базу демонстрационной приёмной [--seed <n>] [--appeals <n>]
  import-contacts <файл>
                загрузить контакты из CSV или XLSX; итог — JSON: сколько создано,
                объединено, без изменений, пропущено и почему
                  [--encoding auto|utf-8|cp1251] [--delimiter auto|;|,|tab]
                  [--source <источник, напр. кампания>] [--dry-run — только проверить]
  export-contacts <файл>
                выгрузить базу контактов (или сохранённый сегмент) в один файл любого
                размера; существующий файл не перезаписывается
                  [--format csv|xlsx] [--encoding cp1251|utf-8] [--segment <id>]
                  [--purpose records|outreach — для рассылки нужно согласие каждого]
  mail-fetch    забрать новые письма из почтовых ящиков во «Входящие»
  mail-intake   письма во «Входящих» (JSON) [--state new|registered|not_appeal|linked]
  mail-register <id> ['<json обращения>']
                зарегистрировать письмо как обращение: как предлагает письмо или как указано
  mail-send     отправить сейчас письма из очереди, время повторной попытки которых пришло
  mailing-run <id рассылки>
                отправлять запущенную рассылку здесь и сейчас, с ходом отправки; Ctrl+C
                останавливает её, следующий запуск продолжит с того же места

Общие параметры:
  --db <файл>       файл базы данных (по умолчанию — папка данных приложения)
  --user <логин>    от чьего имени действовать (для журнала аудита)
  --help            эта справка

Коды выхода: 0 — успешно, 1 — ошибка выполнения, 2 — ошибка в командной строке.`;

export const cliText = {
  usage: (problem: string) => `${problem}\nСправка: npm run cli -- --help`,
  noCommand: 'Не указана команда.',
  unknownCommand: (name: string) => `Неизвестная команда «${name}».`,
  badArgs: (detail: string) => `Ошибка в параметрах: ${detail}`,
  flagNotFor: (flag: string, command: string) => `Параметр --${flag} не относится к команде ${command}.`,
  missingArg: (what: string) => `Не хватает аргумента: ${what}.`,
  extraArgs: (args: string[]) => `Лишние аргументы: ${args.join(' ')}.`,
  notNumber: (flag: string) => `Параметр --${flag} должен быть целым положительным числом.`,
  methodArg: '<метод>',
  fileArg: '<файл>',

  initDone: (name: string, code: string, login: string, file: string) =>
    `Приёмная «${name}» (код ${code}) создана в ${file}.\nАдминистратор: ${login}.`,
  invalidInput: 'Данные не приняты:',
  fieldHint: (field: string, flag: string | undefined) =>
    flag ? `поле ${field} (параметр ${flag})` : `поле ${field}`,

  noDatabase: (file: string) => `Файл базы данных не найден: ${file}`,
  badOfficeKey: 'Это не ключ приёмной: 44 знака, как их показывает office-key на компьютере приёмной.',
  officeKeySet:
    'Ключ приёмной принят: смена паролей на других компьютерах приёмной теперь доходит и до этого.',
  backupExists: (file: string) =>
    `Файл ${file} уже существует; укажите новое имя — копия не перезаписывает файлы.`,
  backupDone: (file: string) => `Резервная копия сохранена: ${file}`,

  demoRefused: (file: string) =>
    `В ${file} уже настроена приёмная. Демонстрационные данные создаются только в новой базе: ` +
    'укажите другой файл параметром --db.',
  demoDone: (file: string, appeals: number, login: string, password: string) =>
    `Демонстрационная приёмная создана в ${file}: обращений — ${appeals}.\n` +
    `Вход: логин ${login}, пароль ${password}`,

  badChoice: (flag: string, choices: readonly string[]) =>
    `Параметр --${flag} принимает одно из значений: ${choices.join(', ')}.`,

  failed: (message: string) => `Ошибка: ${message}`,
} as const;

export const webText = {
  opened: (url: string) => `Приёмная открыта в браузере: ${url}`,
  portBusy: (wanted: number, got: number) => `Порт ${wanted} занят; выбран свободный порт ${got}.`,
  noRenderer: (dir: string) =>
    `Интерфейс не собран (нет папки ${dir}); API работает, но страница не откроется. ` +
    'Соберите его: npm run web',
  stopHint: 'Чтобы закрыть, нажмите Ctrl+C.',
  closed: 'Приёмная закрыта, база данных сохранена.',
  usage: 'Использование: npm run web -- [--db <файл>] [--port <порт>]',
  badPort: (value: string) => `Неверный порт «${value}»: нужно число от 0 до 65535.`,
  failed: (message: string) => `Не удалось запустить браузерный режим: ${message}`,
} as const;
