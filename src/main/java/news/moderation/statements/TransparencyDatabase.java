package news.moderation.statements;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DSA Transparency Database's statement-of-reasons API as this service uses it: the enum keys it sends, the one
 * mapping from the service's categories and moderators' reason codes to the database's categories, and a statement's
 * fields under the API's names (https://transparency.dsa.ec.europa.eu/page/api-documentation; docs/dsa.md).
 */
final class TransparencyDatabase {

    static final String VISIBILITY_REMOVED = "DECISION_VISIBILITY_CONTENT_REMOVED";
    static final String VISIBILITY_DISABLED = "DECISION_VISIBILITY_CONTENT_DISABLED";
    static final String VISIBILITY_OTHER = "DECISION_VISIBILITY_OTHER";
    static final String GROUND_INCOMPATIBLE = "DECISION_GROUND_INCOMPATIBLE_CONTENT";
    static final String GROUND_ILLEGAL = "DECISION_GROUND_ILLEGAL_CONTENT";
    static final String CONTENT_TEXT = "CONTENT_TYPE_TEXT";
    static final String SOURCE_VOLUNTARY = "SOURCE_VOLUNTARY";
    /** A notice of illegal content (DSA Art. 16). */
    static final String SOURCE_NOTICE = "SOURCE_ARTICLE_16";
    static final String AUTOMATED_FULLY = "AUTOMATED_DECISION_FULLY";
    static final String AUTOMATED_PARTIALLY = "AUTOMATED_DECISION_PARTIALLY";
    static final String NOT_AUTOMATED = "AUTOMATED_DECISION_NOT_AUTOMATED";
    /** For a restriction no category explains, such as the pre-moderation of an author's comments. */
    static final String CATEGORY_OTHER_TERMS = "STATEMENT_CATEGORY_OTHER_VIOLATION_TC";

    /** The service's rule categories (engine Category ids). */
    private static final Map<String, String> BY_RULE_CATEGORY = Map.of(
            "obscene", CATEGORY_OTHER_TERMS,
            "derogatory", "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH",
            "personal_attack", "STATEMENT_CATEGORY_CYBER_VIOLENCE",
            "threat", "STATEMENT_CATEGORY_VIOLENCE",
            "personal_data", "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS");

    /** Moderators' reason codes (review ReasonCode names) for a restriction. */
    private static final Map<String, String> BY_REASON_CODE = Map.of(
            "PROFANITY", CATEGORY_OTHER_TERMS,
            "INSULT", "STATEMENT_CATEGORY_CYBER_VIOLENCE",
            "HATE_SPEECH", "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH",
            "HARASSMENT", "STATEMENT_CATEGORY_CYBER_VIOLENCE",
            "THREAT", "STATEMENT_CATEGORY_VIOLENCE",
            "PERSONAL_DATA", "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS",
            "SPAM", CATEGORY_OTHER_TERMS,
            "OFF_TOPIC", CATEGORY_OTHER_TERMS,
            "OTHER", CATEGORY_OTHER_TERMS);

    /** The API's names of the fields a statement can have, in the order exports list them (CSV columns). */
    static final List<String> FIELDS = List.of("decision_visibility", "decision_visibility_other", "decision_ground",
            "decision_ground_reference_url", "illegal_content_legal_ground", "illegal_content_explanation",
            "incompatible_content_ground", "incompatible_content_explanation",
            "category", "content_type", "content_date", "application_date", "end_date_visibility_restriction", "decision_facts",
            "source_type", "automated_detection", "automated_decision", "puid");

    private TransparencyDatabase() {
    }

    static String categoryOfRules(List<String> ruleCategories) {
        return ruleCategories.stream().map(BY_RULE_CATEGORY::get).filter(c -> c != null).findFirst()
                .orElse(CATEGORY_OTHER_TERMS);
    }

    static String categoryOfReason(String reasonCode) {
        return BY_REASON_CODE.getOrDefault(reasonCode, CATEGORY_OTHER_TERMS);
    }

    /**
     * The statement as the API takes it: the fields it has, under the API's names; decision_visibility and
     * content_type are lists there. Absent optional fields are left out (the API refuses some of them when present).
     */
    static Map<String, Object> fields(StatementOfReasons statement) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("decision_visibility", List.of(statement.decisionVisibility));
        putIfPresent(fields, "decision_visibility_other", statement.decisionVisibilityOther);
        fields.put("decision_ground", statement.decisionGround);
        putIfPresent(fields, "decision_ground_reference_url", statement.decisionGroundReferenceUrl);
        putIfPresent(fields, "illegal_content_legal_ground", statement.illegalContentLegalGround);
        putIfPresent(fields, "illegal_content_explanation", statement.illegalContentExplanation);
        putIfPresent(fields, "incompatible_content_ground", statement.incompatibleContentGround);
        putIfPresent(fields, "incompatible_content_explanation", statement.incompatibleContentExplanation);
        fields.put("category", statement.category);
        fields.put("content_type", List.of(statement.contentType));
        fields.put("content_date", statement.contentDate.format(DateTimeFormatter.ISO_LOCAL_DATE));
        fields.put("application_date", statement.applicationDate.format(DateTimeFormatter.ISO_LOCAL_DATE));
        if (statement.endDate != null) {
            fields.put("end_date_visibility_restriction", statement.endDate.format(DateTimeFormatter.ISO_LOCAL_DATE));
        }
        fields.put("decision_facts", statement.decisionFacts);
        fields.put("source_type", statement.sourceType);
        fields.put("automated_detection", statement.automatedDetection ? "Yes" : "No");
        fields.put("automated_decision", statement.automatedDecision);
        fields.put("puid", statement.puid);
        return fields;
    }

    private static void putIfPresent(Map<String, Object> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
