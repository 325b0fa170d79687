/** The browser's own calendar day, 'YYYY-MM-DD' (not the UTC one that toISOString gives). */
export function localIsoDate(date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function shiftIsoDate(isoDate: string, days: number): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return localIsoDate(new Date(year, month - 1, day + days));
}
