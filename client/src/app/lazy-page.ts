import { lazy, type ComponentType } from 'react';

/** Route-level code splitting: each page is its own chunk, so the login route stays small. */
export function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}
