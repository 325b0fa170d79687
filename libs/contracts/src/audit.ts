import { z } from 'zod';
import { PageQuery, Uuid } from './common';

export const AUDIT_ENTITY_TYPES = ['pour', 'pour_document', 'user', 'delivery_ticket'] as const;

export const AuditQuery = PageQuery.extend({
  entityType: z.enum(AUDIT_ENTITY_TYPES).optional(),
  entityId: Uuid.optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export interface AuditEntryDto {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string;
  entityType: (typeof AUDIT_ENTITY_TYPES)[number];
  entityId: string;
  action: string;
  changes: Record<string, unknown>;
}
