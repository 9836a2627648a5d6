-- The kind of period a norm is about (the Roemernorm: a year). The headline verdict is drawn from
-- figures of that kind; a newer figure of a shorter period is served beside it as an interim indication.
alter table norm add column frequency text;
