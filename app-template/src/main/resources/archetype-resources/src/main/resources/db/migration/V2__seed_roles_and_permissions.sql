-- Two roles and what each may do. New users get the "author" role (see UserService).

INSERT INTO "permissions" ("name") VALUES ('posts.write');
INSERT INTO "permissions" ("name") VALUES ('tags.write');
INSERT INTO "permissions" ("name") VALUES ('users.manage');

INSERT INTO "roles" ("name") VALUES ('admin');
INSERT INTO "roles" ("name") VALUES ('author');

INSERT INTO "permissions_roles" ("roleId", "permissionId")
  SELECT r."id", p."id" FROM "roles" r, "permissions" p WHERE r."name" = 'admin';
INSERT INTO "permissions_roles" ("roleId", "permissionId")
  SELECT r."id", p."id" FROM "roles" r, "permissions" p
  WHERE r."name" = 'author' AND p."name" IN ('posts.write', 'tags.write');
