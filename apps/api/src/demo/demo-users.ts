import type { CreateUserRequest } from '@pourline/contracts';
import type { DemoCustomerKey } from './demo-customers';

/** Every demo account signs in with this password. */
export const DEMO_PASSWORD = 'pourline';

/**
 * The administrator comes first: the other accounts are created in its name.
 * Display names are plain: the audit trail already adds the role.
 */
export const DEMO_USERS = [
  { username: 'admin', displayName: 'Zhou Min', role: 'admin', password: DEMO_PASSWORD, phone: '139 5170 0001' },
  {
    username: 'dispatcher',
    displayName: 'Wang Lei',
    role: 'dispatcher',
    password: DEMO_PASSWORD,
    phone: '139 5170 0102',
  },
  {
    username: 'plant',
    displayName: 'Sun Hao',
    role: 'plant_operator',
    password: DEMO_PASSWORD,
    phone: '139 5170 0215',
  },
  {
    username: 'site',
    displayName: 'Liu Yang',
    role: 'site_dispatcher',
    password: DEMO_PASSWORD,
    phone: '138 5156 2210',
  },
  { username: 'qc', displayName: 'Chen Jing', role: 'qc_inspector', password: DEMO_PASSWORD, phone: '137 1298 4403' },
  {
    username: 'aftersales',
    displayName: 'Zhao Li',
    role: 'after_sales',
    password: DEMO_PASSWORD,
    phone: '025-5218 0800',
  },
  {
    username: 'supervisor',
    displayName: 'Fang Zhi',
    role: 'supervisor',
    password: DEMO_PASSWORD,
    phone: '136 0516 8842',
  },
] as const satisfies readonly CreateUserRequest[];

/**
 * The construction party's account: a person of Nanjing Qinhuai Urban
 * Construction, whose Baijiahu site pours today. Created once its customer exists.
 */
export const DEMO_CUSTOMER_USER = {
  username: 'customer',
  displayName: 'Tang Li',
  role: 'customer',
  password: DEMO_PASSWORD,
  phone: '151 5187 3306',
  customer: 'qinhuai' satisfies DemoCustomerKey,
} as const;
