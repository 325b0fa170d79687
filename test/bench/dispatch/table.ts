/** A plain text table: columns padded to their widest cell, numbers to the right. */
export function printTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): void {
  const cells = [header, ...rows].map((row) => row.map((cell) => String(cell)));
  const widths = header.map((_, c) => Math.max(...cells.map((row) => row[c].length)));
  const line = (row: readonly string[], source: readonly (string | number)[]) =>
    row
      .map((cell, c) => (typeof source[c] === 'number' ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ');
  console.log(line(cells[0], header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  rows.forEach((row, r) => console.log(line(cells[r + 1], row)));
}
