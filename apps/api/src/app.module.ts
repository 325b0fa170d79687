import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomersModule } from './modules/customers/customers.module';
import { DispatchModule } from './modules/dispatch/dispatch.module';
import { DocumentsModule } from './modules/documents/documents.module';
import { FleetModule } from './modules/fleet/fleet.module';
import { LoadsModule } from './modules/loads/loads.module';
import { MixesModule } from './modules/mixes/mixes.module';
import { PlantsModule } from './modules/plants/plants.module';
import { PoursModule } from './modules/pours/pours.module';
import { PourLogModule } from './modules/pour-log/pour-log.module';
import { ProjectsModule } from './modules/projects/projects.module';
import { QualityModule } from './modules/quality/quality.module';
import { StrengthModule } from './modules/strength/strength.module';
import { PourOrdersModule } from './modules/pour-orders/pour-orders.module';
import { TicketsModule } from './modules/tickets/tickets.module';
import { TrackingModule } from './modules/tracking/tracking.module';
import { AlertsModule } from './modules/alerts/alerts.module';
import { ComplaintsModule } from './modules/complaints/complaints.module';
import { ReportsModule } from './modules/reports/reports.module';
import { EvidenceModule } from './modules/evidence/evidence.module';
import { LiveModule } from './platform/live/live.module';
import { PdfModule } from './platform/pdf/pdf.module';
import { RetentionModule } from './platform/retention/retention.module';
import type { Clock } from './platform/clock/clock';
import { ClockModule } from './platform/clock/clock.module';
import { IdempotencyModule } from './platform/idempotency/idempotency.module';
import { UsersModule } from './modules/users/users.module';
import { AuditModule } from './platform/audit/audit.module';
import { AuthModule } from './platform/auth/auth.module';
import { APP_CONFIG, type AppConfig } from './platform/config/app-config';
import { dataSourceOptions } from './platform/database/data-source-options';
import { ApiExceptionFilter } from './platform/errors/api-exception.filter';
import { HealthController } from './platform/health/health.controller';
import { RedisHealth } from './platform/live/redis-health';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl)),
        ClockModule.forRoot(clock),
        AuditModule,
        LiveModule,
        RetentionModule,
        IdempotencyModule,
        PdfModule,
        AuthModule,
        UsersModule,
        PlantsModule,
        CustomersModule,
        ProjectsModule,
        MixesModule,
        FleetModule,
        PoursModule,
        DocumentsModule,
        LoadsModule,
        QualityModule,
        StrengthModule,
        TrackingModule,
        AlertsModule,
        PourLogModule,
        DispatchModule,
        ComplaintsModule,
        ReportsModule,
        EvidenceModule,
        TicketsModule,
        PourOrdersModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: RedisHealth, useValue: new RedisHealth() },
      ],
      exports: [APP_CONFIG, RedisHealth],
    };
  }
}
