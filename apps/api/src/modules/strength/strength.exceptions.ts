import { ConflictError, InvalidInputError, NotFoundError } from '../../platform/errors/domain-error';

export class LotNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('Inspection lot', id);
  }
}

/** GB/T 50107 4.1: one lot is one grade, one mix design, one plant; here also one project. */
export class LotNotUniformError extends InvalidInputError {
  constructor(what: string, pourIds: string[]) {
    super('lot_not_uniform', `A lot's pours must share ${what}; these do not: ${pourIds.join(', ')}`, ['pourIds']);
  }
}

export class PourAlreadyInLotError extends ConflictError {
  constructor(pourId: string, lotName: string) {
    super('pour_already_in_lot', `Pour ${pourId} already belongs to the lot "${lotName}"; a pour's sets count once`, {
      pourId,
      lotName,
    });
  }
}
