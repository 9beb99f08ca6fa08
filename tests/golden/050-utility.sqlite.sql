-- nopg-file: utility statements; their expectations are plan kinds and arguments
begin
   kind: BEGIN
   tag: BEGIN

start transaction isolation level serializable, read only
   kind: BEGIN isolation=4 read_only=1
   tag: START TRANSACTION

begin read write
   kind: BEGIN read_only=0
   tag: BEGIN

begin isolation level read committed
   kind: BEGIN isolation=2
   tag: BEGIN

commit
   kind: COMMIT
   tag: COMMIT

end
   kind: COMMIT
   tag: COMMIT

rollback
   kind: ROLLBACK
   tag: ROLLBACK

abort
   kind: ROLLBACK
   tag: ROLLBACK

savepoint sp1
   kind: SAVEPOINT name=sp1
   tag: SAVEPOINT

release savepoint sp1
   kind: RELEASE name=sp1
   tag: RELEASE

release sp1
   kind: RELEASE name=sp1
   tag: RELEASE

rollback to savepoint sp1
   kind: ROLLBACK_TO name=sp1
   tag: ROLLBACK

rollback to sp1
   kind: ROLLBACK_TO name=sp1
   tag: ROLLBACK

set search_path to a, "B c", public
   kind: SET name=search_path value=[a, "B c", public]
   tag: SET

set search_path = 'public'
   kind: SET name=search_path value=[public]
   tag: SET

set local statement_timeout = 5000
   kind: SET name=statement_timeout value=[5000] local
   tag: SET

set session timezone to 'UTC'
   kind: SET name=timezone value=[UTC]
   tag: SET

set time zone 'Europe/Paris'
   kind: SET name=timezone value=[Europe/Paris]
   tag: SET

set time zone default
   kind: SET name=timezone
   tag: SET

set client_min_messages = warning
   kind: SET name=client_min_messages value=[warning]
   tag: SET

set application_name to default
   kind: SET name=application_name
   tag: SET

set x.y = 1.5
   kind: SET name=x.y value=[1.5]
   tag: SET

set standard_conforming_strings = on
   kind: SET name=standard_conforming_strings value=[on]
   tag: SET

set names 'UTF8'
   kind: SET name=client_encoding value=[UTF8]
   tag: SET

set transaction isolation level repeatable read
   kind: SET_TRANSACTION isolation=3
   tag: SET

set transaction read only
   kind: SET_TRANSACTION read_only=1
   tag: SET

show timezone
   kind: SHOW name=timezone
   columns: TimeZone text
   tag: SHOW

show search_path
   kind: SHOW name=search_path
   columns: search_path text
   tag: SHOW

show all
   kind: SHOW name=all
   columns: name text, setting text, description text
   tag: SHOW

show transaction isolation level
   kind: SHOW name=transaction_isolation
   columns: transaction_isolation text
   tag: SHOW

reset statement_timeout
   kind: RESET name=statement_timeout
   tag: RESET

reset all
   kind: RESET
   tag: RESET

create database app2
   kind: CREATE_DATABASE name=app2
   tag: CREATE DATABASE

create database app3 template app
   kind: CREATE_DATABASE name=app3 template=app
   tag: CREATE DATABASE

create database app4 with template = app encoding 'UTF8'
   kind: CREATE_DATABASE name=app4 template=app
   tag: CREATE DATABASE

drop database app2
   kind: DROP_DATABASE name=app2
   tag: DROP DATABASE

drop database if exists app2
   kind: DROP_DATABASE name=app2 missing_ok
   tag: DROP DATABASE

discard all
   kind: DISCARD_ALL
   tag: DISCARD ALL

deallocate all
   kind: DEALLOCATE
   tag: DEALLOCATE ALL

deallocate prepare foo
   kind: DEALLOCATE name=foo
   tag: DEALLOCATE

deallocate foo
   kind: DEALLOCATE name=foo
   tag: DEALLOCATE

prepare q as select 1
=> ERROR 0A000 feature not supported: PREPARE

commit prepared 'x'
=> ERROR 0A000 feature not supported: two-phase commit

listen chan
=> ERROR 0A000 feature not supported: LISTEN

do $$ begin end $$
=> ERROR 0A000 feature not supported: DO

-- an empty statement
;
   kind: EMPTY
   tag: (none)

