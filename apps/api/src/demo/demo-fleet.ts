import type { CreatePumpRequest, CreateTruckRequest } from '@pourline/contracts';
import type { DemoPlantKey } from './demo-places';

type DemoTruck = Omit<CreateTruckRequest, 'homePlantId' | 'active' | 'trackerSecret'> & { plant: DemoPlantKey };
type DemoPump = Omit<CreatePumpRequest, 'homePlantId' | 'active' | 'trackerSecret'> & { plant: DemoPlantKey };

/** [plate, drum m³, driver, phone]; T01–T12 run from the Development Zone plant, T13–T24 from Dongshan. */
const TRUCKS: [string, number, string, string][] = [
  ['苏A·D3521', 12, 'Zhang Wei', '139 5182 3301'],
  ['苏A·F7082', 12, 'Li Qiang', '138 5158 7702'],
  ['苏A·G5196', 12, 'Wang Jun', '137 7060 1953'],
  ['苏A·D8840', 12, 'Liu Bo', '139 1396 2284'],
  ['苏A·H2217', 10, 'Chen Gang', '151 5196 4415'],
  ['苏A·F3369', 12, 'Yang Tao', '135 8519 8806'],
  ['苏A·K6051', 12, 'Zhao Peng', '139 5165 3327'],
  ['苏A·D1478', 12, 'Wu Hui', '158 5183 0948'],
  ['苏A·G9023', 14, 'Zhou Kai', '136 1380 5529'],
  ['苏A·H4610', 12, 'Xu Ming', '139 0516 7731'],
  ['苏A·F5587', 12, 'Sun Jie', '187 5167 2210'],
  ['苏A·K7734', 12, 'Ma Chao', '138 1393 6652'],
  ['苏A·E2095', 12, 'Zhu Hai', '139 5179 4403'],
  ['苏A·E6612', 12, 'Hu Jian', '152 5190 3317'],
  ['苏A·J3148', 12, 'Guo Liang', '137 7056 2284'],
  ['苏A·E9370', 12, 'He Yong', '139 1599 8845'],
  ['苏A·J1826', 10, 'Lin Feng', '138 5161 7709'],
  ['苏A·L4453', 12, 'Luo Bin', '135 1252 0836'],
  ['苏A·E5701', 12, 'Gao Lin', '139 5154 6621'],
  ['苏A·J8265', 12, 'Zheng Hao', '181 5198 3352'],
  ['苏A·L0934', 14, 'Xie Dong', '139 1395 0417'],
  ['苏A·E7489', 12, 'Song Wen', '158 5169 2273'],
  ['苏A·J6302', 12, 'Han Lei', '136 0514 9958'],
  ['苏A·L2817', 12, 'Tang Bo', '139 5187 1164'],
];

export const DEMO_TRUCKS: DemoTruck[] = TRUCKS.map(([plateNumber, capacityM3, driverName, driverPhone], index) => {
  const fleetNumber = `T${String(index + 1).padStart(2, '0')}`;
  return {
    fleetNumber,
    plateNumber,
    capacityM3,
    trackerDeviceId: `trk-${fleetNumber.toLowerCase()}`,
    driverName,
    driverPhone,
    plant: index < 12 ? 'devZone' : 'dongshan',
  };
});

/** Theoretical outputs as the makers rate them; on site a pump rarely does half. */
export const DEMO_PUMPS = {
  p1: {
    code: 'P1',
    kind: 'boom',
    capacityM3PerHour: 120,
    boomLengthM: 37,
    trackerDeviceId: 'pump-p1',
    plant: 'devZone',
  },
  p2: {
    code: 'P2',
    kind: 'boom',
    capacityM3PerHour: 140,
    boomLengthM: 47,
    trackerDeviceId: 'pump-p2',
    plant: 'dongshan',
  },
  p3: {
    code: 'P3',
    kind: 'boom',
    capacityM3PerHour: 160,
    boomLengthM: 52,
    trackerDeviceId: 'pump-p3',
    plant: 'devZone',
  },
  p4: {
    code: 'P4',
    kind: 'line',
    capacityM3PerHour: 80,
    boomLengthM: null,
    trackerDeviceId: 'pump-p4',
    plant: 'dongshan',
  },
} satisfies Record<string, DemoPump>;

export type DemoPumpKey = keyof typeof DEMO_PUMPS;
