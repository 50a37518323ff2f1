import { fetchPartnerships } from '../api/queries.ts';
import type { PartnershipInfo } from '../api/types.ts';
import { countOf, formatMoney, humanize } from '../graph/format.ts';
import {
  type CompanyMoney,
  describeMoneyLine,
  milestoneMoney,
  milestoneState,
  partnershipElements,
} from '../graph/partnerships.ts';
import { clear, h } from '../ui/dom.ts';
import { citationList, entityLink, type PanelActions } from '../ui/panel.ts';
import { asOfNote, type Emptiness, showEmpty, type View, type ViewContext } from './view.ts';

/** What each company receives and pays in milestones. */
function moneyTable(money: readonly CompanyMoney[], actions: PanelActions): HTMLElement {
  const section = h('section', { class: 'panel-section' }, h('h3', { text: 'Milestone money per company' }));
  const list = h('ul', { class: 'money-list' });
  for (const company of money) {
    if (!company.receives.length && !company.pays.length) continue;
    const lines = h('div', { class: 'money-lines' });
    for (const l of company.receives) lines.append(h('p', { text: `Receives: ${describeMoneyLine(l)}` }));
    for (const l of company.pays) lines.append(h('p', { text: `Pays: ${describeMoneyLine(l)}` }));
    list.append(h('li', {}, entityLink(company.id, company.name, 'Company', actions), lines));
  }
  if (!list.childElementCount)
    section.append(h('p', { class: 'muted', text: 'No milestone payments recorded.' }));
  section.append(list);
  return section;
}

/** A deal's terms: parties and roles, rights, milestones with amount, state and trigger, royalties, sources. */
function partnershipTerms(
  p: PartnershipInfo,
  actions: PanelActions,
  showDetails: (id: string) => void,
): HTMLElement {
  const box = h('section', { class: 'panel-section deal', 'data-partnership-id': p.id });
  box.append(h('h3', { text: p.name }));
  const facts = h('dl', { class: 'properties' });
  const add = (term: string, value: string | null | undefined) => {
    if (value) facts.append(h('dt', { text: term }), h('dd', { text: value }));
  };
  add('Rights', p.rights.join('; '));
  add('Territory', p.territory);
  add('Status', p.status ? humanize(p.status) : null);
  add('Started', p.startDate?.date);
  add('Summary', p.summary);
  box.append(facts);
  const parties = h('ul', { class: 'relation-list' });
  for (const party of p.parties) {
    parties.append(
      h(
        'li',
        {},
        entityLink(party.company.id, party.company.name, 'Company', actions),
        h('span', { class: 'muted', text: ` ${party.role ? humanize(party.role) : 'party'}` }),
      ),
    );
  }
  box.append(h('h4', { text: 'Parties' }), parties);
  if (p.drugs.length || p.technologies.length) {
    const licensed = h('ul', { class: 'relation-list' });
    for (const d of p.drugs) licensed.append(h('li', {}, entityLink(d.id, d.name, 'Drug', actions)));
    for (const t of p.technologies)
      licensed.append(h('li', {}, entityLink(t.id, t.name, 'Technology', actions)));
    box.append(h('h4', { text: 'Licenses' }), licensed);
  }
  if (p.milestones.length) {
    const list = h('ul', { class: 'milestones' });
    for (const m of p.milestones) {
      const state = milestoneState(m);
      const amount = m.amount ? formatMoney(m.amount.amount, m.amount.currency) : 'Undisclosed amount';
      const flow = [m.payer?.name, m.payee?.name].every(Boolean)
        ? `${m.payer?.name} pays ${m.payee?.name}`
        : null;
      list.append(
        h(
          'li',
          { class: `milestone ${state.toLowerCase()}`, 'data-milestone-id': m.id },
          h(
            'p',
            {},
            h('strong', { text: amount }),
            ' ',
            h('span', {
              class: `pill ${state.toLowerCase()}`,
              text: state === 'TRIGGERED' ? 'Triggered' : 'Pending',
            }),
          ),
          h('p', {}, entityLink(m.id, m.name, 'Milestone', actions)),
          m.description ? h('p', { class: 'muted', text: m.description }) : null,
          flow ? h('p', { class: 'muted', text: flow }) : null,
          m.trigger
            ? h(
                'p',
                { class: 'trigger' },
                'Triggered by ',
                entityLink(m.trigger.id, m.trigger.name, 'RegulatoryEvent', actions),
                m.trigger.date ? ` (${m.trigger.date.date})` : '',
              )
            : null,
        ),
      );
    }
    box.append(h('h4', { text: 'Milestones' }), list);
  }
  if (p.royalties.length) {
    const list = h('ul', { class: 'milestones' });
    for (const r of p.royalties) {
      const rate = r.rate === null ? 'rate undisclosed' : `${Number((r.rate * 100).toFixed(2))}%`;
      list.append(
        h(
          'li',
          {},
          h('p', { text: `${r.name}: ${rate}${r.basis ? ` of ${r.basis}` : ''}` }),
          r.description ? h('p', { class: 'muted', text: r.description }) : null,
        ),
      );
    }
    box.append(h('h4', { text: 'Royalties' }), list);
  }
  if (p.citations.length) box.append(h('h4', { text: 'Sources' }), citationList(p.citations, actions));
  box.append(
    h('button', {
      type: 'button',
      class: 'button',
      text: 'Details and history',
      on: { click: () => showDetails(p.id) },
    }),
  );
  return box;
}

