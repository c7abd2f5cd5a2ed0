package news.moderation.engine.normalize;

import news.moderation.engine.normalize.CharFold.Kind;

import java.util.Arrays;

/**
 * Turns a comment into the text that terms and patterns are matched against, keeping a map back to the original.
 *
 * <ol>
 *   <li>Every code point is folded ({@link CharFold}): case, NFKC, diacritics, confusables, fancy fonts;
 *       invisible characters are dropped (absorbed into the span of the character before them).</li>
 *   <li>Tokens are runs of non-separators. A token containing a letter is a word: inside it digits and
 *       {@code @ $ ! | +} become letters (leetspeak), {@code * #} become the wildcard {@code *}, apostrophes vanish.
 *       A token without letters stays a number ("2024", "555-1234").</li>
 *   <li>Runs of single letters are joined into one word ("f.u.c.k", "F U C K"); see {@link #joinsSpacedLetters}.</li>
 *   <li>Words are separated by exactly one space; repeated letters collapse into one char whose {@code run}
 *       remembers the count, so matching can insist on letters a term really doubles.</li>
 * </ol>
 */
public final class Normalizer {
    /** Spaced-out letters need this many to be joined: "u r a moron" stays apart, "f u c k" does not. */
    private static final int MIN_SPACED_LETTERS = 4;
    /** Punctuation between single letters ("f.u.c.k", "f-u-c-k") of at most this many characters joins them. */
    private static final int MAX_TIGHT_GAP = 3;

    private Normalizer() {
    }

    public static NormalizedText normalize(String original) {
        Units units = Units.of(original);
        Tokens tokens = Tokens.of(units);
        Output out = new Output(original.length() + 16);
        for (int t = 0; t < tokens.count; t++) {
            emitToken(units, tokens, t, out);
        }
        return out.toNormalizedText();
    }

    private static void emitToken(Units units, Tokens tokens, int t, Output out) {
        int first = tokens.start[t];
        int end = tokens.end[t];
        int firstCore = -1;
        int lastCore = -1;
        boolean hasLetter = false;
        for (int u = first; u < end; u++) {
            Kind kind = units.fold[u].kind;
            if (kind == Kind.LETTER || kind == Kind.DIGIT) {
                firstCore = firstCore < 0 ? u : firstCore;
                lastCore = u;
                hasLetter |= kind == Kind.LETTER;
            }
        }
        if (!tokens.joinedToPrevious[t]) {
            out.wordBreak();
        }
        boolean emphasis = units.original(first) == '*' && units.original(end - 1) == '*' && end - first > 1;
        for (int u = first; u < end; u++) {
            CharFold fold = units.fold[u];
            boolean edge = u < firstCore || u > lastCore;
            switch (fold.kind) {
                case LETTER -> out.letters(fold.text, units.start[u], units.end[u]);
                case DIGIT -> {
                    if (hasLetter && fold.leet != 0) {
                        out.letter(fold.leet, units.start[u], units.end[u]);
                    } else {
                        out.other(fold.text, units.start[u], units.end[u]);
                    }
                }
                case LEET_SYMBOL -> {
                    if (!hasLetter) {
                        continue;
                    }
                    boolean mention = fold.leet == 'a' && u == first && u + 1 < end
                            && units.fold[u + 1].kind == Kind.LETTER;
                    if (mention) {
                        out.wordBreak();
                        out.other("@", units.start[u], units.end[u]);
                    } else if (!edge || !isDroppedAtEdge(fold)) {
                        out.letter(fold.leet, units.start[u], units.end[u]); // "a$$", "$hit", "b@stard"
                    }
                }
                case MASK -> {
                    boolean hashtag = units.original(u) == '#' && u < firstCore;
                    if (hasLetter && !hashtag && !(emphasis && edge)) {
                        out.other("*", units.start[u], units.end[u]);
                    }
                }
                case SEPARATOR -> out.other("_", units.start[u], units.end[u]); // only inside a @handle
                default -> {
                    // apostrophes vanish inside words
                }
            }
        }
    }

    /** "!" "|" "+" at the edge of a word are punctuation ("idiot!"); "$" and "@" still spell letters ("a$$"). */
    private static boolean isDroppedAtEdge(CharFold symbol) {
        return symbol.leet != 's' && symbol.leet != 'a';
    }

    /**
     * Single letters separated by short punctuation ("f.u.c.k", "f_u_c_k", "f-u-c-k") form one word when there are
     * at least two of them; separated by single spaces ("f u c k") only when there are at least
     * {@value #MIN_SPACED_LETTERS}, so ordinary one-letter words ("u r a moron", "a b c") stay words.
     */
    static boolean joinsSpacedLetters(int letters, boolean anySpaceGap) {
        return letters >= (anySpaceGap ? MIN_SPACED_LETTERS : 2);
    }

    /** The folded code points of the original, invisible ones already dropped. */
    private static final class Units {
        final String original;
        final CharFold[] fold;
        final int[] start;
        final int[] end;
        int count;

        private Units(String original) {
            this.original = original;
            int capacity = original.length();
            fold = new CharFold[capacity];
            start = new int[capacity];
            end = new int[capacity];
        }

        static Units of(String original) {
            Units units = new Units(original);
            int length = original.length();
            for (int i = 0; i < length; ) {
                char c = original.charAt(i);
                int codePoint = Character.isHighSurrogate(c) ? original.codePointAt(i) : c;
                int next = i + Character.charCount(codePoint);
                CharFold fold = CharFold.of(codePoint);
                if (fold.kind == Kind.IGNORABLE) {
                    if (units.count > 0 && units.end[units.count - 1] == i) {
                        units.end[units.count - 1] = next; // "e" + combining accent: the accent belongs to the "e"
                    }
                } else {
                    units.fold[units.count] = fold;
                    units.start[units.count] = i;
                    units.end[units.count] = next;
                    units.count++;
                }
                i = next;
            }
            return units;
        }

