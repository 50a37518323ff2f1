export { graphEdge, graphNode, graphQuery } from './graph.resolvers.ts';
