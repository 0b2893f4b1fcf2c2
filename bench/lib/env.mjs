/** Paths, the server's modules (its built dist), and small helpers shared by the scenarios. */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const serverRequire = createRequire(path.join(root, 'server/package.json'));
serverRequire('reflect-metadata');

/** A module of the built server: `server('db/data-source')`. */
export function server(mod) {
  return serverRequire(path.join(root, 'server/dist', mod));
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function log(...args) {
  console.log(...args);
}
