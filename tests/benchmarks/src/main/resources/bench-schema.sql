-- The benchmark schema, the same on HSQLDB and PostgreSQL. Quick's conventions: quoted camelCase
-- names, pivots named after the two tables in alphabetical order, composite primary keys, foreign
-- keys and an index on each pivot's second column.
CREATE TABLE "users" ("id" BIGINT PRIMARY KEY, "email" VARCHAR(255) NOT NULL, "name" VARCHAR(100));
CREATE TABLE "roles" ("id" BIGINT PRIMARY KEY, "name" VARCHAR(50) NOT NULL);
CREATE TABLE "roles_users" (
  "userId" BIGINT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
  "roleId" BIGINT NOT NULL REFERENCES "roles" ("id") ON DELETE CASCADE,
  PRIMARY KEY ("userId", "roleId")
);
CREATE INDEX "roles_users_roleId" ON "roles_users" ("roleId");
CREATE TABLE "posts" ("id" BIGINT PRIMARY KEY, "title" VARCHAR(200) NOT NULL);
CREATE TABLE "tags" ("id" BIGINT PRIMARY KEY, "name" VARCHAR(50) NOT NULL);
CREATE TABLE "posts_tags" (
  "postId" BIGINT NOT NULL REFERENCES "posts" ("id") ON DELETE CASCADE,
  "tagId" BIGINT NOT NULL REFERENCES "tags" ("id") ON DELETE CASCADE,
  PRIMARY KEY ("postId", "tagId")
);
CREATE INDEX "posts_tags_tagId" ON "posts_tags" ("tagId");
CREATE TABLE "readings" (
  "id" BIGINT PRIMARY KEY,
  "sensor" VARCHAR(40) NOT NULL,
  "amount" INTEGER NOT NULL,
  "takenAt" TIMESTAMP(6) NOT NULL,
  "approved" BOOLEAN NOT NULL
);
