import * as v from 'valibot';
import { ENTITY_KINDS } from '../pack/types';
import { normaliseSite } from './site-rules';

/**
 * The settings as they may arrive from outside (an imported backup): every field checked, so a file
 * edited by hand cannot put a value in storage that the content script would choke on.
 */
export const CARD_DELAY = { min: 0, max: 3_000, step: 50 } as const;

const displaySchema = v.object({
  kinds: v.pipe(
    v.array(v.picklist(ENTITY_KINDS, `kinds may only hold: ${ENTITY_KINDS.join(', ')}`)),
    v.transform((kinds) => [...new Set(kinds)]),
  ),
  mode: v.picklist(['every', 'first-per-paragraph'], 'mode must be "every" or "first-per-paragraph"'),
  cardDelayMs: v.pipe(
    v.number('cardDelayMs must be a number'),
    v.integer('cardDelayMs must be a whole number of milliseconds'),
    v.minValue(CARD_DELAY.min, `cardDelayMs must be at least ${CARD_DELAY.min}`),
    v.maxValue(CARD_DELAY.max, `cardDelayMs must be at most ${CARD_DELAY.max}`),
  ),
  underline: v.picklist(['dotted', 'solid', 'wavy'], 'underline must be "dotted", "solid" or "wavy"'),
});

const site = v.pipe(
  v.string('a site must be a host name'),
  v.maxLength(253, 'a host name is at most 253 characters'),
  v.check((s) => normaliseSite(s) === s, 'a site must be a host name like "example.com"'),
);

export const settingsSchema = v.object({
  display: displaySchema,
  disabledSites: v.pipe(v.array(site, 'disabledSites must be a list'), v.maxLength(10_000, 'more than 10,000 sites')),
  paused: v.boolean('paused must be true or false'),
});

export type SettingsSnapshot = v.InferOutput<typeof settingsSchema>;
