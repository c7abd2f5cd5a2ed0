package news.moderation.engine.rules;

import news.moderation.engine.Category;
import news.moderation.engine.JudgingContext;
import news.moderation.engine.Severity;

import java.util.List;

/**
 * A rule's identity and its examples; what it matches lives in the term index, the phrase automaton or a
 * {@link PatternRule}. {@code guarded}: the rule has {@code unless} phrases (in {@link CompiledRules#guards()}),
 * so its hits are dropped where one of them matches around them. {@code replyOnly} ({@code scope: reply}): its hits
 * count only in a comment judged as a {@link JudgingContext#REPLY}, and its examples are judged as replies.
 */
public record Rule(String id, Category category, Severity severity, String language, String file,
                   List<String> mustMatch, List<String> mustNotMatch, boolean guarded, boolean replyOnly) {

    /** This rule, marked as having {@code unless} phrases. */
    public Rule withGuards() {
        return new Rule(id, category, severity, language, file, mustMatch, mustNotMatch, true, replyOnly);
    }

    /** Whether a hit of this rule counts in a comment judged in {@code context}. */
    public boolean appliesIn(JudgingContext context) {
        return !replyOnly || context == JudgingContext.REPLY;
    }

    /** The context this rule's examples are judged in: the one its scope asks for. */
    public JudgingContext examplesContext() {
        return replyOnly ? JudgingContext.REPLY : JudgingContext.TOP_LEVEL;
    }
}
