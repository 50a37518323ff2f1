export { drugsRoot } from './drugs.resolvers.ts';
