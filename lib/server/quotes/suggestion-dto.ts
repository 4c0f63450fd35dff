import "server-only";
import { z } from "zod";
import { CONFIDENT } from "@/lib/quotes";
import { visibilitySchema } from "@/lib/validations/annotation";
import { storableString } from "@/lib/validations/storable";

/** Which finder made a suggestion (stored with it, so its precision on real use can be measured per version). */
export const QUOTE_FINDER_SOURCE = "findQuotes@1";

/** What the quote finder proposes besides the words: the words naming the speaker, as written (see speakerPhrase). */
export const proposedQuoteSchema = z.object({ speaker: z.string().nullable() });
export type ProposedQuote = z.infer<typeof proposedQuoteSchema>;

/** A quote suggestion as the reader's Suggestions region shows it. */
export interface QuoteSuggestionDTO {
  id: string;
  paragraphId: string;
  start: number;
  end: number;
  exact: string;
  /** The words naming the speaker in the text, if the finder found any (an organisation's head noun completed to the full name the article gives it). */
  speakerText: string | null;
  /** The known person or organisation those words name, if one matches. */
  speaker: { id: string; name: string } | null;
  score: number;
  /** Accept all takes the confident ones (score ≥ CONFIDENT). */
  confident: boolean;
}

/** Whether Accept all takes a suggestion of this score. */
export function isConfident(score: number): boolean {
  return score >= CONFIDENT;
}

const id = storableString().trim().min(1, "is required").max(64, "is not a valid id");

/** Accepting a quote suggestion: optionally another speaker than the suggested one, and the new quote's visibility. */
export const acceptSuggestionSchema = z
  .object({
    speakerId: id.optional(),
    speakerName: storableString().trim().min(1, "must not be empty").max(200, "is too long (200 characters at most)").optional(),
    speakerTypeId: id.optional(),
    visibility: visibilitySchema.default("SHARED"),
  })
  .strict();
export type AcceptSuggestionInput = z.output<typeof acceptSuggestionSchema>;

/** Accept all: the new quotes' visibility. */
export const acceptAllSuggestionsSchema = z.object({ visibility: visibilitySchema.default("SHARED") }).strict();
