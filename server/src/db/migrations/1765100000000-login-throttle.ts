import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/*
 * Login throttling in the database (issue #11, class 7): the counts survive a restart and every
 * server process of one database sees the same ones. Hand-written, no entity imports, safe to run
 * again after a half-finished run on MySQL.
 */
export class LoginThrottle1765100000000 implements MigrationInterface {
  name = 'LoginThrottle1765100000000';

  async up(q: QueryRunner): Promise<void> {
    if (await q.hasTable('login_failure')) return;
    await q.createTable(
      new Table({
        name: 'login_failure',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'username', type: 'varchar', length: '64', isNullable: false },
          { name: 'address', type: 'varchar', length: '64', isNullable: false },
          { name: 'at', type: 'bigint', isNullable: false },
        ],
        indices: [
          new TableIndex({ name: 'IDX_login_failure_username', columnNames: ['username', 'at'] }),
          new TableIndex({ name: 'IDX_login_failure_address', columnNames: ['address', 'at'] }),
        ],
      }),
      true,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('login_failure', true);
  }
}
