package news.moderation.engine;

import news.moderation.engine.bench.BenchmarkCorpus;
import news.moderation.engine.rules.Rule;
import news.moderation.engine.rules.RuleFiles;
import news.moderation.engine.rules.RulesetCompiler;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Approval test of the engine's behaviour: the verdict (decision, categories, rule ids and spans) of every rule
 * example in {@code rules/} and of a seeded generated corpus, compared with the committed file
 * {@value #GOLDEN}. A change that alters any verdict fails here and shows in review as a diff of that file; after
 * checking the diff, approve it on purpose with {@code ./mvnw test -Dtest=GoldenVerdictsTest -Dgolden.update=true}.
 */
class GoldenVerdictsTest {
    static final String GOLDEN = "src/test/resources/golden/verdicts.txt";
    private static final Path RULES = Path.of("rules");
    private static final Path ACTUAL = Path.of("target/golden/verdicts.txt");
    private static final int GENERATED_CHARS = 200_000;
    private static final int DIFFERENCES_SHOWN = 20;
    /**
     * The abusive words the generated corpus disguises: fixed here, not read from the rules, so that adding a term
     * to a rule file does not reshuffle the whole generated corpus and hide the verdicts that really changed.
     */
    private static final List<String> GENERATED_TERMS = List.of("arschloch", "bastard", "bitch", "connard", "cunt",
            "faggot", "fuck*", "idiot", "moron", "pendejo", "retard*", "shit", "slut", "wanker", "whore");

    @Test
    void verdictsMatchTheApprovedFile() throws Exception {
        List<String> actual = verdicts();
        Path golden = Path.of(GOLDEN);
        if (Boolean.getBoolean("golden.update")) {
            write(golden, actual);
            return;
        }
        write(ACTUAL, actual);
        if (!Files.exists(golden)) {
            fail(GOLDEN + " is missing: create it with -Dgolden.update=true");
        }
        List<String> approved = Files.readAllLines(golden, StandardCharsets.UTF_8);
        List<String> differences = differences(approved, actual);
        if (!differences.isEmpty()) {
            fail(differences.size() + " verdict lines differ from " + GOLDEN + " (actual: " + ACTUAL
                    + "; approve with -Dgolden.update=true after review):\n"
                    + String.join("\n", differences.subList(0, Math.min(DIFFERENCES_SHOWN, differences.size()))));
        }
    }

    /** One line per text: where it comes from, its verdict, and the text itself (escaped to one line). */
    private static List<String> verdicts() throws Exception {
        Ruleset ruleset = Ruleset.load(RULES);
        List<String> lines = new ArrayList<>();
        for (Rule rule : RulesetCompiler.compile(RuleFiles.read(RULES)).rules()) {
            String lang = "any".equals(rule.language()) ? null : rule.language();
            // in the context the load judges them in: a rule limited to replies shows its examples as replies
            JudgingContext context = rule.examplesContext();
            for (String example : rule.mustMatch()) {
                lines.add(line(rule.id() + " match", ruleset.judge(example, lang, context), example));
            }
            for (String example : rule.mustNotMatch()) {
                lines.add(line(rule.id() + " no-match", ruleset.judge(example, lang, context), example));
            }
        }
        List<String> generated = new BenchmarkCorpus().comments(GENERATED_TERMS, GENERATED_CHARS);
        for (int i = 0; i < generated.size(); i++) {
            lines.add(line("generated " + i, ruleset.judge(generated.get(i), null), generated.get(i)));
        }
        return lines;
    }

    private static String line(String source, Verdict verdict, String text) {
        String matches = verdict.matches().stream()
                .map(match -> match.ruleId() + "@" + match.start() + "-" + match.end())
                .collect(Collectors.joining(" "));
        String categories = verdict.categories().stream().map(Category::name).collect(Collectors.joining(","));
        return source + " | " + verdict.decision() + " [" + categories + "] " + matches + " | " + escape(text);
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            if (codePoint == '\\') {
                escaped.append("\\\\");
            } else if (codePoint < 0x20 || codePoint == 0x7F || Character.getType(codePoint) == Character.FORMAT
                    || Character.getType(codePoint) == Character.SURROGATE) {
                escaped.append(String.format("\\u{%X}", codePoint));
            } else {
                escaped.appendCodePoint(codePoint);
            }
        });
        return escaped.toString();
    }

    private static List<String> differences(List<String> approved, List<String> actual) {
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < Math.max(approved.size(), actual.size()); i++) {
            String was = i < approved.size() ? approved.get(i) : "(none)";
            String now = i < actual.size() ? actual.get(i) : "(none)";
            if (!was.equals(now)) {
                differences.add("line " + (i + 1) + "\n  approved: " + was + "\n  actual:   " + now);
            }
        }
        return differences;
    }

    private static void write(Path file, List<String> lines) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
