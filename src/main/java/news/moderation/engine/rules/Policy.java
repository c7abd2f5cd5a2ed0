package news.moderation.engine.rules;

import news.moderation.engine.Category;
import news.moderation.engine.Decision;
import news.moderation.engine.Severity;

import java.util.EnumMap;
import java.util.Map;

/** policy.yaml: severity to decision, optionally per category, and the masking character. */
public record Policy(Map<Severity, Decision> decisions, Map<Category, Map<Severity, Decision>> byCategory,
                     char maskCharacter) {

    /** Used when the ruleset has no policy.yaml: high rejects, medium goes to review, low is allowed. */
    public static Policy defaults() {
        Map<Severity, Decision> decisions = new EnumMap<>(Severity.class);
        decisions.put(Severity.LOW, Decision.ALLOW);
        decisions.put(Severity.MEDIUM, Decision.REVIEW);
        decisions.put(Severity.HIGH, Decision.REJECT);
        return new Policy(decisions, new EnumMap<>(Category.class), '*');
    }

    public Decision decide(Category category, Severity severity) {
        Map<Severity, Decision> override = byCategory.get(category);
        if (override != null && override.containsKey(severity)) {
            return override.get(severity);
        }
        return decisions.get(severity);
    }
}
