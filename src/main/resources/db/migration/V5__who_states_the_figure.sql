-- Who states a figure or a norm in the cited sentence: the minister, members of parliament (their
-- group in stated_by_name), or a third party the source cites (named in stated_by_name). Null for
-- what was recorded before this was asked.
alter table observation
    add column stated_by      text check (stated_by in ('minister', 'members', 'third_party')),
    add column stated_by_name text;
alter table norm
    add column stated_by      text check (stated_by in ('minister', 'members', 'third_party')),
    add column stated_by_name text;
