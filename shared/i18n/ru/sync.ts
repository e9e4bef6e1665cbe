/** What sync says to people: the HQ server's command line and the office's sync screen. */

export const HQ_HELP = `Приёмная — сервер штаба (синхронизация приёмных)

Использование: npm run hq -- <команда> [параметры]

Команды:
  serve         принимать синхронизацию приёмных
                  [--port <порт, 4790>] [--host <адрес, 127.0.0.1; 0.0.0.0 — для сети>]
                  [--tls-key <файл PEM> --tls-cert <файл PEM>] — HTTPS; без них слушает
                  только 127.0.0.1
                  [--drift-limit <минуты, 5>] — расхождение часов, о котором сообщать
  enrol-code <код приёмной>
                одноразовый код подключения приёмной (действует 7 дней)
  revoke <узел>  отключить компьютер приёмной (узел — 16 знаков из журнала штаба или пакета): его
                синхронизация больше не принимается, и подключить этот компьютер заново нельзя
  import-bundle <файл приёмной> <файл ответа>
                принять пакет синхронизации с флешки и записать ответный пакет
  add-user <логин> [--role hq_analyst|admin] [--name <ФИО>]
                пользователь штаба для базы аналитиков; пароль — первой строкой со стандартного
                ввода; первый пользователь — администратор
  status        состояние штаба: приёмные, изменения, насколько отстаёт база аналитиков и её ошибка
  rebuild-view  собрать базу аналитиков штаба заново из строк штаба (при остановленном сервере)
  publish <таблица> '<json>'
                разослать справочную запись штаба всем приёмным (органы, шаблоны писем,
                календарь, виды мероприятий, чек-листы, статусы контактов)

Интернет-приёмная (serve с --reception-url <https://…> — адрес, по которому граждане видят штаб):
  serve … --reception-url <адрес> [--smtp <smtp://логин:пароль@сервер:587> --smtp-from <адрес>]
                [--sms-ru-key <ключ>] [--trust-proxy] — формы на /reception/appeal и /reception/volunteer;
                код подтверждения — по почте или SMS (PRIEMNAYA_HQ_SMTP, …_SMTP_FROM, …_SMS_RU_KEY)
  web-route <регион> [<район> [<населённый пункт>]] --office <код приёмной> | --remove
                какая приёмная получает заявки с этой территории (без территории — по умолчанию)
  web-routes    таблица направлений
  web-settings ['<json>']  настройки формы: текст согласия и его версия, размеры, лимиты
  web-stats     заявки: неподтверждённые, ждущие приёмной, доставленные и что с ними сделано

Общие параметры:
  --db <файл SQLite или postgres://…>  база штаба (или переменная PRIEMNAYA_HQ_DB;
                по умолчанию hq.sqlite в текущей папке)
  --view <файл SQLite>  база аналитиков: все приёмные в схеме приёмной, собирается из базы
                штаба (или PRIEMNAYA_HQ_VIEW; по умолчанию рядом с базой штаба: hq.sqlite →
                hq-view.sqlite; для PostgreSQL — ~/.priemnaya/hq-view-<id штаба>.sqlite)`;

export const hqText = {
  tlsNeeded: (host: string) =>
    `Сервер штаба не будет слушать ${host} без TLS: по сети синхронизация шла бы открытым текстом (данные граждан, ключи приёмных). ` +
    'Дайте ему ключ и сертификат в формате PEM: --tls-key <файл> --tls-cert <файл> ' +
    '(или переменные PRIEMNAYA_HQ_TLS_KEY и PRIEMNAYA_HQ_TLS_CERT); сертификат выпустите на имя, по которому приёмные ' +
    'обращаются к штабу. Без сертификата сервер слушает только этот компьютер (--host 127.0.0.1).',
  listening: (url: string) => `Сервер штаба принимает синхронизацию: ${url}`,
  database: (target: string) => `База штаба: ${target}`,
  view: (file: string, seq: number) => `База аналитиков: ${file} (изменения штаба по № ${seq})`,
  firstUserAdmin: 'Первый пользователь штаба — администратор: добавьте его с --role admin',
  noViewAdmin: 'В базе аналитиков нет действующего администратора штаба',
  userRole: 'Роль пользователя штаба: hq_analyst или admin',
  userAdded: (login: string) => `Пользователь штаба добавлен: ${login}`,
  viewFailed: 'Не удалось обновить базу аналитиков; повторим при следующей синхронизации:',
  viewOfAnotherHq: (file: string, owner: string | null) =>
    `База аналитиков ${file} собрана для другого штаба${owner ? ` (${owner})` : ''}, не для этого. ` +
    'Укажите её файл для этого штаба (--view) или соберите её заново: npm run hq -- rebuild-view',
  status: {
    database: (target: string, seq: number) => `База штаба: ${target}; изменений: ${seq}`,
    offices: (offices: number, nodes: number) => `Приёмных: ${offices}, компьютеров: ${nodes}`,
    viewMissing: (file: string) => `База аналитиков: ${file} — ещё не создана (создаст serve)`,
    view: (file: string, cursor: number, behind: number) =>
      `База аналитиков: ${file}; прочитано изменений: ${cursor}` +
      (behind > 0 ? `; отстаёт на ${behind}` : '; всё прочитано'),
    viewOther: 'База аналитиков собрана для другого штаба: npm run hq -- rebuild-view',
    viewError: (at: string | null, message: string) =>
      `ОШИБКА базы аналитиков${at ? ` (${at})` : ''}: ${message}`,
  },
  viewRebuilt: (file: string, rows: number) => `База аналитиков собрана заново: ${file}, строк: ${rows}`,
  revoked: (node: string) =>
    `Компьютер ${node} отключён: штаб больше не принимает его синхронизацию и не подключит его заново.`,
  noSuchNode: (node: string) => `Компьютер ${node} штабу не известен: проверьте узел (16 знаков)`,
  enrolCode: (code: string, office: string) =>
    `Код подключения приёмной ${office}: ${code} (действует 7 дней)`,
  reservedCode: (code: string) =>
    `Код ${code} занят самим штабом (под ним в базе аналитиков его пользователи); дайте приёмной другой код`,
  bundleWritten: (file: string) => `Ответный пакет записан: ${file}`,
  unknownCommand: (c: string) => `Неизвестная команда: ${c}. Справка: npm run hq -- --help`,
  missing: (what: string) => `Не указано: ${what}`,
  tlsPair: 'Для HTTPS нужны оба файла: --tls-key и --tls-cert',
  fileExists: (file: string) => `Файл уже существует: ${file}`,
};