/** Every deal: the money per company, then each deal's terms. */
function renderPartnershipsOverview(
  panel: HTMLElement,
  partnerships: readonly PartnershipInfo[],
  money: readonly CompanyMoney[],
  asOf: string | null,
  actions: PanelActions,
  showDetails: (id: string) => void,
) {
  clear(panel);
  panel.append(
    h('header', { class: 'panel-head' }, h('h2', { text: 'Partnerships' })),
    h('p', {
      class: 'muted',
      text: `${countOf(partnerships.length, 'deal')}${asOf ? ` as of ${asOf}` : ''}. Click a company or a deal for details.`,
    }),
    moneyTable(money, actions),
  );
  for (const p of partnerships) panel.append(partnershipTerms(p, actions, showDetails));
}

export const NO_PARTNERSHIPS: Emptiness = {
  title: 'Partnerships',
  unknown: 'No partnership was known',
  none: 'No partnerships are recorded yet. Load a seed with “npm run seed”, or search for a company above.',
  panel: 'No deals recorded.',
  status: 'No partnerships',
};

/** Partnerships: companies and their deals; the panel lists the terms and the milestone money per company. */
export function partnershipsView(ctx: ViewContext): View {
  const { status, store } = ctx;
  let deals: PartnershipInfo[] | null = null;

  /** A deal's terms, a company's details, or the overview of every deal. */
  function showPanel(selected = store.state.selected) {
    const data = deals ?? [];
    const { asOf } = store.state;
    const deal = selected ? data.find((p) => p.id === selected) : undefined;
    if (deal) {
      clear(ctx.panel);
      ctx.panel.append(partnershipTerms(deal, ctx.actions, showDetails));
      return;
    }
    if (selected) {
      void ctx.details.show(selected);
      return;
    }
    renderPartnershipsOverview(ctx.panel, data, milestoneMoney(data), asOf, ctx.actions, showDetails);
  }

  /** A deal's (or any entity's) full details: properties, relationships, citations, history. */
  function showDetails(id: string) {
    store.set({ selected: id });
    void ctx.details.show(id);
  }

  return {
    async load(run) {
      const { asOf } = store.state;
      const data = await run.fetch('partnerships', () => fetchPartnerships(asOf));
      if (!data) return;
      deals = data;
      if (!data.length) {
        showEmpty(ctx, NO_PARTNERSHIPS, asOf);
        return;
      }
      await ctx.draw(partnershipElements(data));
      ctx.filters.refreshLegend();
      showPanel();
      status.info(
        `${countOf(data.length, 'partnership')} between ${new Set(data.flatMap((p) => p.parties.map((x) => x.company.id))).size} companies${asOfNote(asOf)}.`,
      );
    },
    showPanel,
    detailsExtra(id) {
      if (!deals) return undefined;
      const money = milestoneMoney(deals).find((m) => m.id === id);
      return money ? moneyTable([money], ctx.actions) : undefined;
    },
  };
}
