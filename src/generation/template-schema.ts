/**
 * The shape of a versioned prompt template file (`templates/<id>@<version>.yaml`).
 * @module
 */
import { z } from 'zod';

const name = z.string().regex(/^[a-z][a-z0-9_]*$/, 'use lower case letters, digits and _');
const language = z.enum(['de', 'en']);

/** A slot: one value the template needs, and where it comes from. */
export const slotSchema = z.strictObject({
  name,
  /** `feed`: a product feed field; `retrieved`: retrieved facts; `request`: the request. */
  source: z.enum(['feed', 'retrieved', 'request']),
  /** Feed field (`{lang}` becomes the language) or request key; not for `retrieved`. */
  field: z.string().min(1).optional(),
  required: z.boolean().default(false),
  /** Splits a feed value into a list at this separator (features are `;`-separated). */
  split: z.string().min(1).optional(),
  /** Whether the slot's sentences may be extracted into the copy; always true for facts. */
  extract: z.boolean().default(false),
});

/** Length limits of one channel, in characters (UTF-16 code units). */
export const channelSchema = z.strictObject({
  maxCharacters: z.number().int().positive(),
});

const perLanguage = <T extends z.ZodType>(value: T) =>
  z.strictObject({ de: value.optional(), en: value.optional() });

/** How the offline composer writes this use case. */
export const offlineSchema = z.strictObject({
  /** Jinja patterns for the opening sentence per language, tried in order. */
  lead: perLanguage(z.array(z.string().min(1))),
  /** Most extracted sentences after the lead; 0 for headlines. */
  maxExtracts: z.number().int().min(0),
  /** Fewest request terms a retrieved sentence must share to be used. */
  minOverlap: z.number().int().min(0).default(1),
  /** Fixed sentence per language when nothing can be composed. */
  fallback: perLanguage(z.string().min(1)),
});

export const templateSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'use kebab-case'),
  version: z.number().int().positive(),
  useCase: z.string().regex(/^[a-z][a-z0-9-]*$/, 'use kebab-case'),
  description: z.string().min(1),
  languages: z.array(language).min(1),
  slots: z.array(slotSchema).min(1),
  channels: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), channelSchema),
  defaultChannel: z.string(),
  offline: offlineSchema,
  /** Chat template: Jinja source of the system and user messages. */
  chat: z.strictObject({ system: z.string().min(1), user: z.string().min(1) }),
});

export type TemplateSlot = z.infer<typeof slotSchema>;
export type PromptTemplate = z.infer<typeof templateSchema>;
export type TemplateLanguage = z.infer<typeof language>;
