package news.moderation.integrations.perspective;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import news.moderation.engine.Ruleset;
import news.moderation.engine.Verdict;

/**
 * Measures, on labelled dev data, which share of comments people labelled toxic at each level of {@link Evidence},
 * proposes each level's score (that share, kept inside its decision's band) and checks the scores in use: TOXICITY
 * must be above 0.80 exactly when the engine holds a comment. Reads the data where it lies; copies nothing.
 * Usage: {@code CalibrateScores RULES_DIR DATA_DIR} (every *.jsonl with {"text", "labels": {"toxic"}} rows).
 */
public final class CalibrateScores {

    private CalibrateScores() {
    }

    public static void main(String[] args) throws Exception {
        Ruleset ruleset = Ruleset.load(Path.of(args[0]));
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of(args[1]))) {
            files = listing.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        ObjectMapper json = new ObjectMapper();
        Map<Evidence, long[]> tallies = new EnumMap<>(Evidence.class); // rows, labelled toxic
        long rows = 0;
        long disagreements = 0;
        for (Path file : files) {
            try (BufferedReader reader = Files.newBufferedReader(file)) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    JsonNode row = json.readTree(line);
                    String text = row.path("text").asText();
                    Verdict verdict = ruleset.judge(text, null);
                    Scorer scorer = new Scorer(text, verdict, ruleset::decide, false);
                    Evidence evidence = scorer.strongest(Attribute.TOXICITY, 0, text.length());
                    boolean flaggedByScore = scorer.score(Attribute.TOXICITY).summary() > Evidence.THRESHOLD;
                    if (flaggedByScore != (verdict.decision() != news.moderation.engine.Decision.ALLOW)) {
                        disagreements++;
                    }
                    rows++;
                    JsonNode toxic = row.path("labels").path("toxic");
                    if (toxic.isBoolean()) {
                        long[] tally = tallies.computeIfAbsent(evidence, e -> new long[2]);
                        tally[0]++;
                        tally[1] += toxic.asBoolean() ? 1 : 0;
                    }
                }
            }
        }
        System.out.printf("%d rows from %s, ruleset %s%n", rows, files.stream().map(Path::getFileName).toList(),
                ruleset.version());
        System.out.printf("%-14s %7s %7s %8s %10s %8s%n", "evidence", "rows", "toxic", "share", "proposed", "in use");
        Map<Evidence, Double> monotone = monotone(tallies);
        for (Evidence evidence : Evidence.values()) {
            long[] tally = tallies.getOrDefault(evidence, new long[2]);
            String share = tally[0] == 0 ? "-" : String.format("%.3f", (double) tally[1] / tally[0]);
            System.out.printf("%-14s %7d %7d %8s %10.2f %8.2f%n", evidence, tally[0], tally[1], share,
                    proposed(evidence, monotone.get(evidence)), evidence.score());
        }
        System.out.printf("TOXICITY > %.2f disagrees with the engine's REVIEW/REJECT on %d of %d rows%n",
                Evidence.THRESHOLD, disagreements, rows);
        if (disagreements > 0) {
            System.exit(1);
        }
    }

    /**
     * The shares made non-decreasing with the strength of the evidence (pool-adjacent-violators, weighted by rows), so
     * that stronger evidence never scores lower; a level without rows takes the level below it.
     */
    private static Map<Evidence, Double> monotone(Map<Evidence, long[]> tallies) {
        List<long[]> blocks = new java.util.ArrayList<>(); // rows, toxic, first level, last level
        for (Evidence evidence : tallies.keySet()) {
            long[] tally = tallies.get(evidence);
            blocks.add(new long[] { tally[0], tally[1], evidence.ordinal(), evidence.ordinal() });
            while (blocks.size() > 1 && share(blocks.get(blocks.size() - 2)) > share(blocks.get(blocks.size() - 1))) {
                long[] last = blocks.remove(blocks.size() - 1);
                long[] before = blocks.get(blocks.size() - 1);
                blocks.set(blocks.size() - 1, new long[] { before[0] + last[0], before[1] + last[1], before[2], last[3] });
            }
        }
        Map<Evidence, Double> monotone = new EnumMap<>(Evidence.class);
        double current = 0;
        for (Evidence evidence : Evidence.values()) {
            for (long[] block : blocks) {
                if (block[2] <= evidence.ordinal() && evidence.ordinal() <= block[3]) {
                    current = share(block);
                }
            }
            monotone.put(evidence, current);
        }
        return monotone;
    }

    private static double share(long[] block) {
        return (double) block[1] / block[0];
    }

    /** The measured share, rounded, moved just inside the band when it falls on the wrong side of the threshold. */
    private static double proposed(Evidence evidence, double share) {
        double rounded = Math.round(share * 100) / 100.0;
        return evidence.held() ? Math.max(rounded, Evidence.THRESHOLD + 0.01) : Math.min(rounded, Evidence.THRESHOLD);
    }
}
