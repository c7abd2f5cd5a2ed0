package news.moderation.comments;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import news.moderation.engine.Verdict;
import news.moderation.platform.errors.ClientErrorException;

/**
 * What a new comment must pass before it is stored, and the row it becomes: its author may comment, its parent is a
 * comment of the same site and article, and its status follows from the verdict and the author's standing. Needs a
 * transaction (it reads the author's standing and the parent); stores nothing.
 */
@ApplicationScoped
class NewComments {

    private final AuthorPolicy authors;

    NewComments(AuthorPolicy authors) {
        this.authors = authors;
    }

    /** Where a comment that replies may be is: its site and article. */
    record Parent(String siteId, String articleId) {
    }

    /**
     * The site and article of each of these comments that exists, for the replies of a batch: one lookup, with one
     * query text for any number of ids (an array: an IN list would be translated anew for each length).
     */
    Map<UUID, Parent> parents(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Parent> parents = new HashMap<>();
        List<?> rows = Comment.getEntityManager()
                .createNativeQuery("SELECT id, site_id, article_id FROM comment WHERE id = ANY(?1)", Object[].class)
                .setParameter(1, ids.toArray(UUID[]::new)).getResultList();
        rows.forEach(row -> {
            Object[] columns = (Object[]) row;
            parents.put((UUID) columns[0], new Parent((String) columns[1], (String) columns[2]));
        });
        return parents;
    }

    /** The standing of many authors of a site, for a batch of their comments: one lookup. */
    Map<String, AuthorPolicy.Admission> admissions(String siteId, Set<String> authorIds) {
        return authors.admissions(siteId, authorIds);
    }

    /** The standing of the authors of a batch of comments, by site then author id: one lookup per site. */
    <T> Map<String, Map<String, AuthorPolicy.Admission>> admissions(Collection<T> comments,
            Function<T, String> siteId, Function<T, String> authorId) {
        Map<String, Set<String>> authorsBySite = new HashMap<>();
        comments.forEach(comment -> authorsBySite.computeIfAbsent(siteId.apply(comment), site -> new HashSet<>())
                .add(authorId.apply(comment)));
        Map<String, Map<String, AuthorPolicy.Admission>> admissions = new HashMap<>();
        authorsBySite.forEach((site, authorIds) -> admissions.put(site, admissions(site, authorIds)));
        return admissions;
    }

    /**
     * The comment to store, with its author's admission and the {@link #parents(Collection)} of its batch already
     * looked up.
     *
     * @throws ClientErrorException 403 for an author who may not comment, 422 for a parent on another article
     */
    Comment admit(SubmitCommentRequest request, Verdict verdict, String siteId, String idempotencyKey,
            String requestHash, AuthorPolicy.Admission author, Map<UUID, Parent> parents) {
        if (author.refusal() != null) {
            throw author.refusal();
        }
        if (request.parentId() != null) {
            Parent parent = parents.get(request.parentId());
            // Another site's comment answers as one that does not exist: its existence is not confirmed.
            if (parent == null || !parent.siteId().equals(siteId) || !parent.articleId().equals(request.articleId())) {
                throw ClientErrorException.unprocessable("parentId", "must be a comment on the same article");
            }
        }
        Comment comment = new Comment();
        comment.id = UUID.randomUUID();
        comment.articleId = request.articleId();
        comment.authorId = request.authorId();
        comment.authorName = request.authorName();
        comment.parentId = request.parentId();
        comment.body = request.body();
        comment.lang = request.lang();
        comment.siteId = siteId;
        CommentService.judged(comment, verdict, author.premoderated());
        // PostgreSQL keeps microseconds; truncating here makes the 201 body equal to what a later GET returns.
        comment.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        comment.idempotencyKey = idempotencyKey;
        comment.requestHash = idempotencyKey == null ? null : requestHash;
        return comment;
    }
}
