/** The CSV import API of the KPI core, in one place for the import's worker and dialog. */
export {
  type CsvMapping,
  type CsvPreview,
  type CsvProblem,
  type CsvRowError,
  type CsvTable,
  type DateOrder,
  decodeCsvBytes,
  guessMapping,
  importCsv,
  type LeadField,
  MAX_CSV_BYTES,
  MAX_CSV_ROWS,
  parseCsvText,
} from '@shared/kpi/csv';
