export { createHistoryLoaders } from './history.loaders.ts';
export { change, changeConnection, historyQuery, statement } from './history.resolvers.ts';
