package news.moderation.engine;

import news.moderation.engine.match.TermHits;
import news.moderation.engine.normalize.NormalizedText;
import news.moderation.engine.rules.CompiledRules;
import news.moderation.engine.rules.Policy;
import news.moderation.engine.rules.Rule;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The hits collected while judging one comment, turned into a {@link Verdict}. Not thread-safe; one per call. */
final class Judgement implements TermHits {
    private static final String ANY_LANGUAGE = "any";
    private static final String PREFERRED_LANGUAGE = "en";

    private record Hit(int rule, int start, int end) {
    }

    private static final Comparator<Hit> BY_SPAN = Comparator.comparingInt(Hit::start).thenComparingInt(Hit::end);
    private static final Comparator<Hit> BY_RULE_THEN_SPAN = Comparator.comparingInt(Hit::rule).thenComparing(BY_SPAN);
    private static final Comparator<Match> MATCH_ORDER = Comparator.comparingInt(Match::start)
            .thenComparingInt(Match::end).thenComparing(Match::ruleId);

    private final String original;
    private final NormalizedText normalized;
    private final List<Rule> rules;
    private final Policy policy;
    private final JudgingContext context;
    private final List<Hit> hits = new ArrayList<>();
    private final List<Hit> allowedSpans = new ArrayList<>();
    /** Spans of {@code unless} phrases, by the rule they protect ({@link Hit#rule}). */
    private final List<Hit> guardSpans = new ArrayList<>();
    private final BitSet markersSeen = new BitSet();

    Judgement(String original, NormalizedText normalized, List<Rule> rules, Policy policy, JudgingContext context) {
        this.original = original;
        this.normalized = normalized;
        this.rules = rules;
        this.policy = policy;
        this.context = context;
    }

    @Override
    public void ruleHit(int rule, int start, int end) {
        originalHit(rule, normalized.originalStart(start), normalized.originalEnd(end - 1));
    }

    @Override
    public void allowed(int start, int end) {
        allowedSpans.add(new Hit(-1, normalized.originalStart(start), normalized.originalEnd(end - 1)));
    }

    @Override
    public void markerSeen(int markerGroup) {
        markersSeen.set(markerGroup);
    }

    BitSet markersSeen() {
        return markersSeen;
    }

    /** A hit of a rule that does not apply in this comment's context (a reply-only rule, top level) is dropped. */
    void originalHit(int rule, int start, int end) {
        if (!rules.get(rule).appliesIn(context)) {
            return;
        }
        hits.add(new Hit(rule, start, end));
    }

    /**
     * A match of an {@code unless} phrase protecting {@code protectedRules}, or every rule
     * ({@link CompiledRules#EVERY_RULE}: then it is an allowed span), in normalised-text offsets (end exclusive).
     */
    void guarded(int[] protectedRules, int start, int end) {
        int originalStart = normalized.originalStart(start);
        int originalEnd = normalized.originalEnd(end - 1);
        if (protectedRules == CompiledRules.EVERY_RULE) {
            allowedSpans.add(new Hit(-1, originalStart, originalEnd));
            return;
        }
        for (int rule : protectedRules) {
            guardSpans.add(new Hit(rule, originalStart, originalEnd));
        }
    }

    /**
     * @param language the comment's language when the ruleset knows it, else null: then a span matched by rules of
     *                 several languages is reported by the language that matched most in the comment (then en)
     */
    Verdict verdict(String rulesetVersion, String language) {
        if (hits.isEmpty()) {
            return new Verdict(Decision.ALLOW, List.of(), List.of(), rulesetVersion);
        }
        List<Hit> kept = allowedSpans.isEmpty() && guardSpans.isEmpty() ? hits : notAllowedOrGuarded();
        kept.sort(BY_RULE_THEN_SPAN);
        List<Match> matches = new ArrayList<>();
        Decision decision = Decision.ALLOW;
        EnumSet<Category> categories = EnumSet.noneOf(Category.class);
        for (Hit merged : oneLanguagePerSpan(mergeOverlapsOfSameRule(kept), language)) {
            Rule rule = rules.get(merged.rule());
            matches.add(new Match(rule.id(), rule.category(), rule.severity(), merged.start(), merged.end(),
                    original.substring(merged.start(), merged.end())));
            decision = decision.stricter(policy.decide(rule.category(), rule.severity()));
            categories.add(rule.category());
        }
        matches.sort(MATCH_ORDER);
        return new Verdict(decision, List.copyOf(categories), matches, rulesetVersion);
    }

