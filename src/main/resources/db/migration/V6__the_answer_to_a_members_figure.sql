-- What the answer says about a figure or norm that members of parliament put in their question:
-- it confirms, qualifies or rejects it, in the answer's own sentence (same source).
alter table observation
    add column response_stance  text check (response_stance in ('confirms', 'qualifies', 'rejects')),
    add column response_section text,
    add column response_quote   text;
alter table norm
    add column response_stance  text check (response_stance in ('confirms', 'qualifies', 'rejects')),
    add column response_section text,
    add column response_quote   text;
