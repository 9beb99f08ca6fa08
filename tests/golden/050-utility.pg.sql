-- nopg-file: utility statements; their expectations are plan kinds and arguments
begin

start transaction isolation level serializable, read only

begin read write

begin isolation level read committed

commit

end

rollback

abort

savepoint sp1

release savepoint sp1

release sp1

rollback to savepoint sp1

rollback to sp1

set search_path to a, "B c", public

set search_path = 'public'

set local statement_timeout = 5000

set session timezone to 'UTC'

set time zone 'Europe/Paris'

set time zone default

set client_min_messages = warning

set application_name to default

set x.y = 1.5

set standard_conforming_strings = on

set names 'UTF8'

set transaction isolation level repeatable read

set transaction read only

show timezone

show search_path

show all

show transaction isolation level

reset statement_timeout

reset all

create database app2

create database app3 template app

create database app4 with template = app encoding 'UTF8'

drop database app2

drop database if exists app2

discard all

deallocate all

deallocate prepare foo

deallocate foo

prepare q as select 1

commit prepared 'x'

listen chan

do $$ begin end $$

-- an empty statement
;
