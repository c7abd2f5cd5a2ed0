package news.moderation.engine.rules;

import news.moderation.engine.Decision;
import news.moderation.engine.Match;
import news.moderation.engine.Ruleset;
import news.moderation.engine.RulesetException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The shipped rules on a comment without a language, judged by every language's rules: an ordinary word of one
 * language stays clean although another language's rule spells a term with it, and each language's attacks are
 * still held. A rule's own examples cannot show this: they are judged with the rule's language only.
 */
class ShippedRulesAcrossLanguagesTest {
    private static Ruleset shipped;

    @BeforeAll
    static void load() throws RulesetException {
        shipped = Ruleset.load(Path.of("rules"));
    }

    private static List<String> ruleIds(String text) {
        return shipped.judge(text, null).matches().stream().map(Match::ruleId).toList();
    }

    @Test
    void theGermanPluralMuslimeIsNoEnglishSlur() {
        assertEquals(List.of(), ruleIds("Die Muslime in Berlin feiern das Zuckerfest"));
        assertEquals(List.of(), ruleIds("Viele Muslime leben seit Jahrzehnten hier"));
        assertEquals(List.of(), ruleIds("Weg mit den Vorurteilen gegen Muslime"));
        assertEquals(List.of("en.derogatory.slur-anti-muslim"), ruleIds("a muslime woman"));
        assertEquals(List.of("de.derogatory.group-negative"), ruleIds("Muslime sind böse"));
    }

    @Test
    void eachLanguagesGroupAttacksAndCallsToKillAreHeldWithoutALanguage() {
        for (String attack : List.of("Ich hasse Juden", "je déteste les arabes", "odio a los judíos",
                "ihr seid Tiere", "vous êtes des animaux", "sois unos animales", "gays are idiots",
                "Geh zurück nach Afrika", "retourne en Afrique", "vete a tu país")) {
            assertEquals(Decision.REVIEW, shipped.judge(attack, null).decision(), attack);
        }
        for (String call : List.of("Tötet alle Juden!", "tuez tous les arabes", "matad a todos los moros")) {
            assertEquals(Decision.REJECT, shipped.judge(call, null).decision(), call);
        }
    }
}
