import { relations, sql } from "drizzle-orm";
import {
  pgTable, pgEnum, serial, integer, bigint, text, varchar, boolean,
  timestamp, numeric, jsonb, uuid, uniqueIndex, index, check,
} from "drizzle-orm/pg-core";

export const roleEnum = pgEnum("role", ["admin", "member", "guest"]);

export const users = pgTable("users", {
  id: serial("id").primaryKey(),
  email: varchar("email", { length: 255 }).notNull(),
  name: text("name").notNull(),
  role: roleEnum("role").notNull().default("member"),
  age: integer("age"),
  karma: bigint("karma", { mode: "number" }).default(0),
  active: boolean("active").notNull().default(true),
  balance: numeric("balance", { precision: 12, scale: 2 }),
  profile: jsonb("profile"),
  tags: text("tags").array(),
  externalId: uuid("external_id").defaultRandom(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at"),
}, (t) => [
  uniqueIndex("users_email_idx").on(t.email),
  check("age_check", sql`${t.age} >= 0`),
]);

export const posts = pgTable("posts", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  authorId: integer("author_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  title: varchar("title", { length: 200 }).notNull(),
  body: text("body"),
  published: boolean("published").default(false),
  createdAt: timestamp("created_at").defaultNow(),
}, (t) => [
  index("posts_author_idx").on(t.authorId),
]);

export const usersRelations = relations(users, ({ many }) => ({
  posts: many(posts),
}));
export const postsRelations = relations(posts, ({ one }) => ({
  author: one(users, { fields: [posts.authorId], references: [users.id] }),
}));
