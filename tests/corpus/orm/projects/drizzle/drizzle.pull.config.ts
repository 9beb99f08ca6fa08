import { defineConfig } from "drizzle-kit";
export default defineConfig({
  dialect: "postgresql",
  out: "./pulled",
  dbCredentials: { url: "postgres://postgres@127.0.0.1:55471/drizzle_migrate" },
});
