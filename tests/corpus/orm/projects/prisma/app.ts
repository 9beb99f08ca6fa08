// Prisma Client 7 (WASM query compiler + @prisma/adapter-pg, no native engine) runtime queries.
import { PrismaClient } from "./generated/client";
import { PrismaPg } from "@prisma/adapter-pg";

async function main() {
  const adapter = new PrismaPg({ connectionString: "postgres://postgres@127.0.0.1:55471/prisma_app" });
  const prisma = new PrismaClient({ adapter });
  const u = await prisma.users.create({
    data: { email: "ann@example.com", name: "Ann", age: 30, role: "admin", tags: ["a", "b,c"], profile: { x: 1 }, balance: "12.50",
            posts: { create: [{ title: "Hello" }, { title: "World", published: true }] } },
    include: { posts: true },
  });
  console.log(u);
  await prisma.users.upsert({ where: { email: "ann@example.com" }, update: { name: "Ann2" }, create: { email: "ann@example.com", name: "X" } });
  const all = await prisma.users.findMany({ include: { posts: { where: { published: true }, orderBy: { id: "desc" } } }, where: { age: { gte: 18 } } });
  console.log(JSON.stringify(all, (k, v) => typeof v === "bigint" ? v.toString() : v));
  await prisma.posts.updateMany({ where: { author_id: u.id }, data: { published: true } });
  console.log(await prisma.posts.count(), await prisma.users.aggregate({ _max: { age: true } }));
  await prisma.$transaction([prisma.posts.deleteMany({ where: { title: "World" } }), prisma.users.update({ where: { id: u.id }, data: { karma: { increment: 1 } } })]);
  await prisma.$disconnect();
}
main().catch((e) => { console.error(e); process.exit(1); });
