import type { LatLng, LineString, Polygon, SiteContact } from '@pourline/contracts';
import type { DemoCustomerKey } from './demo-customers';
import { drive, plotFence } from './demo-geometry';
import { ROADS } from './demo-roads';

export const DEMO_TIME_ZONE = 'Asia/Shanghai';
/** China has kept one offset all year since 1991, so a local time today is simply +08:00. */
export const DEMO_UTC_OFFSET = '+08:00';

export interface DemoPlant {
  code: string;
  name: string;
  address: string;
  location: LatLng;
  geofence: Polygon;
}

const devZoneYard: LatLng = { lat: 31.908, lng: 118.799 };
const dongshanYard: LatLng = { lat: 31.9415, lng: 118.869 };

export const DEMO_PLANTS = {
  devZone: {
    code: 'JN-01',
    name: 'Jiangning Development Zone Plant',
    address: 'Zhengfang Middle Road (north side), Jiangning Development Zone, Nanjing',
    location: devZoneYard,
    geofence: plotFence(devZoneYard, 160, 130, 4),
  },
  dongshan: {
    code: 'JN-02',
    name: 'Dongshan Plant',
    address: 'Tianyin Avenue (east side), Dongshan Subdistrict, Jiangning District, Nanjing',
    location: dongshanYard,
    geofence: plotFence(dongshanYard, 150, 140, -8),
  },
} satisfies Record<string, DemoPlant>;

export type DemoPlantKey = keyof typeof DEMO_PLANTS;

export interface DemoSite {
  name: string;
  customer: DemoCustomerKey;
  plant: DemoPlantKey;
  address: string;
  location: LatLng;
  geofence: Polygon;
  contacts: SiteContact[];
  /** Site dispatcher account assigned to the project, if any. */
  siteDispatcher: boolean;
  /** Whether the demo's supervising engineer follows the project. */
  supervisor: boolean;
  /** Plant to site. */
  entryRoute: LineString;
  /** Site back to the plant, by other roads: sites let trucks in at one gate and out at another. */
  exitRoute: LineString;
}

const jiulongLake: LatLng = { lat: 31.8962, lng: 118.8215 };
const baijiahu: LatLng = { lat: 31.9305, lng: 118.816 };
const hospital: LatLng = { lat: 31.9498, lng: 118.854 };
const fangshan: LatLng = { lat: 31.9112, lng: 118.86 };

const { jiangjunAvenue, suyuanAvenue, shuanglongAvenue, zhushanRoad, tianyinAvenue } = ROADS;
const { shengtaiRoad, tianyuanRoad, hongjingAvenue, jiyinAvenue, zhengfangMiddleRoad } = ROADS;

export const DEMO_SITES = {
  jiulongLake: {
    name: 'Jiulong Lake Residences, Phase II',
    customer: 'jinling',
    plant: 'devZone',
    address: 'Jiyin Avenue (south side), near Jiulong Lake, Jiangning District, Nanjing',
    location: jiulongLake,
    geofence: plotFence(jiulongLake, 210, 160, 2),
    contacts: [
      { name: 'Sun Hao', role: 'Project manager', phone: '139 5180 2231' },
      { name: 'Ma Jun', role: 'Site engineer', phone: '138 1387 5520' },
      { name: 'Huang Wei', role: 'Supervising engineer', phone: '137 7086 4419' },
    ],
    siteDispatcher: false,
    supervisor: false,
    entryRoute: drive(devZoneYard, [zhengfangMiddleRoad, suyuanAvenue, jiyinAvenue], jiulongLake, 350),
    exitRoute: drive(
      jiulongLake,
      [jiyinAvenue, shuanglongAvenue, hongjingAvenue, suyuanAvenue, zhengfangMiddleRoad],
      devZoneYard,
      600,
    ),
  },
  baijiahu: {
    name: 'Baijiahu Commercial Complex',
    customer: 'qinhuai',
    plant: 'devZone',
    address: 'Tianyuan Middle Road (south side), Baijiahu, Jiangning District, Nanjing',
    location: baijiahu,
    geofence: plotFence(baijiahu, 180, 150, -3),
    contacts: [
      { name: 'Guo Qiang', role: 'Project manager', phone: '139 1590 7713' },
      { name: 'Tang Li', role: 'Technical lead', phone: '151 5187 3306' },
      { name: 'Fang Zhi', role: 'Supervising engineer', phone: '136 0516 8842' },
    ],
    siteDispatcher: true,
    supervisor: true,
    entryRoute: drive(devZoneYard, [zhengfangMiddleRoad, jiangjunAvenue, tianyuanRoad], baijiahu, 550),
    exitRoute: drive(
      baijiahu,
      [tianyuanRoad, shuanglongAvenue, hongjingAvenue, suyuanAvenue, zhengfangMiddleRoad],
      devZoneYard,
      600,
    ),
  },
  hospital: {
    name: 'Jiangning Hospital New Outpatient Building',
    customer: 'hengtai',
    plant: 'dongshan',
    address: 'Shengtai East Road (south side), Dongshan, Jiangning District, Nanjing',
    location: hospital,
    geofence: plotFence(hospital, 200, 150, 0),
    contacts: [
      { name: 'Yang Fan', role: 'Project manager', phone: '139 5162 0457' },
      { name: 'Zhu Min', role: 'Site engineer', phone: '158 5189 2264' },
      { name: 'Cao Jian', role: 'Supervising engineer', phone: '133 0252 7718' },
    ],
    siteDispatcher: true,
    supervisor: true,
    entryRoute: drive(dongshanYard, [tianyinAvenue, shengtaiRoad], hospital, 250),
    exitRoute: drive(hospital, [shengtaiRoad, zhushanRoad, tianyuanRoad, tianyinAvenue], dongshanYard, 550),
  },
  fangshan: {
    name: 'Fangshan Science Park R&D Centre',
    customer: 'jinling',
    plant: 'dongshan',
    address: 'Hongjing Avenue (south side), Fangshan, Jiangning District, Nanjing',
    location: fangshan,
    geofence: plotFence(fangshan, 240, 170, 5),
    contacts: [
      { name: 'Qian Lei', role: 'Project manager', phone: '139 1386 5592' },
      { name: 'Shi Yu', role: 'Site engineer', phone: '187 5166 0038' },
      { name: 'Hu Bin', role: 'Supervising engineer', phone: '135 8521 4476' },
    ],
    siteDispatcher: false,
    supervisor: false,
    entryRoute: drive(dongshanYard, [tianyinAvenue, hongjingAvenue], fangshan, 350),
    exitRoute: drive(fangshan, [hongjingAvenue, zhushanRoad, tianyuanRoad, tianyinAvenue], dongshanYard, 550),
  },
} satisfies Record<string, DemoSite>;

export type DemoSiteKey = keyof typeof DEMO_SITES;
