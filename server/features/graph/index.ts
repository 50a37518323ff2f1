export {
  type EdgeRow,
  graphEdge,
  graphNode,
  graphQuery,
  toGraphEdge,
  toGraphNode,
} from './graph.resolvers.ts';
