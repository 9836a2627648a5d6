-- A comparison (the wage offer against expected inflation) is checked like a norm but is not one
-- the government set itself; the scorecard counts it apart.
alter table norm add column kind text not null default 'norm' check (kind in ('norm', 'comparison'));
