package news.moderation.ruleset;

import java.util.List;

import news.moderation.engine.Category;
import news.moderation.engine.Decision;
import news.moderation.engine.Match;
import news.moderation.engine.Severity;
import news.moderation.engine.Verdict;

/** The engine's verdict as the API shows it, and as it is stored with every comment. */
public record VerdictView(Decision decision, List<String> categories, List<MatchView> matches, String rulesetVersion) {

    public record MatchView(String ruleId, String category, String severity, int start, int end, String excerpt) {

        public MatchView withoutExcerpt() {
            return new MatchView(ruleId, category, severity, start, end, "");
        }

        static MatchView of(Match match) {
            return new MatchView(match.ruleId(), match.category().id(), match.severity().id(), match.start(),
                    match.end(), match.excerpt());
        }
    }

    /** Back to the engine's form, e.g. to mask a stored comment with the spans it was judged for. */
    public Verdict toEngine() {
        return new Verdict(decision, categories.stream().map(Category::byId).toList(),
                matches.stream().map(m -> new Match(m.ruleId(), Category.byId(m.category()),
                        Severity.byId(m.severity()), m.start(), m.end(), m.excerpt())).toList(),
                rulesetVersion);
    }

    public static VerdictView of(Verdict verdict) {
        return new VerdictView(verdict.decision(),
                verdict.categories().stream().map(c -> c.id()).toList(),
                verdict.matches().stream().map(MatchView::of).toList(),
                verdict.rulesetVersion());
    }
}
