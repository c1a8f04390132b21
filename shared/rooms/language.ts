/** The participant page follows the browser's languages: the first of them that is Japanese or English. */
export function participantLanguage(languages: readonly string[]): 'ja' | 'en' {
  for (const language of languages) {
    const base = language.toLowerCase().split('-')[0];
    if (base === 'ja') return 'ja';
    if (base === 'en') return 'en';
  }
  return 'en';
}
