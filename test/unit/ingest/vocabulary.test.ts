import { describe, expect, it } from 'vitest';
import {
  antibodyOf,
  companyNameKey,
  findTerm,
  innWords,
  readVocabularyFiles,
  stemOf,
  targetsOf,
  VOCABULARY_FILES,
  VocabularyError,
  type VocabularyFile,
  validateVocabulary,
  vocabulary,
} from '../../../seed/ingest/vocabulary.ts';

type RawFiles = Record<VocabularyFile, unknown>;

/** A fresh, mutable copy of the parsed files, to break on purpose. */
function rawFiles(): RawFiles {
  return structuredClone(readVocabularyFiles());
}

/** Entry `i` of the list `list` of a parsed file. */
function entryOf(raw: RawFiles, file: VocabularyFile, list: string, i: number): Record<string, unknown> {
  const entry = (raw[file] as Record<string, Record<string, unknown>[] | undefined>)[list]?.[i];
  if (!entry) throw new Error(`no ${list}[${i}] in ${file}`);
  return entry;
}

function issuesOf(action: () => unknown): string[] {
  try {
    action();
  } catch (error) {
    if (error instanceof VocabularyError) return [...error.issues];
    throw error;
  }
  throw new Error('expected a VocabularyError');
}

describe('vocabulary files', () => {
  it('parse, validate and name their source', () => {
    const v = validateVocabulary(readVocabularyFiles());
    for (const file of Object.keys(VOCABULARY_FILES) as VocabularyFile[]) {
      const source = v.sources[file];
      expect(source.title, file).not.toBe('');
      expect(source.publisher, file).not.toBe('');
      expect(source.url, file).toMatch(/^https:\/\//);
      expect(source.retrieved, file).toBe('2026-12-01');
    }
  });

  it('hold at least the stems, payloads and linkers of the approved ADCs', () => {
    const v = vocabulary();
    const stems = v.stems.map((s) => s.stem);
    for (const stem of [
      'vedotin',
      'mafodotin',
      'emtansine',
      'mertansine',
      'soravtansine',
      'ravtansine',
      'deruxtecan',
      'govitecan',
      'tirumotecan',
      'ozogamicin',
      'tesirine',
      'talirine',
      'duocarmazine',
    ]) {
      expect(stems).toContain(stem);
    }
    expect(stems).not.toContain('pasudotox');
    const payloads = v.payloads.map((p) => p.id);
    for (const id of ['mmae', 'mmaf', 'dm1', 'dm4', 'dxd', 'exatecan', 'sn-38', 'calicheamicin', 'sg3199']) {
      expect(payloads).toContain(id);
    }
    const linkers = v.linkers.map((l) => l.id);
    for (const id of [
      'mc-vc-pabc',
      'mc',
      'smcc',
      'spp',
      'spdb',
      'sulfo-spdb',
      'ggfg',
      'cl2a',
      'acbut-hydrazone',
    ]) {
      expect(linkers).toContain(id);
    }
  });

  it('resolve every cross-reference', () => {
    const v = vocabulary();
    const ids = (entries: { id: string }[]) => new Set(entries.map((e) => e.id));
    const payloads = ids(v.payloads);
    const linkers = ids(v.linkers);
    const targets = ids(v.targets);
    const regions = ids(v.regions);
    for (const stem of v.stems) {
      if (stem.payload) expect(payloads, stem.stem).toContain(stem.payload);
      if (stem.linker) expect(linkers, stem.stem).toContain(stem.linker);
    }
    for (const antibody of v.antibodies)
      for (const t of antibody.targets) expect(targets, antibody.name).toContain(t);
    for (const agency of v.agencies) expect(regions, agency.id).toContain(agency.region);
  });

  it('keep the regions of the existing seed files as they are', () => {
    expect(findTerm('region', 'US')).toMatchObject({ id: 'us', name: 'United States' });
    expect(findTerm('region', 'EU')).toMatchObject({ id: 'eu', name: 'European Union' });
    expect(findTerm('region', 'Japan')).toMatchObject({ id: 'japan', name: 'Japan' });
  });
});

describe('stemOf and antibodyOf', () => {
  it('find the stem of every example INN, and its antibody', () => {
    for (const stem of vocabulary().stems) {
      for (const example of stem.examples) {
        expect(stemOf(example)?.stem, example).toBe(stem.stem);
        expect(antibodyOf(example), example).toBeDefined();
      }
    }
  });

  it.each([
    ['trastuzumab deruxtecan', 'deruxtecan', 'dxd', 'ggfg'],
    ['fam-trastuzumab deruxtecan-nxki', 'deruxtecan', 'dxd', 'ggfg'],
    ['[fam-] trastuzumab deruxtecan-nxki', 'deruxtecan', 'dxd', 'ggfg'],
    ['Ado-Trastuzumab Emtansine', 'emtansine', 'dm1', 'smcc'],
    ['ado-trastuzumab emtansine', 'emtansine', 'dm1', 'smcc'],
    ['brentuximab vedotin', 'vedotin', 'mmae', 'mc-vc-pabc'],
    ['enfortumab vedotin-ejfv', 'vedotin', 'mmae', 'mc-vc-pabc'],
    ['Polatuzumab Vedotin-piiq', 'vedotin', 'mmae', 'mc-vc-pabc'],
    ['tisotumab vedotin-tftv', 'vedotin', 'mmae', 'mc-vc-pabc'],
    ['belantamab mafodotin-blmf', 'mafodotin', 'mmaf', 'mc'],
    ['sacituzumab govitecan-hziy', 'govitecan', 'sn-38', 'cl2a'],
    ['gemtuzumab ozogamicin', 'ozogamicin', 'calicheamicin', 'acbut-hydrazone'],
    ['inotuzumab ozogamicin', 'ozogamicin', 'calicheamicin', 'acbut-hydrazone'],
    ['loncastuximab tesirine-lpyl', 'tesirine', 'sg3199', 'val-ala'],
    ['mirvetuximab soravtansine-gynx', 'soravtansine', 'dm4', 'sulfo-spdb'],
    ['datopotamab deruxtecan-dlnk', 'deruxtecan', 'dxd', 'ggfg'],
    ['sacituzumab tirumotecan', 'tirumotecan', 'kl610023', undefined],
  ])('%s → %s', (inn, stem, payload, linker) => {
    const found = stemOf(inn);
    expect(found?.stem).toBe(stem);
    expect(found?.payload).toBe(payload);
    expect(found?.linker).toBe(linker);
  });

  it('find no stem in a naked antibody or a non-ADC', () => {
    expect(stemOf('trastuzumab')).toBeUndefined();
    expect(stemOf('moxetumomab pasudotox')).toBeUndefined();
    expect(stemOf('')).toBeUndefined();
  });

  it('give the antibody and its targets', () => {
    expect(antibodyOf('trastuzumab deruxtecan')).toMatchObject({ name: 'trastuzumab', targets: ['her2'] });
    expect(targetsOf('trastuzumab deruxtecan').map((t) => t.name)).toEqual(['HER2']);
    expect(antibodyOf('fam-trastuzumab deruxtecan-nxki')?.targets).toEqual(['her2']);
    expect(antibodyOf('Ado-Trastuzumab Emtansine')?.targets).toEqual(['her2']);
    expect(antibodyOf('sacituzumab govitecan')?.targets).toEqual(['trop2']);
    expect(antibodyOf('enfortumab vedotin')?.targets).toEqual(['nectin-4']);
    expect(antibodyOf('belantamab mafodotin')?.targets).toEqual(['bcma']);
    expect(antibodyOf('unknownumab vedotin')).toBeUndefined();
  });

  it('split INNs into words without FDA prefixes and suffixes', () => {
    expect(innWords('fam-trastuzumab deruxtecan-nxki')).toEqual(['trastuzumab', 'deruxtecan']);
    expect(innWords('[fam-] Trastuzumab Deruxtecan')).toEqual(['trastuzumab', 'deruxtecan']);
    expect(innWords('ado-trastuzumab emtansine (T-DM1)')).toEqual(['trastuzumab', 'emtansine', 't-dm1']);
  });
});

describe('findTerm', () => {
  it('finds agencies by name, alias or short name, and their region', () => {
    const fda = findTerm('agency', 'U.S. Food and Drug Administration');
    expect(fda?.short).toBe('FDA');
    expect(fda?.region).toBe('us');
    expect(findTerm('agency', 'the FDA')?.id).toBe('fda');
    expect(findTerm('agency', 'US Food and Drug Administration')?.id).toBe('fda');
    expect(findTerm('agency', 'Ministry of Health, Labor and Welfare')?.region).toBe('japan');
    expect(findTerm('agency', "Japan's Ministry of Health, Labour and Welfare")?.region).toBe('japan');
    expect(findTerm('agency', 'China Food and Drug Administration')?.id).toBe('nmpa');
    expect(findTerm('agency', 'Committee for Medicinal Products for Human Use')?.region).toBe('eu');
    expect(findTerm('agency', 'European Commission')?.region).toBe('eu');
    expect(findTerm('agency', 'Health Canada')?.region).toBe('canada');
    expect(findTerm('agency', 'Medicines and Healthcare products Regulatory Agency')?.region).toBe('uk');
    expect(findTerm('agency', 'Swissmedic')?.region).toBe('switzerland');
    expect(findTerm('agency', 'Federal Ministry')).toBeUndefined();
  });

  it('finds regions, exchanges, targets, payloads and linkers', () => {
    expect(findTerm('region', 'U.S.')?.id).toBe('us');
    expect(findTerm('region', 'the United States')?.id).toBe('us');
    expect(findTerm('region', 'Japanese')?.id).toBe('japan');
    expect(findTerm('exchange', 'NASDAQ')?.id).toBe('nasdaq');
    expect(findTerm('exchange', 'Nasdaq Global Select Market')?.id).toBe('nasdaq');
    expect(findTerm('exchange', 'TSE')?.name).toBe('Tokyo Stock Exchange');
    expect(findTerm('exchange', 'HKEX')?.id).toBe('hkex');
    expect(findTerm('exchange', 'OTCQX')?.id).toBe('otc');
    expect(findTerm('target', 'ERBB2')?.name).toBe('HER2');
    expect(findTerm('target', 'her-2')?.id).toBe('her2');
    expect(findTerm('target', 'TACSTD2')?.name).toBe('TROP2');
    expect(findTerm('target', 'folate receptor alpha')?.name).toBe('FRα');
    expect(findTerm('target', 'claudin 18.2')?.id).toBe('cldn18-2');
    expect(findTerm('payload', 'monomethyl auristatin E')?.id).toBe('mmae');
    expect(findTerm('linker', 'valine-citrulline')?.id).toBe('mc-vc-pabc');
    expect(findTerm('linker', 'MCC')?.id).toBe('smcc');
  });
});

describe('companyNameKey', () => {
  it.each([
    ['F. Hoffmann-La Roche Ltd', 'f hoffmann la roche'],
    ['ImmunoGen, Inc.', 'immunogen'],
    ['ImmunoGen Inc', 'immunogen'],
    ['ImmunoGen', 'immunogen'],
    ['Daiichi Sankyo Company, Limited', 'daiichi sankyo'],
    ['Sichuan Kelun-Biotech Biopharmaceutical Co., Ltd.', 'sichuan kelun biotech biopharmaceutical'],
    ['The Roche Group', 'roche'],
    ['Roche Holding AG', 'roche'],
    ['AstraZeneca PLC', 'astrazeneca'],
    ['Nestlé S.A.', 'nestle'],
    ['Genmab A/S', 'genmab'],
    ['Merck & Co., Inc.', 'merck and co'],
    ['Seagen Therapeutics', 'seagen therapeutics'],
    ['Group', 'group'],
  ])('%s → %s', (name, key) => {
    expect(companyNameKey(name)).toBe(key);
  });
});

describe('validateVocabulary', () => {
  it('names the file and the entry of a broken cross-reference', () => {
    const raw = rawFiles();
    entryOf(raw, 'stems', 'stems', 3).payload = 'mmae2';
    expect(issuesOf(() => validateVocabulary(raw))).toEqual([
      'seed/vocabulary/inn-stems.yaml: stems[3].payload: "mmae2" is not a payload id in payloads.yaml',
    ]);
  });

  it('names the file and the entry of a broken target or region', () => {
    const raw = rawFiles();
    entryOf(raw, 'antibodies', 'antibodies', 0).targets = ['her9'];
    entryOf(raw, 'agencies', 'agencies', 0).region = 'mars';
    expect(issuesOf(() => validateVocabulary(raw))).toEqual([
      'seed/vocabulary/antibodies.yaml: antibodies[0].targets[0]: "her9" is not a target id in targets.yaml',
      'seed/vocabulary/agencies.yaml: agencies[0].region: "mars" is not a region id in regions.yaml',
    ]);
  });

  it('names the file and the entry of a group that is not a company of the list', () => {
    const raw = rawFiles();
    entryOf(raw, 'companies', 'companies', 1).memberOf = 'rochee';
    expect(issuesOf(() => validateVocabulary(raw))).toEqual([
      'seed/vocabulary/companies.yaml: companies[1].memberOf: "rochee" is not a company id in companies.yaml',
    ]);
  });

  it('names the file and the entry of a shape error', () => {
    const raw = rawFiles();
    delete entryOf(raw, 'stems', 'stems', 1).implies;
    const issues = issuesOf(() => validateVocabulary(raw));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^seed\/vocabulary\/inn-stems\.yaml: stems\[1\]\.implies: /);
  });

  it('rejects a spelling used by two entries, and an example whose antibody is unknown', () => {
    const raw = rawFiles();
    (entryOf(raw, 'targets', 'targets', 1).aliases as string[]).push('erbb2');
    (entryOf(raw, 'stems', 'stems', 0).examples as string[]).push('unknownumab vedotin');
    const issues = issuesOf(() => validateVocabulary(raw));
    expect(issues).toContainEqual(
      expect.stringMatching(
        /^seed\/vocabulary\/targets\.yaml: targets\[1\]\.aliases\[\d+\]: "erbb2" is already used by targets\[0\] \(her2\)$/,
      ),
    );
    expect(issues).toContainEqual(
      expect.stringMatching(
        /^seed\/vocabulary\/inn-stems\.yaml: stems\[0\]\.examples\[\d+\]: "unknownumab" is not an antibody/,
      ),
    );
  });

  it('reports a missing file', () => {
    const raw: Partial<RawFiles> = rawFiles();
    delete raw.exchanges;
    expect(issuesOf(() => validateVocabulary(raw))).toEqual(['seed/vocabulary/exchanges.yaml: missing']);
  });
});
