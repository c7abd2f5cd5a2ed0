package news.moderation.engine.normalize;

import com.ibm.icu.text.Normalizer2;

/**
 * What {@code on: original} patterns see: the original text after NFKC only (fullwidth digits become digits, the
 * mathematical "𝟓" becomes "5"), with a map back to original offsets. Text that NFKC leaves as it is (ASCII,
 * most accented letters and emoji) is returned as is.
 */
public final class NfkcText {
    private static final String[] BMP_NFKC = new String[65536];
    /** Each ASCII char as a String: most chars of a text that NFKC changes somewhere are ASCII. */
    private static final String[] ASCII = new String[128];

    static {
        for (char c = 0; c < ASCII.length; c++) {
            ASCII[c] = String.valueOf(c);
        }
    }

    private final String text;
    private final int[] originalStart;
    private final int[] originalEnd;

    private NfkcText(String text, int[] originalStart, int[] originalEnd) {
        this.text = text;
        this.originalStart = originalStart;
        this.originalEnd = originalEnd;
    }

    /**
     * The original itself (no copy, offsets as they are) when NFKC leaves every code point as it is, which is the
     * case for most non-ASCII comments (accented letters, emoji). A pattern match starts and ends on code points, so
     * no offset inside a surrogate pair is ever asked for and the identity is the map. Otherwise the text is rebuilt
     * from the first code point that changes.
     */
    public static NfkcText of(String original, boolean knownAscii) {
        int firstChanged = knownAscii ? original.length() : firstChangedByNfkc(original);
        if (firstChanged == original.length()) {
            return new NfkcText(original, null, null);
        }
        StringBuilder text = new StringBuilder(original.length() + 16);
        text.append(original, 0, firstChanged);
        int[] start = new int[original.length() * 2 + 4];
        int[] end = new int[start.length];
        for (int i = 0; i < firstChanged; i++) {
            start[i] = i;
            end[i] = i + 1;
        }
        for (int i = firstChanged; i < original.length(); ) {
            int codePoint = original.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            String nfkc = nfkc(codePoint);
            for (int k = 0; k < nfkc.length(); k++) {
                if (text.length() == start.length) {
                    start = java.util.Arrays.copyOf(start, start.length * 2);
                    end = java.util.Arrays.copyOf(end, end.length * 2);
                }
                start[text.length()] = i;
                end[text.length()] = next;
                text.append(nfkc.charAt(k));
            }
            i = next;
        }
        return new NfkcText(text.toString(), start, end);
    }

    /** The index of the first code point NFKC changes, or the text's length when it changes none. */
    private static int firstChangedByNfkc(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            String nfkc = codePoint < 128 ? null : nfkc(codePoint);
            if (nfkc != null && (nfkc.length() != next - i || !text.regionMatches(i, nfkc, 0, nfkc.length()))) {
                return i;
            }
            i = next;
        }
        return text.length();
    }

    public String text() {
        return text;
    }

    public int originalStart(int index) {
        return originalStart == null ? index : originalStart[index];
    }

    /** @param index the last char (inclusive) of a span */
    public int originalEnd(int index) {
        return originalEnd == null ? index + 1 : originalEnd[index];
    }

    /** Lower case, char by char, so that offsets stay the same. */
    public static String lowerCase(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }

    private static String nfkc(int codePoint) {
        if (codePoint < 128) {
            return ASCII[codePoint];
        }
        if (codePoint < 65536) {
            String cached = BMP_NFKC[codePoint];
            if (cached == null) {
                cached = Normalizer2.getNFKCInstance().normalize(String.valueOf((char) codePoint));
                BMP_NFKC[codePoint] = cached; // benign race: same immutable value
            }
            return cached;
        }
        return Normalizer2.getNFKCInstance().normalize(new String(Character.toChars(codePoint)));
    }
}
