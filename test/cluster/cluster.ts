/** The local Galera cluster of scripts/cluster.sh, driven from a spec or the bench (B8). */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import mysql from 'mysql2/promise';

export const ROOT = path.resolve(__dirname, '../..');
export const GALERA = process.env.GALERA_PROVIDER ?? '/usr/lib/galera/libgalera_smm.so';
export const NODE_PORTS = [3311, 3312, 3313];
export const SERVER_PORTS = [4601, 4602];

/** What the cluster needs from Debian: galera-4, haproxy, rsync (and mariadb-server). Missing ones, named. */
export function missingPackages(): string[] {
  const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
  return [
    ...(fs.existsSync(GALERA) ? [] : ['galera-4']),
    ...(has('haproxy') ? [] : ['haproxy']),
    ...(has('rsync') ? [] : ['rsync']),
    ...(has('mariadbd') ? [] : ['mariadb-server']),
  ];
}

export class Cluster {
  constructor(
    readonly dir: string,
    readonly lbPort = 4600,
  ) {}

  get lbUrl(): string {
    return `http://127.0.0.1:${this.lbPort}`;
  }

  serverUrl(n: 1 | 2): string {
    return `http://127.0.0.1:${SERVER_PORTS[n - 1]}`;
  }

  /** A single-node URL (for the generator and the checks). */
  nodeUrl(n: number, database = 'chitieu'): string {
    return `mysql://root@127.0.0.1:${NODE_PORTS[n - 1]}/${database}`;
  }

  /** Runs a scripts/cluster.sh command; its output goes to the test log, a failure throws. */
  sh(args: string[], env: Record<string, string> = {}): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(path.join(ROOT, 'scripts/cluster.sh'), args, {
        cwd: ROOT,
        env: { ...process.env, CLUSTER_DIR: this.dir, CLUSTER_LB_PORT: String(this.lbPort), ...env },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`cluster.sh ${args.join(' ')} exited with ${code}`))));
    });
  }

  /** A connection to one node that waits, before each read, for what the cluster committed (wsrep_sync_wait). */
  async node(n: number): Promise<mysql.Connection> {
    const c = await mysql.createConnection({ uri: this.nodeUrl(n), decimalNumbers: true, supportBigNumbers: true });
    await c.query('SET SESSION wsrep_sync_wait = 1');
    return c;
  }

  /** wsrep status of one node, over its socket (works while it is joining). */
  async wsrep(n: number): Promise<Record<string, string>> {
    const c = await mysql.createConnection({ socketPath: path.join(this.dir, `node${n}`, 'mysqld.sock'), user: 'root' });
    try {
      const [rows] = await c.query("SHOW STATUS LIKE 'wsrep_%'");
      return Object.fromEntries((rows as { Variable_name: string; Value: string }[]).map((r) => [r.Variable_name, r.Value]));
    } finally {
      await c.end();
    }
  }

  nodeLog(n: number): string {
    return fs.readFileSync(path.join(this.dir, `node${n}`, 'error.log'), 'utf8');
  }
}

/** Runs the CLI's `generate national` (small: one province) against one node. */
export function generate(databaseUrl: string, args: string[]): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'server/dist/cli/index.js'), 'generate', 'national', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`generate national exited with ${code}`));
      resolve(JSON.parse(out.split('\n').find((l) => l.startsWith('{"generate"')) ?? '{}'));
    });
  });
}

/** A module of bench/ (plain ESM, shared with `npm run bench`). */
export function bench<T = Record<string, (...args: never[]) => unknown>>(file: string): Promise<T> {
  return import(/* @vite-ignore */ pathToFileURL(path.join(ROOT, 'bench', file)).href) as Promise<T>;
}
