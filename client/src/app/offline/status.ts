import { useSyncExternalStore } from 'react';

/**
 * Whether the screen is working without the server: the browser says it has no network, or the
 * last answer came from the device (offline-link.ts) because the server could not be reached.
 */
let servedFromDevice = false;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function setServedFromDevice(value: boolean): void {
  if (servedFromDevice === value) return;
  servedFromDevice = value;
  emit();
}

export function isOffline(): boolean {
  return servedFromDevice || (typeof navigator !== 'undefined' && navigator.onLine === false);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** Re-renders when the link goes or comes back. */
export function useOffline(): boolean {
  return useSyncExternalStore(subscribe, isOffline, () => false);
}
