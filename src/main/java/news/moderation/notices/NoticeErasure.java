package news.moderation.notices;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;

import news.moderation.authors.AuthorErasure;
import news.moderation.events.AuthorErased;

/**
 * An erasure of an author, in its transaction: notices about the author's comments may quote them, and moderators'
 * replies may too, so both go, as reports' reasons and moderators' notes do. The notifier's name and address are the
 * notifier's, not the author's, and stay; so do the legal ground and the outcome.
 */
@ApplicationScoped
class NoticeErasure {

    private final EntityManager em;

    NoticeErasure(EntityManager em) {
        this.em = em;
    }

    void erased(@Observes(during = TransactionPhase.IN_PROGRESS) AuthorErased erased) {
        em.createNativeQuery("""
                UPDATE notice n SET explanation = :erased, reply = NULL FROM comment c
                WHERE n.comment_id = c.id AND c.site_id = :site AND c.author_id = :author""")
                .setParameter("erased", AuthorErasure.ERASED).setParameter("site", erased.siteId())
                .setParameter("author", erased.authorId()).executeUpdate();
    }
}
