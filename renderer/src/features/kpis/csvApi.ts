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
  parseCsvText,
} from '../../../../shared/kpi/csv';
