package news.moderation.appeals;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;

import news.moderation.authors.AuthorErasure;
import news.moderation.events.AuthorErased;

/**
 * An erasure of an author, in its transaction: the reasons of appeals about the author's comments (the author's own
 * words, or a notifier's that may quote them) and the moderators' replies go, as reports' reasons and moderators'
 * notes do. Who contested what, and the outcome, stay.
 */
@ApplicationScoped
class AppealErasure {

    private final EntityManager em;

    AppealErasure(EntityManager em) {
        this.em = em;
    }

    void erased(@Observes(during = TransactionPhase.IN_PROGRESS) AuthorErased erased) {
        em.createNativeQuery("""
                UPDATE appeal a SET reason = :erased, reply = NULL FROM comment c
                WHERE a.comment_id = c.id AND c.site_id = :site AND c.author_id = :author""")
                .setParameter("erased", AuthorErasure.ERASED).setParameter("site", erased.siteId())
                .setParameter("author", erased.authorId()).executeUpdate();
    }
}
