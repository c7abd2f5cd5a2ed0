package news.moderation.engine.match;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The automaton reports exactly the occurrences a naive search finds, in order of their end. */
class AhoCorasickTest {

    @Test
    void reportsEveryOccurrenceOfEveryKeyInOrderOfItsEnd() {
        Random random = new Random(5);
        for (int round = 0; round < 500; round++) {
            LinkedHashSet<String> keySet = new LinkedHashSet<>();
            int keyCount = 1 + random.nextInt(40);
            while (keySet.size() < keyCount) {
                keySet.add(randomString(random, 1 + random.nextInt(5), "abc d"));
            }
            List<String> keys = List.copyOf(keySet);
            String text = randomString(random, random.nextInt(200), "abcde x");
            List<String> found = new ArrayList<>();
            new AhoCorasick(keys, false).scan(text, (key, end) -> found.add(end + ":" + keys.get(key)));
            assertEquals(naive(keys, text), found.stream().sorted(AhoCorasickTest::byEndThenKey).toList(),
                    "keys " + keys + ", text \"" + text + "\"");
            assertEquals(found.stream().map(AhoCorasickTest::endOf).sorted().toList(),
                    found.stream().map(AhoCorasickTest::endOf).toList(), "reported in order of their end");
        }
    }

    /** Built for any case, it finds in a text what the plain automaton finds in the text lower-cased char by char. */
    @Test
    void anyCaseFindsWhatThePlainAutomatonFindsInTheLowerCasedText() {
        Random random = new Random(6);
        for (int round = 0; round < 500; round++) {
            LinkedHashSet<String> keySet = new LinkedHashSet<>();
            int keyCount = 1 + random.nextInt(20);
            while (keySet.size() < keyCount) {
                keySet.add(randomString(random, 1 + random.nextInt(4), "ab\u00e9i\u03c3 "));
            }
            List<String> keys = List.copyOf(keySet);
            String text = randomString(random, random.nextInt(200), "aAbB\u00e9\u00c9i\u0130\u0131\u03a3\u03c3\u03c2 x");
            char[] lowered = text.toCharArray();
            for (int i = 0; i < lowered.length; i++) {
                lowered[i] = Character.toLowerCase(lowered[i]);
            }
            List<String> expected = new ArrayList<>();
            new AhoCorasick(keys, false).scan(new String(lowered), (key, end) -> expected.add(end + ":" + key));
            List<String> found = new ArrayList<>();
            new AhoCorasick(keys, true).scan(text, (key, end) -> found.add(end + ":" + key));
            assertEquals(expected, found, "keys " + keys + ", text \"" + text + "\"");
        }
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
