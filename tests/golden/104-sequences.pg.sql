-- CREATE / ALTER / DROP SEQUENCE (nextval & co. are unit-tested in
-- tests/unit/test_schema.c until the translator knows the functions).

create sequence s

create sequence s

create sequence if not exists s

create sequence s2 as smallint increment by 2 start with 10 minvalue 5 maxvalue 20 cycle cache 5

alter sequence s2 restart

alter sequence s restart with 50

alter sequence s increment by 3 maxvalue 100 no cycle

alter sequence nope restart

alter sequence if exists nope restart

create sequence bad start with 0

create sequence bad minvalue 10 maxvalue 5

create sequence bad increment by 0

create sequence bad as text

create sequence bad as smallint maxvalue 100000

create sequence bad cache 0

create sequence bad increment 1 increment 2

create table tab (id int)

create sequence owned owned by tab.id

create sequence owned2 owned by tab.nope

create sequence owned2 owned by nope.x

alter sequence tab restart

drop table tab

drop sequence owned

drop sequence s, s2

drop sequence s
