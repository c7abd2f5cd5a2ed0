package news.moderation.engine;

import java.util.List;

/**
 * The engine's answer for one comment: the strictest decision over all matches, the distinct categories (enum
 * order), the matches sorted by start, and the version of the ruleset that produced it.
 */
public record Verdict(Decision decision, List<Category> categories, List<Match> matches, String rulesetVersion) {
    public Verdict {
        categories = List.copyOf(categories);
        matches = List.copyOf(matches);
    }
}