        char original(int unit) {
            return original.charAt(start[unit]);
        }
    }

    /** Runs of non-separator units, and which of them join the previous one (spaced-out letters). */
    private static final class Tokens {
        final int[] start;
        final int[] end;
        final boolean[] joinedToPrevious;
        int count;

        private Tokens(int capacity) {
            start = new int[capacity];
            end = new int[capacity];
            joinedToPrevious = new boolean[capacity];
        }

        static Tokens of(Units units) {
            Tokens tokens = new Tokens(units.count / 2 + 1);
            int u = 0;
            while (u < units.count) {
                while (u < units.count && units.fold[u].kind == Kind.SEPARATOR) {
                    u++;
                }
                if (u == units.count) {
                    break;
                }
                int tokenStart = u;
                boolean mention = units.original(u) == '@' && u + 1 < units.count
                        && units.fold[u + 1].kind == Kind.LETTER;
                while (u < units.count && (units.fold[u].kind != Kind.SEPARATOR
                        || mention && units.original(u) == '_' && u + 1 < units.count
                        && units.fold[u + 1].kind != Kind.SEPARATOR)) {
                    u++; // a handle keeps its underscores: "@john_doe"
                }
                tokens.add(tokenStart, u);
            }
            tokens.joinSingleLetters(units);
            return tokens;
        }

        private void add(int tokenStart, int tokenEnd) {
            start[count] = tokenStart;
            end[count] = tokenEnd;
            count++;
        }

        private void joinSingleLetters(Units units) {
            int t = 0;
            while (t < count) {
                if (!isSingleLetter(units, t)) {
                    t++;
                    continue;
                }
                int last = t;
                Gap runGap = Gap.NONE; // one kind of gap per run: "a f.u.c.k" joins "f.u.c.k" only
                while (last + 1 < count && isSingleLetter(units, last + 1)) {
                    Gap gap = gapBetween(units, last, last + 1);
                    if (gap == Gap.NONE || (runGap != Gap.NONE && gap != runGap)) {
                        break;
                    }
                    runGap = gap;
                    last++;
                }
                if (joinsSpacedLetters(last - t + 1, runGap == Gap.SPACE)) {
                    Arrays.fill(joinedToPrevious, t + 1, last + 1, true);
                    t = last + 1;
                } else {
                    t = Math.max(t + 1, last); // the last letter may start a run with another kind of gap
                }
            }
        }

        /** One letter, maybe with punctuation that {@link #emitToken} drops around it ("k!"). */
        private boolean isSingleLetter(Units units, int t) {
            int letters = 0;
            for (int u = start[t]; u < end[t]; u++) {
                CharFold fold = units.fold[u];
                if (fold.kind == Kind.LETTER) {
                    letters++;
                } else if (fold.kind != Kind.APOSTROPHE && !(fold.kind == Kind.LEET_SYMBOL && isDroppedAtEdge(fold))) {
                    return false;
                }
            }
            return letters == 1;
        }

        private enum Gap { NONE, TIGHT, SPACE }

        private Gap gapBetween(Units units, int left, int right) {
            int from = end[left];
            int to = start[right];
            if (to - from == 1 && units.fold[from].inlineSpace) {
                return Gap.SPACE;
            }
            if (to - from > MAX_TIGHT_GAP) {
                return Gap.NONE;
            }
            boolean punctuation = false;
            for (int u = from; u < to; u++) {
                CharFold fold = units.fold[u];
                if (" ".equals(fold.text) && !fold.inlineSpace) {
                    return Gap.NONE; // a line break
                }
                punctuation |= !fold.inlineSpace;
            }
            return punctuation ? Gap.TIGHT : Gap.NONE;
        }
    }

    /** The growing normalised text with its offset map; collapses repeated letters as they are appended. */
    private static final class Output {
        private char[] chars;
        private int[] start;
        private int[] end;
        private int[] run;
        private int length;
        private int pendingBreakFrom = -1;

        Output(int capacity) {
            chars = new char[capacity];
            start = new int[capacity];
            end = new int[capacity];
            run = new int[capacity];
        }

        /** The next char starts a new word: a single space goes in front of it (none at the very start). */
        void wordBreak() {
            if (length > 0 && chars[length - 1] != ' ') {
                pendingBreakFrom = end[length - 1];
            }
        }

        void letters(String text, int from, int to) {
            for (int i = 0; i < text.length(); i++) {
                letter(text.charAt(i), from, to);
            }
        }

        void letter(char c, int from, int to) {
            if (pendingBreakFrom < 0 && length > 0 && chars[length - 1] == c) {
                run[length - 1]++;
                end[length - 1] = to;
                return;
            }
            append(c, from, to);
        }

        void other(String text, int from, int to) {
            for (int i = 0; i < text.length(); i++) {
                append(text.charAt(i), from, to);
            }
        }

        private void append(char c, int from, int to) {
            if (pendingBreakFrom >= 0) {
                int breakFrom = pendingBreakFrom;
                pendingBreakFrom = -1;
                append(' ', breakFrom, from);
            }
            if (length == chars.length) {
                grow();
            }
            chars[length] = c;
            start[length] = from;
            end[length] = to;
            run[length] = 1;
            length++;
        }

        private void grow() {
            int capacity = chars.length * 2;
            chars = Arrays.copyOf(chars, capacity);
            start = Arrays.copyOf(start, capacity);
            end = Arrays.copyOf(end, capacity);
            run = Arrays.copyOf(run, capacity);
        }

        NormalizedText toNormalizedText() {
            return new NormalizedText(new String(chars, 0, length), start, end, run);
        }
    }
}
