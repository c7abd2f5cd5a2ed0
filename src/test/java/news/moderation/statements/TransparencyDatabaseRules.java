package news.moderation.statements;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The DSA Transparency Database's rules for a statement of reasons submitted through its API, written down from its
 * documentation (https://transparency.dsa.ec.europa.eu/page/api-documentation) and the validation of its
 * statements store request (github.com/digital-services-act/transparency-database), for the fields and kinds of restriction this service submits: visibility restrictions of text.
 * {@link #violations} lists every rule a statement breaks, so that a failing test names them all.
 */
final class TransparencyDatabaseRules {

    static final Set<String> DECISION_VISIBILITIES = Set.of("DECISION_VISIBILITY_CONTENT_REMOVED",
            "DECISION_VISIBILITY_CONTENT_DISABLED", "DECISION_VISIBILITY_CONTENT_DEMOTED",
            "DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED", "DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED",
            "DECISION_VISIBILITY_CONTENT_LABELLED", "DECISION_VISIBILITY_OTHER");
    static final Set<String> DECISION_GROUNDS = Set.of("DECISION_GROUND_ILLEGAL_CONTENT",
            "DECISION_GROUND_INCOMPATIBLE_CONTENT");
    static final Set<String> CONTENT_TYPES = Set.of("CONTENT_TYPE_APP", "CONTENT_TYPE_AUDIO", "CONTENT_TYPE_IMAGE",
            "CONTENT_TYPE_PRODUCT", "CONTENT_TYPE_SYNTHETIC_MEDIA", "CONTENT_TYPE_TEXT", "CONTENT_TYPE_VIDEO",
            "CONTENT_TYPE_OTHER");
    static final Set<String> CATEGORIES = Set.of("STATEMENT_CATEGORY_ANIMAL_WELFARE",
            "STATEMENT_CATEGORY_CONSUMER_INFORMATION", "STATEMENT_CATEGORY_CYBER_VIOLENCE",
            "STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN",
            "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS",
            "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", "STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS",
            "STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS",
            "STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE", "STATEMENT_CATEGORY_OTHER_VIOLATION_TC",
            "STATEMENT_CATEGORY_PROTECTION_OF_MINORS", "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY",
            "STATEMENT_CATEGORY_SCAMS_AND_FRAUD", "STATEMENT_CATEGORY_SELF_HARM",
            "STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS", "STATEMENT_CATEGORY_VIOLENCE");
    static final Set<String> SOURCE_TYPES = Set.of("SOURCE_ARTICLE_16", "SOURCE_TRUSTED_FLAGGER",
            "SOURCE_VOLUNTARY");
    static final Set<String> AUTOMATED_DETECTIONS = Set.of("Yes", "No");
    static final Set<String> AUTOMATED_DECISIONS = Set.of("AUTOMATED_DECISION_FULLY",
            "AUTOMATED_DECISION_PARTIALLY", "AUTOMATED_DECISION_NOT_AUTOMATED");

    /** Fields every statement has (this service restricts visibility, so decision_visibility is its decision). */
    static final List<String> REQUIRED = List.of("decision_visibility", "decision_ground", "category",
            "content_type", "content_date", "application_date", "decision_facts", "source_type",
            "automated_detection", "automated_decision", "puid");

    /** Dates are days, YYYY-MM-DD, in these bounds (both included). */
    private static final LocalDate EARLIEST_CONTENT = LocalDate.of(2000, 1, 1);
    private static final LocalDate EARLIEST_DECISION = LocalDate.of(2020, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2038, 1, 1);

    private TransparencyDatabaseRules() {
    }

    static List<String> violations(Map<String, ?> statement) {
        List<String> broken = new ArrayList<>();
        for (String field : REQUIRED) {
            Object value = statement.get(field);
            if (value == null || value instanceof String text && text.isBlank()
                    || value instanceof Collection<?> values && values.isEmpty()) {
                broken.add(field + " is required");
            }
        }
        List<?> visibilities = list(statement.get("decision_visibility"));
        allIn(broken, "decision_visibility", visibilities, DECISION_VISIBILITIES);
        requiredExactlyWhen(broken, statement, "decision_visibility_other",
                visibilities.contains("DECISION_VISIBILITY_OTHER"), 500);
        oneOf(broken, "decision_ground", statement.get("decision_ground"), DECISION_GROUNDS);
        boolean illegal = "DECISION_GROUND_ILLEGAL_CONTENT".equals(statement.get("decision_ground"));
        boolean incompatible = "DECISION_GROUND_INCOMPATIBLE_CONTENT".equals(statement.get("decision_ground"));
        requiredExactlyWhen(broken, statement, "illegal_content_legal_ground", illegal, 500);
        requiredExactlyWhen(broken, statement, "illegal_content_explanation", illegal, 2000);
        requiredExactlyWhen(broken, statement, "incompatible_content_ground", incompatible, 500);
        requiredExactlyWhen(broken, statement, "incompatible_content_explanation", incompatible, 2000);
        List<?> contentTypes = list(statement.get("content_type"));
        allIn(broken, "content_type", contentTypes, CONTENT_TYPES);
        requiredExactlyWhen(broken, statement, "content_type_other", contentTypes.contains("CONTENT_TYPE_OTHER"),
                500);
        oneOf(broken, "category", statement.get("category"), CATEGORIES);
        day(broken, "application_date", statement.get("application_date"), EARLIEST_DECISION);
        day(broken, "content_date", statement.get("content_date"), EARLIEST_CONTENT);
        day(broken, "end_date_visibility_restriction", statement.get("end_date_visibility_restriction"),
                EARLIEST_DECISION);
        maxLength(broken, "decision_facts", statement.get("decision_facts"), 5000);
        maxLength(broken, "puid", statement.get("puid"), 500);
        maxLength(broken, "decision_ground_reference_url", statement.get("decision_ground_reference_url"), 500);
        oneOf(broken, "source_type", statement.get("source_type"), SOURCE_TYPES);
        oneOf(broken, "automated_detection", statement.get("automated_detection"), AUTOMATED_DETECTIONS);
        oneOf(broken, "automated_decision", statement.get("automated_decision"), AUTOMATED_DECISIONS);
        return broken;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> values ? values : List.of();
    }

    private static void allIn(List<String> broken, String field, List<?> values, Set<String> allowed) {
        values.stream().filter(v -> !allowed.contains(v))
                .forEach(v -> broken.add(field + " has a value the API does not know: " + v));
    }

    private static void oneOf(List<String> broken, String field, Object value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            broken.add(field + " has a value the API does not know: " + value);
        }
    }

    /** A conditional field: required when its condition holds, and refused (excluded) otherwise. */
    private static void requiredExactlyWhen(List<String> broken, Map<String, ?> statement, String field,
            boolean condition, int maxLength) {
        Object value = statement.get(field);
        if (condition && (value == null || value.toString().isBlank())) {
            broken.add(field + " is required here");
        } else if (!condition && value != null) {
            broken.add(field + " is present although its condition does not hold");
        }
        maxLength(broken, field, value, maxLength);
    }

    private static void maxLength(List<String> broken, String field, Object value, int max) {
        if (value != null && value.toString().length() > max) {
            broken.add(field + " is longer than " + max + " characters");
        }
    }

    private static void day(List<String> broken, String field, Object value, LocalDate earliest) {
        if (value == null) {
            return;
        }
        if (!value.toString().matches("\\d{4}-\\d{2}-\\d{2}")) {
            broken.add(field + " is not a date YYYY-MM-DD: " + value);
            return;
        }
        try {
            LocalDate day = LocalDate.parse(value.toString());
            if (day.isBefore(earliest) || day.isAfter(LATEST)) {
                broken.add(field + " must be from " + earliest + " to " + LATEST);
            }
        } catch (DateTimeParseException e) {
            broken.add(field + " is not a date: " + value);
        }
    }
}
