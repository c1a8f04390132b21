/** English strings of the hardening work (merged into `en.hardening`); `hardening.ja.ts` has the same keys. */
export const hardeningEn = {
  pdf: {
    /** A verdict on a file refused as hostile or oversized: {{reason}} is one of `refusals`. */
    unreadable: 'This file cannot be read: {{reason}}',
    refusals: {
      fileTooLarge: 'it is larger than {{limit}}, the most Alignboard reads.',
      chainedFilters: 'part of it is compressed several times over ({{filters}}), as in files made to exhaust the memory.',
      hiddenFilter: 'it hides how its contents are compressed (an indirect or escaped filter name).',
      streamTooLarge: 'a compressed part of it expands to more than {{limit}}.',
      badXrefStream: 'its cross-reference table declares more entries than it holds.',
      tooSlow: 'reading it took longer than {{seconds}} seconds, so it was stopped.',
      readerFailed: 'the PDF reader stopped while reading it (the file may be damaged or made to exhaust the memory).',
    },
  },
  printView: {
    bar: 'Print view',
    back: 'Back',
    print: 'Print…',
  },
} as const;