export const syncUi = {
  title: 'Синхронизация со штабом',
  notEnrolled:
    'Приёмная не подключена к штабу. Введите адрес сервера штаба и ключ подключения, полученный в штабе.',
  hqUrl: 'Адрес сервера штаба',
  enrolCode: 'Ключ подключения из штаба',
  enrol: 'Подключить',
  lastSync: 'Последняя синхронизация',
  never: 'ещё не было',
  pending: 'Изменений ждут отправки',
  files: 'Файлы вложений',
  filesWaiting: (toSend: number, toFetch: number) =>
    toSend === 0 && toFetch === 0
      ? 'все на месте'
      : [toSend ? `ждут отправки: ${toSend}` : null, toFetch ? `ещё не получены: ${toFetch}` : null]
          .filter(Boolean)
          .join('; '),
  desk: 'Рабочее место этого компьютера (АРМ)',
  deskOf: (desk: number | null, desks: number) =>
    desk === null
      ? 'ещё не получено: выполните синхронизацию, до тех пор регистрация на этом компьютере недоступна'
      : desks > 1
        ? `№ ${desk} из ${desks}; у каждого компьютера приёмной своя нумерация обращений`
        : `№ ${desk}`,
  syncNow: 'Синхронизировать сейчас',
  syncing: 'Синхронизация…',
  interval: 'Синхронизировать автоматически каждые, мин',
  intervalOff: '0 — только вручную',
  save: 'Сохранить',
  exportBundle: 'Сохранить пакет для штаба (флешка)',
  importBundle: 'Загрузить ответ штаба',
  conflicts: 'Расхождения при объединении',
  noConflicts: 'Расхождений нет.',
  kept: 'Осталось',
  lost: 'Было у нас',
  keepKept: 'Оставить',
  restoreLost: 'Вернуть наше',
  resolved: 'Решено',
  field: 'Поле',
  drift: (minutes: number) =>
    `Часы этого компьютера расходятся с часами штаба на ${minutes} мин. Изменения объединяются в правильном порядке, но поправьте время в Windows.`,
  sent: (n: number) => `Отправлено: ${n}`,
  received: (n: number) => `Получено: ${n}`,
  /** HQ's analyst view: it follows HQ's rows by itself and says how far behind it is. */
  view: {
    title: 'Обновление базы аналитиков',
    about:
      'База аналитиков сама получает изменения, которые приёмные присылают в штаб; синхронизировать её вручную не нужно.',
    lag: 'Отставание от штаба',
    behind: (n: number) =>
      n === 0
        ? 'нет: все изменения штаба прочитаны'
        : `ещё не прочитано изменений штаба: ${n.toLocaleString('ru-RU')}`,
    failed: (message: string) =>
      `Базу аналитиков не удалось обновить, данные на экранах могут быть неполными; обратитесь к администратору штаба (причина для него: ${message}).`,
  },
};

/** Errors in plain words: what happened and what to do, instead of a stack of codes. */
export function plainSyncError(message: string): string {
  if (/did not answer within (\d+) s/.test(message))
    return `Сервер штаба не ответил за ${/within (\d+) s/.exec(message)![1]} с: он перегружен или перезапускается. Изменения сохранены; то, что штаб уже принял, повторно не отправится, остальное уйдёт при следующей синхронизации.`;
  if (/connection to HQ was cut off/.test(message))
    return 'Нет связи с сервером штаба: связь оборвалась посреди синхронизации (сервер штаба остановлен или перезапущен). Изменения сохранены; то, что штаб уже принял, повторно не отправится, остальное уйдёт при следующей синхронизации.';
  if (/fetch failed|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|network/i.test(message))
    return 'Нет связи с сервером штаба. Проверьте интернет; изменения сохранены и уйдут при следующей синхронизации.';
  if (/was revoked at HQ/i.test(message))
    return 'Штаб отключил этот компьютер, и подключить его заново нельзя. Обратитесь в штаб.';
  if (/enrolled for another office|enrolled already/i.test(message))
    return 'Штаб уже знает этот компьютер под другой приёмной или другим ключом. Обратитесь в штаб.';
  if (/token is wrong|revoked|not enrolled/i.test(message))
    return 'Штаб не узнаёт эту приёмную. Попросите в штабе новый код подключения и подключитесь заново.';
  if (/enrolment code/i.test(message))
    return 'Код подключения неверный, уже использован или просрочен. Попросите новый.';
  if (/belongs to another office|another office/i.test(message))
    return 'Штаб отказал: в пакете есть записи другой приёмной. Обратитесь к администратору.';
  if (/signature/i.test(message))
    return 'Пакет повреждён или изменён по дороге — он не принят. Запишите его заново.';
  return `Синхронизация не удалась: ${message}`;
}
