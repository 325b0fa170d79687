import { ConflictError } from '../../platform/errors/domain-error';

export class PourOrderAnsweredError extends ConflictError {
  constructor(status: string, byName: string | null) {
    super('pour_order_answered', `This order is already ${status}${byName ? ` by ${byName}` : ''}`, {
      status,
      byName,
    });
  }
}

export class PourOfOtherProjectError extends ConflictError {
  constructor() {
    super('pour_of_other_project', 'The pour planned for an order must be on the order’s project');
  }
}

export class PlanNotOpenError extends ConflictError {
  constructor(status: string) {
    super('plan_not_open', `A plan is agreed before concrete is poured; this pour is ${status}`, { status });
  }
}
