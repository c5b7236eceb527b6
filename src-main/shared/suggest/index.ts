// The suggestion engine, for the service, the CLI and the renderer alike (pure: no Node, no DOM). Every source
// answers one shape (suggestion.ts); each module's header says what it does and what it offers:
//   rules/       ruleSource(options), BUILT_IN_RULES, the project's patterns and their Prodigy-style JSONL
//   dictionary   ProjectDictionary.fromSpans(tagged texts), dictionarySource(dictionary)
//   tagger/      CharacterTagger.train / load / tag / save, modelSource(tagger), evaluation and learning curve
// Training belongs on a worker thread: src-main/service/modelWorker.ts (trainInWorker).
export * from './suggestion'
export { dictionarySource, ProjectDictionary, type DictionaryEntry, type DictionaryMatch, type DictionaryOptions, type LabelShare, type TaggedText } from './dictionary'
export { BUILT_IN_RULES, DEFAULT_RULE_LABELS, ruleSource, type RuleFamily, type RuleOptions, type UserPattern } from './rules'
export { patternProblem, userPatternId } from './rules/userPatterns'
export { parsePatternsJsonl, writePatternsJsonl } from './rules/patternsJsonl'
export * from './tagger'
