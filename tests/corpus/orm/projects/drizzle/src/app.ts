// drizzle-orm runtime queries against the migrated database (schema = src2/schema.ts)
import { drizzle } from "drizzle-orm/node-postgres";
import { eq, sql, and, gte, desc, inArray } from "drizzle-orm";
import { Pool } from "pg";
import * as schema from "../src2/schema";
const { users, posts } = schema;

async function main() {
  const pool = new Pool({ connectionString: "postgres://postgres@127.0.0.1:55471/drizzle_migrate" });
  const db = drizzle(pool, { schema });

  const [u] = await db.insert(users).values({
    email: "ann@example.com", name: "Ann", age: 30, role: "admin", karma: 5,
    balance: "12.50", profile: { theme: "dark", n: [1, 2] }, tags: ["a", "b,c", "d\"e"],
  }).returning();
  console.log("inserted", u);
  const [u2] = await db.insert(users).values({ email: "bob@example.com", name: "Bob", age: 40 })
    .returning({ id: users.id, createdAt: users.createdAt });
  await db.insert(posts).values([
    { authorId: u.id, title: "Hello", body: "first" },
    { authorId: u.id, title: "World", published: true },
    { authorId: u2.id, title: "Bob's" },
  ]);
  // upsert
  const up = await db.insert(users).values({ email: "ann@example.com", name: "Ann2", age: 31 })
    .onConflictDoUpdate({ target: users.email, set: { name: sql`excluded.name`, age: 31 } })
    .returning();
  console.log("upserted", up);
  await db.insert(users).values({ email: "bob@example.com", name: "Dup", age: 50 }).onConflictDoNothing();

  // relational queries
  const rq = await db.query.users.findMany({ with: { posts: true } });
  console.log("rq", JSON.stringify(rq));
  const rq2 = await db.query.posts.findFirst({
    where: (p, { eq }) => eq(p.published, true),
    with: { author: { columns: { id: true, name: true } } },
  });
  console.log("rq2", JSON.stringify(rq2));
  const rq3 = await db.query.users.findMany({
    columns: { id: true, email: true },
    with: { posts: { where: (p, { eq }) => eq(p.published, false), orderBy: (p, { desc }) => [desc(p.id)], limit: 5 } },
    orderBy: (u, { asc }) => [asc(u.id)],
  });
  console.log("rq3", JSON.stringify(rq3));

  // core query builder
  const j = await db.select({ name: users.name, title: posts.title }).from(users)
    .innerJoin(posts, eq(posts.authorId, users.id))
    .where(and(gte(users.age, 18), inArray(users.role, ["admin", "member"])))
    .orderBy(desc(posts.id)).limit(10).offset(0);
  console.log("join", j);
  const cnt = await db.select({ n: sql<number>`count(*)::int` }).from(posts);
  console.log("count", cnt);
  await db.$count(posts, eq(posts.published, true));
  await db.update(users).set({ karma: sql`${users.karma} + 1`, updatedAt: new Date() }).where(eq(users.id, u.id)).returning();
  await db.transaction(async (tx) => {
    await tx.update(posts).set({ published: true }).where(eq(posts.authorId, u2.id));
    await tx.delete(posts).where(eq(posts.title, "World"));
  });
  try {
    await db.transaction(async (tx) => {
      await tx.insert(posts).values({ authorId: u.id, title: "rollback me" });
      tx.rollback();
    });
  } catch (e) { console.log("rolled back", (e as Error).message); }
  await db.delete(users).where(eq(users.id, u2.id)).returning({ id: users.id });
  await pool.end();
}
main().catch((e) => { console.error(e); process.exit(1); });
