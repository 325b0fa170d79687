/** One line per notable event; where it goes (console, the API's logger) is the caller's choice. */
export type Log = (line: string) => void;

export function consoleLog(line: string): void {
  const time = new Date().toISOString().slice(11, 19);
  process.stdout.write(`${time} ${line}\n`);
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
