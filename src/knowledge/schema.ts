import { z } from 'zod';
import { dataLimits } from './problems.ts';

/**
 * The shape of everything in `data/`. Types used across the bot are inferred from these
 * schemas, so the data files and the code cannot drift apart. Every object is strict:
 * a misspelt key in a data file is an error, not a silently ignored field.
 */

export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lower-case slug such as thae-yong-ho');

export const textSchema = z
  .string()
  .trim()
  .min(1, 'expected non-empty text')
  .max(dataLimits.textChars, `expected at most ${dataLimits.textChars} characters`);

/** Partial ISO dates (`1991`, `1991-06`, `2016-08-17`): they sort correctly as plain strings. */
export const partialDateSchema = z
  .string()
  .regex(
    /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/,
    'expected YYYY, YYYY-MM or YYYY-MM-DD',
  );

/** `confirmed`: stated by the source as fact. `reported`: the source relays an unconfirmed report. */
export const confidenceSchema = z.enum(['confirmed', 'reported']);

const sourceIdsSchema = z.array(idSchema).min(1, 'expected at least one source id');

/** One claim with the sources that make it. */
function claimSchema<T extends z.ZodType>(value: T) {
  return z.strictObject({
    value,
    sources: sourceIdsSchema,
    confidence: confidenceSchema.optional(),
    note: textSchema.optional(),
  });
}

/**
 * A sourced fact. `value` is the claim the bot leads with; `differs` holds claims from other
 * sources that disagree with it. Both are kept: the bot says "Sources differ" and shows each.
 */
function factSchema<T extends z.ZodType>(value: T) {
  return claimSchema(value).extend({
    differs: z.array(claimSchema(value)).min(1).optional(),
  });
}

export const textFactSchema = factSchema(textSchema);
export const dateFactSchema = factSchema(partialDateSchema);

export const sourceSchema = z.strictObject({
  id: idSchema,
  publisher: textSchema,
  /**
   * The piece's own title. Where it was not recorded, a description in square brackets
   * (`[Yonhap report on ...]`), the cataloguers' convention for a supplied title.
   */
  title: textSchema,
  /** Publication date, only where known (from the piece or its address); never guessed. */
  date: partialDateSchema.optional(),
  language: z.enum(['en', 'ko']),
  /** Only where the address is known; never guessed. */
  url: z.url().optional(),
  note: textSchema.optional(),
});

/** Countries and cities, with the synonyms people type (`uk`, `britain`). */
export const placeSchema = z.strictObject({
  id: idSchema,
  name: textSchema,
  hangul: textSchema,
  aliases: z.array(textSchema),
});

export const personSchema = z.strictObject({
  id: idSchema,
  /** Romanised name as the bot shows it, e.g. `Thae Yong-ho`. */
  name: textSchema,
  /** Hangul name, e.g. `태영호`. */
  hangul: textSchema,
  /** Other romanisations and names (`Tae Yong-ho`, `Thae Ku-min`), each listed once. */
  aliases: z.array(textSchema),
  /** 1-100: how well known; breaks ties between short, ambiguous queries such as `jang`. */
  prominence: z.int().min(1).max(100),
  /** Whether the seed transcript speaks of this person. */
  inTranscript: z.boolean(),
  /** The person's confidence overall; `reported` when the defection itself is unconfirmed. */
  confidence: confidenceSchema,
  summary: textFactSchema,
  /** The post held when they defected, e.g. `Deputy ambassador (minister) to the United Kingdom`. */
  post: textFactSchema,
  /** The mission (country, and city when known) where that post was. */
  mission: z.strictObject({ place: idSchema, city: textSchema.optional() }).optional(),
  earlierPosts: z.array(textFactSchema).optional(),
  defection: z.strictObject({
    /** When they left their post (or asked for asylum). */
    date: dateFactSchema,
    from: idSchema,
    to: idSchema,
    via: z.array(idSchema).optional(),
    /** Arrival, announcement and similar milestones, each sourced. */
    milestones: z.array(textFactSchema.extend({ date: partialDateSchema })).optional(),
  }),
  /** Who came along (or went first), in words. */
  companions: z.array(textFactSchema).optional(),
  /** Related people in the data: the other side of each relation should list this person too. */
  relatives: z.array(z.strictObject({ person: idSchema, relation: textSchema })).optional(),
  /** What came after: careers, elections, silence. */
  aftermath: z.array(textFactSchema.extend({ date: partialDateSchema.optional() })).optional(),
  /** Motives this person cited or that sources attribute to them. */
  motives: z
    .array(z.strictObject({ motive: idSchema, detail: textSchema.optional(), sources: sourceIdsSchema }))
    .optional(),
});

export const motiveSchema = z.strictObject({
  id: idSchema,
  name: textSchema,
  hangul: textSchema,
  /** Words people type for this motive (`salary`, `money`, `school`). */
  keywords: z.array(textSchema),
  summary: textFactSchema,
  /** Concrete evidence, figures included. */
  evidence: z.array(textFactSchema),
});

export const regimeResponseSchema = z.strictObject({
  id: idSchema,
  name: textSchema,
  hangul: textSchema,
  keywords: z.array(textSchema),
  date: dateFactSchema,
  /** What set it off: people and events in the data, and a sentence. */
  trigger: z.strictObject({
    people: z.array(idSchema).optional(),
    events: z.array(idSchema).optional(),
    text: textFactSchema,
  }),
  summary: textFactSchema,
  measures: z.array(textFactSchema).min(1),
});

export const eventSchema = z.strictObject({
  id: idSchema,
  date: dateFactSchema,
  title: textSchema,
  kind: z.enum(['defection', 'arrival', 'announcement', 'post', 'response', 'politics', 'other']),
  detail: textFactSchema,
  people: z.array(idSchema),
  places: z.array(idSchema).optional(),
});

export type Source = z.infer<typeof sourceSchema>;
export type Place = z.infer<typeof placeSchema>;
export type Person = z.infer<typeof personSchema>;
export type Motive = z.infer<typeof motiveSchema>;
export type RegimeResponse = z.infer<typeof regimeResponseSchema>;
export type TimelineEvent = z.infer<typeof eventSchema>;
export type TextFact = z.infer<typeof textFactSchema>;
export type DateFact = z.infer<typeof dateFactSchema>;
export type Confidence = z.infer<typeof confidenceSchema>;

/** One file per kind of record; the loader reads exactly these. */
export const dataFiles = {
  sources: { file: 'sources.json', schema: sourceSchema },
  places: { file: 'places.json', schema: placeSchema },
  people: { file: 'people.json', schema: personSchema },
  motives: { file: 'motives.json', schema: motiveSchema },
  responses: { file: 'responses.json', schema: regimeResponseSchema },
  events: { file: 'events.json', schema: eventSchema },
} as const;

export type DataKind = keyof typeof dataFiles;
