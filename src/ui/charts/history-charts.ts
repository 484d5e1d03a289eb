/** The history pages' charts, loaded with Chart.js when a history page first draws one. */
export { compareBarChart } from './compare-bar-chart';
export { progressChart } from './progress-chart';
export { trainingProgressChart } from './training-progress-chart';
