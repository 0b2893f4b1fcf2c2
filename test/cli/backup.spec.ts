import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';

/** `backup` and `restore` of the embedded SQLite database, through the real CLI. */
describe('backup and restore (SQLite)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chitieu-backup-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const live = `sqlite:${path.join(dir, 'live.sqlite')}`;
  const other = `sqlite:${path.join(dir, 'other.sqlite')}`;

  it('copies a database consistently and restores it elsewhere, unit for unit', async () => {
    expect((await runCli(['seed', 'demo'], live)).code).toBe(0);
    const copy = path.join(dir, 'copy.sqlite');
    const backup = await runCli(['backup', copy], live);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/backed up .* \(\d+ pages\)/);
    const restore = await runCli(['restore', copy], other);
    expect(restore.code).toBe(0);
    // The restored database is a working one: seeding it again finds units and loads nothing.
    const again = await runCli(['seed', 'demo'], other);
    expect(again.stdout).toMatch(/already has units/);
  });

  it('refuses to restore a file that is not a database, and leaves the current one alone', async () => {
    const junk = path.join(dir, 'junk.sqlite');
    fs.writeFileSync(junk, 'not a database');
    const before = fs.statSync(path.join(dir, 'other.sqlite')).size;
    const run = await runCli(['restore', junk], other);
    expect(run.code).toBe(1);
    expect(run.stderr.length).toBeGreaterThan(0);
    expect(fs.statSync(path.join(dir, 'other.sqlite')).size).toBe(before);
  });
});
