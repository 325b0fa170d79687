import type { Road } from './demo-geometry';

/**
 * Jiangning's arterial grid as the demo routes use it, traced approximately
 * from memory of the map (no survey): north–south avenues given as
 * [lat, lng] control points, east–west roads as [lng, lat].
 */
export const ROADS = {
  jiangjunAvenue: {
    name: 'Jiangjun Avenue',
    runs: 'north_south',
    controlPoints: [
      [31.99, 118.779],
      [31.96, 118.7868],
      [31.93, 118.7912],
      [31.9, 118.793],
      [31.87, 118.7952],
    ],
  },
  suyuanAvenue: {
    name: 'Suyuan Avenue',
    runs: 'north_south',
    controlPoints: [
      [31.965, 118.808],
      [31.93, 118.8102],
      [31.89, 118.8111],
    ],
  },
  shuanglongAvenue: {
    name: 'Shuanglong Avenue',
    runs: 'north_south',
    controlPoints: [
      [31.975, 118.803],
      [31.955, 118.8135],
      [31.93, 118.8225],
      [31.905, 118.8285],
      [31.88, 118.832],
    ],
  },
  zhushanRoad: {
    name: 'Zhushan Road',
    runs: 'north_south',
    controlPoints: [
      [31.97, 118.844],
      [31.94, 118.8455],
      [31.905, 118.8472],
    ],
  },
  tianyinAvenue: {
    name: 'Tianyin Avenue',
    runs: 'north_south',
    controlPoints: [
      [31.975, 118.864],
      [31.945, 118.8665],
      [31.91, 118.87],
      [31.88, 118.874],
    ],
  },
  shengtaiRoad: {
    name: 'Shengtai Road',
    runs: 'east_west',
    controlPoints: [
      [118.78, 31.9555],
      [118.82, 31.9535],
      [118.85, 31.952],
      [118.875, 31.9515],
    ],
  },
  tianyuanRoad: {
    name: 'Tianyuan Road',
    runs: 'east_west',
    controlPoints: [
      [118.78, 31.934],
      [118.815, 31.9325],
      [118.845, 31.933],
      [118.88, 31.9345],
    ],
  },
  hongjingAvenue: {
    name: 'Hongjing Avenue',
    runs: 'east_west',
    controlPoints: [
      [118.78, 31.9165],
      [118.82, 31.915],
      [118.86, 31.9135],
      [118.88, 31.913],
    ],
  },
  jiyinAvenue: {
    name: 'Jiyin Avenue',
    runs: 'east_west',
    controlPoints: [
      [118.78, 31.8995],
      [118.815, 31.898],
      [118.845, 31.8975],
    ],
  },
  /** The service road the Development Zone plant's gate opens onto. */
  zhengfangMiddleRoad: {
    name: 'Zhengfang Middle Road',
    runs: 'east_west',
    controlPoints: [
      [118.788, 31.9068],
      [118.81, 31.9064],
      [118.832, 31.906],
    ],
  },
} satisfies Record<string, Road>;
