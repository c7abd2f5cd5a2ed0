package news.moderation.appeals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

import news.moderation.audit.AuditEvent;
import news.moderation.comments.Comment;
import news.moderation.comments.CommentStatus;
import news.moderation.events.AppealDecided;
import news.moderation.events.AppealFiled;
import news.moderation.events.CommentStatusChanged;
import news.moderation.events.DomainEvents;
import news.moderation.notices.Notice;
import news.moderation.notices.NoticeStatus;
import news.moderation.notices.Notices;
import news.moderation.platform.config.ModerationConfig;
import news.moderation.platform.errors.ClientErrorException;
import news.moderation.platform.paging.StatusQueue;
import news.moderation.sites.CallingSite;
import news.moderation.sites.ModeratorSites;

/**
 * Appeals (DSA Art. 20): an author contests the removal of their comment, a notifier a decision not to act on their
 * notice, through the comment's site and within {@code moderation.appeals.window} of the decision. Moderators decide
 * them from their own queue, never the one who made the contested decision; a reversal undoes it in the same
 * transaction (the comment published again, or the notice acted on) and the events tell the site.
 */
@ApplicationScoped
public class Appeals {

    private final EntityManager em;
    private final DomainEvents events;
    private final Notices notices;
    private final CallingSite site;
    private final ModeratorSites moderatorSites;
    private final Duration window;

    Appeals(EntityManager em, DomainEvents events, Notices notices, CallingSite site, ModeratorSites moderatorSites,
            ModerationConfig config) {
        this.em = em;
        this.events = events;
        this.notices = notices;
        this.site = site;
        this.moderatorSites = moderatorSites;
        this.window = config.appeals().window();
    }

    /** The decision an appeal contests, as the audit trail or the notice recorded it. */
    private record ContestedDecision(String by, Instant at, List<String> ruleIds) {
    }

    /** The author of a comment of the calling site contests its removal. */
    @Transactional
    public AppealViews.Receipt fileByAuthor(UUID commentId, AppealRequest request) {
        // The comment's row lock orders this event among the comment's own and serialises appeals on it.
        Comment comment = Comment.findVisible(commentId, site.siteId()::equals, LockModeType.PESSIMISTIC_WRITE);
        if (comment.status != CommentStatus.REJECTED) {
            throw new ClientErrorException(Response.Status.CONFLICT, "Only a removed comment can be appealed by its"
                    + " author; this one is " + comment.status + (comment.status.inQueue()
                            ? ": it is waiting for a moderator's review" : ""));
        }
        ContestedDecision contested = removal(comment);
        Optional<Appeal> earlier = Appeal.find("commentId = ?1 and appellant = ?2 and contestedAt = ?3", comment.id,
                Appellant.AUTHOR, contested.at()).firstResultOptional();
        if (earlier.isPresent()) {
            throw alreadyAppealed(earlier.get());
        }
        return file(comment, Appellant.AUTHOR, null, contested, request.reason());
    }

    /** A notifier contests the decision not to act on their notice (a notice of the calling site). */
    @Transactional
    public AppealViews.Receipt fileByNotifier(UUID noticeId, AppealRequest request) {
        Notice notice = notices.ofCallingSite(noticeId);
        Comment comment = Comment.findById(notice.commentId, LockModeType.PESSIMISTIC_WRITE);
        if (notice.status != NoticeStatus.NO_ACTION) {
            throw new ClientErrorException(Response.Status.CONFLICT, "Only a notice decided without action can be"
                    + " appealed by its notifier; this one is " + notice.status);
        }
        Optional<Appeal> earlier = Appeal.find("noticeId", notice.id).firstResultOptional();
        if (earlier.isPresent()) {
            throw alreadyAppealed(earlier.get());
        }
        return file(comment, Appellant.NOTIFIER, notice.id,
                new ContestedDecision(notice.decidedBy, notice.decidedAt, comment.ruleIds()), request.reason());
    }

