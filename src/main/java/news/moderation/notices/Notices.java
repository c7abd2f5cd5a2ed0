package news.moderation.notices;

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

import news.moderation.comments.Comment;
import news.moderation.comments.CommentStatus;
import news.moderation.events.CommentStatusChanged;
import news.moderation.events.DomainEvents;
import news.moderation.events.NoticeDecided;
import news.moderation.events.NoticeReceived;
import news.moderation.platform.errors.ClientErrorException;
import news.moderation.platform.paging.StatusQueue;
import news.moderation.sites.CallingSite;
import news.moderation.sites.ModeratorSites;

/**
 * Notices of illegal content (DSA Art. 16): received from a site for one of its comments and acknowledged at once
 * with a receipt, queued for moderators, decided with a reasoned reply. Acting on one removes the comment; its
 * statement of reasons then names the legal ground (statements/ builds it from the events).
 */
@ApplicationScoped
public class Notices {

    private final EntityManager em;
    private final DomainEvents events;
    private final CallingSite site;
    private final ModeratorSites moderatorSites;

    Notices(EntityManager em, DomainEvents events, CallingSite site, ModeratorSites moderatorSites) {
        this.em = em;
        this.events = events;
        this.site = site;
        this.moderatorSites = moderatorSites;
    }

    /** A notice about a comment of the calling site; another site's comment does not exist for it. */
    @Transactional
    public NoticeViews.Receipt receive(UUID commentId, NoticeRequest request) {
        // The comment's row lock orders this event among the comment's own (see DomainEvents).
        Comment comment = Comment.findVisible(commentId, site.siteId()::equals, LockModeType.PESSIMISTIC_WRITE);
        Notice notice = new Notice();
        notice.id = UUID.randomUUID();
        notice.siteId = comment.siteId;
        notice.commentId = comment.id;
        notice.notifierName = request.notifierName();
        notice.notifierEmail = request.notifierEmail();
        notice.explanation = request.explanation();
        notice.legalGround = request.legalGround();
        notice.goodFaith = request.goodFaith();
        notice.status = NoticeStatus.RECEIVED;
        notice.receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        notice.persist();
        events.publish(new NoticeReceived(comment.siteId, comment.id, comment.authorId, notice.id));
        return NoticeViews.Receipt.of(notice);
    }

    /** A notice as its site sees it (its receipt and outcome). */
    @Transactional
    public NoticeViews.Receipt receipt(UUID noticeId) {
        return NoticeViews.Receipt.of(ofCallingSite(noticeId));
    }

    /** A notice of the calling site, for a site-key call; another site's is unknown. */
    public Notice ofCallingSite(UUID noticeId) {
        return Notice.<Notice>findByIdOptional(noticeId).filter(n -> n.siteId.equals(site.siteId()))
                .orElseThrow(() -> notFound(noticeId));
    }

    /** The notices of the moderator's sites in one status (the queue: RECEIVED), oldest first. */
    @Transactional
    public NoticeViews.Page queue(NoticeStatus status, String siteId, int limit) {
        List<Notice> notices = StatusQueue.oldestFirst(em, Notice.class, "notice", "received_at", status,
                moderatorSites.scope().narrowedTo(Optional.ofNullable(siteId))::sqlCondition, limit);
        Map<UUID, Comment> comments = Comment.<Comment>list("id in ?1",
                notices.stream().map(n -> n.commentId).distinct().toList()).stream()
                .collect(Collectors.toMap(c -> c.id, Function.identity()));
        return new NoticeViews.Page(notices.stream()
                .map(notice -> NoticeViews.Item.of(notice, comments.get(notice.commentId))).toList());
    }

    @Transactional
    public NoticeViews.Item item(UUID noticeId) {
        Notice notice = visible(noticeId, LockModeType.NONE);
        return NoticeViews.Item.of(notice, Comment.findById(notice.commentId));
    }

    /** A moderator decides a notice once: acting removes the comment, or no action leaves it. */
    @Transactional
    public NoticeViews.Item decide(UUID noticeId, NoticeDecisionRequest decision, String moderator) {
        boolean act = decision.action() == NoticeDecisionRequest.Action.ACT;
        if (act && decision.reasonCode() == null) {
            throw ClientErrorException.badRequest("reasonCode", "is required to act on a notice");
        }
        Notice notice = visible(noticeId, LockModeType.PESSIMISTIC_WRITE);
        if (notice.status != NoticeStatus.RECEIVED) {
            throw new ClientErrorException(Response.Status.CONFLICT, "The notice was already decided ("
                    + notice.status + " by " + notice.decidedBy + " at " + notice.decidedAt + ")");
        }
        Comment comment = Comment.findById(notice.commentId, LockModeType.PESSIMISTIC_WRITE);
        if (act) {
            act(notice, comment, moderator, decision.reasonCode().name(), decision.legalGround(), decision.reply());
        } else {
            decided(notice, NoticeStatus.NO_ACTION, moderator, null, decision.reply());
            events.publish(new NoticeDecided(comment.siteId, comment.id, comment.authorId, notice.id,
                    NoticeDecided.NO_ACTION, moderator, null, null, decision.reply()));
        }
        return NoticeViews.Item.of(notice, comment);
    }

    /**
     * Acts on a notice: the comment is removed as illegal content on {@code legalGround} (the notifier's, unless the
     * moderator names another). Also what reversing a notifier's appeal against a decision not to act does. The
     * caller holds the comment's row lock.
     */
    public void act(Notice notice, Comment comment, String moderator, String reasonCode, String legalGround,
            String reply) {
        String ground = legalGround == null || legalGround.isBlank() ? notice.legalGround : legalGround;
        decided(notice, NoticeStatus.ACTED, moderator, reasonCode, reply);
        CommentStatus before = comment.status;
        comment.status = CommentStatus.REJECTED;
        comment.claimedBy = null;
        comment.claimExpiresAt = null;
        comment.flush();
        events.publish(new CommentStatusChanged(comment.siteId, comment.id, comment.authorId, comment.articleId,
                CommentStatusChanged.Cause.NOTICE_DECISION, moderator, before.name(), comment.status.name(),
                reasonCode, reply, comment.decision.name(), comment.ruleIds(), comment.rulesetVersion));
        events.publish(new NoticeDecided(comment.siteId, comment.id, comment.authorId, notice.id,
                NoticeDecided.ACTED, moderator, reasonCode, ground, reply));
    }

    private static void decided(Notice notice, NoticeStatus status, String moderator, String reasonCode,
            String reply) {
        notice.status = status;
        notice.decidedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        notice.decidedBy = moderator;
        notice.reasonCode = reasonCode;
        notice.reply = reply;
    }

    private Notice visible(UUID noticeId, LockModeType lock) {
        return Notice.<Notice>findByIdOptional(noticeId, lock)
                .filter(notice -> moderatorSites.scope().includes(notice.siteId))
                .orElseThrow(() -> notFound(noticeId));
    }

    private static NotFoundException notFound(UUID noticeId) {
        return new NotFoundException("No notice with id " + noticeId);
    }
}
