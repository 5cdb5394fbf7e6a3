/**
 * RFC 4180 CSV. Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) are prefixed with
 * an apostrophe, so an exported audit trail cannot carry a formula injection into Excel.
 */
export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  return csvLines([header, ...rows])
}

/** Rows as CSV lines, each ending in CRLF, with no header: a long export is written a batch at a time. */
export function csvLines(rows: (string | number | null | undefined)[][]): string {
  return rows.map((row) => `${row.map(cell).join(',')}\r\n`).join('')
}

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded
}
