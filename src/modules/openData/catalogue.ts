import type { PublicDataset } from '../../contracts/publicData.js';
import type { Licence } from '../../domain/publication.js';
import type { Message } from '../../domain/message.js';
import type { AppContext } from '../shared/context.js';
import { PUBLIC_PREFIX, publicDatasets, publicationOf } from './datasets.js';
import { downloadFormats, downloadMediaTypes, type DownloadFormat } from './downloadFiles.js';
import { currentRelease, type ReleaseRow } from './releases.js';

/**
 * The catalogue of the open datasets in DCAT (W3C Data Catalog Vocabulary, DCAT-AP style) as
 * JSON-LD (`catalog.jsonld`), what open-data portals harvest: a dcat:Catalog, a dcat:Dataset per
 * published dataset with its titles and descriptions in zh and en, and a dcat:Distribution per
 * download file with its URL, media type, compression, size and SHA-256.
 */

const context = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  spdx: 'http://spdx.org/rdf/terms#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

const IANA = 'http://www.iana.org/assignments/media-types/';
const formatNames: Readonly<Record<DownloadFormat, Message>> = {
  'csv.gz': { zh: 'CSV（UTF-8，含 BOM），gzip 压缩', en: 'CSV (UTF-8 with BOM), gzip-compressed' },
  'jsonl.gz': { zh: 'JSON Lines，gzip 压缩', en: 'JSON Lines, gzip-compressed' },
};

/** A text in both languages as JSON-LD language-tagged strings. */
const texts = (m: Message) => [
  { '@value': m.zh, '@language': 'zh' },
  { '@value': m.en, '@language': 'en' },
];
const dateTime = (iso: string) => ({ '@value': iso, '@type': 'xsd:dateTime' });
const ref = (iri: string) => ({ '@id': iri });

export interface CatalogueInput {
  /** Scheme and host the links are made absolute with, e.g. https://data.example.gov.cn. */
  origin: string;
  title: Message;
  publisher: Message;
  licence: Licence;
  datasets: ReadonlyArray<{ dataset: PublicDataset; release: ReleaseRow }>;
}

/** The links of a dataset's downloads, relative to the server. */
export const downloadPath = (datasetId: string, format: DownloadFormat) => `${PUBLIC_PREFIX}/datasets/${datasetId}/download.${format}`;
export const dictionaryPath = (datasetId: string) => `${PUBLIC_PREFIX}/datasets/${datasetId}/dictionary.json`;
export const CATALOGUE_PATH = `${PUBLIC_PREFIX}/catalog.jsonld`;

/** The catalogue document; pure. */
export function dcatCatalogue(input: CatalogueInput): Record<string, unknown> {
  const at = (path: string) => `${input.origin}${path}`;
  const licence = ref(input.licence.url);
  const modified = input.datasets.map((d) => d.release.releasedAt).sort().at(-1);
  return {
    '@context': context,
    '@id': at(CATALOGUE_PATH),
    '@type': 'dcat:Catalog',
    'dct:title': texts(input.title),
    'dct:publisher': { '@type': 'foaf:Agent', 'foaf:name': texts(input.publisher) },
    'dct:license': licence,
    ...(modified ? { 'dct:modified': dateTime(modified) } : {}),
    'dcat:dataset': input.datasets.map(({ dataset, release }) => ({
      '@id': at(`${PUBLIC_PREFIX}/datasets/${dataset.id}`),
      '@type': 'dcat:Dataset',
      'dct:identifier': dataset.id,
      'dct:title': texts(dataset.title),
      'dct:description': texts(dataset.description),
      'dct:license': licence,
      'dct:modified': dateTime(release.releasedAt),
      'dct:conformsTo': ref(at(dictionaryPath(dataset.id))),
      'dcat:version': String(release.number),
      'dcat:distribution': downloadFormats.map((format) => {
        const file = release.files.find((f) => f.format === format)!;
        return {
          '@id': at(downloadPath(dataset.id, format)),
          '@type': 'dcat:Distribution',
          'dct:title': texts(formatNames[format]),
          'dcat:accessURL': ref(at(downloadPath(dataset.id, format))),
          'dcat:downloadURL': ref(at(downloadPath(dataset.id, format))),
          'dcat:mediaType': ref(`${IANA}${downloadMediaTypes[format]}`),
          'dcat:compressFormat': ref(`${IANA}application/gzip`),
          'dcat:byteSize': { '@value': String(file.byteSize), '@type': 'xsd:nonNegativeInteger' },
          'spdx:checksum': {
            '@type': 'spdx:Checksum',
            'spdx:algorithm': ref('spdx:checksumAlgorithm_sha256'),
            'spdx:checksumValue': { '@value': file.sha256, '@type': 'xsd:hexBinary' },
          },
          'dct:license': licence,
          'dct:modified': dateTime(release.releasedAt),
        };
      }),
    })),
  };
}

/** The catalogue of every published dataset, each at its current release (built first where its data changed). */
export async function openDataCatalogue(ctx: AppContext, origin: string): Promise<Record<string, unknown>> {
  const datasets = [];
  for (const dataset of publicDatasets(ctx)) datasets.push({ dataset, release: await currentRelease(ctx, dataset.id) });
  const { city } = ctx;
  return dcatCatalogue({
    origin,
    title: { zh: `${city.name.zh}科技创新开放数据`, en: `${city.name.en} science and innovation open data` },
    publisher: { zh: `${city.name.zh}科学技术局`, en: `${city.name.en} Science and Technology Bureau` },
    licence: publicationOf(ctx).licence,
    datasets,
  });
}
