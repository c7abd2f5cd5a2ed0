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
 *   <li>Runs of single letters are joined into one word ("f.u.c.k", "F U C K"); see {@link #joinsSingleLetters}.</li>
 *   <li>Words are separated by exactly one space; repeated letters collapse into one char whose {@code run}
 *       remembers the count, so matching can insist on letters a term really doubles.</li>
 * </ol>
 * One pass over the text, token by token; each token is looked at twice (to classify it, then to write it). The
 * most common kind, a plain word of ASCII letters ({@link #plainWordEnd}), can only become its lower-case letters
 * and is written by one tight loop instead.
 */
public final class Normalizer {
    /** Spaced-out letters need this many to be joined: "u r a moron" stays apart, "f u c k" does not. */
    private static final int MIN_SPACED_LETTERS = 4;
    /** Punctuation between single letters ("f.u.c.k", "f-u-c-k") of at most this many characters joins them. */
    private static final int MAX_TIGHT_GAP = 3;
    /** A word self-censored with another symbol than {@code *} ("f.ck"): its letters on its longer side, at most. */
    private static final int MAX_MASKED_PART = 4;
    private static final String MASKING_ASCII = ".-_%^~&=";
    /** A single letter that is a word of its own ("u" for you) is no side of a masked word: "so.i", "a-hole". */
    private static final String ONE_LETTER_WORDS = "aiu";

    private enum Gap { NONE, TIGHT, SPACE }

    private static final boolean[] ASCII_SEPARATORS = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_SEPARATORS[c] = CharFold.ascii(c).kind == Kind.SEPARATOR;
        }
    }

    private final char[] chars; // the original's chars: array access is cheaper than String.charAt here
    private final int length;
    private boolean ascii = true;
    /** the ASCII chars read by {@link #foldAt}, as a 128-bit mask: among them every symbol of the original */
    private long foldedLow;
    private long foldedHigh;
    private final Output out;

    // what scanToken found out about the token it scanned
    private int tokenEnd;
    private int firstCore;
    private int lastCore;
    private boolean hasLetter;
    private boolean singleLetter;

    private Normalizer(String original) {
        this.chars = original.toCharArray();
        this.length = chars.length;
        this.out = new Output(length + 16);
    }

    public static NormalizedText normalize(String original) {
        return new Normalizer(original).normalizeAll();
    }

    private NormalizedText normalizeAll() {
        int i = skipSeparators(0);
        while (i < length) {
            int plainEnd = plainWordEnd(i);
            boolean maybeMasked = plainEnd < 0
                    || (plainEnd - i <= MAX_MASKED_PART && plainEnd < length && chars[plainEnd] != ' ');
            int maskedEnd = maybeMasked ? maskedWordEnd(i) : -1;
            if (maskedEnd > 0) {
                writeMaskedWord(i, maskedEnd);
                i = maskedEnd;
            } else if (plainEnd > 0) {
                out.plainWord(chars, i, plainEnd);
                i = plainEnd;
            } else {
                scanToken(i);
                i = singleLetter ? writeSingleLetterRun(i) : writeToken(i, false);
            }
            i = skipSeparators(i);
        }
        return out.toNormalizedText(chars, ascii, foldedLow, foldedHigh);
    }

    /**
     * Where a short word self-censored with another symbol than {@code *} ends ("f.ck", "sh-t", "b%tch", "f🙊ck"),
     * else -1: ASCII letters, one masking symbol ({@link #isMaskingSymbol}; invisible chars after it belong to it),
     * ASCII letters, and then the end of the text, a space, or punctuation that no letter follows. One side of the
     * symbol is a single letter, but not a word of its own (a, i, u), and the other has 2 to {@value #MAX_MASKED_PART}
     * letters, so hyphenated words ("dumb-ass", "ex-hoe", "co-op"), two words with an emoji between ("ur😂dumb"),
     * chains ("slap-a-hoe"), runs of dots ("but..I") and addresses ("bit.ly/x") stay apart; two single letters are
     * left to {@link #writeSingleLetterRun} ("U.S.", "f.u.c.k"), and a sentence that starts without a space
     * ("fine.Then", "so.I") is no mask. Such a word is written with {@code *} for its symbol and matched as a
     * self-censored word (the {@code *} standing for exactly one letter).
     */
    private int maskedWordEnd(int start) {
        if (start >= 2 && MASKING_ASCII.indexOf(chars[start - 1]) >= 0 && Character.isLetterOrDigit(chars[start - 2])) {
            return -1; // the middle of a chain: "slap-a-hoe"
        }
        int left = asciiLettersFrom(start);
        int symbol = start + left;
        if (left == 0 || left > MAX_MASKED_PART || symbol >= length || !isMaskingSymbol(symbol)) {
            return -1;
        }
        int rightStart = skipIgnorables(symbol + charCount(symbol));
        int right = asciiLettersFrom(rightStart);
        if (right == 0 || right > MAX_MASKED_PART || Math.min(left, right) != 1 || left + right < 3) {
            return -1;
        }
        char single = left == 1 ? chars[start] : chars[rightStart];
        if (ONE_LETTER_WORDS.indexOf(single | 0x20) >= 0) {
            return -1;
        }
        int end = rightStart + right;
        boolean sentenceStart = chars[symbol] == '.' && Character.isLowerCase(chars[symbol - 1])
                && Character.isUpperCase(chars[rightStart])
                && (right == 1 || Character.isLowerCase(chars[rightStart + 1]));
        return sentenceStart || !endsMaskedWord(end) ? -1 : end;
    }

    private int asciiLettersFrom(int start) {
        int i = start;
        while (i < length && i - start <= MAX_MASKED_PART && isAsciiLetter(chars[i])) {
            i++;
        }
        return i - start;
    }

    private int skipIgnorables(int i) {
        while (i < length && chars[i] >= 128 && foldAt(i).kind == Kind.IGNORABLE) {
            i += charCount(i);
        }
        return i;
    }

    /**
     * Punctuation that self-censoring puts for letters: {@code . - _ % ^ ~ & =} (ASCII separators, no symbols to
     * note) and symbols beyond ASCII (emoji, hearts, bullets, dashes), not whitespace.
     */
    private boolean isMaskingSymbol(int i) {
        char c = chars[i];
        if (c < 128) {
            return MASKING_ASCII.indexOf(c) >= 0;
        }
        CharFold fold = foldAt(i);
        return fold.kind == Kind.SEPARATOR && !" ".equals(fold.text);
    }

    /** Whether the word ends at {@code i}: the text ends, or a separator that no letter follows (invisibles aside). */
    private boolean endsMaskedWord(int i) {
        int at = skipIgnorables(i);
        if (at >= length) {
            return true;
        }
        CharFold fold = foldAt(at);
        if (fold.kind != Kind.SEPARATOR) {
            return false;
        }
        int next = at + charCount(at);
        return " ".equals(fold.text) || !nextIsLetter(next);
    }

    private void writeMaskedWord(int start, int end) {
        out.wordBreak();
        for (int i = start; i < end; ) {
            int next = i + charCount(i);
            char c = chars[i];
            if (isAsciiLetter(c)) {
                out.letter((char) (c | 0x20), i, next);
            } else if (c >= 128 && foldAt(i).kind == Kind.IGNORABLE) {
                out.absorb(i, next); // a variation selector or joiner of the symbol
            } else {
                out.other("*", i, next);
            }
            i = next;
        }
    }

    /**
     * Where the token at {@code start} ends if it is a plain word: ASCII letters and apostrophes, then an ASCII
     * separator or the end of the text; else -1. Such a token is not a mention and holds no leetspeak, mask or
     * invisible character, so {@link #writeToken} would write exactly its letters in lower case, each with its own
     * one-char span (apostrophes vanish): {@link Output#plainWord} does that without classifying it first. A token
     * with one letter only qualifies when it is that letter alone and no single letter follows it (the text ends, or
     * the next token starts with two ASCII letters): then {@link #writeSingleLetterRun} has nothing to join it with
     * and writes it alone.
     */
    private int plainWordEnd(int start) {
        int i = start;
        int letters = 0;
        for (; i < length; i++) {
            char c = chars[i];
            if (isAsciiLetter(c)) {
                letters++;
            } else if (!isAsciiApostrophe(c)) {
                break;
            }
        }
        if (letters == 0 || (i < length && !isAsciiSeparator(chars[i]))) {
            return -1;
        }
        if (letters == 1) {
            int next = i;
            while (next < length && isAsciiSeparator(chars[next])) {
                next++;
            }
            boolean longerWordNext = next + 1 < length && isAsciiLetter(chars[next]) && isAsciiLetter(chars[next + 1]);
            return i - start == 1 && (next == length || longerWordNext) ? i : -1;
        }
        return i;
    }

    private static boolean isAsciiApostrophe(char c) {
        return c == '\'' || c == '`';
    }

    private static boolean isAsciiLetter(char c) {
        return (char) ((c | 0x20) - 'a') <= 'z' - 'a';
    }

    private static boolean isAsciiSeparator(char c) {
        return c < 128 && ASCII_SEPARATORS[c];
    }

    /**
     * An ASCII char other than a letter, an apostrophe or a separator: the only ASCII chars that neither a plain
     * word ({@link #plainWordEnd}) nor a run of separators ({@link #skipSeparators}) is read past without
     * {@link #foldAt}, which notes each, so the normalised text knows which of them the original has.
     */
    static boolean isSymbol(char c) {
        return c < 128 && !isAsciiLetter(c) && !isAsciiApostrophe(c) && !ASCII_SEPARATORS[c];
    }

    /**
     * A single letter, and the single letters after it joined into one word when {@link #joinsSingleLetters} says
     * so. @return where the text goes on
     */
    private int writeSingleLetterRun(int start) {
        int last = start;
        int lastEnd = tokenEnd;
        int letters = 1;
        Gap runGap = Gap.NONE; // one kind of gap per run: "a f.u.c.k" joins "f.u.c.k" only
        while (true) {
            int next = skipSeparators(lastEnd);
            Gap gap = gapBetween(lastEnd, next);
            if (next >= length || gap == Gap.NONE || (runGap != Gap.NONE && gap != runGap)) {
                break;
            }
            scanToken(next);
            if (!singleLetter) {
                break;
            }
            runGap = gap;
            last = next;
            lastEnd = tokenEnd;
            letters++;
        }
        if (!joinsSingleLetters(letters, runGap == Gap.SPACE)) {
            scanToken(start);
            return writeToken(start, false); // the next letter may start a run with another kind of gap
        }
        for (int i = start; i <= last; i = skipSeparators(i)) {
            scanToken(i);
            i = writeToken(i, i != start);
        }
        return lastEnd;
    }

    /**
     * Single letters separated by short punctuation ("f.u.c.k", "f_u_c_k", "f-u-c-k") form one word when there are
     * at least two of them; separated by single spaces ("f u c k") only when there are at least
     * {@value #MIN_SPACED_LETTERS}, so ordinary one-letter words ("u r a moron", "a b c") stay words.
     */
    static boolean joinsSingleLetters(int letters, boolean spaced) {
        return letters >= (spaced ? MIN_SPACED_LETTERS : 2);
    }

    private Gap gapBetween(int from, int to) {
        int separators = 0;
        boolean punctuation = false;
        for (int i = from; i < to; i += charCount(i)) {
            CharFold fold = foldAt(i);
            if (fold.kind == Kind.IGNORABLE) {
                continue;
            }
            if (fold.isLineBreak()) {
                return Gap.NONE;
            }
            separators++;
            punctuation |= !fold.inlineSpace;
        }
        if (separators == 1 && !punctuation) {
            return Gap.SPACE;
        }
        return punctuation && separators <= MAX_TIGHT_GAP ? Gap.TIGHT : Gap.NONE;
    }

    /** Classifies the token starting at {@code start}: where it ends, its letters and digits, single letter or not. */
    private void scanToken(int start) {
        boolean mention = chars[start] == '@' && nextIsLetter(start + 1);
        firstCore = -1;
        lastCore = -1;
        hasLetter = false;
        int letters = 0;
        boolean onlyLetters = true;
        int i = start;
        while (i < length) {
            CharFold fold = foldAt(i);
            if (fold.kind == Kind.SEPARATOR) {
                if (!(mention && chars[i] == '_' && i + 1 < length && foldAt(i + 1).kind != Kind.SEPARATOR)) {
                    break; // a handle keeps its underscores: "@john_doe"
                }
                onlyLetters = false;
            } else if (fold.kind == Kind.LETTER || fold.kind == Kind.DIGIT) {
                firstCore = firstCore < 0 ? i : firstCore;
                lastCore = i;
                hasLetter |= fold.kind == Kind.LETTER;
                letters += fold.kind == Kind.LETTER ? 1 : 0;
                onlyLetters &= fold.kind == Kind.LETTER;
            } else if (fold.kind == Kind.MASK || (fold.kind == Kind.LEET_SYMBOL && !isDroppedAtEdge(fold))) {
                onlyLetters = false;
            }
            i += charCount(i);
        }
        tokenEnd = i;
        singleLetter = onlyLetters && letters == 1; // "k!" counts: the "!" is dropped
    }

    /** Writes the token {@link #scanToken} just classified. @return its end */
    private int writeToken(int start, boolean joinedToPrevious) {
        if (!joinedToPrevious) {
            out.wordBreak();
        }
        int end = tokenEnd;
        boolean emphasis = chars[start] == '*' && chars[end - 1] == '*' && end - start > 1;
        for (int i = start; i < end; ) {
            CharFold fold = foldAt(i);
            int next = i + charCount(i);
            boolean edge = i < firstCore || i > lastCore;
            switch (fold.kind) {
                case LETTER -> {
                    if (fold.single != 0) {
                        out.letter(fold.single, i, next);
                    } else {
                        out.letters(fold.text, i, next);
                    }
                }
                case DIGIT -> {
                    if (hasLetter && fold.leet != 0) {
                        out.letter(fold.leet, i, next);
                    } else {
                        out.other(fold.text, i, next);
                    }
                }
                case LEET_SYMBOL -> {
                    if (!hasLetter) {
                        break;
                    }
                    if (fold.leet == 'a' && i == start && nextIsLetter(next)) {
                        out.wordBreak();
                        out.other("@", i, next); // a mention: "@john"
                    } else if (!edge || !isDroppedAtEdge(fold)) {
                        out.letter(fold.leet, i, next); // "sh!t", "a$$", "$hit", "b@stard"
                    }
                }
                case MASK -> {
                    boolean hashtag = chars[i] == '#' && i < firstCore;
                    if (hasLetter && !hashtag && !(emphasis && edge)) {
                        out.other("*", i, next);
                    }
                }
                case SEPARATOR -> out.other("_", i, next); // only inside a @handle
                case IGNORABLE -> out.absorb(i, next);
                default -> {
                    // apostrophes vanish inside words
                }
            }
            i = next;
        }
        return end;
    }

    /** "!" "|" "+" at the edge of a word are punctuation ("idiot!"); "$" and "@" still spell letters ("a$$"). */
    private static boolean isDroppedAtEdge(CharFold symbol) {
        return symbol.leet != 's' && symbol.leet != 'a';
    }

    /** Skips separators and invisible characters; the latter join the span of the char written before them. */
    private int skipSeparators(int i) {
        while (i < length && isAsciiSeparator(chars[i])) {
            i++;
        }
        if (i < length && chars[i] >= ' ' && chars[i] < 0x7F) {
            return i; // printable ASCII, not a separator: neither skipped nor invisible
        }
        while (i < length) {
            CharFold fold = foldAt(i);
            int next = i + charCount(i);
            if (fold.kind == Kind.IGNORABLE) {
                out.absorb(i, next);
            } else if (fold.kind != Kind.SEPARATOR) {
                return i;
            }
            i = next;
        }
        return i;
    }

    private boolean nextIsLetter(int i) {
        while (i < length) {
            CharFold fold = foldAt(i);
            if (fold.kind != Kind.IGNORABLE) {
                return fold.kind == Kind.LETTER;
            }
            i += charCount(i);
        }
        return false;
    }

    private CharFold foldAt(int i) {
        char c = chars[i];
        if (c < 128) {
            long bit = 1L << c; // the shift counts modulo 64
            if (c < 64) {
                foldedLow |= bit;
            } else {
                foldedHigh |= bit;
            }
            return CharFold.ascii(c);
        }
        ascii = false;
        return CharFold.of(Character.isHighSurrogate(c) ? Character.codePointAt(chars, i) : c);
    }

    private int charCount(int i) {
        return Character.isHighSurrogate(chars[i]) && i + 1 < length && Character.isLowSurrogate(chars[i + 1]) ? 2 : 1;
    }

    /**
     * The growing normalised text with its offset map ({@link NormalizedText}: segments of chars that each come from
     * one original char, in order); collapses repeated letters as they are appended. The open segment is kept in
     * fields and stored when the next one starts.
     */
    private static final class Output {
        private char[] chars;
        private int length;
        private int pendingBreakFrom = -1;
        /** closed segments, {@link NormalizedText#SEGMENT_FIELDS} ints each */
        private int[] segments;
        private int segmentCount;
        // the open segment: chars [openStart, length)
        private int openStart;
        private int openOrigin;
        private int openLastEnd;
        private int openLastRun;

        Output(int capacity) {
            chars = new char[capacity];
            segments = new int[NormalizedText.SEGMENT_FIELDS * (capacity / 16 + 4)];
        }

        /** The next char starts a new word: a single space goes in front of it (none at the very start). */
        void wordBreak() {
            if (length > 0 && pendingBreakFrom < 0) {
                pendingBreakFrom = openLastEnd;
            }
        }

        /** An invisible character right after the last char written becomes part of its span. */
        void absorb(int from, int to) {
            if (length > 0 && openLastEnd == from && pendingBreakFrom < 0) {
                openLastEnd = to;
            }
        }

        void letters(String text, int from, int to) {
            for (int i = 0; i < text.length(); i++) {
                letter(text.charAt(i), from, to);
            }
        }

        void letter(char c, int from, int to) {
            if (pendingBreakFrom < 0 && length > 0 && chars[length - 1] == c) {
                openLastRun++;
                openLastEnd = to;
                return;
            }
            append(c, from, to);
        }

        /**
         * What {@link #wordBreak} and then {@link #letter} for each letter of {@code source[from, to)} (ASCII letters,
         * each its own one-char span, and apostrophes, which vanish) do, in one loop over local copies of the open
         * segment's fields.
         */
        void plainWord(char[] source, int from, int to) {
            int first = from;
            while (isAsciiApostrophe(source[first])) {
                first++;
            }
            char[] text = ensureCapacity(to - first + 1);
            int written = length;
            int start = openStart;
            int origin = openOrigin;
            int lastEnd = openLastEnd;
            int lastRun = openLastRun;
            if (written > 0) { // the space in front, spanning the gap up to the first letter
                int breakFrom = pendingBreakFrom >= 0 ? pendingBreakFrom : lastEnd;
                pendingBreakFrom = -1;
                if (!joinsSegment(start, origin, written, lastEnd, lastRun, breakFrom)) {
                    closeSegment(start, origin, lastEnd, lastRun);
                    start = written;
                    origin = breakFrom;
                    lastRun = 1;
                }
                text[written++] = ' ';
            } else {
                start = 0;
                origin = first;
                lastRun = 1;
            }
            lastEnd = first;
            char previous = ' ';
            for (int i = first; i < to; i++) {
                char letter = source[i];
                if (isAsciiApostrophe(letter)) {
                    continue;
                }
                char c = (char) (letter | 0x20);
                if (c == previous) {
                    lastRun++;
                } else {
                    if (!joinsSegment(start, origin, written, lastEnd, lastRun, i)) {
                        closeSegment(start, origin, lastEnd, lastRun);
                        start = written;
                        origin = i;
                        lastRun = 1;
                    }
                    text[written++] = c;
                    previous = c;
                }
                lastEnd = i + 1;
            }
            length = written;
            openStart = start;
            openOrigin = origin;
            openLastEnd = lastEnd;
            openLastRun = lastRun;
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
            ensureCapacity(1);
            if (!continuesOpenSegment(from)) {
                openSegment(from);
            }
            chars[length++] = c;
            openLastEnd = to;
        }

        private boolean continuesOpenSegment(int from) {
            return length > 0 && joinsSegment(openStart, openOrigin, length, openLastEnd, openLastRun, from);
        }

        /**
         * Whether a char starting at original offset {@code from} can join the segment of chars [start, end) that
         * starts at original offset {@code origin}: its last char (which then stops being the last) spans exactly
         * one original char ({@code lastEnd} is one past its start), unrepeated, and ends at {@code from}.
         */
        private static boolean joinsSegment(int start, int origin, int end, int lastEnd, int lastRun, int from) {
            return lastRun == 1 && lastEnd == origin + (end - start) && from == lastEnd;
        }

        /** Closes the open segment (if any) and opens one at the next char, coming from original offset {@code from}. */
        private void openSegment(int from) {
            if (length > 0) {
                closeSegment(openStart, openOrigin, openLastEnd, openLastRun);
            }
            openStart = length;
            openOrigin = from;
            openLastRun = 1;
        }

        private void closeSegment(int start, int origin, int lastEnd, int lastRun) {
            int at = NormalizedText.SEGMENT_FIELDS * segmentCount;
            if (at == segments.length) {
                segments = Arrays.copyOf(segments, segments.length * 2);
            }
            segments[at + NormalizedText.START] = start;
            segments[at + NormalizedText.ORIGIN] = origin;
            segments[at + NormalizedText.LAST_END] = lastEnd;
            segments[at + NormalizedText.LAST_RUN] = lastRun;
            segmentCount++;
        }

        private char[] ensureCapacity(int more) {
            if (length + more > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + more));
            }
            return chars;
        }

        NormalizedText toNormalizedText(char[] original, boolean originalIsAscii, long symbolsLow, long symbolsHigh) {
            if (length > 0) {
                closeSegment(openStart, openOrigin, openLastEnd, openLastRun);
            }
            return new NormalizedText(new String(chars, 0, length), original, segments, segmentCount,
                    originalIsAscii, symbolsLow, symbolsHigh);
        }
    }
}
