/** The canonical logger: one per component, named. */
export interface Logger {
  readonly lines: string[];
  info(message: string): void;
}

export function createLogger(name: string): Logger {
  const lines: string[] = [];
  return { lines, info: (message: string) => void lines.push(`[${name}] ${message}`) };
}
