package news.moderation.engine.normalize;

import com.ibm.icu.text.Normalizer2;

/**
 * What {@code on: original} patterns see: the original text after NFKC only (fullwidth digits become digits, the
 * mathematical "𝟓" becomes "5"), with a map back to original offsets. ASCII text is returned as is.
 */
public final class NfkcText {
    private static final String[] BMP_NFKC = new String[65536];

    private final String text;
    private final int[] originalStart;
    private final int[] originalEnd;

    private NfkcText(String text, int[] originalStart, int[] originalEnd) {
        this.text = text;
        this.originalStart = originalStart;
        this.originalEnd = originalEnd;
    }

    public static NfkcText of(String original, boolean knownAscii) {
        if (knownAscii || isAscii(original)) {
            return new NfkcText(original, null, null);
        }
        StringBuilder text = new StringBuilder(original.length());
        int[] start = new int[original.length() * 2 + 4];
        int[] end = new int[start.length];
        for (int i = 0; i < original.length(); ) {
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

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    private static String nfkc(int codePoint) {
        if (codePoint < 128) {
            return String.valueOf((char) codePoint);
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
