import { CustomerEntity } from '../../modules/customers/customer.entity';
import { PourDocumentEntity } from '../../modules/documents/pour-document.entity';
import { PumpEntity } from '../../modules/fleet/pump.entity';
import { TruckEntity } from '../../modules/fleet/truck.entity';
import { MixEntity } from '../../modules/mixes/mix.entity';
import { PlantEntity } from '../../modules/plants/plant.entity';
import { PourEntity } from '../../modules/pours/pour.entity';
import { ProjectEntity } from '../../modules/projects/project.entity';
import { UserEntity } from '../../modules/users/user.entity';
import { AuditEntryEntity } from '../audit/audit-entry.entity';

export const ENTITIES = [
  UserEntity,
  PlantEntity,
  CustomerEntity,
  ProjectEntity,
  MixEntity,
  TruckEntity,
  PumpEntity,
  PourEntity,
  PourDocumentEntity,
  AuditEntryEntity,
];
