package news.moderation.engine.phrase;

import news.moderation.engine.phrase.PhraseNode.Alternatives;
import news.moderation.engine.phrase.PhraseNode.AnyWord;
import news.moderation.engine.phrase.PhraseNode.NotWord;
import news.moderation.engine.phrase.PhraseNode.Repeat;
import news.moderation.engine.phrase.PhraseNode.SentenceBoundary;
import news.moderation.engine.phrase.PhraseNode.Sequence;
import news.moderation.engine.phrase.PhraseNode.Word;
import news.moderation.engine.phrase.PhraseNode.WordClass;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a phrase (docs/rules.md, "Phrases") into a {@link PhraseNode} tree:
 * <pre>
 * phrase       := alternatives
 * alternatives := sequence ('|' sequence)*
 * sequence     := element+
 * element      := atom ('?' | '*' N)?          N = 1 .. MAX_REPEAT
 * atom         := word | '{' name '}' | '_' | '&lt;s&gt;' | '!' (word | '{' name '}') | '(' alternatives ')'
 * </pre>
 * Words are separated by spaces; a word is any run of characters other than spaces and {@code {}()|?*!<>_}.
 */
public final class PhraseParser {
    public static final int MAX_REPEAT = 8;
    public static final int MAX_LENGTH = 2000;
    public static final int MAX_NESTING = 12;
    private static final String SYNTAX_CHARS = "{}()|?*!<>_";

    private final String source;
    private int position;
    private int depth;

    private PhraseParser(String source) {
        this.source = source;
    }

    /** @throws PhraseSyntaxException naming the column and what is wrong */
    public static PhraseNode parse(String phrase) {
        if (phrase == null || phrase.isBlank()) {
            throw new PhraseSyntaxException(1, "the phrase is empty");
        }
        if (phrase.length() > MAX_LENGTH) {
            throw new PhraseSyntaxException(MAX_LENGTH, "the phrase is longer than " + MAX_LENGTH + " characters");
        }
        PhraseParser parser = new PhraseParser(phrase);
        PhraseNode tree = parser.alternatives();
        parser.skipSpaces();
        if (parser.position < phrase.length()) {
            throw parser.error(phrase.charAt(parser.position) == ')'
                    ? "')' without a matching '('" : "unexpected '" + phrase.charAt(parser.position) + "'");
        }
        return tree;
    }

    private PhraseNode alternatives() {
        int column = column();
        List<PhraseNode> choices = new ArrayList<>();
        choices.add(sequence());
        while (peek() == '|') {
            position++;
            choices.add(sequence());
        }
        return choices.size() == 1 ? choices.get(0) : new Alternatives(List.copyOf(choices), column);
    }

    private PhraseNode sequence() {
        skipSpaces();
        int column = column();
        List<PhraseNode> elements = new ArrayList<>();
        while (true) {
            char next = peek();
            if (next == 0 || next == '|' || next == ')') {
                break;
            }
            elements.add(element());
        }
        if (elements.isEmpty()) {
            throw error(peek() == '|' || peek() == ')' || position > 0
                    ? "an empty alternative: write something between '(' / '|' / ')'" : "the phrase is empty");
        }
        return elements.size() == 1 ? elements.get(0) : new Sequence(List.copyOf(elements), column);
    }

    private PhraseNode element() {
        int column = column();
        PhraseNode atom = atom();
        if (position < source.length() && source.charAt(position) == '?') {
            position++;
            atom = new Repeat(atom, 1, column);
        } else if (position < source.length() && source.charAt(position) == '*') {
            position++;
            atom = new Repeat(atom, count(), column);
        }
        if (position < source.length() && (source.charAt(position) == '?' || source.charAt(position) == '*')) {
            throw error("a second '?' or '*' on the same element: put the element in parentheses first");
        }
        return atom;
    }

    private int count() {
        int start = position;
        while (position < source.length() && Character.isDigit(source.charAt(position)) && position - start < 4) {
            position++;
        }
        if (start == position) {
            throw new PhraseSyntaxException(start, "'*' needs a count: x*3 means x zero to 3 times "
                    + "(repeats are always bounded; for a prefix, use a list entry such as loser*)");
        }
        int count = Integer.parseInt(source.substring(start, position));
        if (count < 1 || count > MAX_REPEAT) {
            throw new PhraseSyntaxException(start + 1, "repeat count " + count + " is outside 1.." + MAX_REPEAT);
        }
        return count;
    }

    private PhraseNode atom() {
        int column = column();
        char c = source.charAt(position);
        switch (c) {
            case '(' -> {
                if (++depth > MAX_NESTING) {
                    throw error("parentheses nested deeper than " + MAX_NESTING);
                }
                position++;
                PhraseNode inner = alternatives();
                if (peek() != ')') {
                    throw new PhraseSyntaxException(column, "'(' is never closed");
                }
                position++;
                depth--;
                return inner;
            }
            case '{' -> {
                return wordClass();
            }
            case '_' -> {
                position++;
                return new AnyWord(column);
            }
            case '<' -> {
                if (!source.startsWith("<s>", position)) {
                    throw error("unknown '<': the only one is <s> (a sentence boundary)");
                }
                position += 3;
                return new SentenceBoundary(column);
            }
            case '!' -> {
                position++;
                if (position < source.length() && source.charAt(position) == '{') {
                    return new NotWord(wordClass(), column);
                }
                if (position >= source.length() || isSyntaxOrSpace(source.charAt(position))) {
                    throw error("'!' must be followed directly by a word or a {class}, as in !not or !{negation}");
                }
                return new NotWord(word(), column);
            }
            case ')', '|', '?', '*', '}', '>' -> throw error("unexpected '" + c + "'");
            default -> {
                return word();
            }
        }
    }

    private PhraseNode wordClass() {
        int column = column();
        int close = source.indexOf('}', position);
        if (close < 0) {
            throw error("'{' is never closed");
        }
        String name = source.substring(position + 1, close);
        if (name.isEmpty() || !name.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')
                || Character.isDigit(name.charAt(0))) {
            throw error("invalid class name {" + name + "}: use lower-case letters, digits and _");
        }
        position = close + 1;
        return new WordClass(name, column);
    }

    private PhraseNode word() {
        int column = column();
        int start = position;
        while (position < source.length() && !isSyntaxOrSpace(source.charAt(position))) {
            position++;
        }
        return new Word(source.substring(start, position), column);
    }

    private static boolean isSyntaxOrSpace(char c) {
        return Character.isWhitespace(c) || SYNTAX_CHARS.indexOf(c) >= 0;
    }

    /** The next character after spaces, or 0 at the end. */
    private char peek() {
        skipSpaces();
        return position < source.length() ? source.charAt(position) : 0;
    }

    private void skipSpaces() {
        while (position < source.length() && Character.isWhitespace(source.charAt(position))) {
            position++;
        }
    }

    private int column() {
        return position + 1;
    }

    private PhraseSyntaxException error(String problem) {
        return new PhraseSyntaxException(column(), problem);
    }
}
