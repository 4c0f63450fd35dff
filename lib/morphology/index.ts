export { tokenize, wordParts, type WordToken } from "./tokenize";
export { lemmatize, lemmatizeQueryWord, normalizeWord } from "./lemmatize";
export { indexTerms, queryTerms, toTsvectorInput, toTsqueryInput, MAX_POSITION, MAX_WORD_LENGTH, type IndexTerm, type QueryTerm } from "./terms";
export { nominativeOf } from "./nominative";
export { warmUpRussian } from "./russian";
export { warmUpEnglish } from "./english";
export { findMentions, containsAllWords, type TextSpan } from "./match";
