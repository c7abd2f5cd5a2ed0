package news.moderation.engine;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A rule's {@code respelled:} terms, judged: their sound-alike spellings hit, guarded by the allow list. */
class RespelledTermsTest {
    @TempDir
    static Path dir;
    private static Ruleset ruleset;

    @BeforeAll
    static void load() throws RulesetException {
        ruleset = Ruleset.load(RuleDirs.write(dir.resolve("rules"), "en/obscene.yaml", """
                language: en
                category: obscene
                rules:
                  - id: en.obscene.fuck
                    severity: high
                    terms:
                      - fuck
                    respelled:
                      - "*fucker"
                      - fucka
                    examples:
                      match:
                        - mothafukka
                  - id: en.obscene.whore
                    severity: medium
                    terms:
                      - "*slut"
                    examples:
                      match:
                        - s1ut
                """, "en/allow.yaml", """
                language: en
                allow:
                  - phuka
                """));
    }

    private static List<String> excerpts(String text) {
        return ruleset.judge(text, "en").matches().stream().map(Match::excerpt).toList();
    }

    @Test
    void aCompoundNeverListedIsCaughtInAnySpellingWithTheNormalisersHelp() {
        assertEquals(List.of("mothafukka"), excerpts("you mothafukka"));
        assertEquals(List.of("MOTHERFCKER"), excerpts("MOTHERFCKER!"));
        assertEquals(List.of("muthafuqa"), excerpts("muthafuqa"));
        assertEquals(List.of("f.u.k.k.a"), excerpts("f.u.k.k.a"), "separators and repeats are the normaliser's");
        assertEquals(List.of("phucker", "fucker"), excerpts("phucker fucker"), "the term as written is kept");
    }

    @Test
    void theFormAndTheAllowListGuardRespellingsAsTheyGuardTerms() {
        assertEquals(List.of(), excerpts("Fukuoka and Fukushima"), "a suffix respells no word's start");
        assertEquals(List.of(), excerpts("phuka"), "an allowed word");
        assertEquals(List.of("fuka"), excerpts("fuka"));
        assertEquals(List.of(), excerpts("f*ka"), "a mask stands for the letters of the word as written");
        assertEquals(List.of("f*ck"), excerpts("f*ck"), "and with the terms as written");
    }

    @Test
    void anLTypedAsOneIsFoundThoughTheNormaliserReadsOneAsI() {
        assertEquals(List.of("s1ut", "S|UT", "bigs1ut"), excerpts("s1ut S|UT bigs1ut"));
        assertEquals(List.of(), excerpts("1 s1i1 1ut"), "a digit alone or a word that spells no term");
        assertEquals(List.of(), excerpts("siut"), "an i typed as i is no l");
    }

    @Test
    void aRespelledTermWithTooManySpellingsRefusesTheRulesetNamingFileAndRule() {
        RulesetException e = assertThrows(RulesetException.class, () -> Ruleset.load(RuleDirs.write(
                dir.resolve("refused"), "en/obscene.yaml", """
                        language: en
                        category: obscene
                        rules:
                          - id: en.obscene.long
                            severity: high
                            respelled:
                              - motherfuckerscumsucker
                            examples:
                              match:
                                - motherfuckerscumsucker
                        """)));
        assertEquals("en/obscene.yaml", e.getFile());
        assertEquals("en.obscene.long", e.getRuleId());
        assertTrue(e.getMessage().contains("spellings"), e.getMessage());
    }
}
