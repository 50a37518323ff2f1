/**
 * The peer: the API @neo4j/graphql generates from type definitions, over the same database, for the same
 * questions. Minimal type definitions of the entities the questions touch; each type also carries the `Entity`
 * label so lookups by id use the app's unique index on `Entity.id` (as a user who knows the schema would write).
 * `path` has no generated equivalent: it is a `@cypher` field (the peer's documented way to add one) walking the
 * same relationship types as the app's `path`.
 *
 * Run as `node --import tsx bench/peer.ts <bolt uri> <port>`: serves GraphQL on 127.0.0.1:<port>/graphql.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';
import { WALKED_TYPES } from '../server/features/graph/graph.cypher.ts';

export const PEER_TYPE_DEFS = /* GraphQL */ `
type Company @node(labels: ["Company", "Entity"]) {
  id: ID!
  name: String
  partnerships: [Partnership!]! @relationship(type: "PARTY_TO", direction: OUT)
  drugs: [Drug!]! @relationship(type: "DEVELOPS", direction: OUT)
  trials: [Trial!]! @relationship(type: "CONDUCTS", direction: OUT)
}
type PartyTo @relationshipProperties {
  role: String
}
type Partnership @node(labels: ["Partnership", "Entity"]) {
  id: ID!
  name: String
  rights: [String!]
  territory: String
  status: String
  parties: [Company!]! @relationship(type: "PARTY_TO", direction: IN, properties: "PartyTo")
  drugs: [Drug!]! @relationship(type: "LICENSES_DRUG", direction: OUT)
  milestones: [Milestone!]! @relationship(type: "HAS_MILESTONE", direction: OUT)
  royalties: [Royalty!]! @relationship(type: "HAS_ROYALTY", direction: OUT)
}
type Milestone @node(labels: ["Milestone", "Entity"]) {
  id: ID!
  name: String
  status: String
  amount: Float
  currency: String
  payer: [Company!]! @relationship(type: "PAID_BY", direction: OUT)
  payee: [Company!]! @relationship(type: "PAID_TO", direction: OUT)
  trigger: [RegulatoryEvent!]! @relationship(type: "TRIGGERS", direction: IN)
}
type Royalty @node(labels: ["Royalty", "Entity"]) {
  id: ID!
  name: String
  basis: String
  rate: Float
  payer: [Company!]! @relationship(type: "PAID_BY", direction: OUT)
  payee: [Company!]! @relationship(type: "PAID_TO", direction: OUT)
}
type Drug @node(labels: ["Drug", "Entity"]) {
  id: ID!
  name: String
  genericName: String
  highestPhase: String
  antibody: [Antibody!]! @relationship(type: "HAS_ANTIBODY", direction: OUT)
  payload: [Payload!]! @relationship(type: "HAS_PAYLOAD", direction: OUT)
  linker: [Linker!]! @relationship(type: "HAS_LINKER", direction: OUT)
  targets: [Target!]! @relationship(type: "TARGETS", direction: OUT)
  developers: [Company!]! @relationship(type: "DEVELOPS", direction: IN)
  trials: [Trial!]! @relationship(type: "TESTS", direction: IN)
  regulatoryEvents: [RegulatoryEvent!]! @relationship(type: "CONCERNS", direction: IN)
}
type Antibody @node(labels: ["Antibody", "Entity"]) {
  id: ID!
  name: String
}
type Payload @node(labels: ["Payload", "Entity"]) {
  id: ID!
  name: String
  drugs: [Drug!]! @relationship(type: "HAS_PAYLOAD", direction: IN)
}
type Linker @node(labels: ["Linker", "Entity"]) {
  id: ID!
  name: String
}
type Target @node(labels: ["Target", "Entity"]) {
  id: ID!
  name: String
}
type Trial @node(labels: ["Trial", "Entity"]) {
  id: ID!
  name: String
  phase: String
}
type RegulatoryEvent @node(labels: ["RegulatoryEvent", "Entity"]) {
  id: ID!
  name: String
  agency: String
  eventType: String
  status: String
  date: String
  datePrecision: String
  sortDate: Date
  drug: [Drug!]! @relationship(type: "CONCERNS", direction: OUT)
  regions: [Region!]! @relationship(type: "IN_REGION", direction: OUT)
}
type Region @node(labels: ["Region", "Entity"]) {
  id: ID!
  name: String
  regulatoryEvents: [RegulatoryEvent!]! @relationship(type: "IN_REGION", direction: IN)
}
type PathStep {
  id: ID!
  name: String
}
type Query {
  path(from: ID!, to: ID!): [PathStep!]!
    @cypher(
      statement: """
      MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
      MATCH p = shortestPath((a)-[:${WALKED_TYPES.join('|')}*..4]-(b))
      UNWIND nodes(p) AS n
      RETURN n {.id, .name} AS step
      """
      columnName: "step"
    )
}
`;

async function main(uri: string, port: number): Promise<void> {
  const driver = neo4j.driver(uri);
  const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema();
  const server = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port } });
  console.log(`peer ready at ${url}`);
  const stop = async () => {
    await server.stop();
    await driver.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

const [uri, port] = process.argv.slice(2);
if (uri && port) await main(uri, Number(port));
