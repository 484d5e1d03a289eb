/**
 * The one error type of the trial history, with a fixed message per kind that the page can
 * show as it is. Every failing write aborts its transaction as a whole, so each message can
 * promise that nothing already stored was changed.
 */

export type StorageErrorKind =
  /** IndexedDB is missing or refuses to open (private mode, disabled storage, sandboxed page). */
  | 'unavailable'
  /** The browser's storage quota for this site is used up. */
  | 'full'
  /** Another tab keeps an older version of the history open, so it cannot be upgraded. */
  | 'blocked'
  /** The connection was closed (another tab upgraded the history, or the browser cleared it). */
  | 'closed'
  /** A person or trial that is not (or no longer) in the history. */
  | 'not-found'
  /** Input that cannot be stored (an empty name, a birth year out of range...). */
  | 'invalid'
  /** Any other failure of a read or write. */
  | 'failed';

/** The fixed messages; `detail` (the browser's own wording) is appended where it helps. */
export const STORAGE_MESSAGES: Readonly<Record<StorageErrorKind, string>> = {
  unavailable:
    'Storage is not available in this browser (private mode or storage turned off): results are shown but not kept. Export them to keep them.',
  full: 'Storage is full: this trial was not saved. Export it now; nothing already stored was changed.',
  blocked:
    'The history is open in another tab with an older version of Stork: close that tab, then reload this page.',
  closed:
    'The history was closed (Stork was updated in another tab, or the browser cleared it): reload this page.',
  'not-found': 'Not in the history',
  invalid: 'Cannot be stored',
  failed: 'The history could not be read or written; nothing already stored was changed.',
};

export class StorageError extends Error {
  override name = 'StorageError';
  readonly kind: StorageErrorKind;
  /** The browser's error, when there was one. */
  override readonly cause: unknown;

  constructor(kind: StorageErrorKind, detail?: string, cause?: unknown) {
    super(detail ? `${STORAGE_MESSAGES[kind]}: ${detail}` : STORAGE_MESSAGES[kind]);
    this.kind = kind;
    this.cause = cause;
  }
}

/**
 * Names under which browsers report a full quota: the standard `QuotaExceededError`
 * (Chromium, WebKit, current Firefox) and Firefox's older `NS_ERROR_DOM_QUOTA_REACHED`
 * (https://developer.mozilla.org/en-US/docs/Web/API/Storage_API/Storage_quotas_and_eviction_criteria).
 */
const QUOTA_ERROR_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

const nameOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';

/** True when `error` (or the transaction error behind an AbortError) says the quota is used up. */
export function isQuotaError(error: unknown, transactionError?: unknown): boolean {
  return QUOTA_ERROR_NAMES.has(nameOf(error)) || QUOTA_ERROR_NAMES.has(nameOf(transactionError));
}

/**
 * The StorageError for whatever a read or write threw. A commit that runs out of quota shows
 * up as the transaction's error (Chromium aborts at commit) or as the request's error; a
 * closed connection as InvalidStateError.
 */
export function toStorageError(error: unknown, transactionError?: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const detail =
    error instanceof Error || nameOf(error) ? `${nameOf(error)} ${messageOf(error)}`.trim() : undefined;
  if (isQuotaError(error, transactionError)) return new StorageError('full', undefined, error);
  if (nameOf(error) === 'InvalidStateError') return new StorageError('closed', undefined, error);
  return new StorageError('failed', detail, error);
}

function messageOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : '';
}
