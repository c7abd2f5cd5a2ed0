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
 * {@code phrases} holds every phrase rule, reporting its rule index; {@code guards} every {@code unless} phrase,
 * reporting its index in {@code guardedRules}: the indexes of the rules it protects, or {@link #EVERY_RULE}. They are
 * two automata because an unless match only drops hits: a comment without any hit (most) needs no guard pass, while
 * the words that start unless phrases ("the", "a", "is", "you") would start threads in nearly every comment.
 */
public record CompiledRules(List<Rule> rules, TermIndex terms, PhraseAutomaton phrases, PhraseAutomaton guards,
                            int[][] guardedRules, List<PatternRule> patterns,
                            TermIndex originalMarkers, Policy policy, Map<String, Long> languageBits,
                            RulesetStats stats) {
    /** An {@code unless} of a file without rules: an allow entry written as a phrase, it drops a hit of any rule. */
    public static final int[] EVERY_RULE = null;
}
