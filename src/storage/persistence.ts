/**
 * The Storage API (https://storage.spec.whatwg.org/): ask the browser not to evict the history
 * under storage pressure, and read how much is used. Both are feature-detected: Safari before
 * 15.2 and some embedded browsers have no `navigator.storage`.
 */

/**
 * 'persisted': the browser will not evict the history on its own; 'best-effort': it may, when
 * the device runs out of space (Chromium grants persistence on its own heuristics, e.g. an
 * installed app or a bookmarked site; Firefox asks the user); 'unsupported': no Storage API.
 */
export type PersistenceState = 'persisted' | 'best-effort' | 'unsupported';

export interface StorageUse {
  /** Bytes this site uses (all its storage, not only the history). */
  usageBytes: number;
  /** Bytes the browser would let it use. */
  quotaBytes: number;
}

/** `navigator.storage` where the platform has it. */
export function defaultStorageManager(): StorageManager | null {
  return typeof navigator !== 'undefined' && navigator.storage ? navigator.storage : null;
}

/** Asks for persistent storage (once granted, asking again costs nothing). */
export async function requestPersistence(manager: StorageManager | null): Promise<PersistenceState> {
  if (!manager || typeof manager.persist !== 'function') return 'unsupported';
  if (typeof manager.persisted === 'function' && (await manager.persisted())) return 'persisted';
  return (await manager.persist()) ? 'persisted' : 'best-effort';
}

/** Usage and quota, or null without the Storage API. */
export async function estimateUse(manager: StorageManager | null): Promise<StorageUse | null> {
  if (!manager || typeof manager.estimate !== 'function') return null;
  const estimate = await manager.estimate();
  return { usageBytes: estimate.usage ?? 0, quotaBytes: estimate.quota ?? 0 };
}
