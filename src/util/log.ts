// The log every stage writes to: the action's (@actions/core) or the CLI's (stderr).

export interface Log {
  info(message: string): void;
  warning(message: string): void;
  notice(message: string): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}
