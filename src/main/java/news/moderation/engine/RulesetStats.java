package news.moderation.engine;

import java.util.Set;

/**
 * Counts of a loaded ruleset: rules, term entries of term rules, phrase rules, pattern rules (regexes on the
 * original text), allow-list entries, the languages that have rules (including "any"), and the number of rule files
 * read.
 */
public record RulesetStats(int rules, int terms, int phrases, int patterns, int allowTerms, Set<String> languages,
                           int files) {
    public RulesetStats {
        languages = Set.copyOf(languages);
    }
}