    private AppealViews.Receipt file(Comment comment, Appellant appellant, UUID noticeId, ContestedDecision contested,
            String reason) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant closed = contested.at().plus(window);
        if (now.isAfter(closed)) {
            throw ClientErrorException.unprocessable(appellant == Appellant.AUTHOR ? "commentId" : "noticeId",
                    "The appeal window closed at " + closed + ": a decision can be appealed within "
                            + readable(window) + " of it, and this one was made at " + contested.at());
        }
        Appeal appeal = new Appeal();
        appeal.id = UUID.randomUUID();
        appeal.siteId = comment.siteId;
        appeal.commentId = comment.id;
        appeal.appellant = appellant;
        appeal.noticeId = noticeId;
        appeal.reason = reason;
        appeal.contestedBy = contested.by();
        appeal.contestedAt = contested.at();
        appeal.ruleIds = contested.ruleIds();
        appeal.status = AppealStatus.OPEN;
        appeal.filedAt = now;
        appeal.persist();
        events.publish(new AppealFiled(comment.siteId, comment.id, comment.authorId, appeal.id, appellant.name(),
                noticeId, contested.by()));
        return AppealViews.Receipt.of(appeal);
    }

    /** "180 days" for a whole number of days (the setting's usual form), else ISO-8601 ("PT5S"). */
    private static String readable(Duration duration) {
        return duration.toSeconds() % Duration.ofDays(1).toSeconds() == 0 ? duration.toDays() + " days"
                : duration.toString();
    }

    /** The comment's removal in force: the latest change of its status in the audit trail. */
    private static ContestedDecision removal(Comment comment) {
        List<AuditEvent> trail = AuditEvent.forComment(comment.id);
        for (int i = trail.size() - 1; i >= 0; i--) {
            AuditEvent event = trail.get(i);
            if (event.toState != null) {
                return new ContestedDecision(event.actor, event.occurredAt,
                        event.ruleIds == null ? List.of() : event.ruleIds);
            }
        }
        throw new IllegalStateException("A removed comment has a decision in its audit trail: " + comment.id);
    }

    private static ClientErrorException alreadyAppealed(Appeal earlier) {
        return new ClientErrorException(Response.Status.CONFLICT, "This decision was already appealed (appeal "
                + earlier.id + ", " + earlier.status + "); a decision is appealed once");
    }

    /** An appeal as its site sees it. */
    @Transactional
    public AppealViews.Receipt receipt(UUID appealId) {
        return Appeal.<Appeal>findByIdOptional(appealId).filter(a -> a.siteId.equals(site.siteId()))
                .map(AppealViews.Receipt::of).orElseThrow(() -> notFound(appealId));
    }

    /** The appeals of the moderator's sites in one status (the queue: OPEN), oldest first. */
    @Transactional
    public AppealViews.Page queue(AppealStatus status, String siteId, int limit) {
        List<Appeal> appeals = StatusQueue.oldestFirst(em, Appeal.class, "appeal", "filed_at", status,
                moderatorSites.scope().narrowedTo(Optional.ofNullable(siteId))::sqlCondition, limit);
        Map<UUID, Comment> comments = Comment.<Comment>list("id in ?1",
                appeals.stream().map(a -> a.commentId).distinct().toList()).stream()
                .collect(Collectors.toMap(c -> c.id, Function.identity()));
        return new AppealViews.Page(appeals.stream()
                .map(appeal -> AppealViews.Item.of(appeal, comments.get(appeal.commentId))).toList());
    }

    @Transactional
    public AppealViews.Item item(UUID appealId) {
        Appeal appeal = visible(appealId, LockModeType.NONE);
        return AppealViews.Item.of(appeal, Comment.findById(appeal.commentId));
    }

    /**
     * A moderator other than the contested decision's maker decides an appeal once. Reversing an author's appeal
     * publishes the removed comment; reversing a notifier's acts on their notice.
     */
    @Transactional
    public AppealViews.Item decide(UUID appealId, AppealDecisionRequest decision, String moderator) {
        Appeal appeal = visible(appealId, LockModeType.PESSIMISTIC_WRITE);
        if (appeal.status != AppealStatus.OPEN) {
            throw new ClientErrorException(Response.Status.CONFLICT, "The appeal was already decided ("
                    + appeal.status + " by " + appeal.decidedBy + " at " + appeal.decidedAt + ")");
        }
        if (moderator.equals(appeal.contestedBy)) {
            throw new ClientErrorException(Response.Status.FORBIDDEN, "You made the decision this appeal contests ("
                    + appeal.contestedAt + "); another moderator decides the appeal");
        }
        boolean reverse = decision.outcome() == AppealDecisionRequest.Outcome.REVERSE;
        if (reverse && appeal.appellant == Appellant.NOTIFIER && decision.reasonCode() == null) {
            throw ClientErrorException.badRequest("reasonCode",
                    "is required to reverse a notifier's appeal: the comment is removed for it");
        }
        Comment comment = Comment.findById(appeal.commentId, LockModeType.PESSIMISTIC_WRITE);
        String reasonCode = decision.reasonCode() == null ? null : decision.reasonCode().name();
        if (reverse && appeal.appellant == Appellant.AUTHOR) {
            restore(comment, moderator, reasonCode, decision.reply());
        } else if (reverse) {
            notices.act(Notice.findById(appeal.noticeId, LockModeType.PESSIMISTIC_WRITE), comment, moderator,
                    reasonCode, null, decision.reply());
        }
        appeal.status = reverse ? AppealStatus.REVERSED : AppealStatus.UPHELD;
        appeal.decidedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        appeal.decidedBy = moderator;
        appeal.reply = decision.reply();
        events.publish(new AppealDecided(comment.siteId, comment.id, comment.authorId, appeal.id,
                appeal.appellant.name(), appeal.noticeId,
                reverse ? AppealDecided.REVERSED : AppealDecided.UPHELD, moderator, decision.reply()));
        return AppealViews.Item.of(appeal, comment);
    }

    /** Publishes a removed comment again; the status change ends its statement of reasons (statements/). */
    private void restore(Comment comment, String moderator, String reasonCode, String reply) {
        if (comment.status != CommentStatus.REJECTED) {
            throw new ClientErrorException(Response.Status.CONFLICT, "The comment is no longer removed (it is "
                    + comment.status + "); nothing to reverse. Uphold the appeal with a reply that says so");
        }
        comment.status = CommentStatus.PUBLISHED;
        comment.claimedBy = null;
        comment.claimExpiresAt = null;
        // Readers' reports from before the removal are answered by this decision, as by any moderator's.
        comment.reportCount = 0;
        comment.flush();
        events.publish(new CommentStatusChanged(comment.siteId, comment.id, comment.authorId, comment.articleId,
                CommentStatusChanged.Cause.APPEAL_DECISION, moderator, CommentStatus.REJECTED.name(),
                comment.status.name(), reasonCode, reply, comment.decision.name(), comment.ruleIds(),
                comment.rulesetVersion));
    }

    private Appeal visible(UUID appealId, LockModeType lock) {
        return Appeal.<Appeal>findByIdOptional(appealId, lock)
                .filter(appeal -> moderatorSites.scope().includes(appeal.siteId))
                .orElseThrow(() -> notFound(appealId));
    }

    private static NotFoundException notFound(UUID appealId) {
        return new NotFoundException("No appeal with id " + appealId);
    }
}
