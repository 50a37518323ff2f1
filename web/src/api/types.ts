/** The shapes the explorer reads from the GraphQL API (schema.graphql is the contract). */

export interface DocumentRef {
  id: string;
  name: string;
  date?: string | null;
  publisher?: string | null;
  url?: string | null;
}

export interface Citation {
  id: string;
  sentence: string;
  document: DocumentRef;
}

export interface GraphNode {
  id: string;
  kind: string;
  label: string;
  properties: Record<string, unknown>;
  citations?: Citation[];
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  label: string;
  properties: Record<string, unknown>;
  citations?: Citation[];
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated?: boolean;
}

export interface SearchHit {
  id: string;
  kind: string;
  name: string;
  score: number;
}

export interface Money {
  amount: number;
  currency: string;
}

export interface FuzzyDate {
  date: string;
  precision: string;
  sortDate: string | null;
}

export interface Ref {
  id: string;
  name: string;
}

export interface MilestoneInfo {
  id: string;
  name: string;
  amount: Money | null;
  status: 'TRIGGERED' | 'PENDING' | null;
  description: string | null;
  payer: Ref | null;
  payee: Ref | null;
  trigger: (Ref & { date: FuzzyDate | null }) | null;
}

export interface RoyaltyInfo {
  id: string;
  name: string;
  basis: string | null;
  rate: number | null;
  description: string | null;
  payer: Ref | null;
  payee: Ref | null;
}

export interface PartnershipInfo {
  id: string;
  name: string;
  rights: string[];
  territory: string | null;
  status: string | null;
  summary: string | null;
  startDate: FuzzyDate | null;
  parties: { company: Ref; role: string | null }[];
  drugs: Ref[];
  technologies: Ref[];
  milestones: MilestoneInfo[];
  royalties: RoyaltyInfo[];
  citations: Citation[];
}

export interface DrugInfo {
  id: string;
  name: string;
  genericName: string | null;
  modality: string | null;
  highestPhase: string | null;
  targets: Ref[];
  payload: Ref | null;
  linker: Ref | null;
  antibody: Ref | null;
  companies: { company: Ref; relation: string }[];
  partnerships: { id: string; name: string; parties: { company: Ref; role: string | null }[] }[];
}

export interface RegulatoryEventInfo {
  id: string;
  name: string;
  agency: string | null;
  region: string | null;
  eventType: string | null;
  status: string | null;
  date: FuzzyDate | null;
  drug: Ref | null;
  regions?: Ref[];
}

export interface PathResult {
  length: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
}
