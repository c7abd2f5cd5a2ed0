package news.moderation.engine.normalize;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.SpoofChecker;

/**
 * What one code point becomes before words are formed: its kind and its folded text (lower case, NFKC, no
 * diacritics, UTS #39 confusable skeleton when that yields plain Latin letters).
 *
 * <p>Folding a code point is expensive (ICU), so results are cached per JVM: ASCII is precomputed, the rest of the
 * BMP is filled lazily into an array, supplementary code points (mathematical alphabets, emoji) into pages allocated
 * on first use.
 */
final class CharFold {

    enum Kind {
        /** zero-width and format characters, variation selectors, combining marks: dropped */
        IGNORABLE,
        LETTER,
        DIGIT,
        /** {@code @ $ ! | +}: punctuation that stands for a letter inside a word */
        LEET_SYMBOL,
        /** {@code * #}: self-censoring inside a word ("f*ck") */
        MASK,
        /** dropped inside words: "don't" becomes "dont" */
        APOSTROPHE,
        SEPARATOR
    }

    final Kind kind;
    /** the folded text: letters for LETTER, the digit for DIGIT, the character itself otherwise */
    final String text;
    /** {@code text} when it is a single char (the common case, kept apart for speed), else 0 */
    final char single;
    /** the letter a DIGIT or LEET_SYMBOL stands for inside a word, 0 if none */
    final char leet;
    /** for SEPARATOR: true for whitespace other than line breaks, which may sit between spaced-out letters */
    final boolean inlineSpace;

    boolean isLineBreak() {
        return kind == Kind.SEPARATOR && single == ' ' && !inlineSpace;
    }

    private CharFold(Kind kind, String text, char leet, boolean inlineSpace) {
        this.kind = kind;
        this.text = text;
        this.single = text.length() == 1 ? text.charAt(0) : 0;
        this.leet = leet;
        this.inlineSpace = inlineSpace;
    }

