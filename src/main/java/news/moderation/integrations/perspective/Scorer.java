package news.moderation.integrations.perspective;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import news.moderation.engine.Category;
import news.moderation.engine.Decision;
import news.moderation.engine.Match;
import news.moderation.engine.Severity;
import news.moderation.engine.Verdict;

/** Perspective scores from one verdict: per attribute, the score of the strongest match that is evidence for it. */
final class Scorer {

    /** The policy that turns a match into a decision (the live one in the service, the loaded one in calibration). */
    interface Policy {
        Decision decide(Category category, Severity severity);
    }

    record Span(int begin, int end, double score) {
    }

    record Score(double summary, List<Span> spans) {
    }

    private final String text;
    private final Verdict verdict;
    private final Policy policy;
    private final List<int[]> sentences;

    /** @param perSentence also score each sentence, as Perspective does for {@code spanAnnotations} */
    Scorer(String text, Verdict verdict, Policy policy, boolean perSentence) {
        this.text = text;
        this.verdict = verdict;
        this.policy = policy;
        this.sentences = perSentence ? sentences(text) : List.of();
    }

    /** The whole text always comes first among the spans (clients read spanScores[0]); sentences follow. */
    Score score(Attribute attribute) {
        double summary = strongest(attribute, 0, text.length()).score();
        List<Span> spans = new ArrayList<>();
        spans.add(new Span(0, text.length(), summary));
        for (int[] sentence : sentences) {
            if (sentence[0] != 0 || sentence[1] != text.length()) {
                spans.add(new Span(sentence[0], sentence[1], strongest(attribute, sentence[0], sentence[1]).score()));
            }
        }
        return new Score(summary, spans);
    }

    /** The strongest evidence for the attribute among the matches that overlap [begin, end). */
    Evidence strongest(Attribute attribute, int begin, int end) {
        Evidence strongest = Evidence.NONE;
        for (Match match : verdict.matches()) {
            Decision decision = policy.decide(match.category(), match.severity());
            if (match.start() < end && match.end() > begin && attribute.counts(match, decision)) {
                strongest = strongest.stronger(Evidence.of(decision, match.severity()));
            }
        }
        return strongest;
    }

    private static List<int[]> sentences(String text) {
        BreakIterator boundaries = BreakIterator.getSentenceInstance(Locale.ROOT);
        boundaries.setText(text);
        List<int[]> sentences = new ArrayList<>();
        for (int start = boundaries.first(), end = boundaries.next(); end != BreakIterator.DONE;
                start = end, end = boundaries.next()) {
            sentences.add(new int[] { start, trimmedEnd(text, start, end) });
        }
        return sentences;
    }

    /** Perspective's sentence spans end before the whitespace that separates them from the next one. */
    private static int trimmedEnd(String text, int start, int end) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }
}
