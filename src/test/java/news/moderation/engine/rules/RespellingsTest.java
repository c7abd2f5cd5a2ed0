package news.moderation.engine.rules;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sound-alike spellings a {@code respelled:} term stands for. */
class RespellingsTest {

    @Test
    void spellsEachSoundEveryWayInEveryCombinationAndKeepsTheForm() {
        List<String> spellings = Respellings.of("*fucker");
        for (String expected : List.of("*fuker", "*fuka", "*fukah", "*fuqa", "*phucker", "*fvcker", "*fooker",
                "*fcker", "*phvkur")) {
            assertTrue(spellings.contains(expected), expected + " in " + spellings);
        }
        assertFalse(spellings.contains("*fucker"), "the term as written is not one of its respellings");
        assertTrue(spellings.stream().allMatch(s -> s.startsWith("*") && !s.endsWith("*")), spellings.toString());
        assertTrue(Respellings.of("asshole*").containsAll(List.of("azhole*", "asshle*", "azhol*")));
        assertTrue(Respellings.of("cunt").contains("kunt"), "a hard c sounds as k");
    }

    @Test
    void aSoftCStaysAndNoSpellingIsShorterThanFourLetters() {
        assertTrue(Respellings.of("bitch").stream().noneMatch(s -> s.contains("kh")), Respellings.of("bitch").toString());
        assertTrue(Respellings.of("bitch").contains("bytch"));
        assertTrue(Respellings.of("bitches").contains("btches"));
        assertFalse(Respellings.of("bitch").contains("btch"), "four letters without a vowel say too little");
        assertFalse(Respellings.of("*fuckers").contains("*fkas"), "Kafkas ends so");
        List<String> fuck = Respellings.of("fuck");
        assertFalse(fuck.contains("fuk"), "three letters say too little: " + fuck);
        assertFalse(fuck.contains("fck"), fuck.toString());
        assertTrue(fuck.stream().allMatch(s -> s.length() >= Respellings.MIN_LETTERS), fuck.toString());
        assertTrue(Respellings.of("*fucker").contains("*fuka"), "four letters with their vowel are enough");
        assertTrue(Respellings.of("fag").stream().allMatch(s -> s.length() >= Respellings.MIN_LETTERS));
    }

    @Test
    void refusesWhatIsNotOneWordOfLettersAndTermsWithTooManySpellings() {
        for (String written : List.of("son of a bitch", "f*ck", "sh1t", "scheiße", "*", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Respellings.of(written));
            assertTrue(e.getMessage().contains("one word of the letters a-z"), e.getMessage());
        }
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> Respellings.of("motherfuckerscumsucker"));
        assertTrue(tooMany.getMessage().contains("more than " + Respellings.MAX_PER_TERM), tooMany.getMessage());
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> Respellings.of("b".repeat(16_000)));
        assertTrue(tooLong.getMessage().contains("more than " + Respellings.MAX_LETTERS + " letters"),
                tooLong.getMessage());
    }

    @Test
    void aTermThatSpellsOneStringManyWaysIsRefusedAsFast() {
        // every way of leaving out some of the "a"s spells one of only 31 strings: the ways are counted, not strings
        String vowels = "b" + "a".repeat(30);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThrows(IllegalArgumentException.class,
                () -> Respellings.of(vowels)));
    }
}
