package news.moderation.engine.phrase;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The syntax tree of one phrase, as {@link PhraseParser} reads it. Compilation, the compile budget and the
 * canonical rendering used in messages are all derived from this tree; nothing reads the phrase text again.
 * {@code column} is the 1-based column in the phrase where the element starts.
 */
public sealed interface PhraseNode {
    int column();

    /** A literal word as written ("kill", "don't"); normalised like the text when compiled. */
    record Word(String written, int column) implements PhraseNode {
        @Override
        public String toString() {
            return written;
        }
    }

    /** {@code {name}}: one entry of a word list (entries may be several words or a prefix "loser*"). */
    record WordClass(String name, int column) implements PhraseNode {
        @Override
        public String toString() {
            return "{" + name + "}";
        }
    }

    /** {@code _}: any one word. */
    record AnyWord(int column) implements PhraseNode {
        @Override
        public String toString() {
            return "_";
        }
    }

    /** {@code !word} or {@code !{class}}: one word that is not this word / not a one-word entry of the class. */
    record NotWord(PhraseNode excluded, int column) implements PhraseNode {
        @Override
        public String toString() {
            return "!" + excluded;
        }
    }

    /** {@code <s>}: a sentence boundary (or the start or end of the text). */
    record SentenceBoundary(int column) implements PhraseNode {
        @Override
        public String toString() {
            return "<s>";
        }
    }

    /** Elements one after the other. */
    record Sequence(List<PhraseNode> elements, int column) implements PhraseNode {
        @Override
        public String toString() {
            return elements.stream().map(PhraseNode::toString).collect(Collectors.joining(" "));
        }
    }

    /** {@code ( a | b c )}: one of the alternatives. */
    record Alternatives(List<PhraseNode> choices, int column) implements PhraseNode {
        @Override
        public String toString() {
            return "(" + choices.stream().map(PhraseNode::toString).collect(Collectors.joining(" | ")) + ")";
        }
    }

    /** {@code x?} (max 1) or {@code x*N}: the element 0 to {@code max} times. */
    record Repeat(PhraseNode element, int max, int column) implements PhraseNode {
        @Override
        public String toString() {
            String inner = element instanceof Sequence ? "(" + element + ")" : element.toString();
            return inner + (max == 1 ? "?" : "*" + max);
        }
    }
}
