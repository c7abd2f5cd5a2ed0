package news.moderation.engine;

import news.moderation.engine.rules.RuleFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Property test of the engine with the real rules: whatever the text (random Unicode with astral characters, lone
 * surrogates, confusables, combining marks, direction controls, huge repeats, one very long word), judging throws
 * nothing, every match lies inside the text and quotes it, masking keeps the length, and the time grows linearly
 * with the length. Seeded, so a failure is reproducible: the message names the seed and the case.
 */
class EngineFuzzTest {
    private static final long SEED = 20261201L;

    /** Building blocks of the random texts: the things the normaliser and the matchers treat specially. */
    private static final List<String> PIECES = List.of(
            "fuck", "f*ck", "f**king", "sh!t", "5h1t", "a$$", "b@stard", "ｆｕｃｋ", "𝐟𝐮𝐜𝐤", "ⓕⓤⓒⓚ", "ƒսck",
            "іdіоt", "f\u200Bu\u00ADck", "f.u.c.k", "F U C K", "fuuuuuck", "Scunthorpe", "cum laude", "you are a moron",
            "ur an idiot", "@John_Doe", "I'm going to kill you", "kill yourself", "the jews are vermin",
            "john.doe@example.com", "+1 (555) 123-4567", "DE89 3704 0044 0532 0130 00", "4111 1111 1111 1111",
            "Scheiße", "crème", "t'es un con", "hijo de puta", "du Arschloch", "#hashtag", "*emphasis*",
            "\u202Egnp.exe", "\u200F", "\u2066", "\u2028", "\uFFFF", "\uFDD0", "\u0000", "\t", "\r\n", "\uFEFF",
            "\uD83D\uDE00", "\uD83D", "\uDE00", "\uD800\uD800", "a\u0301\u0302\u0303", "\u0301", "e\u20DD",
            "ﬁ", "ǅ", "İ", "ß", "ς", "\u1E9E", "日本語", "مرحبا", "שלום", "\uD835\uDD25", " ", "  ", "!!!", "...",
            "'", "’", "-", "_", "*", "**", "$", "@", "1", "0", "|", "{", "\\");

    private static Ruleset ruleset;

    /** With a length cap well above the default: how matching copes with long texts is what is tested here. */
    @BeforeAll
    static void loadTheRealRules() throws RulesetException {
        ruleset = Ruleset.load(RuleFiles.read(Path.of("rules")), 1_000_000);
    }

    @Test
    void randomTextsNeverFailAndEveryMatchLiesInsideTheText() {
        Random random = new Random(SEED);
        for (int round = 0; round < 3_000; round++) {
            String text = randomText(random, 1 + random.nextInt(round % 100 == 0 ? 5_000 : 200));
            String lang = switch (round % 4) {
                case 0 -> null;
                case 1 -> "en";
                case 2 -> "de";
                default -> "xx";
            };
            checkJudging(text, lang, "seed " + SEED + ", round " + round);
        }
    }

    @Test
    void hugeRepeatsAndLongSingleWordsNeverFail() {
        List<String> texts = List.of(
                "fuck".repeat(50_000), "a".repeat(100_000), "f*ck".repeat(25_000), "f*".repeat(50_000),
                "*".repeat(100_000), "sh!t5h1ta$$".repeat(9_000), "f4ck".repeat(25_000), "fuuuu".repeat(20_000),
                "\uD83D\uDE00".repeat(50_000), "\uD800".repeat(100_000), "a\u0301".repeat(50_000),
                "\u202E".repeat(100_000), "ｆｕｃｋ".repeat(25_000), "f.u.c.k.".repeat(12_500), "you are an idiot "
                        .repeat(5_800), "scunthorpe fuck ".repeat(6_000), "@".repeat(100_000), "1".repeat(100_000),
                "f u c k ".repeat(12_500), "idiot".repeat(20_000), "the jews are ".repeat(7_600));
        for (String text : texts) {
            checkJudging(text, null, "repeat of \"" + text.substring(0, 8) + "\"");
        }
    }

    /**
     * Judging time grows linearly: eight times the text takes well under sixteen times as long (a quadratic cost
     * would take 64 times). Ratios, not absolute times, so a slow machine does not matter; the CPU time of this
     * thread, judging the two lengths in turn, and the fastest run of each count, so load from other processes
     * does not either. Both lengths stay small enough for the processor's caches.
     */
    @Test
    void judgingTimeIsLinearInTheLengthOfTheText() {
        List<String> units = List.of("fuck", "f*ck", "a", "idiot", "scunthorpe fuck ", "you are an idiot ",
                "fuck you @bob ", "sh!t5h1t", "\uD83D\uDE00f\u0301");
        int small = 12_500;
        for (String unit : units) {
            String shortText = unit.repeat(small / unit.length());
            String longText = unit.repeat(8 * small / unit.length());
            long fastestShort = Long.MAX_VALUE;
            long fastestLong = Long.MAX_VALUE;
            for (int run = 0; run < 10; run++) {
                long shortTime = nanosToJudge(shortText);
                long longTime = nanosToJudge(longText);
                if (run >= 2) { // the first runs warm up
                    fastestShort = Math.min(fastestShort, shortTime);
                    fastestLong = Math.min(fastestLong, longTime);
                }
            }
            double ratio = (double) fastestLong / Math.max(1, fastestShort);
            assertTrue(ratio < 16, "judging \"" + unit + "\" repeated: 8 times the length took " + ratio
                    + " times as long");
        }
    }

    private static long nanosToJudge(String text) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long started = threads.getCurrentThreadCpuTime();
        ruleset.judge(text, null);
        return threads.getCurrentThreadCpuTime() - started;
    }

    private static void checkJudging(String text, String lang, String which) {
        Verdict verdict;
        try {
            verdict = ruleset.judge(text, lang);
        } catch (RuntimeException | StackOverflowError e) {
            fail(which + ": judging threw " + e, e);
            return;
        }
        for (Match match : verdict.matches()) {
            assertTrue(0 <= match.start() && match.start() < match.end() && match.end() <= text.length(),
                    which + ": match " + match + " outside a text of length " + text.length());
            assertEquals(text.substring(match.start(), match.end()), match.excerpt(), which);
        }
        if (verdict.matches().isEmpty()) {
            assertEquals(Decision.ALLOW, verdict.decision(), which + ": a decision without a match");
        }
        assertEquals(text.length(), ruleset.mask(text, verdict).length(), which + ": masking changed the length");
    }

    private static String randomText(Random random, int pieces) {
        StringBuilder text = new StringBuilder();
        for (int p = 0; p < pieces; p++) {
            switch (random.nextInt(6)) {
                case 0 -> text.appendCodePoint(randomCodePoint(random));
                case 1 -> text.append((char) random.nextInt(0x10000)); // any UTF-16 unit, lone surrogates included
                case 2 -> text.append(PIECES.get(random.nextInt(PIECES.size())).repeat(1 + random.nextInt(30)));
                default -> text.append(PIECES.get(random.nextInt(PIECES.size())));
            }
        }
        return text.toString();
    }

    private static int randomCodePoint(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> 0x20 + random.nextInt(0x5F); // printable ASCII
            case 1 -> 0x300 + random.nextInt(0x70); // combining marks
            case 2 -> 0x400 + random.nextInt(0x100); // Cyrillic, a source of confusables
            case 3 -> 0x1D400 + random.nextInt(0x400); // mathematical alphanumerics (astral)
            default -> random.nextInt(Character.MAX_CODE_POINT + 1);
        };
    }
}
