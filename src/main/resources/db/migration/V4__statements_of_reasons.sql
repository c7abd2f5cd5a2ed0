-- Statements of reasons (DSA Art. 17): one per restriction of a comment, with the fields of the EU DSA Transparency
-- Database's statement-of-reasons API (docs/dsa.md). A restriction that ends (lifted, or replaced by another one)
-- keeps its statement, with end_date set: what was decided stays on record.
CREATE TABLE statement_of_reasons (
    id                               uuid PRIMARY KEY,
    site_id                          text        NOT NULL,
    comment_id                       uuid        NOT NULL,
    puid                             text        NOT NULL,
    decision_visibility              text        NOT NULL,
    decision_visibility_other        text,
    decision_ground                  text        NOT NULL,
    decision_ground_reference_url    text,
    incompatible_content_ground      text,
    incompatible_content_explanation text,
    category                         text        NOT NULL,
    content_type                     text        NOT NULL,
    content_date                     date        NOT NULL,
    application_date                 date        NOT NULL,
    end_date                         date,
    decision_facts                   text        NOT NULL,
    source_type                      text        NOT NULL,
    automated_detection              boolean     NOT NULL,
    automated_decision               text        NOT NULL,
    created_at                       timestamptz NOT NULL,
    ended_at                         timestamptz,
    UNIQUE (site_id, puid)
);

CREATE INDEX statement_of_reasons_comment ON statement_of_reasons (comment_id, created_at);
CREATE INDEX statement_of_reasons_created ON statement_of_reasons (created_at);
