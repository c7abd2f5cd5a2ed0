package news.moderation.engine.match;

import news.moderation.engine.normalize.NfkcText;
import news.moderation.engine.normalize.WordVisitor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The automaton reports exactly the occurrences a naive search finds, in order of their end. */
class AhoCorasickTest {

    @Test
    void reportsEveryOccurrenceOfEveryKeyInOrderOfItsEnd() {
        forRandomKeysAndTexts(5, new KeysAndTexts(40, 5, "abc d", "abcde x"), (keys, text) -> {
            List<String> found = found(new AhoCorasick(keys, false), keys, text);
            assertEquals(naive(keys, text), found.stream().sorted(AhoCorasickTest::byEndThenKey).toList(),
                    "keys " + keys + ", text \"" + text + "\"");
            assertEquals(found.stream().map(AhoCorasickTest::endOf).sorted().toList(),
                    found.stream().map(AhoCorasickTest::endOf).toList(), "reported in order of their end");
        });
    }

    /** Built for any case, it finds in a text what the plain automaton finds in the text lower-cased char by char. */
    @Test
    void anyCaseFindsWhatThePlainAutomatonFindsInTheLowerCasedText() {
        KeysAndTexts mixedCase = new KeysAndTexts(20, 4, "ab\u00e9i\u03c3 ",
                "aAbB\u00e9\u00c9i\u0130\u0131\u03a3\u03c3\u03c2 x");
        forRandomKeysAndTexts(6, mixedCase, (keys, text) -> assertEquals(
                found(new AhoCorasick(keys, false), keys, NfkcText.lowerCase(text)),
                found(new AhoCorasick(keys, true), keys, text), "keys " + keys + ", text \"" + text + "\""));
    }

    /**
     * The words handed over in the same pass are the runs of chars between spaces, in order, each with its
     * {@code String.hashCode}, its chars packed 8 bits each (the last 8 of a longer word) and its chars or'ed, also
     * with runs of spaces and spaces at either end, and with keys ending in a word or across a space.
     */
    @Test
    void handsOverEveryWordWithItsHashAndPackedChars() {
        forRandomKeysAndTexts(7, new KeysAndTexts(10, 4, "ab c", "ab c  \u00e9\u0100"), (keys, text) -> {
            List<String> handed = new ArrayList<>();
            new AhoCorasick(keys, false).scan(text, (key, end) -> {
            }, (start, end, hash, packedChars, wideBits) -> handed.add(start + "-" + end + " " + hash + " "
                    + packedChars + " " + wideBits));
            List<String> expected = new ArrayList<>();
            for (int start = 0; start < text.length(); start++) {
                if (text.charAt(start) != ' ' && (start == 0 || text.charAt(start - 1) == ' ')) {
                    int end = text.indexOf(' ', start) < 0 ? text.length() : text.indexOf(' ', start);
                    long packed = 0;
                    int wide = 0;
                    for (char c : text.substring(start, end).toCharArray()) {
                        packed = packed << 8 | c;
                        wide |= c;
                    }
                    expected.add(start + "-" + end + " " + text.substring(start, end).hashCode() + " " + packed + " "
                            + wide);
                }
            }
            assertEquals(expected, handed, "text \"" + text + "\"");
        });
    }

    /** Up to {@code maxKeys} distinct keys of up to {@code maxKeyLength} chars, and texts of up to 200 chars. */
    private record KeysAndTexts(int maxKeys, int maxKeyLength, String keyAlphabet, String textAlphabet) {
    }

    /** 500 rounds of random keys and a random text. */
    private static void forRandomKeysAndTexts(long seed, KeysAndTexts shape, BiConsumer<List<String>, String> check) {
        Random random = new Random(seed);
        for (int round = 0; round < 500; round++) {
            LinkedHashSet<String> keys = new LinkedHashSet<>();
            int count = 1 + random.nextInt(shape.maxKeys());
            while (keys.size() < count) {
                keys.add(randomString(random, 1 + random.nextInt(shape.maxKeyLength()), shape.keyAlphabet()));
            }
            check.accept(List.copyOf(keys), randomString(random, random.nextInt(200), shape.textAlphabet()));
        }
    }

    /** Every occurrence the automaton reports, as "end:key", in the order reported. */
    private static List<String> found(AhoCorasick automaton, List<String> keys, String text) {
        List<String> found = new ArrayList<>();
        automaton.scan(text, (key, end) -> found.add(end + ":" + keys.get(key)), WordVisitor.NONE);
        return found;
    }

    private static List<String> naive(List<String> keys, String text) {
        List<String> found = new ArrayList<>();
        for (String key : keys) {
            for (int at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
                found.add(at + key.length() + ":" + key);
            }
        }
        found.sort(AhoCorasickTest::byEndThenKey);
        return found;
    }

    private static int byEndThenKey(String a, String b) {
        int byEnd = Integer.compare(endOf(a), endOf(b));
        return byEnd != 0 ? byEnd : a.compareTo(b);
    }

    private static int endOf(String hit) {
        return Integer.parseInt(hit.substring(0, hit.indexOf(':')));
    }

    private static String randomString(Random random, int length, String alphabet) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
