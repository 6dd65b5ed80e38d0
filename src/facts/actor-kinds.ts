import type { ActorKind } from './actor.ts';

/** How a kind of actor is named on the pages: one actor, and a group of them on the index. */
export const ACTOR_KIND_NAMES: Record<ActorKind, { one: string; many: string }> = {
  state: { one: 'State', many: 'States' },
  organisation: { one: 'Organisation', many: 'Organisations' },
  person: { one: 'Person', many: 'People' },
  territory: { one: 'Territory', many: 'Territories' },
  infrastructure: { one: 'Infrastructure', many: 'Infrastructure' },
  operation: { one: 'Operation', many: 'Operations' },
  agreement: { one: 'Agreement', many: 'Agreements' },
};
