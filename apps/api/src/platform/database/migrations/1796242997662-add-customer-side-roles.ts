import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCustomerSideRoles1796242997662 implements MigrationInterface {
  name = 'AddCustomerSideRoles1796242997662';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "project_supervisors" ("project_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_9e44cf9c17f5a5924eac3af0c1e" PRIMARY KEY ("project_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_67dce3518c492a269dc5f94d6a" ON "project_supervisors"  ("project_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_3501ac18139ffcd8c11e780912" ON "project_supervisors"  ("user_id") `);
    await queryRunner.query(`ALTER TABLE "users" ADD "customer_id" uuid`);
    await queryRunner.query(`CREATE INDEX "IDX_c7bc1ffb56c570f42053fa7503" ON "users"  ("customer_id") `);
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_c7bc1ffb56c570f42053fa7503b" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "project_supervisors" ADD CONSTRAINT "FK_67dce3518c492a269dc5f94d6a4" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "project_supervisors" ADD CONSTRAINT "FK_3501ac18139ffcd8c11e7809120" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "project_supervisors" DROP CONSTRAINT "FK_3501ac18139ffcd8c11e7809120"`);
    await queryRunner.query(`ALTER TABLE "project_supervisors" DROP CONSTRAINT "FK_67dce3518c492a269dc5f94d6a4"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_c7bc1ffb56c570f42053fa7503b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c7bc1ffb56c570f42053fa7503"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "customer_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3501ac18139ffcd8c11e780912"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_67dce3518c492a269dc5f94d6a"`);
    await queryRunner.query(`DROP TABLE "project_supervisors"`);
  }
}
