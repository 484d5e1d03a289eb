/**
 * "Delete all my data": removes everything Stork keeps about people and trials on this device,
 * and says what it removed. What Stork keeps, all of it local to the site:
 * - IndexedDB databases whose name starts with "stork" (the trial history, schema.ts);
 * - localStorage and sessionStorage entries whose key starts with "stork." (the last set-up,
 *   the current person, the order of the legs, the test session under way in a tab);
 * - Cache Storage caches whose name starts with "stork" (none today; the app's own files are
 *   precached by the service worker under "workbox-precache-…", which holds no user data and
 *   stays, so the app still opens offline).
 * Only names with Stork's prefix are touched: a site such as `user.github.io` can host other
 * apps on the same origin, whose data is theirs.
 */
import { DATABASE_NAME } from './schema';

/** Names of Stork's IndexedDB databases and caches start with this. */
export const DATA_NAME_PREFIX = 'stork';
/** Keys of Stork's localStorage and sessionStorage entries start with this. */
export const STORAGE_KEY_PREFIX = 'stork.';

/**
 * How long to wait for a database that another tab keeps open, ms. The history closes its
 * connection when asked (connection.ts, `onversionchange`), so a wait happens only with an
 * older Stork open elsewhere; the deletion then completes when that tab closes.
 */
export const BLOCKED_WAIT_MS = 3000;

export interface DeleteAllOptions {
  /** @default globalThis.indexedDB (null: none) */
  indexedDB?: IDBFactory | null;
  /** @default globalThis.localStorage (null: none) */
  localStorage?: Storage | null;
  /** @default globalThis.sessionStorage (null: none) */
  sessionStorage?: Storage | null;
  /** @default globalThis.caches (null: none) */
  caches?: CacheStorage | null;
  /** @default BLOCKED_WAIT_MS */
  blockedWaitMs?: number;
}

export interface DeletionReport {
  /** IndexedDB databases deleted. */
  databases: string[];
  /** Databases another tab keeps open: deleted as soon as that tab closes. */
  databasesWaiting: string[];
  /** localStorage and sessionStorage keys removed. */
  storageKeys: string[];
  /** Cache Storage caches deleted. */
  caches: string[];
  /** What could not be deleted, one line each ("localStorage: SecurityError ..."). */
  failures: string[];
}

/** A global that may be missing or throw on access (storage turned off, sandboxed frames). */
function global<T>(read: () => T | undefined): T | null {
  try {
    return read() ?? null;
  } catch {
    return null;
  }
}

function message(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Stork's database names: all listed ones with the prefix, or the history's name where listing is missing. */
async function storkDatabases(factory: IDBFactory): Promise<string[]> {
  if (typeof factory.databases !== 'function') return [DATABASE_NAME];
  const listed = await factory.databases();
  return listed.flatMap((info) =>
    info.name !== undefined && info.name.startsWith(DATA_NAME_PREFIX) ? [info.name] : [],
  );
}

function deleteDatabase(
  factory: IDBFactory,
  name: string,
  blockedWaitMs: number,
): Promise<'deleted' | 'waiting'> {
  return new Promise((resolve, reject) => {
    const request = factory.deleteDatabase(name);
    let timer: ReturnType<typeof setTimeout> | undefined;
    request.onsuccess = () => {
      clearTimeout(timer);
      resolve('deleted');
    };
    request.onerror = () => {
      clearTimeout(timer);
      reject(request.error ?? new Error('deleteDatabase failed'));
    };
    request.onblocked = () => {
      timer ??= setTimeout(() => resolve('waiting'), blockedWaitMs);
    };
  });
}

function removeKeys(storage: Storage): string[] {
  const keys: string[] = [];
  for (let k = 0; k < storage.length; k++) {
    const key = storage.key(k);
    if (key !== null && key.startsWith(STORAGE_KEY_PREFIX)) keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
  return keys;
}

/**
 * Deletes Stork's databases, storage entries and caches (see the file comment). Never rejects:
 * what fails is listed in `failures`, and the rest is still deleted.
 *
 * @example
 *   const report = await deleteAllData();
 *   // { databases: ['stork-history'], storageKeys: ['stork.setup.v1'], caches: [], ... }
 */
export async function deleteAllData(options: DeleteAllOptions = {}): Promise<DeletionReport> {
  const factory = options.indexedDB !== undefined ? options.indexedDB : global(() => globalThis.indexedDB);
  const stores = [
    [
      'localStorage',
      options.localStorage !== undefined ? options.localStorage : global(() => globalThis.localStorage),
    ],
    [
      'sessionStorage',
      options.sessionStorage !== undefined ? options.sessionStorage : global(() => globalThis.sessionStorage),
    ],
  ] as const;
  const cacheStorage = options.caches !== undefined ? options.caches : global(() => globalThis.caches);
  const blockedWaitMs = options.blockedWaitMs ?? BLOCKED_WAIT_MS;
  const report: DeletionReport = {
    databases: [],
    databasesWaiting: [],
    storageKeys: [],
    caches: [],
    failures: [],
  };

  if (factory !== null) {
    try {
      for (const name of await storkDatabases(factory)) {
        try {
          const outcome = await deleteDatabase(factory, name, blockedWaitMs);
          (outcome === 'deleted' ? report.databases : report.databasesWaiting).push(name);
        } catch (error) {
          report.failures.push(`IndexedDB ${name}: ${message(error)}`);
        }
      }
    } catch (error) {
      report.failures.push(`IndexedDB: ${message(error)}`);
    }
  }
  for (const [label, storage] of stores) {
    if (storage === null) continue;
    try {
      report.storageKeys.push(...removeKeys(storage));
    } catch (error) {
      report.failures.push(`${label}: ${message(error)}`);
    }
  }
  if (cacheStorage !== null) {
    try {
      for (const name of await cacheStorage.keys()) {
        if (name.startsWith(DATA_NAME_PREFIX) && (await cacheStorage.delete(name))) report.caches.push(name);
      }
    } catch (error) {
      report.failures.push(`Cache Storage: ${message(error)}`);
    }
  }
  return report;
}
