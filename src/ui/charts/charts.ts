/** The charts of the pages, loaded together with Chart.js (see ./load.ts). */
export { liveTraceChart } from './live-trace-chart';
export { motionTimeChart } from './motion-time-chart';
export { swayPathChart } from './sway-path-chart';
