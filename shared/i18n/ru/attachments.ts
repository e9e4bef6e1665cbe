/**
 * The «Файлы» block of the appeal card and the request's «Прикрепить ответ»; exposed to views as `A`
 * (renderer/src/i18n). The server's attachment messages are merged into `serverMessages`.
 */
import { formatNumber } from '../../domain/number';

const KIB = 1024;
const MIB = 1024 * 1024;

/** `512 Б`, `12,3 КБ`, `4,5 МБ`: sizes as an office reads them. */
function fileSize(bytes: number): string {
  if (bytes < KIB) return `${bytes} Б`;
  if (bytes < MIB) return `${formatNumber(bytes / KIB)} КБ`;
  return `${formatNumber(bytes / MIB)} МБ`;
}

export const attachments = {
  title: 'Файлы',
  none: 'Файлов пока нет.',
  attach: 'Прикрепить файл',
  attachAnswer: 'Прикрепить ответ',
  attaching: 'Файл загружается…',
  loading: 'Список файлов загружается…',
  listLabel: 'Прикреплённые файлы',
  download: (name: string) => `Скачать «${name}»`,
  attached: (name: string) => `Файл «${name}» прикреплён.`,
  toRequest: (seq: number) => `ответ на запрос № ${seq}`,
  fileSize,
  tooLarge: (maxBytes: number) => `Файл больше ${fileSize(maxBytes)}; такой не прикрепить.`,
  wrongType:
    'Такой тип файла не принимается. Можно PDF, JPEG, PNG, TIFF, документы Word (DOC, DOCX), OpenDocument (ODT) и текст (TXT).',
  accept: '.pdf,.jpg,.jpeg,.png,.tif,.tiff,.doc,.docx,.odt,.txt',
};

export const attachmentServerMessages: Record<string, string> = {
  'this file type is not accepted': attachments.wrongType,
  'a file name without path separators': 'Имя файла не должно содержать / или \\',
  'not base64': 'Содержимое файла передано неверно',
  'the file is empty': 'Файл пустой: прикреплять нечего',
  'the content is not of the declared file type':
    'Содержимое файла не соответствует его типу (например, программа, переименованная в .pdf); такой файл не прикрепить',
  'a file name without direction-control characters':
    'В имени файла есть невидимые знаки, меняющие направление текста: переименуйте файл',
  'a file name Windows can keep':
    'Такое имя файла Windows не сохранит (CON, PRN, AUX, NUL, COM1–9, LPT1–9, знаки < > : " | ? * или точка в конце): переименуйте файл',
  'the file is damaged on this computer: its content no longer matches what was attached. Restore the data folder from a backup or attach the file again; if it was attached on another computer, that computer still has it':
    'Файл на этом компьютере повреждён: его содержимое уже не то, что прикрепляли. Восстановите папку данных из резервной копии или прикрепите файл заново; если файл прикрепляли на другом компьютере, там он цел.',
  'the request belongs to another appeal': 'Запрос относится к другому обращению',
  'no such request': 'Такого запроса нет',
  'no such attachment': 'Такого файла нет',
  'the file is not on this computer yet: it was attached on another one and comes with a sync once that one has sent it, or it was removed from the data folder':
    'Файла пока нет на этом компьютере: его приложили на другом, и он придёт с синхронизацией, когда тот компьютер его отправит (или файл удалили из папки данных).',
};
