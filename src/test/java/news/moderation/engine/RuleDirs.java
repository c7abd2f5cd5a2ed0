package news.moderation.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small rule directories for tests. */
final class RuleDirs {
    private RuleDirs() {
    }

    /** @param pathsAndContents alternating relative path and YAML content */
    static Path write(Path directory, String... pathsAndContents) {
        try {
            for (int i = 0; i < pathsAndContents.length; i += 2) {
                Path file = directory.resolve(pathsAndContents[i]);
                Files.createDirectories(file.getParent());
                Files.writeString(file, pathsAndContents[i + 1]);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-rule English term file. */
    static String termRule(String id, String term, String matchExample) {
        return oneRule("obscene", id, "high", "terms: [\"" + term + "\"]", matchExample);
    }

    /** A one-rule pattern file. */
    static String patternRule(String id, String pattern, String on, String matchExample) {
        return oneRule("personal_attack", id, "medium", "pattern: '" + pattern + "'\n    on: " + on, matchExample);
    }

    /** A one-rule English phrase file. */
    static String phraseRule(String id, String phrase, String matchExample) {
        return oneRule("personal_attack", id, "medium", "phrase: '" + phrase + "'", matchExample);
    }

    /** {@code what}: the rule's matching key(s), indented for the rule's body after the first line. */
    private static String oneRule(String category, String id, String severity, String what, String matchExample) {
        return """
                language: en
                category: %s
                rules:
                  - id: %s
                    severity: %s
                    %s
                    examples:
                      match: ["%s"]
                """.formatted(category, id, severity, what, matchExample);
    }
}
