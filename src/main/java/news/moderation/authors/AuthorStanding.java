package news.moderation.authors;

public enum AuthorStanding {
    ACTIVE,
    /** Every comment goes to review, whatever its verdict. */
    PREMODERATED,
    /** May not comment until a date. */
    SUSPENDED,
    /** May not comment. */
    BANNED
}
