package news.moderation.integrations.perspective;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import news.moderation.audit.AuditLog;
import news.moderation.comments.CommentStatus;
import news.moderation.ruleset.Language;
import news.moderation.engine.JudgingContext;
import news.moderation.engine.Verdict;
import news.moderation.integrations.perspective.PerspectiveMessages.AnalyzeRequest;
import news.moderation.integrations.perspective.PerspectiveMessages.AnalyzeResponse;
import news.moderation.integrations.perspective.PerspectiveMessages.AttributeParameters;
import news.moderation.integrations.perspective.PerspectiveMessages.AttributeScores;
import news.moderation.integrations.perspective.PerspectiveMessages.Score;
import news.moderation.integrations.perspective.PerspectiveMessages.SpanScore;
import news.moderation.integrations.perspective.PerspectiveMessages.SuggestRequest;
import news.moderation.integrations.perspective.PerspectiveMessages.SuggestResponse;
import news.moderation.integrations.perspective.PerspectiveMessages.TextEntry;
import news.moderation.platform.config.ModerationConfig;
import news.moderation.platform.validation.TextRules;
import news.moderation.ruleset.RulesetService;
import news.moderation.sites.ApiKeys;

/** The Perspective API's two methods, answered by the rule engine: AnalyzeComment and SuggestCommentScore. */
@ApplicationScoped
class PerspectiveApi {

    /** The audit trail's note column holds 2,000 characters. */
    static final int MAX_CLIENT_TOKEN = 2000;

    private final RulesetService rulesets;
    private final ApiKeys keys;
    private final KeyRateLimit rateLimit;
    private final AuditLog audit;
    private final int maxTextBytes;

    PerspectiveApi(RulesetService rulesets, ApiKeys keys, KeyRateLimit rateLimit, AuditLog audit,
            ModerationConfig config) {
        this.rulesets = rulesets;
        this.keys = keys;
        this.rateLimit = rateLimit;
        this.audit = audit;
        this.maxTextBytes = config.perspective().maxTextBytes();
    }

    /** @return the site of a live API key within its rate */
    String siteOf(String key) {
        if (key == null || key.isBlank()) {
            throw PerspectiveError.missingKey();
        }
        String siteId = keys.siteOf(key).orElseThrow(PerspectiveError::invalidKey);
        rateLimit.acquire(key);
        return siteId;
    }

    AnalyzeResponse analyze(AnalyzeRequest request) {
        String text = text(request.comment());
        String clientToken = clientToken(request.clientToken());
        if (request.requestedAttributes() == null || request.requestedAttributes().isEmpty()) {
            throw PerspectiveError.invalid("NO_REQUESTED_ATTRIBUTES", "No requested attributes were specified.");
        }
        Map<Attribute, AttributeParameters> requested = new LinkedHashMap<>();
        request.requestedAttributes().forEach((name, parameters) -> requested.put(attribute(name, parameters),
                parameters == null ? new AttributeParameters(null, null) : parameters));

        Verdict verdict = judge(text, request.languages());
        Scorer scorer = new Scorer(text, verdict, rulesets::decide, Boolean.TRUE.equals(request.spanAnnotations()));
        Map<String, AttributeScores> scores = new LinkedHashMap<>();
        requested.forEach((attribute, parameters) -> {
            Scorer.Score score = scorer.score(attribute);
            // As Perspective: an attribute whose score is below the caller's threshold is left out.
            if (parameters.scoreThreshold() == null || score.summary() >= parameters.scoreThreshold()) {
                scores.put(attribute.name(), new AttributeScores(probability(score.summary()), score.spans().stream()
                        .map(span -> new SpanScore(span.begin(), span.end(), probability(span.score()))).toList()));
            }
        });
        return new AnalyzeResponse(scores, languages(request.languages()), clientToken);
    }

