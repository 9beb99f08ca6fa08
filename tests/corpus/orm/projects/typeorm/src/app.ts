import "reflect-metadata";
import { DataSource } from "typeorm";
import { User, Post, Role } from "./entities";

const mode = process.argv[2] ?? "sync";
const ds = new DataSource({
  type: "postgres", host: "127.0.0.1", port: 55471, username: "postgres",
  database: process.env.DB ?? "typeorm_app",
  entities: [User, Post], synchronize: true, logging: false,
});

async function main() {
  await ds.initialize();
  if (mode === "queries") {
    const users = ds.getRepository(User), posts = ds.getRepository(Post);
    const u = await users.save(users.create({ email: "ann@example.com", name: "Ann", age: 30, role: Role.Admin, tags: ["a", "b,c"], profile: { x: 1 } }));
    await posts.save([posts.create({ author: u, title: "Hello" }), posts.create({ author: u, title: "World", published: true })]);
    await users.upsert({ email: "ann@example.com", name: "Ann2" }, ["email"]);
    const all = await users.find({ relations: { posts: true }, where: { active: true }, order: { id: "ASC" } });
    console.log(JSON.stringify(all));
    const qb = await users.createQueryBuilder("u").leftJoinAndSelect("u.posts", "p").where("u.age >= :a", { a: 18 }).getMany();
    console.log(qb.length);
    await users.update({ id: u.id }, { karma: "7" });
    await posts.delete({ title: "World" });
    await ds.transaction(async (m) => { await m.getRepository(Post).update({ author: { id: u.id } }, { published: true }); });
  }
  await ds.destroy();
}
main().catch((e) => { console.error(e); process.exit(1); });
