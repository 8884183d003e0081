import { t } from '@/lib/ui/i18n';
import type { SourceRecord } from '@/lib/kb/db';

/** What a source row and its controls hand back after asking the worker: an error to show, or none. */
export type ReportResult = (r: { ok: boolean; error?: string }) => void;

export const SOURCE_KIND_LABEL: Record<SourceRecord['kind'], () => string> = {
  builtin: () => t('sourceKindBuiltin', 'Built in'),
  'pack-url': () => t('sourceKindPackShort', 'Pack'),
  'csv-url': () => t('sourceKindCsvShort', 'CSV glossary'),
  wikidata: () => t('sourceKindWikidata', 'Refreshed from Wikidata'),
  personal: () => t('sourceKindPersonal', 'Your own entities'),
};

/** Columns of the sources table; the controls and contents rows span them all. */
export const SOURCE_COLUMNS = 6;

export const INTERVALS = [1, 6, 12, 24, 72, 168, 720];
export const intervalLabel = (h: number) =>
  h === 1
    ? 'Every hour'
    : h < 24
      ? `Every ${h} hours`
      : h === 24
        ? 'Every day'
        : h === 168
          ? 'Every week'
          : h === 720
            ? 'Every 30 days'
            : `Every ${h / 24} days`;
