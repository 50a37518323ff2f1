import cytoscape from 'cytoscape';
import { graphql } from './api/client.ts';
import './style.css';

const STATS_QUERY = /* GraphQL */ `
  query Stats {
    stats { totalNodes nodes { kind count } }
  }
`;

interface StatsResult {
  stats: { totalNodes: number; nodes: { kind: string; count: number }[] };
}

const status = document.getElementById('status') as HTMLElement;
const container = document.getElementById('graph') as HTMLElement;

async function start() {
  try {
    const { stats } = await graphql<StatsResult>(STATS_QUERY);
    const kinds = stats.nodes.filter((entry) => entry.count > 0);
    status.textContent = kinds.length
      ? `${stats.totalNodes} entities in the graph`
      : 'The graph is empty: load the seed with "npm run seed".';
    cytoscape({
      container,
      elements: kinds.map((entry) => ({ data: { id: entry.kind, label: `${entry.kind} (${entry.count})` } })),
      style: [{ selector: 'node', style: { label: 'data(label)', 'background-color': '#0072B2' } }],
      layout: { name: 'circle' },
    });
  } catch (error) {
    status.textContent = `Cannot load the graph: ${(error as Error).message}`;
  }
}

void start();
