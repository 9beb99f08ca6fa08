import "reflect-metadata";
import {
  Entity, PrimaryGeneratedColumn, Column, CreateDateColumn, UpdateDateColumn,
  OneToMany, ManyToOne, JoinColumn, Index, Check, Unique,
} from "typeorm";

const V2 = process.env.SCHEMA_V2 === "1";

export enum Role { Admin = "admin", Member = "member", Guest = "guest" }

@Entity("users")
@Check(`"age" >= 0`)
export class User {
  @PrimaryGeneratedColumn({ type: "integer" }) id: number;
  @Index("users_email_idx", { unique: true })
  @Column({ type: "varchar", length: 255 }) email: string;
  @Column({ type: "text" }) name: string;
  @Column({ type: "enum", enum: Role, enumName: "role", default: Role.Member }) role: Role;
  @Column({ type: "integer", nullable: true }) age: number | null;
  @Column({ type: "bigint", default: 0 }) karma: string;
  @Column({ type: "boolean", default: true }) active: boolean;
  @Column({ type: "numeric", precision: 12, scale: 2, nullable: true }) balance: string | null;
  @Column({ type: "jsonb", nullable: true }) profile: object | null;
  @Column({ type: "text", array: true, nullable: true }) tags: string[] | null;
  @Column({ type: "uuid", default: () => "gen_random_uuid()" }) externalId: string;
  @CreateDateColumn({ type: "timestamptz" }) createdAt: Date;
  @UpdateDateColumn({ type: V2 ? "timestamptz" : "timestamp" }) updatedAt: Date;
  @OneToMany(() => Post, (p) => p.author) posts: Post[];
}

@Entity("posts")
export class Post {
  @PrimaryGeneratedColumn("identity", { type: "integer", generatedIdentity: "ALWAYS" }) id: number;
  @ManyToOne(() => User, (u) => u.posts, { onDelete: "CASCADE", nullable: false })
  @JoinColumn({ name: "author_id" }) author: User;
  @Column({ type: "varchar", length: V2 ? 300 : 200 }) title: string;
  @Column({ type: "text", nullable: true }) body: string | null;
  @Column({ type: "boolean", default: false }) published: boolean;
  @Column({ type: "timestamp", default: () => "now()" }) createdAt: Date;
}

// V2 adds a column to posts via a separate property list is not possible with decorators at
// runtime, so V2 changes: updatedAt -> timestamptz, title varchar(300).
