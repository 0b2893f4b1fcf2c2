import { Table, TableIndex, type MigrationInterface, type QueryRunner, type TableColumnOptions } from 'typeorm';

/*
 * The first schema, written by hand with the QueryRunner API so it runs unchanged on SQLite
 * and MySQL/MariaDB. Never edit once merged: add a new migration. No entity imports.
 * Each table is created only if missing, so a half-finished run on MySQL (DDL is not
 * transactional there) can simply be run again.
 */
const id: TableColumnOptions = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' };
const int = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable });
const varchar = (name: string, length: number, isNullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable });
const text = (name: string, isNullable = true): TableColumnOptions => ({ name, type: 'text', isNullable });
const double = (name: string, isNullable = true): TableColumnOptions => ({ name, type: 'double', isNullable });
const datetime = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'datetime', isNullable });
// Booleans default to 1/0: the spelling both dialects store and TypeORM compares against.
const bool = (name: string, dflt: boolean): TableColumnOptions => ({ name, type: 'boolean', isNullable: false, default: dflt ? 1 : 0 });

const index = (table: string, name: string, columnNames: string[], isUnique = false) => new TableIndex({ name: `IDX_${table}_${name}`, columnNames, isUnique });

const tables: Table[] = [
  new Table({
    name: 'unit',
    columns: [
      id,
      varchar('code', 32, true),
      varchar('name', 255),
      varchar('nameFolded', 255),
      varchar('kind', 32),
      int('level'),
      int('parentId', true),
      varchar('path', 255),
      int('depth'),
      varchar('validFrom', 10, true),
      varchar('validTo', 10, true),
      datetime('createdAt'),
    ],
    indices: [index('unit', 'path', ['path']), index('unit', 'parent', ['parentId']), index('unit', 'code', ['code']), index('unit', 'name_folded', ['nameFolded'])],
  }),
  new Table({
    name: 'unit_link',
    columns: [id, int('predecessorId'), int('successorId'), varchar('effectiveDate', 10)],
    indices: [index('unit_link', 'pair', ['predecessorId', 'successorId'], true), index('unit_link', 'successor', ['successorId'])],
  }),
  new Table({
    name: 'app_user',
    columns: [
      id,
      varchar('username', 64),
      varchar('passwordHash', 255),
      varchar('displayName', 255, true),
      varchar('role', 32),
      int('unitId', true),
      bool('active', true),
      datetime('createdAt'),
    ],
    indices: [index('app_user', 'username', ['username'], true), index('app_user', 'unit', ['unitId'])],
  }),
  new Table({
    name: 'session',
    columns: [id, varchar('tokenHash', 64), int('userId'), datetime('createdAt'), datetime('expiresAt'), datetime('revokedAt', true)],
    indices: [index('session', 'token', ['tokenHash'], true), index('session', 'user', ['userId'])],
  }),
  new Table({
    name: 'indicator',
    columns: [
      id,
      varchar('code', 64),
      text('name', false),
      varchar('measure', 16),
      varchar('comparator', 16),
      varchar('unitOfMeasure', 64),
      text('numeratorLabel'),
      text('denominatorLabel'),
      double('hardMinimum'),
      text('legalBasis'),
      text('notes'),
      text('scoring'),
      int('ownerUnitId', true),
      datetime('createdAt'),
    ],
    indices: [index('indicator', 'owner_code', ['ownerUnitId', 'code'])],
  }),
  new Table({
    name: 'plan',
    columns: [
      id,
      int('issuerId'),
      int('year'),
      text('title', false),
      varchar('documentNumber', 128, true),
      varchar('documentDate', 10, true),
      text('legalBasis'),
      varchar('status', 16),
      varchar('subAssignmentDeadline', 10, true),
      datetime('issuedAt', true),
      int('version'),
      datetime('createdAt'),
      datetime('updatedAt'),
    ],
    indices: [index('plan', 'issuer_year', ['issuerId', 'year'])],
  }),
  new Table({
    name: 'plan_indicator',
    columns: [id, int('planId'), int('indicatorId'), varchar('section', 32, true), varchar('position', 32, true), text('floors', false), int('sortOrder')],
    indices: [index('plan_indicator', 'pair', ['planId', 'indicatorId'], true)],
  }),
  new Table({
    name: 'plan_task',
    columns: [
      id,
      int('planId'),
      varchar('position', 32, true),
      text('content', false),
      text('leads', false),
      text('coordinators', false),
      varchar('timeFrame', 64, true),
      text('deliverable'),
      int('sortOrder'),
    ],
    indices: [index('plan_task', 'plan', ['planId'])],
  }),
  new Table({
    name: 'target',
    columns: [
      id,
      int('planId'),
      int('indicatorId'),
      int('unitId'),
      varchar('unitPath', 255),
      double('value', false),
      varchar('comparator', 16),
      double('baseline'),
      varchar('baselineSource', 255, true),
      double('referenceValue'),
      varchar('referenceLabel', 255, true),
      varchar('origin', 16),
      int('parentTargetId', true),
      int('assignedById'),
      text('note'),
      bool('late', false),
      int('version'),
      int('updatedById', true),
      datetime('createdAt'),
      datetime('updatedAt'),
    ],
    indices: [
      index('target', 'key', ['planId', 'indicatorId', 'unitId'], true),
      index('target', 'plan_path', ['planId', 'indicatorId', 'unitPath']),
      index('target', 'unit', ['unitId']),
    ],
  }),
  new Table({
    name: 'result',
    columns: [
      id,
      int('unitId'),
      int('indicatorId'),
      varchar('period', 7),
      varchar('unitPath', 255),
      double('numerator'),
      double('denominator'),
      double('value'),
      varchar('source', 16),
      int('updatedById', true),
      datetime('updatedAt'),
    ],
    indices: [index('result', 'key', ['unitId', 'indicatorId', 'period'], true), index('result', 'rollup', ['indicatorId', 'period', 'unitPath'])],
  }),
  new Table({
    name: 'audit_log',
    columns: [
      id,
      datetime('at'),
      int('userId', true),
      varchar('entity', 32),
      varchar('entityId', 64),
      varchar('action', 32),
      varchar('unitPath', 255, true),
      text('before'),
      text('after'),
      varchar('requestId', 64, true),
    ],
    indices: [index('audit_log', 'entity', ['entity', 'entityId']), index('audit_log', 'unit', ['unitPath']), index('audit_log', 'at', ['at'])],
  }),
];

export class InitialSchema1732300000000 implements MigrationInterface {
  name = 'InitialSchema1732300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of tables) {
      if (!(await queryRunner.hasTable(table.name))) await queryRunner.createTable(table, false, false, true);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...tables].reverse()) await queryRunner.dropTable(table.name, true);
  }
}
