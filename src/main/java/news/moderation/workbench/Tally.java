package news.moderation.workbench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import news.moderation.engine.Decision;
import news.moderation.engine.Match;
import news.moderation.engine.Verdict;

/**
 * What a backtest has counted so far: one per batch, filled by one thread, then merged into the job's total, so the
 * parallel judging shares nothing while it runs.
 */
final class Tally {
    static final int SAMPLE_SIZE = 20;

    /**
     * A stored comment as the backtest reads it; {@code reply}: it answers another comment; {@code moderatorStatus}
     * is the latest moderator decision's result.
     */
    record StoredComment(String id, String siteId, String body, String lang, boolean reply, String moderatorStatus) {
    }

    private long judged;
    private long changed;
    private final Map<String, Long> transitions = new TreeMap<>();
    private final Map<String, long[]> ruleHits = new TreeMap<>(); // rule id → {serving, candidate, added, lost}
    private final List<PreviewResult.ChangedComment> sample = new ArrayList<>();
    private final long[] rejectedByModerators = new long[4]; // {count, held by serving, by candidate, by candidate only}
    private final long[] approvedByModerators = new long[4];

    void add(StoredComment comment, Verdict serving, Verdict candidate) {
        judged++;
        Set<String> servingRules = ruleIds(serving);
        Set<String> candidateRules = ruleIds(candidate);
        for (String rule : servingRules) {
            long[] hits = ruleHits.computeIfAbsent(rule, id -> new long[4]);
            hits[0]++;
            if (!candidateRules.contains(rule)) {
                hits[3]++;
            }
        }
        for (String rule : candidateRules) {
            long[] hits = ruleHits.computeIfAbsent(rule, id -> new long[4]);
            hits[1]++;
            if (!servingRules.contains(rule)) {
                hits[2]++;
            }
        }
        if (serving.decision() != candidate.decision()) {
            transitions.merge(serving.decision() + "→" + candidate.decision(), 1L, Long::sum);
        }
        if (serving.decision() != candidate.decision() || !serving.matches().equals(candidate.matches())) {
            changed++;
            if (sample.size() < SAMPLE_SIZE) {
                sample.add(new PreviewResult.ChangedComment(comment.id(), comment.siteId(), comment.body(),
                        comment.moderatorStatus(), serving.decision(), candidate.decision(), serving.matches(),
                        candidate.matches()));
            }
        }
        long[] moderated = switch (comment.moderatorStatus() == null ? "" : comment.moderatorStatus()) {
            case "REJECTED" -> rejectedByModerators;
            case "PUBLISHED" -> approvedByModerators;
            default -> null;
        };
        if (moderated != null) {
            moderated[0]++;
            moderated[1] += held(serving) ? 1 : 0;
            moderated[2] += held(candidate) ? 1 : 0;
            moderated[3] += held(candidate) && !held(serving) ? 1 : 0;
        }
    }

    void merge(Tally other) {
        judged += other.judged;
        changed += other.changed;
        other.transitions.forEach((transition, count) -> transitions.merge(transition, count, Long::sum));
        other.ruleHits.forEach((rule, hits) -> {
            long[] total = ruleHits.computeIfAbsent(rule, id -> new long[4]);
            for (int i = 0; i < total.length; i++) {
                total[i] += hits[i];
            }
        });
        for (PreviewResult.ChangedComment comment : other.sample) {
            if (sample.size() < SAMPLE_SIZE) {
                sample.add(comment);
            }
        }
        for (int i = 0; i < rejectedByModerators.length; i++) {
            rejectedByModerators[i] += other.rejectedByModerators[i];
            approvedByModerators[i] += other.approvedByModerators[i];
        }
    }

    long judged() {
        return judged;
    }

    PreviewResult result(String servingVersion, String candidateVersion, long total, boolean truncated) {
        List<PreviewResult.RuleHits> rules = new ArrayList<>();
        ruleHits.forEach((rule, hits) -> {
            if (hits[2] > 0 || hits[3] > 0) {
                rules.add(new PreviewResult.RuleHits(rule, hits[0], hits[1], hits[2], hits[3]));
            }
        });
        return new PreviewResult(servingVersion, candidateVersion, judged, total, truncated, changed,
                new TreeMap<>(transitions), rules, List.copyOf(sample), agreement());
    }

    private PreviewResult.Agreement agreement() {
        long rejected = rejectedByModerators[0];
        long approved = approvedByModerators[0];
        return new PreviewResult.Agreement(rejected, approved,
                rejectedByModerators[1], rejectedByModerators[2], rejectedByModerators[3],
                approvedByModerators[1], approvedByModerators[2], approvedByModerators[3],
                new PreviewResult.Accuracy(ratio(rejectedByModerators[1], rejectedByModerators[1] + approvedByModerators[1]),
                        ratio(rejectedByModerators[1], rejected)),
                new PreviewResult.Accuracy(ratio(rejectedByModerators[2], rejectedByModerators[2] + approvedByModerators[2]),
                        ratio(rejectedByModerators[2], rejected)));
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /** Held back from publication: sent to a moderator or rejected outright. */
    private static boolean held(Verdict verdict) {
        return verdict.decision() != Decision.ALLOW;
    }

    private static Set<String> ruleIds(Verdict verdict) {
        Set<String> ids = new HashSet<>();
        for (Match match : verdict.matches()) {
            ids.add(match.ruleId());
        }
        return ids;
    }
}
