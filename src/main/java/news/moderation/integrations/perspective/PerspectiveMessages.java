package news.moderation.integrations.perspective;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The Perspective API's messages (conversationai/perspectiveapi, methods.md). Fields this service does not use
 * (context, sessionId, communityId, doNotStore: nothing is stored anyway) are accepted and ignored, as clients send them.
 */
final class PerspectiveMessages {

    static final String PROBABILITY = "PROBABILITY";

    private PerspectiveMessages() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TextEntry(String text, String type) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AttributeParameters(String scoreType, Double scoreThreshold) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AnalyzeRequest(TextEntry comment, Map<String, AttributeParameters> requestedAttributes,
            List<String> languages, Boolean spanAnnotations, String clientToken) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Score(Double value, String type) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SpanScore(int begin, int end, Score score) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AttributeScores(Score summaryScore, List<SpanScore> spanScores) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AnalyzeResponse(Map<String, AttributeScores> attributeScores, List<String> languages, String clientToken) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SuggestRequest(TextEntry comment, Map<String, AttributeScores> attributeScores, List<String> languages,
            String clientToken) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SuggestResponse(String clientToken) {
    }
}
