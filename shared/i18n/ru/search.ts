/** What an empty search result suggests trying, in the registry and the contact base. */
export const searchUi = {
  /**
   * The registry found nothing: the query's words are all needed, a word is matched in any of its forms and
   * by its start, and the other filters narrow the search too.
   */
  registryNothing(q: string, otherFilters: boolean): string[] {
    const words = q.split(/\s+/).filter(Boolean);
    return [
      q ? `Ничего не найдено по запросу «${q}».` : 'Ничего не найдено.',
      ...(words.length > 1 ? ['Уберите лишние слова: найдутся обращения, где есть каждое из слов.'] : []),
      ...(q
        ? [
            'Напишите начало слова или фамилии — падеж не важен: «крыш», «кузнецов». Номер или телефон — целиком.',
          ]
        : []),
      ...(otherFilters || !q ? ['Проверьте фильтры или сбросьте их.'] : []),
    ];
  },
} as const;
