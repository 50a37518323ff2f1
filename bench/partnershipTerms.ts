/** The deal terms both partnership questions ask for (today's and as of a day, bench/timeQuestions.ts). */
export const partnershipTerms = `id name rights territory status
  parties { role company { id name } }
  drugs { id name }
  milestones { name status amount { amount currency } payer { name } payee { name }
    trigger { name agency status date { date precision } regions { name } } }
  royalties { name basis rate payer { name } payee { name } }`;
