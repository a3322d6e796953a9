export { createApp, type AppOptions } from './create-app.js';
export { startServer, type RunningServer, type ServerOptions } from './start-server.js';
export type { CycleStats } from './render-metrics.js';
export type { ChangePage } from './change-query.js';
