/** What went wrong opening a file, in words, from Node's error codes (node:fs). */

const READ_ERROR_WORDS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a directory',
  EMFILE: 'too many open files',
};

/** `no such file`, `is a directory`...; the error's own message for other causes. */
export function describeReadError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code in READ_ERROR_WORDS) return READ_ERROR_WORDS[code] as string;
  const message = error instanceof Error ? error.message : String(error);
  return `cannot read: ${message.split('\n')[0]}`;
}
