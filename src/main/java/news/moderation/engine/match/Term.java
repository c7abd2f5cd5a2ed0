package news.moderation.engine.match;

import news.moderation.engine.normalize.NormalizedText;
import news.moderation.engine.normalize.Normalizer;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A term as written in a rule, allow-list or list ("fuck", "fuck*", "*fucker", "*fuck*", "son of a bitch"), in
 * normalised form. {@code doubled[i]} says the term really doubles its i-th (collapsed) letter ("ass"), so the text
 * must too: "as" is not "ass", "assss" is. {@code typedAsOne} has bit i set where the term reads an i that the text
 * must have typed as 1 or | ({@link #withLsTypedAsOne}); 0 for a term as written.
 */
public record Term(String key, Kind kind, boolean[] doubled, int letters, long typedAsOne) {

    public enum Kind {
        /** whole words only */
        WHOLE,
        /** "fuck*": a word starting with the term */
        PREFIX,
        /** "*fucker": a word ending with the term */
        SUFFIX,
        /** "*fuck*": anywhere, even inside a word */
        INFIX;

        /** {@code word} written as a term of this kind ("*fuka" for a suffix). */
        public String write(String word) {
            boolean leading = this == SUFFIX || this == INFIX;
            boolean trailing = this == PREFIX || this == INFIX;
            return (leading ? "*" : "") + word + (trailing ? "*" : "");
        }
    }

    /** A term as written, split into its word and its kind: "*fucker" is "fucker", a suffix. */
    public record Written(String word, Kind kind) {
        public static Written of(String written) {
            String body = written.strip();
            boolean leading = body.startsWith("*");
            boolean trailing = body.endsWith("*") && body.length() > 1;
            Kind kind = leading ? (trailing ? Kind.INFIX : Kind.SUFFIX) : (trailing ? Kind.PREFIX : Kind.WHOLE);
            return new Written(body.substring(leading ? 1 : 0, body.length() - (trailing ? 1 : 0)), kind);
        }
    }

    /** A string of normalised text to find anywhere, as is (a pattern's marker). */
    public static Term marker(String key) {
        return new Term(key, Kind.INFIX, new boolean[key.length()], key.length(), 0);
    }

    /** @throws IllegalArgumentException with a readable reason when the term cannot be used */
    public static Term parse(String written) {
        Written form = Written.of(written);
        if (form.word().contains("*")) {
            throw new IllegalArgumentException("term \"" + written + "\": '*' is only allowed at its start or end");
        }
        NormalizedText normalized = Normalizer.normalize(form.word());
        String key = normalized.text();
        if (key.isEmpty() || key.indexOf('*') >= 0 || key.indexOf('@') >= 0) {
            throw new IllegalArgumentException("term \"" + written + "\" normalises to \"" + key
                    + "\", which cannot be matched");
        }
        boolean[] doubled = new boolean[key.length()];
        int letters = 0;
        for (int i = 0; i < key.length(); i++) {
            doubled[i] = normalized.run(i) > 1;
            letters += doubled[i] ? 2 : 1;
        }
        return new Term(key, form.kind(), doubled, letters, 0);
    }

    /** A term with more l's than this is rare enough to be looked for only as written. */
    private static final int MAX_L_TYPED_AS_ONE = 4;

    /**
     * The term as the normaliser reads it when some of its l's were typed as {@code 1} or {@code |}, which it reads
     * as i because they stand for i far more often ("sh1t"): "s1ut" is read "siut", so "slut" is also looked for as
     * "siut", and found only where that i was typed as 1 or | ({@link #typedAsOne}: "Le chariot" is no "charlot").
     * Every choice of its l's, the term as written left out; none for a term without an l, with more than
     * {@value #MAX_L_TYPED_AS_ONE}, or of 64 chars or more; and none where the i would stand beside another i, which
     * the normaliser would collapse ("c1it").
     */
    public List<Term> withLsTypedAsOne() {
        int[] ls = IntStream.range(0, key.length()).filter(i -> key.charAt(i) == 'l').toArray();
        if (ls.length == 0 || ls.length > MAX_L_TYPED_AS_ONE || key.length() >= Long.SIZE) {
            return List.of();
        }
        List<Term> readings = new ArrayList<>();
        for (int choice = 1; choice < 1 << ls.length; choice++) {
            char[] chars = key.toCharArray();
            long ones = 0;
            for (int bit = 0; bit < ls.length; bit++) {
                if ((choice & 1 << bit) != 0) {
                    chars[ls[bit]] = 'i';
                    ones |= 1L << ls[bit];
                }
            }
            String reading = new String(chars);
            if (!reading.contains("ii")) {
                readings.add(new Term(reading, kind, doubled, letters, ones));
            }
        }
        return readings;
    }

    /** Whether each char this term reads from a typed 1 ({@link #withLsTypedAsOne}) was typed so in the text. */
    boolean onesMatch(NormalizedText text, int start) {
        for (long ones = typedAsOne; ones != 0; ones &= ones - 1) {
            if (!text.wasTypedAsOne(start + Long.numberOfTrailingZeros(ones))) {
                return false;
            }
        }
        return true;
    }

    boolean isSingleWord() {
        return key.indexOf(' ') < 0;
    }

    /** Whether {@code text[start, end)} sits where this term's kind allows (word boundaries). */
    boolean fitsWordBoundaries(NormalizedText text, int start, int end) {
        return switch (kind) {
            case WHOLE -> text.isWordStart(start) && text.isWordEnd(end);
            case PREFIX -> text.isWordStart(start);
            case SUFFIX -> text.isWordEnd(end);
            case INFIX -> true;
        };
    }

    /** Whether every letter this term doubles is repeated in the text too. */
    boolean doublesMatch(NormalizedText text, int start) {
        for (int i = 0; i < doubled.length; i++) {
            if (doubled[i] && text.run(start + i) < 2) {
                return false;
            }
        }
        return true;
    }
}
