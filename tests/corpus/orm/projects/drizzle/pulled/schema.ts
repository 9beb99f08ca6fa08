import { pgTable, uniqueIndex, check, serial, varchar, text, integer, bigint, boolean, numeric, jsonb, uuid, timestamp, index, foreignKey, pgEnum } from "drizzle-orm/pg-core"
import { sql } from "drizzle-orm"

export const role = pgEnum("role", ['admin', 'member', 'guest'])


export const users = pgTable("users", {
	id: serial().primaryKey().notNull(),
	email: varchar({ length: 255 }).notNull(),
	name: text().notNull(),
	role: role().default('member').notNull(),
	age: integer(),
	// You can use { mode: "bigint" } if numbers are exceeding js number limitations
	karma: bigint({ mode: "number" }).default(0),
	active: boolean().default(true).notNull(),
	balance: numeric({ precision: 12, scale:  2 }),
	profile: jsonb(),
	tags: text().array(),
	externalId: uuid("external_id").defaultRandom(),
	createdAt: timestamp("created_at", { withTimezone: true, mode: 'string' }).defaultNow().notNull(),
	updatedAt: timestamp("updated_at", { mode: 'string' }),
}, (table) => [
	uniqueIndex("users_email_idx").using("btree", table.email.asc().nullsLast().op("text_ops")),
	check("age_check", sql`age >= 0`),
]);

export const posts = pgTable("posts", {
	id: integer().primaryKey().generatedAlwaysAsIdentity({ name: "posts_id_seq", startWith: 1, increment: 1, minValue: 1, maxValue: 2147483647, cache: 1 }),
	authorId: integer("author_id").notNull(),
	title: varchar({ length: 200 }).notNull(),
	body: text(),
	published: boolean().default(false),
	createdAt: timestamp("created_at", { mode: 'string' }).defaultNow(),
}, (table) => [
	index("posts_author_idx").using("btree", table.authorId.asc().nullsLast().op("int4_ops")),
	foreignKey({
			columns: [table.authorId],
			foreignColumns: [users.id],
			name: "posts_author_id_users_id_fk"
		}).onDelete("cascade"),
]);
