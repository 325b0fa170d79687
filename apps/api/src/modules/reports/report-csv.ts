import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | boolean | null | undefined;

/**
 * A table as CSV for a spreadsheet: a header row, then one row per record. A
 * cell that starts with = + - @ (or a tab or carriage return) is prefixed with
 * an apostrophe, so a name typed into Pourline is never run as a formula.
 */
export function toCsv(header: readonly string[], rows: readonly CsvCell[][]): string {
  return stringify([header, ...rows], {
    escape_formulas: true,
    record_delimiter: '\r\n',
    cast: { boolean: (value) => (value ? 'true' : 'false') },
  });
}
