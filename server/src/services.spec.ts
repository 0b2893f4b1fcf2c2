import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import type { ResolverData } from 'type-graphql';
import { createServices, resolverContainer } from './services';
import { resolvers } from './schema';
import { AuthChecker } from './common/auth-checker';

// Wiring only: the constructors keep the data source and never query it, so it is never opened.
const ds = new DataSource({ type: 'better-sqlite3', database: ':memory:' });
const data = {} as ResolverData<object>;

describe('the composition root (services.ts)', () => {
  it('gives TypeGraphQL one ready instance of every resolver class and of the auth checker', () => {
    const container = resolverContainer(createServices(ds, { sessionHours: 12 }));
    for (const cls of resolvers) {
      const instance = container.get(cls, data);
      expect(instance, cls.name).toBeInstanceOf(cls);
      expect(container.get(cls, data), cls.name).toBe(instance);
    }
    expect(container.get(AuthChecker, data)).toBeInstanceOf(AuthChecker);
  });

  it('refuses a class it was not given, rather than building one without its dependencies', () => {
    const container = resolverContainer(createServices(ds, { sessionHours: 12 }));
    class Stray {}
    expect(() => container.get(Stray, data)).toThrow(/no instance of Stray/);
  });

  it('keeps two servers apart: each composition root has its own services and resolvers', () => {
    const [a, b] = [createServices(ds, { sessionHours: 12 }), createServices(ds, { sessionHours: 12 })];
    expect(a.targets).not.toBe(b.targets);
    expect(resolverContainer(a).get(resolvers[0], data)).not.toBe(resolverContainer(b).get(resolvers[0], data));
  });

  it('leaves no service reachable through the request context', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.ts$/.test(entry.name) && /\bctx\.services\b|\bcontext\.services\b/.test(fs.readFileSync(file, 'utf8'))) offenders.push(path.relative(__dirname, file));
      }
    };
    walk(__dirname);
    expect(offenders).toEqual([]);
  });
});
