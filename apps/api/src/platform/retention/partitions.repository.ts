import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { nextDay, partitionName } from './daily-partitions';

/** A table partitioned by day on `timeColumn`, with a `<table>_default` partition. */
export interface DailyTable {
  table: string;
  timeColumn: string;
}

/**
 * DDL and row moves for daily partitions. Names come from the code and the
 * catalog, never from a request; they are quoted all the same.
 */
@Injectable()
export class PartitionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async partitionsOf({ table }: DailyTable): Promise<string[]> {
    const rows: { name: string }[] = await this.dataSource.query(
      `SELECT child.relname AS name FROM pg_inherits
         JOIN pg_class child ON child.oid = pg_inherits.inhrelid
        WHERE pg_inherits.inhparent = to_regclass($1)`,
      [table],
    );
    return rows.map((row) => row.name);
  }

  /** The UTC days of the rows that landed in the default partition because their day had none. */
  async daysInDefault({ table, timeColumn }: DailyTable): Promise<Date[]> {
    const rows: { day: Date }[] = await this.dataSource.query(
      `SELECT DISTINCT date_trunc('day', ${quote(timeColumn)}, 'UTC') AS day FROM ${quote(`${table}_default`)}`,
    );
    return rows.map((row) => row.day);
  }

  /**
   * Gives a day its partition, moving into it any rows of that day the
   * default partition holds (a partition cannot be added over rows the
   * default partition has for its range).
   */
  async createDay(manager: EntityManager, { table, timeColumn }: DailyTable, day: Date): Promise<string> {
    const name = partitionName(table, day);
    const [from, to] = [day.toISOString(), nextDay(day).toISOString()];
    await manager.query(`CREATE TABLE ${quote(name)} (LIKE ${quote(table)} INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
    await manager.query(
      `WITH moved AS (
         DELETE FROM ${quote(`${table}_default`)} WHERE ${quote(timeColumn)} >= $1 AND ${quote(timeColumn)} < $2
         RETURNING *
       ) INSERT INTO ${quote(name)} SELECT * FROM moved`,
      [from, to],
    );
    await manager.query(
      `ALTER TABLE ${quote(table)} ATTACH PARTITION ${quote(name)} FOR VALUES FROM ('${from}') TO ('${to}')`,
    );
    return name;
  }

  async dropPartition(manager: EntityManager, name: string): Promise<void> {
    await manager.query(`DROP TABLE ${quote(name)}`);
  }

  /** Deletes the default partition's rows of one day. */
  async purgeDefaultDay(manager: EntityManager, { table, timeColumn }: DailyTable, day: Date): Promise<void> {
    await manager.query(
      `DELETE FROM ${quote(`${table}_default`)} WHERE ${quote(timeColumn)} >= $1 AND ${quote(timeColumn)} < $2`,
      [day.toISOString(), nextDay(day).toISOString()],
    );
  }

  /** The highest event number in a partition, or in the default partition's rows of one day. */
  async highestSeq(manager: EntityManager, relation: string, day?: { timeColumn: string; day: Date }): Promise<number> {
    const where = day ? `WHERE ${quote(day.timeColumn)} >= $1 AND ${quote(day.timeColumn)} < $2` : '';
    const params = day ? [day.day.toISOString(), nextDay(day.day).toISOString()] : [];
    const [row]: { seq: string | null }[] = await manager.query(
      `SELECT max(seq) AS seq FROM ${quote(relation)} ${where}`,
      params,
    );
    return Number(row.seq ?? 0);
  }
}

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}
