package news.moderation.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Compiles a rules directory and runs every rule's examples: prints the version, the counts and "OK", or the
 * problem (file, rule, example) and exits with status 1. Usage: {@code RulesLint [rules-directory] [word-list]}
 * (default {@code rules}); see docs/rules.md for the Maven command. With a word list (one word a line, such as
 * /usr/share/dict/american-english) it also lists every word the ruleset would hold, for a person to read: innocent
 * words there are false alarms to fix.
 */
public final class RulesLint {
    private RulesLint() {
    }

    public static void main(String[] args) {
        Path directory = Path.of(args.length > 0 ? args[0] : "rules");
        long started = System.nanoTime();
        try {
            Ruleset ruleset = Ruleset.load(directory);
            long millis = (System.nanoTime() - started) / 1_000_000;
            RulesetStats stats = ruleset.stats();
            System.out.println("rules directory: " + directory.toAbsolutePath().normalize());
            System.out.println("version:   " + ruleset.version());
            System.out.println("files:     " + stats.files());
            System.out.println("languages: " + new java.util.TreeSet<>(stats.languages()));
            System.out.println("rules:     " + stats.rules() + " (" + stats.terms() + " terms, " + stats.phrases()
                    + " phrases, " + stats.patterns() + " patterns), allow-list entries: " + stats.allowTerms());
            System.out.println("loaded and checked every example in " + millis + " ms");
            System.out.println("OK");
            if (args.length > 1) {
                listHeldWords(ruleset, Path.of(args[1]));
            }
        } catch (RulesetException e) {
            System.err.println("FAILED: " + e.getMessage());
            System.exit(1);
        } catch (IOException e) {
            System.err.println("FAILED: cannot read the word list: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void listHeldWords(Ruleset ruleset, Path wordList) throws IOException {
        List<String> words = Files.readAllLines(wordList);
        List<String> held = words.stream()
                .filter(word -> ruleset.judge(word, null).decision() != Decision.ALLOW)
                .toList();
        System.out.println("held " + held.size() + " of " + words.size() + " words of " + wordList + ":");
        held.forEach(word -> System.out.println("  " + word));
    }
}
