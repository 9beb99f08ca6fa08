// sequelize sync({ alter: true }) on two models; SCHEMA_V2=1 changes a few columns.
const { Sequelize, DataTypes, Op } = require("sequelize");
const V2 = process.env.SCHEMA_V2 === "1";
const sequelize = new Sequelize("postgres://postgres@127.0.0.1:55471/sequelize_app", { logging: false });

const User = sequelize.define("User", {
  id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
  email: { type: DataTypes.STRING(255), allowNull: false, unique: true },
  name: { type: DataTypes.TEXT, allowNull: false },
  role: { type: DataTypes.ENUM(...(V2 ? ["admin", "member", "guest", "owner"] : ["admin", "member", "guest"])), defaultValue: "member" },
  age: { type: DataTypes.INTEGER, validate: { min: 0 } },
  karma: { type: DataTypes.BIGINT, defaultValue: 0 },
  active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
  balance: { type: DataTypes.DECIMAL(12, 2) },
  profile: { type: DataTypes.JSONB },
  tags: { type: DataTypes.ARRAY(DataTypes.TEXT) },
  externalId: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4 },
  seenAt: { type: V2 ? DataTypes.DATE : DataTypes.DATE(3), defaultValue: Sequelize.fn("now") },
  ...(V2 ? { nickname: { type: DataTypes.STRING(50), defaultValue: "anon" } } : {}),
}, { tableName: "users", indexes: [{ name: "users_name_idx", fields: ["name"] }] });

const Post = sequelize.define("Post", {
  id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
  title: { type: DataTypes.STRING(V2 ? 300 : 200), allowNull: false },
  body: { type: DataTypes.TEXT },
  published: { type: DataTypes.BOOLEAN, defaultValue: false },
}, { tableName: "posts" });

User.hasMany(Post, { foreignKey: { name: "authorId", allowNull: false }, onDelete: "CASCADE", as: "posts" });
Post.belongsTo(User, { foreignKey: "authorId", as: "author" });

async function main() {
  const mode = process.argv[2] ?? "sync";
  if (mode === "sync") await sequelize.sync({ alter: true });
  if (mode === "queries") {
    const u = await User.create({ email: "ann@example.com", name: "Ann", age: 30, tags: ["a", "b,c"], profile: { x: 1 } });
    await Post.bulkCreate([{ authorId: u.id, title: "Hello" }, { authorId: u.id, title: "World", published: true }]);
    await User.upsert({ email: "ann@example.com", name: "Ann2", id: u.id });
    const all = await User.findAll({ include: [{ model: Post, as: "posts" }], where: { age: { [Op.gte]: 18 } } });
    console.log(JSON.stringify(all));
    await User.update({ karma: 7 }, { where: { id: u.id } });
    await sequelize.transaction(async (t) => { await Post.destroy({ where: { title: "World" }, transaction: t }); });
    console.log(await Post.count());
  }
  await sequelize.close();
}
main().catch((e) => { console.error(e); process.exit(1); });
