export { createHistoryLoaders } from './history.loaders.ts';
export { change, changeConnection, entityHistory, historyQuery, statement } from './history.resolvers.ts';
