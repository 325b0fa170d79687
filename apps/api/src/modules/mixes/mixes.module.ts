import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MixEntity } from './mix.entity';
import { MixesController } from './mixes.controller';
import { MixesRepository } from './mixes.repository';
import { MixesService } from './mixes.service';

@Module({
  imports: [TypeOrmModule.forFeature([MixEntity])],
  controllers: [MixesController],
  providers: [MixesRepository, MixesService],
  exports: [MixesRepository, MixesService],
})
export class MixesModule {}
