-- drizzle-orm-queries-postgresjs
-- 20 distinct statements (21 executions), in order of first appearance.
-- Captured from the PostgreSQL 15 server log (log_statement=all); see README.md.
-- Each statement (with its comment lines) is ended by a line holding only ;;
-- #1 protocol: extended, prepared (named); executed 1x; db=drizzle_push; application_name=postgres.js
	      select b.oid, b.typarray
	      from pg_catalog.pg_type a
	      left join pg_catalog.pg_type b on b.oid = a.typelem
	      where a.typcategory = 'A'
	      group by b.oid, b.typarray
	      order by b.oid
;;
-- #2 protocol: extended, unnamed; executed 1x; db=drizzle_push; application_name=postgres.js
-- parameters: $1 = 'pj-ann@example.com', $2 = 'Ann', $3 = 'admin', $4 = '30', $5 = '5', $6 = '12.50', $7 = '{"n": [1, 2], "theme": "dark"}', $8 = '{a,"b,c","d\"e"}'
insert into "users" ("id", "email", "name", "role", "age", "karma", "active", "balance", "profile", "tags", "external_id", "created_at", "updated_at", "nickname") values (default, $1, $2, $3, $4, $5, default, $6, $7, $8, default, default, default, default) returning "id", "email", "name", "role", "age", "karma", "active", "balance", "profile", "tags", "external_id", "created_at", "updated_at", "nickname"
;;
-- #3 protocol: extended, unnamed; executed 1x; db=drizzle_push; application_name=postgres.js
-- parameters: $1 = 'pj-bob@example.com', $2 = 'Bob', $3 = '40'
insert into "users" ("id", "email", "name", "role", "age", "karma", "active", "balance", "profile", "tags", "external_id", "created_at", "updated_at", "nickname") values (default, $1, $2, default, $3, default, default, default, default, default, default, default, default, default) returning "id", "created_at"
;;
-- #4 protocol: extended, unnamed; executed 1x; db=drizzle_push; application_name=postgres.js
-- parameters: $1 = '1', $2 = 'Hello', $3 = 'first', $4 = '1', $5 = 'World', $6 = 't', $7 = '2', $8 = 'Bob''s'
insert into "posts" ("id", "author_id", "title", "body", "published", "created_at") values (default, $1, $2, $3, default, default), (default, $4, $5, default, $6, default), (default, $7, $8, default, default, default)
;;
-- #5 protocol: extended, unnamed; executed 1x; db=drizzle_push; application_name=postgres.js
-- parameters: $1 = 'pj-ann@example.com', $2 = 'Ann2', $3 = '31', $4 = '31'
insert into "users" ("id", "email", "name", "role", "age", "karma", "active", "balance", "profile", "tags", "external_id", "created_at", "updated_at", "nickname") values (default, $1, $2, default, $3, default, default, default, default, default, default, default, default, default) on conflict ("email") do update set "name" = excluded.name, "age" = $4 returning "id", "email", "name", "role", "age", "karma", "active", "balance", "profile", "tags", "external_id", "created_at", "updated_at", "nickname"
;;
-- #6 protocol: extended, unnamed; executed 1x; db=drizzle_push; application_name=postgres.js
-- parameters: $1 = 'pj-bob@example.com', $2 = 'Dup', $3 = '50'
insert into "users" ("id", "email", "name", "role", "age", "karma", "active", "balance", "profile", "tags", "external_id", "created_at", "updated_at", "nickname") values (default, $1, $2, default, $3, default, default, default, default, default, default, default, default, default) on conflict do nothing
;;
-- #7 protocol: simple; executed 1x; db=drizzle_push; application_name=postgres.js
select "users"."id", "users"."email", "users"."name", "users"."role", "users"."age", "users"."karma", "users"."active", "users"."balance", "users"."profile", "users"."tags", "users"."external_id", "users"."created_at", "users"."updated_at", "users"."nickname", "users_posts"."data" as "posts" from "users" "users" left join lateral (select coalesce(json_agg(json_build_array("users_posts"."id", "users_posts"."author_id", "users_posts"."title", "users_posts"."body", "users_posts"."published", "users_posts"."created_at")), '[]'::json) as "data" from "posts" "users_posts" where "users_posts"."author_id" = "users"."id") "users_posts" on true
;;
-- #8 protocol: extended, unnamed; executed 1x; db=drizzle_push; application_name=postgres.js
-- parameters: $1 = '1', $2 = 't', $3 = '1'
select "posts"."id", "posts"."author_id", "posts"."title", "posts"."body", "posts"."published", "posts"."created_at", "posts_author"."data" as "author" from "posts" "posts" left join lateral (select json_build_array("posts_author"."id", "posts_author"."name") as "data" from (select * from "users" "posts_author" where "posts_author"."id" = "posts"."author_id" limit $1) "posts_author") "posts_author" on true where "posts"."published" = $2 limit $3
;;
-- #9 protocol: extended, unnamed; executed 1x; db=drizzle_push; application_name=postgres.js
-- parameters: $1 = 'f', $2 = '5'
select "users"."id", "users"."email", "users_posts"."data" as "posts" from "users" "users" left join lateral (select coalesce(json_agg(json_build_array("users_posts"."id", "users_posts"."author_id", "users_posts"."title", "users_posts"."body", "users_posts"."published", "users_posts"."created_at") order by "users_posts"."id" desc), '[]'::json) as "data" from (select * from "posts" "users_posts" where ("users_posts"."author_id" = "users"."id" and "users_posts"."published" = $1) order by "users_posts"."id" desc limit $2) "users_posts") "users_posts" on true order by "users"."id" asc
;;
-- #10 protocol: extended, unnamed; executed 1x; db=drizzle_push; application_name=postgres.js
-- parameters: $1 = '18', $2 = 'admin', $3 = 'member', $4 = '10'
select "users"."name", "posts"."title" from "users" inner join "posts" on "posts"."author_id" = "users"."id" where ("users"."age" >= $1 and "users"."role" in ($2, $3)) order by "posts"."id" desc limit $4
;;
-- #11 protocol: simple; executed 1x; db=drizzle_push; application_name=postgres.js
select count(*)::int from "posts"
;;
-- #12 protocol: extended, unnamed; executed 1x; db=drizzle_push; application_name=postgres.js
-- parameters: $1 = 't'
select count(*) as count from "posts" where "posts"."published" = $1;
;;
-- #13 protocol: extended, unnamed; executed 1x; db=drizzle_push; application_name=postgres.js
-- parameters: $1 = '2026-11-21 23:53:27.543+00', $2 = '1'
update "users" set "karma" = "users"."karma" + 1, "updated_at" = $1 where "users"."id" = $2 returning "id", "email", "name", "role", "age", "karma", "active", "balance", "profile", "tags", "external_id", "created_at", "updated_at", "nickname"
;;
-- #14 protocol: simple; executed 2x; db=drizzle_push; application_name=postgres.js
begin
;;
-- #15 protocol: extended, unnamed; executed 1x; db=drizzle_push; application_name=postgres.js
-- parameters: $1 = 't', $2 = '2'
update "posts" set "published" = $1 where "posts"."author_id" = $2
;;
-- #16 protocol: extended, unnamed; executed 1x; db=drizzle_push; application_name=postgres.js
-- parameters: $1 = 'World'
delete from "posts" where "posts"."title" = $1
;;
-- #17 protocol: extended, prepared (named); executed 1x; db=drizzle_push; application_name=postgres.js
commit
;;
-- #18 protocol: extended, unnamed; executed 1x; db=drizzle_push; application_name=postgres.js
-- parameters: $1 = '1', $2 = 'rollback me'
insert into "posts" ("id", "author_id", "title", "body", "published", "created_at") values (default, $1, $2, default, default, default)
;;
-- #19 protocol: extended, prepared (named); executed 1x; db=drizzle_push; application_name=postgres.js
rollback
;;
-- #20 protocol: extended, unnamed; executed 1x; db=drizzle_push; application_name=postgres.js
-- parameters: $1 = '2'
delete from "users" where "users"."id" = $1 returning "id"
;;
