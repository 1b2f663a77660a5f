import { z } from 'zod';
import { dataLimits } from './problems.ts';

/**
 * The shape of everything in `data/`. Types used across the bot are inferred from these
 * schemas, so the data files and the code cannot drift apart. Every object is strict:
 * a misspelt key in a data file is an error, not a silently ignored field.
 */

/**
 * Ids travel in buttons' custom_ids (`timeline:12:person=<id>&from=1990&to=2020`), which Discord
 * caps at 100 characters: 60 leaves room for the rest.
 */
export const maxIdLength = 60;

export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lower-case slug such as thae-yong-ho')
  .max(maxIdLength, `expected an id of at most ${maxIdLength} characters (ids go into button ids)`);

export const textSchema = z
  .string()
  .trim()
  .min(1, 'expected non-empty text')
  .max(dataLimits.textChars, `expected at most ${dataLimits.textChars} characters`);

/** One language's side of a text; a missing side is named, so a maintainer knows which to write. */
function languageText(language: string) {
  return z
    .string({
      error: (issue) => (issue.input === undefined ? `the ${language} text is missing` : 'expected text'),
    })
    .trim()
    .min(1, `the ${language} text is empty`)
    .max(dataLimits.textChars, `expected at most ${dataLimits.textChars} characters`);
}

/**
 * Every text a reader sees, in both languages the bot answers in. Both are required: a card
 * must never fall back to the other language half-way through. Each side is written in its own
 * words from the sources (not a word-for-word translation) but states the same facts and figures.
 */
export const localTextSchema = z.strictObject({
  en: languageText('English (en)'),
  ko: languageText('Korean (ko)'),
});

/** Partial ISO dates (`1991`, `1991-06`, `2016-08-17`): they sort correctly as plain strings. */
export const partialDateSchema = z
  .string()
  .regex(
    /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/,
    'expected YYYY, YYYY-MM or YYYY-MM-DD',
  );

/** `confirmed`: stated by the source as fact. `reported`: the source relays an unconfirmed report. */
export const confidenceSchema = z.enum(['confirmed', 'reported']);

/**
 * A person's standing as a defector. `denied`: a defection was reported but denied or never
 * borne out. Such people stay in the data, shown as such, because readers ask about them.
 */
export const personConfidenceSchema = z.enum([...confidenceSchema.options, 'denied']);

/**
 * Which part of the elite a person came from; lets the bot group and filter people.
 * `faction-1956`: the purges after the August 1956 challenge to Kim Il-sung.
 */
export const categorySchema = z.enum([
  'faction-1956',
  'cold-war',
  'ruling-family',
  'military-intelligence',
  'finance-trade',
  'propaganda',
  'diplomat',
]);

const sourceIdsSchema = z.array(idSchema).min(1, 'expected at least one source id');

