/** Strings of the contact model: e-mails, social-network links, the office's own fields, the household. */
import type { ContactFieldType, FieldCondition } from '../../api/contacts';
import type { SocialNetwork } from '../../domain/socials';

const TYPES: Record<ContactFieldType, string> = {
  text: 'Текст',
  number: 'Число',
  date: 'Дата',
  list: 'Список значений',
};

const OPS: Record<FieldCondition['op'], string> = {
  equals: 'равно',
  contains: 'содержит',
  range: 'от … до',
  in: 'одно из',
};

export const contactFieldsUi = {
  /** Settings → Поля контактов, the import's group of targets. */
  title: 'Поля контактов',
  intro:
    'Свои поля приёмной: они появляются в карточке контакта, в фильтрах и сегментах, в импорте и выгрузке.',
  none: 'Своих полей пока нет.',
  name: 'Название',
  type: 'Тип',
  types: TYPES,
  options: 'Значения списка (по одному в строке)',
  required: 'Обязательное',
  requiredMark: 'обязательное',
  add: 'Добавить поле',
  save: 'Сохранить',
  cancel: 'Отмена',
  edit: 'Изменить',
  remove: 'Удалить',
  removeConfirm: (name: string) => `Удалить поле «${name}»? Его значения пропадут из карточек.`,
  up: 'Выше',
  down: 'Ниже',
  /** The card. */
  emails: 'Эл. почта',
  emailKinds: { personal: 'личная', work: 'рабочая', other: 'другая' },
  failing: 'письма не доходят',
  addEmail: 'Добавить адрес',
  socials: 'Соцсети',
  networks: { vk: 'ВКонтакте', telegram: 'Telegram', ok: 'Одноклассники' } satisfies Record<
    SocialNetwork,
    string
  >,
  socialHint: { vk: 'id123 или короткое имя', telegram: '@имя или t.me/имя', ok: 'ok.ru/profile/…' },
  badSocial: {
    vk: 'Это не адрес ВКонтакте: id123, короткое имя или ссылка vk.com/…',
    telegram: 'Это не имя в Telegram: @имя из 5–32 латинских букв, цифр и «_» или ссылка t.me/…',
    ok: 'Это не профиль Одноклассников: ссылка ok.ru/… или номер профиля',
  },
  addSocial: 'Добавить ссылку',
  removeItem: 'Убрать',
  ownFields: 'Поля приёмной',
  badNumber: 'Это не число',
  badDate: 'Это не дата',
  requiredEmpty: 'Заполните это поле',
  datePlaceholder: 'ДД.ММ.ГГГГ',
  household: 'Живут по тому же адресу',
  householdNone: 'Других людей по этому адресу в базе нет.',
  /** Filters and segments. */
  filter: 'Поле приёмной',
  filterAdd: 'Условие по полю',
  ops: OPS,
  from: 'от',
  to: 'до',
  value: 'Значение',
  anyField: '— поле —',
  showInList: 'Показать в списке',
  /** «Столбцы» of the contact list: the office's fields shown as columns. */
  columns: 'Столбцы',
  columnsTitle: 'Поля приёмной в списке',
  columnsHint: 'Отмеченные поля показываются столбцами списка контактов (на этом компьютере).',
  columnsNone: 'Своих полей пока нет: их заводят в Настройках, раздел «Поля контактов».',
} as const;
