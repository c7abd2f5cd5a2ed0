package news.moderation.integrations.coral;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.quarkus.narayana.jta.QuarkusTransaction;
import news.moderation.authors.AuthorService;
import news.moderation.comments.Comment;
import news.moderation.comments.CommentService;
import news.moderation.comments.CommentStatus;
import news.moderation.comments.SubmitCommentRequest;
import news.moderation.engine.Category;
import news.moderation.engine.Decision;
import news.moderation.engine.Verdict;
import news.moderation.platform.config.ModerationConfig;
import news.moderation.platform.errors.ClientErrorException;
import news.moderation.ruleset.RulesetService;

/** Coral's external moderation phase: judge the comment, store it with its verdict, and tell Coral what to do. */
@ApplicationScoped
class CoralModeration {

    private static final Set<String> STAFF_ROLES = Set.of("STAFF", "MODERATOR", "ADMIN");
    /** Coral's Digital Services Act reasons, for the gravest category that rejected the comment first. */
    private static final Map<Category, String> REJECTION_REASONS = Map.of(
            Category.THREAT, "ABUSIVE",
            Category.DEROGATORY, "HATE_SPEECH",
            Category.PERSONAL_ATTACK, "HARASSMENT_BULLYING",
            Category.OBSCENE, "OFFENSIVE");
    private static final List<Category> GRAVEST_FIRST = List.of(Category.THREAT, Category.DEROGATORY,
            Category.PERSONAL_ATTACK, Category.OBSCENE);
    private static final String OTHER_REASON = "OTHER";

    private final RulesetService rulesets;
    private final CommentService comments;
    private final AuthorService authors;
    private final ModerationConfig.Coral settings;
    private final int maxTextLength;

    CoralModeration(RulesetService rulesets, CommentService comments, AuthorService authors,
            ModerationConfig config) {
        this.rulesets = rulesets;
        this.comments = comments;
        this.authors = authors;
        this.settings = config.coral();
        this.maxTextLength = config.comments().maxBodyLength();
    }

    /** @return Coral's answer, or empty for "no opinion" (the comment may be published) */
    Optional<CoralAnswer> moderate(CoralRequest request) {
        if (settings.trustStaff() && STAFF_ROLES.contains(request.author().role())) {
            return Optional.empty();
        }
        String body = request.comment().body();
        HtmlText html = HtmlText.of(body);
        if (html.text().length() > maxTextLength) {
            // Longer than any comment this service judges or stores: a person decides, in Coral's queue.
            return Optional.of(CoralAnswer.withheld());
        }
        // Coral does not say which language; every language's rules apply, as for /api/v1/check without a lang. Its
        // parentID says whether the comment is a reply.
        Verdict verdict = html.onHtml(rulesets.judgeAnyLength(html.text(), null, request.comment().context()));
        Comment comment;
        try {
            comment = store(request, body, verdict);
        } catch (ClientErrorException e) {
            if (e.status().getStatusCode() == Response.Status.FORBIDDEN.getStatusCode()) {
                return Optional.of(CoralAnswer.rejected(OTHER_REASON)); // a suspended or banned author
            }
            throw e;
        }
        return answer(comment, verdict);
    }

    /**
     * Coral sends no comment id with an EDIT. What identifies the edited comment is its author, story and site:
     * Coral lets authors edit only within its edit window, so it is the author's latest comment on that story within
     * {@code moderation.coral.edit-window}. None (an edit of a comment older than that, or one that never reached this
     * service) is stored as a new comment, so that every verdict is on record. A new comment is stored with the
     * submissions of the moment, in their shared transaction (as {@code POST /api/v1/comments} stores it).
     */
    private Comment store(CoralRequest request, String body, Verdict verdict) {
        Optional<Comment> edited = request.action() == CoralRequest.Action.EDIT
                ? QuarkusTransaction.requiringNew().call(() -> storeEdit(request, body, verdict))
                : Optional.empty();
        return edited.orElseGet(() -> comments.record(new SubmitCommentRequest(request.story().id(),
                request.author().id(), request.author().id(), body, null, null), request.site().id(), verdict));
    }

    /** The edit as a new revision of the comment it edits, if that is found. */
    private Optional<Comment> storeEdit(CoralRequest request, String body, Verdict verdict) {
        return Comment.<Comment>find(
                "siteId = ?1 and articleId = ?2 and authorId = ?3 and createdAt >= ?4 order by seq desc",
                request.site().id(), request.story().id(), request.author().id(),
                Instant.now().minus(settings.editWindow())).firstResultOptional().map(comment -> {
                    // A suspended or banned author's edit is refused, as a new comment of theirs would be.
                    authors.requireMayComment(comment.siteId, comment.authorId);
                    return comments.applyEdit(comment, body, verdict);
                });
    }

    private Optional<CoralAnswer> answer(Comment comment, Verdict verdict) {
        return switch (comment.status) {
            case REJECTED -> Optional.of(CoralAnswer.rejected(rejectionReason(verdict)));
            case PENDING_REVIEW -> Optional.of(comment.decision == Decision.ALLOW
                    ? CoralAnswer.premoderated() : CoralAnswer.withheld());
            case PUBLISHED, REPORTED -> Optional.empty();
        };
    }

    private String rejectionReason(Verdict verdict) {
        return GRAVEST_FIRST.stream()
                .filter(category -> verdict.matches().stream().anyMatch(match -> match.category() == category
                        && rulesets.decide(category, match.severity()) == Decision.REJECT))
                .findFirst().map(REJECTION_REASONS::get).orElse(OTHER_REASON);
    }
}
