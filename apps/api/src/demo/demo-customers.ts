import type { CreateCustomerRequest } from '@pourline/contracts';

/** Fictional general contractors building in Jiangning. */
export const DEMO_CUSTOMERS = {
  jinling: {
    name: 'Jiangsu Jinling Construction Group Co., Ltd.',
    contactName: 'Xu Gang',
    phone: '025-5218 6630',
    email: 'purchasing@jinling-build.example.cn',
  },
  qinhuai: {
    name: 'Nanjing Qinhuai Urban Construction Co., Ltd.',
    contactName: 'He Ping',
    phone: '025-5710 2248',
    email: 'materials@qhuc.example.cn',
  },
  hengtai: {
    name: 'Hengtai Construction Engineering (Jiangsu) Co., Ltd.',
    contactName: 'Lu Yan',
    phone: '025-8412 7705',
    email: '',
  },
} satisfies Record<string, CreateCustomerRequest>;

export type DemoCustomerKey = keyof typeof DEMO_CUSTOMERS;
