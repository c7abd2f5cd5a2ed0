package news.moderation.comments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import news.moderation.ruleset.VerdictView;

/**
 * One revision of a comment with its verdict, as a moderator reads the comment's revisions. {@code status} is the
 * comment's status while it was the latest revision: for a replaced one, up to the edit that replaced it.
 */
public record CommentRevisionView(int revision, boolean latest, String body, CommentStatus status, Instant writtenAt,
        VerdictView verdict) {

    /** Every revision of the comment, oldest first: those its edits replaced, then its latest. */
    public static List<CommentRevisionView> allOf(Comment comment) {
        List<CommentRevisionView> revisions = new ArrayList<>();
        CommentRevision.replacedOf(comment.id).forEach(replaced -> revisions.add(replaced(replaced)));
        revisions.add(latest(comment));
        return revisions;
    }

    private static CommentRevisionView latest(Comment comment) {
        return new CommentRevisionView(comment.revision, true, comment.body, comment.status,
                comment.latestRevisionWrittenAt(), comment.verdict());
    }

    private static CommentRevisionView replaced(CommentRevision revision) {
        return new CommentRevisionView(revision.revision, false, revision.body, revision.status, revision.writtenAt,
                revision.verdict());
    }
}