    /** The hits outside every allowed span and outside the {@code unless} spans of their own rule. */
    private List<Hit> notAllowedOrGuarded() {
        AllowedSpans allowed = new AllowedSpans(allowedSpans);
        Map<Integer, AllowedSpans> guardedByRule = guardSpans.stream().collect(Collectors.groupingBy(Hit::rule,
                Collectors.collectingAndThen(Collectors.toList(), AllowedSpans::new)));
        List<Hit> kept = new ArrayList<>(hits.size());
        for (Hit hit : hits) {
            AllowedSpans guards = guardedByRule.get(hit.rule());
            if (!allowed.covers(hit) && (guards == null || !guards.covers(hit))) {
                kept.add(hit);
            }
        }
        return kept;
    }

    /** The allowed spans sorted by start, with the furthest end reached so far: a lookup is a binary search. */
    private static final class AllowedSpans {
        private final int[] starts;
        private final int[] furthestEnds;

        AllowedSpans(List<Hit> spans) {
            List<Hit> sorted = new ArrayList<>(spans);
            sorted.sort(Comparator.comparingInt(Hit::start));
            starts = new int[sorted.size()];
            furthestEnds = new int[sorted.size()];
            int furthest = Integer.MIN_VALUE;
            for (int k = 0; k < starts.length; k++) {
                starts[k] = sorted.get(k).start();
                furthest = Math.max(furthest, sorted.get(k).end());
                furthestEnds[k] = furthest;
            }
        }

        /** Whether one allowed span holds all of {@code hit}: some span starting at or before it reaches its end. */
        boolean covers(Hit hit) {
            int low = 0;
            int high = starts.length - 1;
            int last = -1; // the last span starting at or before the hit
            while (low <= high) {
                int middle = (low + high) >>> 1;
                if (starts[middle] <= hit.start()) {
                    last = middle;
                    low = middle + 1;
                } else {
                    high = middle - 1;
                }
            }
            return last >= 0 && furthestEnds[last] >= hit.end();
        }
    }

    /**
     * Drops, where rules of several languages match exactly the same span ("idiot": the de, en and fr insult
     * lists), the hits of every language but the best-fitting one: the comment's language, else the language with
     * the most hits in the comment, then en, then the alphabet. Rules of "any" never compete.
     */
    private List<Hit> oneLanguagePerSpan(List<Hit> merged, String language) {
        if (atMostOneLanguage(merged)) {
            return merged; // nothing competes (the usual case): every hit is kept
        }
        Map<String, Integer> hitsPerLanguage = new HashMap<>();
        for (Hit hit : merged) {
            hitsPerLanguage.merge(rules.get(hit.rule()).language(), 1, Integer::sum);
        }
        Comparator<String> fit = Comparator.comparing((String lang) -> !lang.equals(language))
                .thenComparing(lang -> -hitsPerLanguage.getOrDefault(lang, 0))
                .thenComparing(lang -> !lang.equals(PREFERRED_LANGUAGE))
                .thenComparing(Comparator.naturalOrder());
        List<Hit> bySpan = new ArrayList<>(merged);
        bySpan.sort(BY_SPAN);
        List<Hit> kept = new ArrayList<>(merged.size());
        for (int from = 0, to; from < bySpan.size(); from = to) {
            to = from + 1;
            while (to < bySpan.size() && bySpan.get(to).start() == bySpan.get(from).start()
                    && bySpan.get(to).end() == bySpan.get(from).end()) {
                to++;
            }
            String best = null;
            for (Hit hit : bySpan.subList(from, to)) {
                String lang = rules.get(hit.rule()).language();
                if (!ANY_LANGUAGE.equals(lang) && (best == null || fit.compare(lang, best) < 0)) {
                    best = lang;
                }
            }
            for (Hit hit : bySpan.subList(from, to)) {
                String lang = rules.get(hit.rule()).language();
                if (ANY_LANGUAGE.equals(lang) || lang.equals(best)) {
                    kept.add(hit);
                }
            }
        }
        return kept;
    }

    /** Whether the hits' rules are of one language at most, besides "any". */
    private boolean atMostOneLanguage(List<Hit> merged) {
        String only = null;
        for (Hit hit : merged) {
            String lang = rules.get(hit.rule()).language();
            if (!ANY_LANGUAGE.equals(lang)) {
                if (only != null && !only.equals(lang)) {
                    return false;
                }
                only = lang;
            }
        }
        return true;
    }

    /** @param sorted hits sorted by rule, then start */
    private static List<Hit> mergeOverlapsOfSameRule(List<Hit> sorted) {
        List<Hit> merged = new ArrayList<>(sorted.size());
        Hit current = null;
        for (Hit hit : sorted) {
            if (current != null && current.rule() == hit.rule() && hit.start() < current.end()) {
                current = new Hit(current.rule(), current.start(), Math.max(current.end(), hit.end()));
            } else {
                if (current != null) {
                    merged.add(current);
                }
                current = hit;
            }
        }
        if (current != null) {
            merged.add(current);
        }
        return merged;
    }
}
