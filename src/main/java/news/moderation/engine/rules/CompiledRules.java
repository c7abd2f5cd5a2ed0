package news.moderation.engine.rules;

import news.moderation.engine.RulesetStats;
import news.moderation.engine.match.TermIndex;
import news.moderation.engine.phrase.PhraseAutomaton;

import java.util.List;
import java.util.Map;

/**
 * Everything a ruleset needs to judge text, ready to use. {@code languageBits} gives each language (including
 * "any") the bit used to select terms, phrases and patterns; rules are referred to by their index in {@code rules}.
 * {@code patterns} are the regexes on the original text; {@code originalMarkers} holds the strings they need, in
 * lower case, to be looked for in the NFKC text in any case (its automaton reads each char as its lower case).
 * {@code phrases} holds every phrase rule, reporting its rule index, and every {@code unless} phrase, reporting the
 * {@link #guardId} of its index in {@code guardedRules}: the indexes of the rules it protects, or
 * {@link #EVERY_RULE}. Both kinds are in one automaton, so that one pass over the words finds them all: a separate
 * pass for the unless phrases looked every word up a second time.
 */
public record CompiledRules(List<Rule> rules, TermIndex terms, PhraseAutomaton phrases,
                            int[][] guardedRules, List<PatternRule> patterns,
                            TermIndex originalMarkers, Policy policy, Map<String, Long> languageBits,
                            RulesetStats stats) {
    /** An {@code unless} of a file without rules: an allow entry written as a phrase, it drops a hit of any rule. */
    public static final int[] EVERY_RULE = null;

    /** What the phrase automaton reports for the unless phrase at {@code guardIndex}: a negative number. */
    public static int guardId(int guardIndex) {
        return -1 - guardIndex;
    }

    /** Whether a phrase match reported {@code phraseId} for an unless phrase rather than for a rule. */
    public static boolean isGuard(int phraseId) {
        return phraseId < 0;
    }

    /** The index in {@code guardedRules} of the unless phrase that reported {@code phraseId}. */
    public static int guardIndex(int phraseId) {
        return -1 - phraseId;
    }
}
