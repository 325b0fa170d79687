import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PoursModule } from '../pours/pours.module';
import { PlanResponseEntity } from './plan-response.entity';
import { PourOrderEntity } from './pour-order.entity';
import { PourOrdersController } from './pour-orders.controller';
import { PourOrdersRepository } from './pour-orders.repository';
import { PourOrdersService } from './pour-orders.service';

/** The customer's orders for pours and its answers to their plans. */
@Module({
  imports: [TypeOrmModule.forFeature([PourOrderEntity, PlanResponseEntity]), PoursModule],
  controllers: [PourOrdersController],
  providers: [PourOrdersRepository, PourOrdersService],
})
export class PourOrdersModule {}
