package news.moderation.engine;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which languages judge a comment, and which one reports a span that rules of several languages match. */
class LanguagesTest {
    @TempDir
    static Path dir;

    private static Ruleset ruleset;

    private static String insults(String language, String... terms) {
        return """
                language: %s
                category: personal_attack
                rules:
                  - id: %s.personal_attack.insult
                    severity: low
                    terms: [%s]
                    examples:
                      match: ["%s"]
                """.formatted(language, language, String.join(", ", terms), terms[0]);
    }

    @BeforeAll
    static void load() throws RulesetException {
        ruleset = Ruleset.load(RuleDirs.write(dir,
                "en/insults.yaml", insults("en", "idiot", "moron"),
                "de/insults.yaml", insults("de", "idiot", "arschloch", "trottel"),
                "fr/insults.yaml", insults("fr", "idiot", "connard"),
                "any/names.yaml", """
                        language: any
                        category: personal_data
                        rules:
                          - id: any.personal_data.idiot-handle
                            severity: low
                            terms: [idiot]
                            examples:
                              match: ["idiot"]
                        """));
    }

    private static List<String> rules(String text, String lang) {
        return ruleset.judge(text, lang).matches().stream().map(match -> match.ruleId() + "@" + match.excerpt())
                .toList();
    }

    @Test
    void aSpanMatchedInSeveralLanguagesIsReportedOnceByTheBestFit() {
        // no language: every language runs; en wins the tie for "idiot"; rules of "any" never compete
        assertEquals(List.of("any.personal_data.idiot-handle@idiot", "en.personal_attack.insult@idiot"),
                rules("what an idiot", null));
        // the language with the most hits in the comment reports the shared span
        assertEquals(List.of("de.personal_attack.insult@Idiot", "any.personal_data.idiot-handle@Idiot",
                        "de.personal_attack.insult@Trottel", "de.personal_attack.insult@Arschloch")
                        .stream().sorted().toList(),
                rules("Du Idiot, du Trottel, du Arschloch", null).stream().sorted().toList());
        assertEquals(List.of("fr.personal_attack.insult@connard", "any.personal_data.idiot-handle@idiot",
                        "fr.personal_attack.insult@idiot").stream().sorted().toList(),
                rules("quel connard, quel idiot", "").stream().sorted().toList());
    }

    @Test
    void theCommentsOwnLanguageReportsTheSpan() {
        assertEquals(List.of("any.personal_data.idiot-handle@idiot", "fr.personal_attack.insult@idiot"),
                rules("what an idiot", "fr"));
        assertEquals(List.of("any.personal_data.idiot-handle@idiot", "de.personal_attack.insult@idiot"),
                rules("what an idiot", " DE "));
    }

    @Test
    void aLanguageWithoutRulesIsJudgedWithEveryLanguageLikeAnUnknownOne() {
        for (String lang : List.of("it", "xx", "pt-BR")) {
            assertEquals(rules("che idiota, un connard e un arschloch, idiot", null),
                    rules("che idiota, un connard e un arschloch, idiot", lang), lang);
            assertEquals(List.of("de.personal_attack.insult@arschloch"), rules("sei un arschloch", lang)
                    .stream().filter(rule -> !rule.startsWith("any.")).toList(), lang);
        }
        assertEquals(List.of(), rules("sei un arschloch", "en")); // a known language: only en and any
    }
}
