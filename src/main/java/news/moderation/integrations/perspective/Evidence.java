package news.moderation.integrations.perspective;

import news.moderation.engine.Decision;
import news.moderation.engine.Severity;

/**
 * The strongest match behind a score: what the policy does with it and how severe it is, weakest first. Each level's
 * score is the share of dev-data comments with that strongest match that people labelled toxic, kept inside the band
 * its decision demands: above 0.80 (Coral's default threshold) when the engine holds the comment, at most 0.80 when it
 * publishes it; stronger evidence never scores lower. {@code CalibrateScores} measures the shares and proposes these
 * scores (levels the dev data never reaches take the level below); docs/integrations.md has the figures.
 */
enum Evidence {
    NONE(0.03),
    ALLOW_LOW(0.20),
    ALLOW_MEDIUM(0.20),
    ALLOW_HIGH(0.20),
    REVIEW_LOW(0.99),
    REVIEW_MEDIUM(0.99),
    REVIEW_HIGH(0.99),
    REJECT_LOW(0.99),
    REJECT_MEDIUM(0.99),
    REJECT_HIGH(0.99);

    static final double THRESHOLD = 0.80;

    private final double score;

    Evidence(double score) {
        this.score = score;
    }

    double score() {
        return score;
    }

    static Evidence of(Decision decision, Severity severity) {
        return valueOf(decision.name() + "_" + severity.name());
    }

    Evidence stronger(Evidence other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    boolean held() {
        return ordinal() >= REVIEW_LOW.ordinal();
    }
}
