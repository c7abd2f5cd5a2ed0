package news.moderation.engine.rules;

import news.moderation.engine.Category;
import news.moderation.engine.JudgingContext;
import news.moderation.engine.Severity;

import java.util.List;

/**
 * A rule's identity and its examples; what it matches lives in the term index, the phrase automaton or a
 * {@link PatternRule}; its {@code unless} phrases are in the phrase automaton ({@link CompiledRules#guardedRules()}
 * says which rules each protects). {@code replyOnly} ({@code scope: reply}): its hits
 * count only in a comment judged as a {@link JudgingContext#REPLY}, and its examples are judged as replies.
 */
public record Rule(String id, Category category, Severity severity, String language, String file,
                   List<String> mustMatch, List<String> mustNotMatch, boolean replyOnly) {

    /** Whether a hit of this rule counts in a comment judged in {@code context}. */
    public boolean appliesIn(JudgingContext context) {
        return !replyOnly || context == JudgingContext.REPLY;
    }

    /** The context this rule's examples are judged in: the one its scope asks for. */
    public JudgingContext examplesContext() {
        return replyOnly ? JudgingContext.REPLY : JudgingContext.TOP_LEVEL;
    }
}