    /**
     * A moderator's corrected score: 0 approved, 1 rejected (Coral sends it for every decision, with {@code
     * clientToken: "comment:<id>"}). It is recorded against this service's own verdict on the text, so that it counts
     * in the rules' precision.
     */
    SuggestResponse suggest(SuggestRequest request, String siteId) {
        String text = text(request.comment());
        double corrected = correctedScore(request.attributeScores());
        String clientToken = clientToken(request.clientToken());
        // Not a verdict on a comment (that one was counted when it was analyzed): judged without counting it again.
        Verdict verdict = rulesets.judgeUncounted(text, hint(request.languages()), JudgingContext.TOP_LEVEL);
        CommentStatus decided = corrected >= 0.5 ? CommentStatus.REJECTED : CommentStatus.PUBLISHED;
        QuarkusTransaction.requiringNew().run(() -> audit.scoreSuggested(siteId, verdict, decided));
        return new SuggestResponse(clientToken);
    }

    private String text(TextEntry comment) {
        if (comment == null || comment.text() == null || comment.text().isEmpty()) {
            throw PerspectiveError.invalid("COMMENT_EMPTY", "Comment must be non-empty.");
        }
        if (comment.text().getBytes(StandardCharsets.UTF_8).length > maxTextBytes) {
            throw PerspectiveError.invalid("COMMENT_TOO_LONG",
                    "Comment text too long: more than " + maxTextBytes + " bytes.");
        }
        return comment.text();
    }

    /** Echoed back, and recorded with a suggested score: an id of at most {@value #MAX_CLIENT_TOKEN} characters. */
    private static String clientToken(String token) {
        if (token != null
                && (token.length() > MAX_CLIENT_TOKEN || !TextRules.allows(TextRules.Kind.NAME_OR_ID, token))) {
            throw PerspectiveError.invalid("INVALID_REQUEST", "clientToken must be at most " + MAX_CLIENT_TOKEN
                    + " characters without control, invisible or direction-changing characters.");
        }
        return token;
    }

    private static Attribute attribute(String name, AttributeParameters parameters) {
        Attribute attribute = Attribute.named(name);
        if (attribute == null) {
            throw PerspectiveError.invalid("INVALID_REQUEST", "Unknown requested attribute: " + name);
        }
        if (parameters != null && parameters.scoreType() != null
                && !PerspectiveMessages.PROBABILITY.equals(parameters.scoreType())) {
            throw PerspectiveError.invalid("INVALID_REQUEST", "Unsupported scoreType: " + parameters.scoreType());
        }
        return attribute;
    }

    /** TOXICITY's summary score, or the only attribute's (whatever its name: Coral's name for it varies). */
    private static double correctedScore(Map<String, AttributeScores> scores) {
        if (scores == null || scores.isEmpty()) {
            throw PerspectiveError.invalid("INVALID_REQUEST", "attributeScores must not be empty.");
        }
        AttributeScores chosen = scores.containsKey(Attribute.TOXICITY.name()) ? scores.get(Attribute.TOXICITY.name())
                : scores.size() == 1 ? scores.values().iterator().next() : null;
        Double value = Optional.ofNullable(chosen).map(AttributeScores::summaryScore).map(Score::value).orElse(null);
        if (value == null || value < 0 || value > 1) {
            throw PerspectiveError.invalid("INVALID_REQUEST",
                    "attributeScores needs a TOXICITY summaryScore value between 0 and 1.");
        }
        return value;
    }

    /**
     * Languages are a hint. "en" restricts nothing: Coral sends it for every locale it does not know, and it is how
     * the scores were calibrated (every language's rules apply, as for /api/v1/check without a lang). A text is
     * judged as a top-level comment: Perspective's request does not say whether it answers another one (its
     * optional {@code context} may hold a parent comment or the article, without saying which).
     */
    private Verdict judge(String text, List<String> languages) {
        return rulesets.judgeAnyLength(text, hint(languages), JudgingContext.TOP_LEVEL);
    }

    private static String hint(List<String> languages) {
        String hint = languages == null || languages.size() != 1 ? null : Language.primary(languages.get(0));
        return "en".equals(hint) ? null : hint;
    }

    private static List<String> languages(List<String> requested) {
        return requested == null ? List.of() : requested;
    }

    private static Score probability(double value) {
        return new Score(value, PerspectiveMessages.PROBABILITY);
    }
}
