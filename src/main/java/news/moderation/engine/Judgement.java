package news.moderation.engine;

import news.moderation.engine.match.TermHits;
import news.moderation.engine.normalize.NormalizedText;
import news.moderation.engine.rules.Policy;
import news.moderation.engine.rules.Rule;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/** The hits collected while judging one comment, turned into a {@link Verdict}. Not thread-safe; one per call. */
final class Judgement implements TermHits {
    private record Hit(int rule, int start, int end) {
    }

    private final String original;
    private final NormalizedText normalized;
    private final List<Rule> rules;
    private final Policy policy;
    private final List<Hit> hits = new ArrayList<>();
    private final List<Hit> allowedSpans = new ArrayList<>();
    private final BitSet markersSeen = new BitSet();
    /** (group, start, end) of every marker hit in the normalised text, for windowed patterns. */
    private int[] markerHits = new int[48];
    private int markerHitCount;

    Judgement(String original, NormalizedText normalized, List<Rule> rules, Policy policy) {
        this.original = original;
        this.normalized = normalized;
        this.rules = rules;
        this.policy = policy;
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

    @Override
    public void markerAt(int markerGroup, int start, int end) {
        markersSeen.set(markerGroup);
        if (3 * markerHitCount + 3 > markerHits.length) {
            markerHits = java.util.Arrays.copyOf(markerHits, markerHits.length * 2);
        }
        markerHits[3 * markerHitCount] = markerGroup;
        markerHits[3 * markerHitCount + 1] = start;
        markerHits[3 * markerHitCount + 2] = end;
        markerHitCount++;
    }

    int[] markerHits() {
        return markerHits;
    }

    int markerHitCount() {
        return markerHitCount;
    }

    BitSet markersSeen() {
        return markersSeen;
    }

    void originalHit(int rule, int start, int end) {
        hits.add(new Hit(rule, start, end));
    }

    Verdict verdict(String rulesetVersion) {
        if (hits.isEmpty()) {
            return new Verdict(Decision.ALLOW, List.of(), List.of(), rulesetVersion);
        }
        AllowedSpans allowed = new AllowedSpans(allowedSpans);
        List<Hit> kept = new ArrayList<>(hits.size());
        for (Hit hit : hits) {
            if (!allowed.covers(hit)) {
                kept.add(hit);
            }
        }
        kept.sort(Comparator.comparingInt(Hit::rule).thenComparingInt(Hit::start).thenComparingInt(Hit::end));
        List<Match> matches = new ArrayList<>();
        Decision decision = Decision.ALLOW;
        EnumSet<Category> categories = EnumSet.noneOf(Category.class);
        for (Hit merged : mergeOverlapsOfSameRule(kept)) {
            Rule rule = rules.get(merged.rule());
            matches.add(new Match(rule.id(), rule.category(), rule.severity(), merged.start(), merged.end(),
                    original.substring(merged.start(), merged.end())));
            decision = decision.stricter(policy.decide(rule.category(), rule.severity()));
            categories.add(rule.category());
        }
        matches.sort(Comparator.comparingInt(Match::start).thenComparingInt(Match::end)
                .thenComparing(Match::ruleId));
        return new Verdict(decision, List.copyOf(categories), matches, rulesetVersion);
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
