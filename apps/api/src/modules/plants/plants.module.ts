import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { PlantEntity } from './plant.entity';
import { PlantsController } from './plants.controller';
import { PlantsRepository } from './plants.repository';
import { PlantsService } from './plants.service';

@Module({
  imports: [TypeOrmModule.forFeature([PlantEntity]), UsersModule],
  controllers: [PlantsController],
  providers: [PlantsRepository, PlantsService],
  exports: [PlantsService, PlantsRepository],
})
export class PlantsModule {}
