/** The wire of the Pedidos API (REST and Socket.IO), shared by the backend and the dashboard; docs/api.md explains it. */
export * from './phases';
export * from './status';
export * from './commands';
export * from './queue';
export * from './logs';
export * from './errors';
export * from './run-report';
export * from './orders';
export * from './retry';
export * from './alerts';
export * from './audit';
export * from './events';
export * from './socket';