/** One claim with the sources that make it. */
function claimSchema<T extends z.ZodType>(value: T) {
  return z.strictObject({
    value,
    sources: sourceIdsSchema,
    confidence: confidenceSchema.optional(),
    note: localTextSchema.optional(),
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

export const textFactSchema = factSchema(localTextSchema);
export const dateFactSchema = factSchema(partialDateSchema);

/** A supplied title is wholly in square brackets, the cataloguers' convention. */
const isBracketed = (text: string) => text.startsWith('[') && text.endsWith(']');

export const sourceSchema = z.strictObject({
  id: idSchema,
  publisher: textSchema,
  /**
   * The piece's own title, exactly as published and in its own language only. Where it was not
   * recorded, a description in square brackets (`[Yonhap report on ...]`), the cataloguers'
   * convention for a supplied title; being ours, a supplied title is written in both languages.
   * Published titles may open with a bracketed tag (`[北대사 망명]...`), so only a title that
   * is bracketed from end to end counts as supplied.
   */
  title: z.union([
    textSchema.refine((title) => !isBracketed(title), {
      message: 'a supplied title in square brackets is written in both languages: { "en", "ko" }',
    }),
    localTextSchema.refine((title) => isBracketed(title.en) && isBracketed(title.ko), {
      message: 'a supplied title is a description in square brackets, in both languages',
    }),
  ]),
  /** Publication date, only where known (from the piece or its address); never guessed. */
  date: partialDateSchema.optional(),
  language: z.enum(['en', 'ko']),
  /** Only where the address is known; never guessed. */
  url: z.url().optional(),
  /** For maintainers only, never shown to readers, so in English alone. */
  note: textSchema.optional(),
});

/** Decimal degrees, to one decimal place in the data: enough to place a marker on a world map. */
export const coordinatesSchema = z.strictObject({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});

/** Countries and cities, with the synonyms people type (`uk`, `britain`, `영국`). */
export const placeSchema = z.strictObject({
  id: idSchema,
  name: localTextSchema,
  aliases: z.array(textSchema),
  /** The capital for a country, the city itself for a city. */
  coordinates: coordinatesSchema.optional(),
});

export const personSchema = z.strictObject({
  id: idSchema,
  /** Romanised name as the bot shows it, e.g. `Thae Yong-ho`. */
  name: textSchema,
  /**
   * Hangul name as the person uses it, e.g. `태영호`, `리일규`. `null` where no page read gives
   * it: a Hangul spelling is never guessed from the romanisation.
   */
  hangul: textSchema.nullable(),
  /**
   * For a person the reports do not name: how the bot names them, in both languages (the
   * romanised `name` is then the English description). Such a person has no Hangul name.
   */
  unnamed: localTextSchema.optional(),
  /** Other romanisations and names (`Tae Yong-ho`, `Thae Ku-min`), each listed once. */
  aliases: z.array(textSchema),
  category: categorySchema,
  /** 1-100: how well known; breaks ties between short, ambiguous queries such as `jang`. */
  prominence: z.int().min(1).max(100),
  /** Whether the seed transcript speaks of this person. */
  inTranscript: z.boolean(),
  /**
   * The person's confidence overall: `reported` when the defection itself is unconfirmed,
   * `denied` when it was denied or never borne out.
   */
  confidence: personConfidenceSchema,
  summary: textFactSchema,
  /** The post held when they defected, e.g. `Deputy ambassador (minister) to the United Kingdom`. */
  post: textFactSchema,
  /** The mission (country, and city when known) where that post was. */
  mission: z.strictObject({ place: idSchema, city: localTextSchema.optional() }).optional(),
  earlierPosts: z.array(textFactSchema).optional(),
  defection: z.strictObject({
    /** When they left their post (or asked for asylum). */
    date: dateFactSchema,
    from: idSchema,
    /**
     * Where they went. Optional because some defections are known only as a disappearance: no
     * source says where Yun Tae-hyong went after vanishing in Nakhodka in 2014, for instance. A
     * destination is never guessed, so the card then shows the route without one.
     */
    to: idSchema.optional(),
    via: z.array(idSchema).optional(),
    /** Arrival, announcement and similar milestones, each sourced. */
    milestones: z.array(textFactSchema.extend({ date: partialDateSchema })).optional(),
  }),
  /** Who came along (or went first), in words. */
  companions: z.array(textFactSchema).optional(),
  /** Related people in the data: the other side of each relation should list this person too. */
  relatives: z.array(z.strictObject({ person: idSchema, relation: localTextSchema })).optional(),
  /** What came after: careers, elections, silence. */
  aftermath: z.array(textFactSchema.extend({ date: partialDateSchema.optional() })).optional(),
  /** Motives this person cited or that sources attribute to them. */
  motives: z
    .array(z.strictObject({ motive: idSchema, detail: localTextSchema.optional(), sources: sourceIdsSchema }))
    .optional(),
});

export const motiveSchema = z.strictObject({
  id: idSchema,
  name: localTextSchema,
  /** Words people type for this motive, in both languages (`salary`, `money`, `월급`). */
  keywords: z.array(textSchema),
  summary: textFactSchema,
  /** Concrete evidence, figures included. */
  evidence: z.array(textFactSchema),
});

export const regimeResponseSchema = z.strictObject({
  id: idSchema,
  name: localTextSchema,
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
  title: localTextSchema,
  kind: z.enum(['defection', 'arrival', 'announcement', 'post', 'response', 'politics', 'other']),
  detail: textFactSchema,
  people: z.array(idSchema),
  places: z.array(idSchema).optional(),
});

export type LocalText = z.infer<typeof localTextSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Place = z.infer<typeof placeSchema>;
export type Coordinates = z.infer<typeof coordinatesSchema>;
export type Person = z.infer<typeof personSchema>;
export type Motive = z.infer<typeof motiveSchema>;
export type RegimeResponse = z.infer<typeof regimeResponseSchema>;
export type TimelineEvent = z.infer<typeof eventSchema>;
export type TextFact = z.infer<typeof textFactSchema>;
export type DateFact = z.infer<typeof dateFactSchema>;
export type Confidence = z.infer<typeof confidenceSchema>;
export type PersonConfidence = z.infer<typeof personConfidenceSchema>;
export type Category = z.infer<typeof categorySchema>;

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
