package news.moderation.engine.rules;

import news.moderation.engine.Category;
import news.moderation.engine.Severity;

import java.util.List;

/**
 * A rule's identity and its examples; what it matches lives in the term index, the phrase automaton or a
 * {@link PatternRule}. {@code guarded}: the rule has {@code unless} phrases (in {@link CompiledRules#guards()}),
 * so its hits are dropped where one of them matches around them.
 */
public record Rule(String id, Category category, Severity severity, String language, String file,
                   List<String> mustMatch, List<String> mustNotMatch, boolean guarded) {

    /** This rule, marked as having {@code unless} phrases. */
    public Rule withGuards() {
        return new Rule(id, category, severity, language, file, mustMatch, mustNotMatch, true);
    }
}