    private static final CharFold[] ASCII = new CharFold[128];
    private static final CharFold[] BMP = new CharFold[65536];
    /**
     * Supplementary code points (emoji, mathematical alphabets) in pages of 256 allocated when first needed: a
     * comment full of emoji reads an array, not a map of boxed code points.
     */
    private static final int PAGE_BITS = 8;
    private static final int PAGE_MASK = (1 << PAGE_BITS) - 1;
    private static final CharFold[][] SUPPLEMENTARY_PAGES =
            new CharFold[(Character.MAX_CODE_POINT + 1) >>> PAGE_BITS][];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII[c] = foldAscii(c);
            BMP[c] = ASCII[c];
        }
    }

    static CharFold ascii(char c) {
        return ASCII[c];
    }

    static CharFold of(int codePoint) {
        if (codePoint < 128) {
            return ASCII[codePoint];
        }
        if (codePoint < 65536) {
            CharFold fold = BMP[codePoint];
            if (fold == null) {
                fold = IcuFolding.fold(codePoint); // benign race: every thread computes the same immutable value
                BMP[codePoint] = fold;
            }
            return fold;
        }
        CharFold[] page = SUPPLEMENTARY_PAGES[codePoint >>> PAGE_BITS];
        if (page == null) {
            page = new CharFold[1 << PAGE_BITS];
            SUPPLEMENTARY_PAGES[codePoint >>> PAGE_BITS] = page; // benign race: a lost page is filled again
        }
        CharFold fold = page[codePoint & PAGE_MASK];
        if (fold == null) {
            fold = IcuFolding.fold(codePoint);
            page[codePoint & PAGE_MASK] = fold;
        }
        return fold;
    }

    private static CharFold foldAscii(char c) {
        String text = String.valueOf(c);
        if (c >= 'a' && c <= 'z') {
            return new CharFold(Kind.LETTER, text, '\0', false);
        }
        if (c >= 'A' && c <= 'Z') {
            return new CharFold(Kind.LETTER, String.valueOf((char) (c + 32)), '\0', false);
        }
        if (c >= '0' && c <= '9') {
            return new CharFold(Kind.DIGIT, text, "oi\0eas\0tbg".charAt(c - '0'), false);
        }
        return switch (c) {
            case '@' -> new CharFold(Kind.LEET_SYMBOL, text, 'a', false);
            case '$' -> new CharFold(Kind.LEET_SYMBOL, text, 's', false);
            case '!', '|' -> new CharFold(Kind.LEET_SYMBOL, text, 'i', false);
            case '+' -> new CharFold(Kind.LEET_SYMBOL, text, 't', false);
            case '*', '#' -> new CharFold(Kind.MASK, text, '\0', false);
            case '\'', '`' -> new CharFold(Kind.APOSTROPHE, text, '\0', false);
            case ' ', '\t' -> new CharFold(Kind.SEPARATOR, " ", '\0', true);
            case '\n', '\r', '\f', 0x0B -> new CharFold(Kind.SEPARATOR, " ", '\0', false);
            default -> c < 0x20 || c == 0x7F
                    ? new CharFold(Kind.IGNORABLE, "", '\0', false)
                    : new CharFold(Kind.SEPARATOR, text, '\0', false);
        };
    }

    /** The ICU part, loaded only when the first non-ASCII character is seen. */
    private static final class IcuFolding {
        private static final com.ibm.icu.text.Normalizer2 NFKC_CASEFOLD =
                com.ibm.icu.text.Normalizer2.getNFKCCasefoldInstance();
        private static final com.ibm.icu.text.Normalizer2 NFD = com.ibm.icu.text.Normalizer2.getNFDInstance();
        private static final SpoofChecker SPOOF_CHECKER = new SpoofChecker.Builder().build();
        private static final String APOSTROPHES = "\u2018\u2019\u02BC\u02B9\u2032\u00B4\uFF07";

        static synchronized CharFold fold(int codePoint) {
            if (isInvisible(codePoint)) {
                return new CharFold(Kind.IGNORABLE, "", '\0', false);
            }
            if (APOSTROPHES.indexOf(codePoint) >= 0) {
                return new CharFold(Kind.APOSTROPHE, "'", '\0', false);
            }
            String folded = stripMarks(NFKC_CASEFOLD.normalize(new String(Character.toChars(codePoint))));
            if (folded.isEmpty()) {
                return new CharFold(Kind.IGNORABLE, "", '\0', false);
            }
            char lookalike = folded.codePointCount(0, folded.length()) == 1 ? latinLookalike(folded.codePointAt(0)) : 0;
            if (lookalike != 0) {
                return ASCII[lookalike]; // after folding, so that capitals and accented forms count too ("Κ", "έ")
            }
            if (folded.length() == 1 && folded.charAt(0) < 128) {
                return ASCII[folded.charAt(0)]; // fullwidth, mathematical and circled forms land here
            }
            if (folded.codePoints().allMatch(Character::isLetter)) {
                return new CharFold(Kind.LETTER, latinSkeletonOr(folded), '\0', false);
            }
            if (folded.codePoints().allMatch(Character::isDigit)) {
                return new CharFold(Kind.DIGIT, folded, '\0', false);
            }
            if (folded.codePoints().allMatch(Character::isWhitespace)) {
                boolean lineBreak = UCharacter.getType(codePoint) == UCharacter.LINE_SEPARATOR
                        || UCharacter.getType(codePoint) == UCharacter.PARAGRAPH_SEPARATOR;
                return new CharFold(Kind.SEPARATOR, " ", '\0', !lineBreak);
            }
            return new CharFold(Kind.SEPARATOR, folded, '\0', false);
        }

        private static boolean isInvisible(int codePoint) {
            int type = UCharacter.getType(codePoint);
            return UCharacter.hasBinaryProperty(codePoint, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                    || type == UCharacter.FORMAT
                    || type == UCharacter.NON_SPACING_MARK
                    || type == UCharacter.ENCLOSING_MARK
                    || type == UCharacter.CONTROL;
        }

        /**
         * Letters that fancy-text generators and disguisers use for Latin ones and that neither NFKC nor the UTS #39
         * skeleton maps to them: small capitals ("ɴɪɢɢᴇʀ"), negative circled and squared capitals ("🅵🆄🅲🅺"), and
         * Greek and Cyrillic letters read by their shape ("fμck", "fцck"). Regional indicators are left alone (two
         * of them are a flag), and so are the Cyrillic letters that are words of their own (и, в, к, я), which would
         * turn Russian text into single Latin letters.
         */
        private static char latinLookalike(int codePoint) {
            if (codePoint >= 0x1F150 && codePoint <= 0x1F169) {
                return (char) ('a' + codePoint - 0x1F150);
            }
            if (codePoint >= 0x1F170 && codePoint <= 0x1F189) {
                return (char) ('a' + codePoint - 0x1F170);
            }
            int at = LOOKALIKES.indexOf(codePoint);
            return at < 0 ? 0 : LOOKALIKE_LETTERS.charAt(at);
        }

        private static final String LOOKALIKES =
                "\u1D00\u0299\u1D04\u1D05\u1D07\uA730\u0262\u029C\u026A\u1D0A\u1D0B\u029F\u1D0D\u0274\u1D0F"
                + "\u1D18\u0280\uA731\u1D1B\u1D1C\u1D20\u1D21\u028F\u1D22" // small capitals a-z (no q, x)
                + "\u03BC\u03BA\u03C4\u03B5\u03B2\u03C9" // Greek mu, kappa, tau, epsilon, beta, omega
                + "\u043D\u0442\u0446\u0448\u043C"; // Cyrillic en, te, tse, sha, em
        private static final String LOOKALIKE_LETTERS = "abcdefghijklmnoprstuvwyz" + "uktebw" + "htuwm";

        /** Homoglyphs (Cyrillic "а", Armenian "ս", "ƒ", "ł") become the Latin letters they imitate. */
        private static String latinSkeletonOr(String folded) {
            String skeleton = stripMarks(UCharacter.toLowerCase(SPOOF_CHECKER.getSkeleton(folded)));
            for (int i = 0; i < skeleton.length(); i++) {
                char c = skeleton.charAt(i);
                if (c < 'a' || c > 'z') {
                    return folded;
                }
            }
            return skeleton.isEmpty() ? folded : skeleton;
        }

        private static String stripMarks(String text) {
            String decomposed = NFD.normalize(text);
            StringBuilder kept = new StringBuilder(decomposed.length());
            decomposed.codePoints()
                    .filter(c -> UCharacter.getType(c) != UCharacter.NON_SPACING_MARK
                            && UCharacter.getType(c) != UCharacter.ENCLOSING_MARK)
                    .forEach(kept::appendCodePoint);
            return kept.toString();
        }
    }
}
