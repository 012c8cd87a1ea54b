package dev.quarry.it.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Module;
import dev.quarry.entity.Attribute;
import dev.quarry.entity.BaseEntity;
import dev.quarry.entity.GuardedAttributeException;
import dev.quarry.entity.Id;
import dev.quarry.entity.UnknownAttributeException;
import dev.quarry.entity.UnsavedEntityException;
import dev.quarry.inject.QuarryModule;
import dev.quarry.it.model.Permission;
import dev.quarry.it.model.Post;
import dev.quarry.it.model.Profile;
import dev.quarry.it.model.Role;
import dev.quarry.it.model.Tag;
import dev.quarry.it.model.User;
import dev.quarry.it.support.DatabaseTest;
import dev.quarry.query.InvalidQueryException;
import dev.quarry.relation.BelongsTo;
import dev.quarry.relation.HasMany;
import dev.quarry.relation.HasOne;
import dev.quarry.relation.InvalidRelatedIdException;
import dev.quarry.relation.InvalidRelationException;
import dev.quarry.sql.DataIntegrityException;
import dev.quarry.validation.EntityValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the samples of docs/belongs-to.md, docs/has-many.md, docs/has-one.md and the new part of docs/relation-setters.md. */
class OneToManySamplesIT extends DatabaseTest {
    private User ada;
    private User grace;

    // ---- the pages' own entities, registered for this test only (see module()) ------------------

    /** belongs-to.md / has-many.md: authors(id, name, email), whose articles name them in writtenBy and authorEmail. */
    static class Author extends BaseEntity<Author> {
        Long id;
        String name;
        String email;

        // snippet:start has-many-positional
        // Author.java
        public HasMany<Author, Article> articles() {
            return hasMany("Article", "writtenBy", null);           // articles.writtenBy = authors.id
        }

        public HasMany<Author, Article> articlesByEmail() {
            return hasMany("Article", "authorEmail", "email");      // articles.authorEmail = authors.email
        }
        // snippet:end

        // snippet:start has-many-fluent
        // snippet:hide each form is a relation method of its own
        public HasMany<Author, Article> articlesFluent() {
        // snippet:show
            return hasMany(Article.class).foreignKey("writtenBy");
        // snippet:hide
        }

        public HasMany<Author, Article> articlesByEmailFluent() {
        // snippet:show
            return hasMany(Article.class).foreignKey("authorEmail").localKey("email");
        // snippet:hide
        }
        // snippet:show
        // snippet:end

        public HasMany<Author, Article> articlesByTitle() {
            return this.<Article>hasMany("Article", "writtenBy", null).orderBy("title");
        }

        public HasMany<Author, Article> articlesByTitleFluent() {
            return hasMany(Article.class).foreignKey("writtenBy").orderBy("title");
        }

        // snippet:start has-one-overrides
        // snippet:hide each form is a relation method of its own
        public HasOne<Author, Article> anArticle() {
        // snippet:show
            return hasOne("Article", "writtenBy", null);                        // articles.writtenBy = authors.id
        // snippet:hide
        }

        public HasOne<Author, Article> anArticleByEmail() {
        // snippet:show
            return hasOne("Article", "authorEmail", "email");                   // articles.authorEmail = authors.email
        // snippet:hide
        }

        public HasOne<Author, Article> anArticleByEmailFluent() {
        // snippet:show
            return hasOne(Article.class).foreignKey("authorEmail").localKey("email");
        // snippet:hide
        }
        // snippet:show
        // snippet:end

        // snippet:start has-one-latest
        // Author.java
        public HasOne<Author, Article> latestArticle() {
            return hasOne(Article.class).foreignKey("writtenBy").orderBy("id", "desc");
        }
        // snippet:end

        Long getId() {
            return id;
        }

        String getName() {
            return name;
        }

        Author setName(String name) {
            this.name = name;
            return this;
        }

        String getEmail() {
            return email;
        }

        Author setEmail(String email) {
            this.email = email;
            return this;
        }
    }

    /** belongs-to.md: articles(id, title, writtenBy, authorEmail). */
    static class Article extends BaseEntity<Article> {
        Long id;
        String title;
        Long writtenBy;
        String authorEmail;

        // snippet:start belongs-to-positional
        // Article.java
        public BelongsTo<Article, Author> writer() {
            return belongsTo("Author", "writtenBy", null);          // articles.writtenBy -> authors.id
        }

        public BelongsTo<Article, Author> writerByEmail() {
            return belongsTo("Author", "authorEmail", "email");     // articles.authorEmail -> authors.email
        }
        // snippet:end

        // snippet:start belongs-to-fluent
        // snippet:hide each form is a relation method of its own
        public BelongsTo<Article, Author> writerFluent() {
        // snippet:show
            return belongsTo(Author.class).foreignKey("writtenBy");
        // snippet:hide
        }

        public BelongsTo<Article, Author> writerByEmailFluent() {
        // snippet:show
            return belongsTo(Author.class).foreignKey("authorEmail").ownerKey("email");
        // snippet:hide
        }
        // snippet:show
        // snippet:end

        // snippet:start belongs-to-default-declaration
        // Article.java
        public BelongsTo<Article, Author> writerOrGuest() {
            return belongsTo(Author.class).foreignKey("writtenBy").withDefault(Map.of("name", "Guest Author"));
        }
        // snippet:end

        // snippet:start belongs-to-default-forms
        // snippet:hide each form is a relation method of its own
        public BelongsTo<Article, Author> writerOrBlank() {
        // snippet:show
            return belongsTo(Author.class).foreignKey("writtenBy").withDefault();                                   // empty
        // snippet:hide
        }

        public BelongsTo<Article, Author> writerOrGuestInCode() {
        // snippet:show
            return belongsTo(Author.class).foreignKey("writtenBy").withDefault(author -> author.setName("Guest Author"));
        // snippet:hide
        }
        // snippet:show
        // snippet:end

        public BelongsTo<Article, Author> writerOrBlankPositional() {
            return this.<Author>belongsTo("Author", "writtenBy", null).withDefault();
        }

        public BelongsTo<Article, Author> verifiedWriter() {
            return belongsTo(Author.class).foreignKey("writtenBy").whereNotNull("email");
        }

        public BelongsTo<Article, Author> writerWithUnknownDefault() {
            return belongsTo(Author.class).foreignKey("writtenBy").withDefault(Map.of("nickname", "Guest"));
        }

        Long getId() {
            return id;
        }

        String getTitle() {
            return title;
        }

        Article setTitle(String title) {
            this.title = title;
            return this;
        }

        Long getWrittenBy() {
            return writtenBy;
        }

        Article setWrittenBy(Long writtenBy) {
            this.writtenBy = writtenBy;
            return this;
        }

        String getAuthorEmail() {
            return authorEmail;
        }

        Article setAuthorEmail(String authorEmail) {
            this.authorEmail = authorEmail;
            return this;
        }
    }

    /** belongs-to.md / has-many.md: a project keyed by (orgId, code), registered as Project@samples on the projects table. */
    static class Project extends BaseEntity<Project> {
        @Id Long orgId;
        @Id String code;
        String name;

        // snippet:start has-many-composite
        // Project.java: projects(orgId, code, name)
        public HasMany<Project, Ticket> tickets() {
            return hasMany(Ticket.class);
        }
        // snippet:end

        public HasMany<Project, Ticket> ticketsSpelledOut() {
            // snippet:start has-many-fluent-composite
            return hasMany(Ticket.class).foreignKey("projectOrgId", "projectCode").localKey("orgId", "code");   // Project's conventions, spelled out
            // snippet:end
        }

        Project setKey(Long orgId, String code) {
            this.orgId = orgId;
            this.code = code;
            return this;
        }

        String getName() {
            return name;
        }

        Project setName(String name) {
            this.name = name;
            return this;
        }
    }

    /** belongs-to.md: tickets(id, title, projectOrgId, projectCode). */
    static class Ticket extends BaseEntity<Ticket> {
        Long id;
        String title;
        Long projectOrgId;
        String projectCode;

        // snippet:start belongs-to-composite
        // Ticket.java: tickets(id, title, projectOrgId, projectCode)
        public BelongsTo<Ticket, Project> project() {
            return belongsTo(Project.class);
        }
        // snippet:end

        public BelongsTo<Ticket, Project> projectSpelledOut() {
            // snippet:start belongs-to-5
            return belongsTo(Project.class).foreignKey("projectOrgId", "projectCode").ownerKey("orgId", "code");
            // snippet:end
        }

        String getTitle() {
            return title;
        }
    }

    /** Bad declarations and a primitive foreign key, on the posts table. */
    static class Note extends BaseEntity<Note> {
        Long id;
        long userId;

        public BelongsTo<Note, User> author() {
            return belongsTo(User.class);
        }

        public BelongsTo<Note, User> wrongKey() {
            return belongsTo(User.class).foreignKey("nope");
        }

        public BelongsTo<Note, User> twoKeys() {
            return belongsTo(User.class).foreignKey("userId", "id");
        }

        public BelongsTo<Note, Tag> tag() {
            return belongsTo(Tag.class);                     // no tagId attribute
        }

        public HasMany<Note, Tag> tags() {
            return hasMany(Tag.class);                       // tags have no noteId attribute
        }

        public BelongsTo<Note, User> authorOrAdmin() {
            return belongsTo(User.class).withDefault(Map.of("admin", true));
        }

        long getUserId() {
            return userId;
        }
    }

    /** has-one.md: the other withDefault forms, on a second mapping of the users table (so the foreign key is userId). */
    static class Member extends BaseEntity<Member> {
        Long id;
        String email;

        // snippet:start has-one-default-forms
        // snippet:hide each form is a relation method of its own
        public HasOne<Member, Profile> profileOrBlank() {
        // snippet:show
            return hasOne(Profile.class).withDefault();                                   // empty
        // snippet:hide
        }

        public HasOne<Member, Profile> profileInCode() {
        // snippet:show
            return hasOne(Profile.class).withDefault(profile -> profile.setBio("(none yet)"));
        // snippet:hide
        }
        // snippet:show
        // snippet:end

        public HasOne<Member, Profile> profileWithUnknownDefault() {
            return hasOne(Profile.class).withDefault(Map.of("nickname", "x"));
        }

        public HasOne<Member, Profile> profilePositional() {
            return hasOne("Profile", "userId", null);
        }

        Long getId() {
            return id;
        }
    }

    @Override
    protected Module module(QuarryModule.Builder builder) {
        return builder.entity(Author.class).entity(Article.class).entity(Project.class, "Project@samples")
                .entity(Ticket.class).entity(Note.class, "Note").entity(Member.class, "User@samples").build();
    }

    @BeforeEach
    void seed() {
        for (String sql : DocPage.codeBlocks(DocPage.read("belongs-to.md"), "sql")) {
            jdbi.useHandle(h -> h.createScript(sql).execute());
        }
        execute("CREATE TABLE \"tickets\" (\"id\" BIGINT GENERATED BY DEFAULT AS IDENTITY (START WITH 1) PRIMARY KEY,"
                + " \"title\" VARCHAR(200), \"projectOrgId\" BIGINT, \"projectCode\" VARCHAR(20))");
        ada = entities.get(User.class).create(Map.of("email", "ada@example.com", "name", "Ada"));
        grace = entities.get(User.class).create(Map.of("email", "grace@example.com", "name", "Grace", "active", false));
        statements.reset();
    }

    // ---- belongs-to.md -------------------------------------------------------------------------------

    @Test
    void theForeignKeyIsNamedAfterTheRelatedEntityNotTheMethod() {
        Post post = post(ada, "first");

        assertEquals(List.of("userId"), names(post.author().foreignAttributes()));
        assertEquals(List.of("id"), names(post.author().ownerAttributes()));
    }

    @Test
    void aCompositeOwnerKeyHasOneForeignKeyColumnPerKeyColumn() {
        entities.get(Project.class).setKey(7L, "apollo").setName("Apollo").save();
        execute("INSERT INTO \"tickets\" (\"title\", \"projectOrgId\", \"projectCode\") VALUES ('t', 7, 'apollo')");
        Ticket ticket = entities.get(Ticket.class).firstOrFail();

        assertEquals(List.of("projectOrgId", "projectCode"), names(ticket.project().foreignAttributes()));
        assertEquals("Apollo", ticket.project().getResults().getName());
        assertEquals(ticket.project().toSql(), ticket.projectSpelledOut().toSql());
        assertEquals("Apollo", ticket.projectSpelledOut().getResults().getName());
    }

    @Test
    void positionalAndFluentOverridesReadTheSameAuthor() {
        Author lovelace = author("Lovelace", "ada@example.org");
        author("Hopper", "grace@example.org");
        Article article = article("Notes", lovelace);

        for (BelongsTo<Article, Author> relation : List.of(article.writer(), article.writerByEmail(), article.writerFluent(),
                article.writerByEmailFluent())) {
            assertEquals("Lovelace", relation.first().orElseThrow().getName(), relation.name());
        }
        assertEquals(List.of("writtenBy"), names(article.writer().foreignAttributes()));
        assertEquals(List.of("authorEmail"), names(article.writerByEmail().foreignAttributes()));
        assertEquals(List.of("email"), names(article.writerByEmail().ownerAttributes()));
        assertEquals(article.writer().toSql(), article.writerFluent().toSql());
        assertEquals(article.writerByEmail().toSql(), article.writerByEmailFluent().toSql());
        assertTrue(article.writerByEmail().toSql().contains("WHERE \"authors\".\"email\" = ?"), article.writerByEmail().toSql());
    }

    @Test
    void declaredConditionsApplyToLazyAndEagerReads() {
        Author lovelace = author("Lovelace", "ada@example.org");
        Author unverified = entities.get(Author.class).setName("Anonymous").save();
        Article verified = article("Notes", lovelace);
        Article other = entities.get(Article.class).setTitle("Rumours").setWrittenBy(unverified.getId()).save();

        assertEquals("Lovelace", verified.verifiedWriter().getResults().getName());
        assertNull(other.verifiedWriter().getResults());
        List<Article> loaded = entities.get(Article.class).query().with("verifiedWriter").orderBy("id").get();
        assertEquals("Lovelace", loaded.get(0).verifiedWriter().getResults().getName());
        assertTrue(loaded.get(1).isRelationLoaded("verifiedWriter"));
        assertNull(loaded.get(1).verifiedWriter().getResults());
    }

    @Test
    void theTypedPositionalFormChainsFurtherCalls() {
        Article anonymous = entities.get(Article.class).setTitle("Untitled").save();

        Author blank = anonymous.writerOrBlankPositional().getResults();

        assertFalse(blank.isLoaded());
        assertNull(blank.getName());
    }

    @Test
    void theRelationIsAQueryConstrainedByTheForeignKey() {
        Post post = post(grace, "first");

        // snippet:start belongs-to-6
        Optional<User> author = post.author().first();
        boolean active = post.author().where("active", true).exists();
        // snippet:end

        assertEquals("Grace", author.orElseThrow().getName());
        assertFalse(active, "grace is not active");
        assertTrue(post.author().toSql().contains("WHERE \"users\".\"id\" = ?"), post.author().toSql());
        assertEquals(List.of(grace.getId()), post.author().bindings());
    }

    @Test
    void getResultsReadsOnceAndCaches() {
        Post post = post(ada, "first");
        statements.reset();

        // snippet:start belongs-to-lazy
        User author = post.author().getResults();    // one SELECT
        User again = post.getAuthor();               // no statement: the same User
        post.isRelationLoaded("author");             // true
        // snippet:end

        assertEquals(1, statements.count());
        assertSame(author, again);
        assertEquals("Ada", author.getName());
        assertTrue(post.isRelationLoaded("author"));
    }

    @Test
    void aNullForeignKeyIsNullWithoutAStatementAndAMissingRowIsNull() {
        Post orphan = entities.get(Post.class).create(Map.of("title", "orphan"));
        Post dangling = entities.get(Post.class).create(Map.of("title", "dangling", "userId", 999));
        statements.reset();

        assertNull(orphan.author().getResults());
        assertEquals(0, statements.count());
        assertNull(dangling.getAuthor());
        assertEquals(1, statements.count());
    }

    @Test
    void settingTheForeignKeyYourselfKeepsTheCachedAuthorUntilRefresh() {
        Post post = post(ada, "first");
        post.getAuthor();

        post.setUserId(grace.getId());
        assertEquals("Ada", post.getAuthor().getName(), "the documented stale cache");

        post.save().refresh();
        assertFalse(post.isRelationLoaded("author"));
        assertEquals("Grace", post.getAuthor().getName());
    }

    @Test
    void callSiteConditionsAreNotCached() {
        Post post = post(ada, "first");
        statements.reset();

        assertEquals("Ada", post.author().where("active", true).getResults().getName());
        assertEquals("Ada", post.author().where("active", true).getResults().getName());

        assertEquals(2, statements.count());
        assertFalse(post.isRelationLoaded("author"));
    }

    @Test
    void anUnsavedPostReadsItsAuthorByTheForeignKey() {
        Post draft = entities.get(Post.class).setTitle("draft").setUserId(ada.getId());

        assertEquals("Ada", draft.author().getResults().getName());
    }

    @Test
    void eagerLoadingAuthorsIsOneStatementAndSharesInstances() {
        post(ada, "a1");
        post(grace, "g1");
        post(ada, "a2");
        entities.get(Post.class).create(Map.of("title", "orphan"));
        statements.reset();

        List<Post> posts = entities.get(Post.class).query().with("author").orderBy("id").get();           // 2 statements

        assertEquals(2, statements.count());
        assertTrue(statements.sql().get(1).contains("IN ("), statements.sql().get(1));
        assertSame(posts.get(0).getAuthor(), posts.get(2).getAuthor());
        assertEquals("Grace", posts.get(1).getAuthor().getName());
        assertNull(posts.get(3).getAuthor());
        assertEquals(2, statements.count());
    }

    @Test
    void eagerLoadingWithoutAnyForeignKeyRunsNoExtraStatement() {
        entities.get(Post.class).create(Map.of("title", "orphan"));
        statements.reset();

        List<Post> posts = entities.get(Post.class).query().with("author").get();

        assertEquals(1, statements.count());
        assertTrue(posts.get(0).isRelationLoaded("author"));
        assertNull(posts.get(0).getAuthor());
    }

    @Test
    void nestedAndConstrainedEagerLoadsOfAuthors() {
        post(ada, "a1");
        post(grace, "g1");
        ada.profile().create(Map.of("bio", "analyst"));
        statements.reset();

        // snippet:start belongs-to-eager
        List<Post> posts = entities.get(Post.class).query().with("author").get();           // 2 statements
        // snippet:hide
        assertEquals(2, statements.count());
        statements.reset();
        // snippet:show
        List<Post> deeper = entities.get(Post.class).query().with("author.profile").get();   // 3: posts, users, profiles
        // snippet:end
        assertEquals(3, statements.count());
        statements.reset();
        // snippet:start belongs-to-eager-constrained
        List<Post> constrained = entities.get(Post.class).query().with("author", q -> q.where("active", true)).get();
        // snippet:end
        constrained = constrained.stream().sorted(java.util.Comparator.comparing(Post::getId)).toList();
        deeper = deeper.stream().sorted(java.util.Comparator.comparing(Post::getId)).toList();

        assertEquals(2, statements.count());
        assertEquals("analyst", deeper.get(0).getAuthor().getProfile().getBio());
        assertEquals("(none yet)", deeper.get(1).getAuthor().getProfile().getBio());
        assertEquals(2, posts.size());
        assertEquals("Ada", constrained.get(0).getAuthor().getName());
        assertNull(constrained.get(1).getAuthor(), "grace is not active");
        assertThrows(InvalidQueryException.class, () -> entities.get(Post.class).query().with("author", q -> q.limit(1)).get());
    }

    @Test
    void withDefaultReturnsAnUnsavedAuthor() {

        // snippet:start belongs-to-default-using
        Article anonymous = entities.get(Article.class).setTitle("Untitled").save();
        // snippet:hide
        statements.reset();
        // snippet:show
        String name = anonymous.writerOrGuest().getResults().getName();   // "Guest Author", no statement
        // snippet:end

        assertEquals("Guest Author", name);
        assertEquals(0, statements.count());
        Author guest = anonymous.writerOrGuest().getResults();
        assertSame(guest, anonymous.writerOrGuest().getResults(), "the default is cached");
        assertFalse(guest.isLoaded());
        assertNull(anonymous.writerOrBlank().getResults().getName());
        assertFalse(anonymous.writerOrBlank().getResults().isLoaded());
        assertEquals("Guest Author", anonymous.writerOrGuestInCode().getResults().getName());
    }

    @Test
    void withDefaultAppliesToEagerLoads() {
        Author lovelace = author("Lovelace", "ada@example.org");
        article("Real", lovelace);
        entities.get(Article.class).setTitle("Anonymous").save();
        entities.get(Article.class).setTitle("Anonymous too").save();

        List<Article> articles = entities.get(Article.class).query().with("writerOrGuest").orderBy("id").get();

        assertEquals(List.of("Lovelace", "Guest Author", "Guest Author"),
                articles.stream().map(a -> a.writerOrGuest().getResults().getName()).toList());
        assertNotSame(articles.get(1).writerOrGuest().getResults(), articles.get(2).writerOrGuest().getResults());
    }

    @Test
    void theDefaultMapIsCheckedWhenTheFirstDefaultIsMade() {
        Article anonymous = entities.get(Article.class).setTitle("Untitled").save();
        Note note = entities.get(Note.class);

        assertThrows(UnknownAttributeException.class, () -> anonymous.writerWithUnknownDefault().getResults());
        assertThrows(GuardedAttributeException.class, () -> note.authorOrAdmin().getResults());
    }

    @Test
    void savingTheDefaultDoesNotAssociateIt() {
        Article anonymous = entities.get(Article.class).setTitle("Untitled").save();

        anonymous.writerOrGuest().getResults().setEmail("guest@example.org").save();

        assertEquals(1, entities.get(Author.class).count());
        assertNull(anonymous.getWrittenBy());
        assertNull(anonymous.refresh().writerFluent().getResults());
    }

    @Test
    void associateSample() {
        post(grace, "first");   // post 1

        // snippet:start belongs-to-associate
        Post post = entities.get(Post.class).findOrFail(1);
        User user = entities.get(User.class).findOrFail(1);
        // snippet:hide
        statements.reset();
        // snippet:show

        post.author().associate(user);
        // snippet:hide
        assertEquals(0, statements.count(), "nothing is written until save()");
        // snippet:show
        post.save();                                       // UPDATE "posts" SET "userId" = ? ...
        // snippet:hide
        assertEquals(1, statements.count());
        assertTrue(statements.sql().get(0).startsWith("UPDATE \"posts\" SET \"userId\" = ?"), statements.sql().get(0));
        assertEquals(ada.getId(), ((Number) rows("posts", "id").get(0).get("userid")).longValue());
        // snippet:show

        User other = entities.get(User.class).findOrFail(2);
        post.author().associate(other.getId()).save();     // or an id; associate returns the post
        // snippet:end
        assertEquals(grace.getId(), ((Number) rows("posts", "id").get(0).get("userid")).longValue());
    }

    @Test
    void associateCachesAnEntityAndForgetsForAnId() {
        Post post = post(ada, "first");
        statements.reset();

        post.author().associate(grace);
        assertSame(grace, post.getAuthor());
        assertEquals(0, statements.count());

        post.author().associate(String.valueOf(ada.getId()));
        assertEquals(ada.getId(), post.getUserId(), "\"1\" became 1L");
        assertFalse(post.isRelationLoaded("author"));
        assertEquals("Ada", post.getAuthor().getName());
        assertEquals(1, statements.count());
    }

    @Test
    void anIdIsNotCheckedButAForeignKeyConstraintRefusesItOnSave() {
        Profile profile = ada.profile().create(Map.of("bio", "analyst"));
        Post post = post(ada, "first");

        profile.user().associate(999);
        assertThrows(DataIntegrityException.class, profile::save);

        post.author().associate(999).save();
        assertNull(post.getAuthor());
    }

    @Test
    void associateOnANewPostBeforeItsFirstSave() {
        Post post = entities.get(Post.class).setTitle("Hello");

        post.author().associate(ada);
        post.save();

        assertEquals(ada.getId(), ((Number) rows("posts", "id").get(0).get("userid")).longValue());
    }

    @Test
    void dissociateSample() {
        Post post = post(ada, "first");
        statements.reset();

        // snippet:start belongs-to-dissociate
        post.author().dissociate();
        // snippet:hide
        assertEquals(0, statements.count());
        assertNull(post.getAuthor());
        // snippet:show
        post.save();                                  // UPDATE "posts" SET "userId" = ? ..., bound to null
        // snippet:end

        assertTrue(statements.sql().get(0).startsWith("UPDATE \"posts\" SET \"userId\" = ?"), statements.sql().get(0));
        assertNull(rows("posts", "id").get(0).get("userid"));
    }

    @Test
    void dissociateCachesTheDefault() {
        Author lovelace = author("Lovelace", "ada@example.org");
        Article article = article("Notes", lovelace);

        article.writerOrGuest().dissociate();

        assertNull(article.getWrittenBy());
        assertEquals("Guest Author", article.writerOrGuest().getResults().getName());
    }

    @Test
    void badInputIsRefusedAndTheForeignKeyKeepsItsValue() {
        Post post = post(ada, "first");
        User unsavedUser = entities.get(User.class).setEmail("new@example.com");
        Tag tag = entities.get(Tag.class).create(Map.of("name", "news"));
        entities.get(Project.class).setKey(7L, "apollo").save();
        execute("INSERT INTO \"tickets\" (\"title\", \"projectOrgId\", \"projectCode\") VALUES ('t', 7, 'apollo')");
        Ticket ticket = entities.get(Ticket.class).firstOrFail();
        Note note = entities.get(Note.class);

        InvalidRelatedIdException cleared = assertThrows(InvalidRelatedIdException.class, () -> post.author().associate(null));
        assertTrue(cleared.getMessage().contains("use dissociate() to clear the relation"), cleared.getMessage());
        InvalidRelatedIdException kind = assertThrows(InvalidRelatedIdException.class, () -> post.author().associate(tag));
        assertTrue(kind.getMessage().contains("it is a Tag, not a User") || kind.getMessage().contains("is a Tag, not a User"),
                kind.getMessage());
        InvalidRelatedIdException unsaved = assertThrows(InvalidRelatedIdException.class, () -> post.author().associate(unsavedUser));
        assertEquals("[Quarry/InvalidRelatedId] associate on Post(1).author was given the entity User(new), which has no key yet:"
                + " save() it first. Nothing was written.", unsaved.getMessage().lines().findFirst().orElseThrow());
        InvalidRelatedIdException abc = assertThrows(InvalidRelatedIdException.class, () -> post.author().associate("abc"));
        assertTrue(abc.getMessage().contains("cannot be converted to the Long foreign key userId"), abc.getMessage());
        InvalidRelatedIdException single = assertThrows(InvalidRelatedIdException.class, () -> ticket.project().associate(5));
        assertTrue(single.getMessage().contains("pass the entity"), single.getMessage());
        InvalidRelatedIdException primitive = assertThrows(InvalidRelatedIdException.class, () -> note.author().dissociate());
        assertTrue(primitive.getMessage().contains("declare it as Long"), primitive.getMessage());
        assertEquals(ada.getId(), post.getUserId());
        assertEquals(7L, ticket.projectSpelledOut().getResults().orgId);

        assertThrows(InvalidRelationException.class, () -> note.wrongKey().getResults());
        assertThrows(InvalidRelationException.class, () -> note.twoKeys().getResults());
        InvalidRelationException missing = assertThrows(InvalidRelationException.class, () -> note.tag().getResults());
        assertTrue(missing.getMessage().contains("add a field for it (e.g. `Long tagId;`)"), missing.getMessage());
    }

    @Test
    void theGeneratedSetterAssociatesWithoutSaving() {
        Post post = post(ada, "first");

        Post same = post.setAuthor(grace);
        assertSame(post, same);
        assertEquals(ada.getId(), ((Number) rows("posts", "id").get(0).get("userid")).longValue(), "not saved yet");
        assertSame(grace, post.getAuthor());

        post.setAuthor(grace).save();
        assertEquals(grace.getId(), ((Number) rows("posts", "id").get(0).get("userid")).longValue());
    }

    // ---- has-many.md ---------------------------------------------------------------------------------

    @Test
    void hasManyConventions() {
        assertEquals(List.of("userId"), names(ada.posts().foreignAttributes()));
        assertEquals(List.of("id"), names(ada.posts().localAttributes()));

        Project apollo = entities.get(Project.class).setKey(7L, "apollo").save();
        execute("INSERT INTO \"tickets\" (\"title\", \"projectOrgId\", \"projectCode\") VALUES ('t1', 7, 'apollo'), ('t2', 7, 'gemini')");

        assertEquals(List.of("projectOrgId", "projectCode"), names(apollo.tickets().foreignAttributes()));
        assertEquals(List.of("t1"), apollo.tickets().get().stream().map(Ticket::getTitle).toList());
        assertEquals(List.of("t1"), apollo.ticketsSpelledOut().get().stream().map(Ticket::getTitle).toList());
        assertEquals(apollo.tickets().toSql(), apollo.ticketsSpelledOut().toSql());

        Note note = entities.get(Note.class);
        InvalidRelationException missing = assertThrows(InvalidRelationException.class, () -> note.tags().foreignAttributes());
        assertTrue(missing.getMessage().contains("noteId"), missing.getMessage());
    }

    @Test
    void hasManyPositionalAndFluentOverrides() {
        Author lovelace = author("Lovelace", "ada@example.org");
        Author hopper = author("Hopper", "grace@example.org");
        article("b-notes", lovelace);
        article("a-sketch", lovelace);
        article("cobol", hopper);

        for (HasMany<Author, Article> relation : List.of(lovelace.articles(), lovelace.articlesByEmail(), lovelace.articlesFluent(),
                lovelace.articlesByEmailFluent())) {
            assertEquals(2, relation.count(), relation.name());
        }
        assertEquals(lovelace.articles().toSql(), lovelace.articlesFluent().toSql());
        assertEquals(lovelace.articlesByEmail().toSql(), lovelace.articlesByEmailFluent().toSql());
        assertEquals(List.of("ada@example.org"), lovelace.articlesByEmail().bindings());
        assertEquals(List.of("a-sketch", "b-notes"), lovelace.articlesByTitle().getResults().stream().map(Article::getTitle).toList());
        assertEquals(List.of("a-sketch", "b-notes"),
                lovelace.articlesByTitleFluent().getResults().stream().map(Article::getTitle).toList());
    }

    @Test
    void aDeclaredOrderAppliesToEagerLoadsToo() {
        Author lovelace = author("Lovelace", "ada@example.org");
        article("b-notes", lovelace);
        article("a-sketch", lovelace);

        Author loaded = entities.get(Author.class).query().with("articlesByTitleFluent").firstOrFail();

        assertEquals(List.of("a-sketch", "b-notes"),
                loaded.articlesByTitleFluent().getResults().stream().map(Article::getTitle).toList());
    }

    @Test
    void hasManyReadingSamplesStayConstrainedToTheUser() {
        User user = ada;
        post(ada, "draft");
        clock.advance(Duration.ofMinutes(1));
        Post older = post(ada, "older").setPublished(true).save();
        clock.advance(Duration.ofMinutes(1));
        post(ada, "newer").setPublished(true).save();
        long postId = post(grace, "grace's").getId();

        // snippet:start has-many-5
        List<Post> all = user.posts().get();
        List<Post> published = user.posts().where("published", true).orderBy("createdAt", "desc").get();
        long count = user.posts().count();
        Optional<Post> one = user.posts().find(postId);      // empty if that post is another user's
        // snippet:end

        assertEquals(3, all.size());
        assertEquals(List.of("newer", "older"), titles(published));
        assertEquals(3, count);
        assertTrue(one.isEmpty());
        assertEquals("older", user.posts().find(older.getId()).orElseThrow().getTitle());
        assertTrue(user.posts().toSql().contains("WHERE \"posts\".\"userId\" = ?"), user.posts().toSql());
    }

    @Test
    void anUnsavedUserCannotReadOrWriteThroughHasMany() {
        User unsaved = entities.get(User.class).setEmail("x@example.com");

        assertThrows(UnsavedEntityException.class, () -> unsaved.posts().get());
        assertThrows(UnsavedEntityException.class, () -> unsaved.getPosts());
        assertThrows(UnsavedEntityException.class, () -> unsaved.posts().save(entities.get(Post.class).setTitle("t")));
        assertThrows(UnsavedEntityException.class, () -> unsaved.posts().create(Map.of("title", "t")));
        assertEquals(0, countRows("posts"));
    }

    @Test
    void hasManyLazyAccessCachesAnUnmodifiableList() {
        User user = ada;
        post(ada, "first");
        statements.reset();

        // snippet:start has-many-lazy
        List<Post> posts = user.posts().getResults();   // one SELECT
        List<Post> again = user.getPosts();             // no statement
        user.isRelationLoaded("posts");                 // true
        // snippet:end

        assertEquals(1, statements.count());
        assertSame(posts, again);
        assertTrue(user.isRelationLoaded("posts"));
        assertThrows(UnsupportedOperationException.class, () -> posts.add(entities.get(Post.class)));
        assertEquals(List.of(), grace.getPosts());
    }

    @Test
    void everyWriteThroughHasManyAndRefreshForgetTheCache() {
        Post moved = post(grace, "moved");
        ada.getPosts();

        ada.posts().save(moved);
        assertFalse(ada.isRelationLoaded("posts"));
        assertEquals(1, ada.getPosts().size());
        ada.posts().saveMany(List.of(entities.get(Post.class).setTitle("s")));
        assertEquals(2, ada.getPosts().size());
        ada.posts().create(Map.of("title", "c"));
        assertEquals(3, ada.getPosts().size());
        ada.posts().createMany(List.of(Map.of("title", "cm")));
        assertEquals(4, ada.getPosts().size());
        ada.setPosts(entities.get(Post.class).setTitle("set"));
        assertEquals(5, ada.getPosts().size());
        ada.posts().make(Map.of("title", "made"));
        assertTrue(ada.isRelationLoaded("posts"), "make writes nothing");
        ada.refresh();
        assertFalse(ada.isRelationLoaded("posts"));
    }

    @Test
    void hasManyCallSiteConditionsAreNotCached() {
        post(ada, "first").setPublished(true).save();
        statements.reset();

        assertEquals(1, ada.posts().where("published", true).getResults().size());
        assertEquals(1, ada.posts().where("published", true).getResults().size());

        assertEquals(2, statements.count());
        assertFalse(ada.isRelationLoaded("posts"));
    }

    @Test
    void hasManyEagerLoadingSamples() {
        Post a1 = post(ada, "a1");
        a1.tags().attach(entities.get(Tag.class).create(Map.of("name", "news")));
        ada.profile().create(Map.of("bio", "analyst"));
        statements.reset();

        // snippet:start has-many-eager
        List<User> users = entities.get(User.class).query().with("posts").get();               // 2 statements
        // snippet:hide
        assertEquals(2, statements.count());
        statements.reset();
        // snippet:show
        List<User> tagged = entities.get(User.class).query().with("posts.tags").get();         // 3: users, posts, tags (belongsToMany)
        // snippet:hide
        assertEquals(3, statements.count());
        statements.reset();
        // snippet:show
        List<User> both = entities.get(User.class).query().with("posts", "profile").get();     // 3: users, posts, profiles
        // snippet:hide
        assertEquals(3, statements.count());
        statements.reset();
        // snippet:show
        List<Post> round = entities.get(Post.class).query().with("author.posts").get();        // 3: posts, users, posts
        // snippet:end
        assertEquals(3, statements.count());
        statements.reset();

        assertEquals(List.of("a1"), titles(users.get(0).getPosts()));
        assertEquals(List.of(), users.get(1).getPosts(), "grace has none: an empty list");
        assertEquals("news", tagged.get(0).getPosts().get(0).getTags().get(0).getName());
        assertEquals("analyst", both.get(0).getProfile().getBio());
        assertEquals(List.of("a1"), titles(round.get(0).getAuthor().getPosts()));
        assertEquals(0, statements.count());
    }

    @Test
    void aConstrainedHasManyEagerLoadFiltersAndOrders() {
        post(ada, "b").setPublished(true).save();
        post(ada, "a").setPublished(true).save();
        post(ada, "draft");

        // snippet:start has-many-eager-constrained
        List<User> users = entities.get(User.class).query()
                .with("posts", q -> q.where("published", true).orderBy("title"))
                .get();
        // snippet:end

        User first = users.stream().filter(u -> u.getId().equals(ada.getId())).findFirst().orElseThrow();
        assertEquals(List.of("a", "b"), titles(first.getPosts()));

        // snippet:start has-many-eager-limit
        List<User> withLatest = entities.get(User.class).query()
                .with("posts", q -> q.orderBy("createdAt", "desc").limit(3))   // each user's three latest posts
                .get();
        // snippet:end

        assertTrue(withLatest.stream().allMatch(u -> u.getPosts().size() <= 3));
    }

    @Test
    void saveSampleMovesAPostOntoTheUser() {
        User user = ada;
        // snippet:start has-many-save
        Post post = entities.get(Post.class).create(Map.of("title", "My Post", "body", "Hello, world!"));
        // snippet:hide
        clock.advance(Duration.ofMinutes(1));
        statements.reset();
        // snippet:show

        user.posts().save(post);                     // UPDATE "posts" SET "userId" = ?, ... WHERE "id" = ?
        // snippet:end

        assertEquals(1, statements.count());
        assertEquals("UPDATE \"posts\" SET \"userId\" = ?, \"updatedAt\" = ? WHERE \"id\" = ?", statements.sql().get(0));
        assertEquals(List.of("My Post"), titles(user.posts().get()));

        Post graces = post(grace, "grace's");
        long id = graces.getId();
        user.posts().save(entities.get(Post.class).findOrFail(id));
        assertEquals(0, grace.posts().count());
        assertEquals(2, user.posts().count());
    }

    @Test
    void saveOfANewPostIsOneInsert() {
        statements.reset();

        ada.posts().save(entities.get(Post.class).setTitle("new"));

        assertEquals(1, statements.count());
        assertTrue(statements.sql().get(0).startsWith("INSERT INTO \"posts\""), statements.sql().get(0));
        assertEquals(1, ada.posts().count());
    }

    @Test
    void saveManySampleAndItsTransaction() {
        User user = ada;

        // snippet:start has-many-10
        List<Post> saved = user.posts().saveMany(List.of(
                entities.get(Post.class).setTitle("First"),
                entities.get(Post.class).setTitle("Second")));
        // snippet:end

        assertEquals(List.of("First", "Second"), titles(saved));
        assertEquals(2, user.posts().count());

        Post good = entities.get(Post.class).setTitle("good");
        Post invalid = entities.get(Post.class).setTitle("");
        assertThrows(EntityValidationException.class, () -> user.posts().saveMany(List.of(good, invalid)));
        assertEquals(2, countRows("posts"), "none of the two was saved");
    }

    @Test
    void createAndCreateManySamples() {
        User user = ada;

        // snippet:start has-many-11
        Post created = user.posts().create(Map.of("title", "My Post", "body", "Hello, world!"));
        List<Post> more = user.posts().createMany(List.of(Map.of("title", "x"), Map.of("title", "y")));
        // snippet:end

        assertTrue(created.isLoaded());
        assertEquals(ada.getId(), created.getUserId());
        assertEquals(List.of("x", "y"), titles(more));
        assertEquals(3, user.posts().count());

        Post overwritten = user.posts().create(Map.of("title", "mine", "userId", grace.getId()));
        assertEquals(ada.getId(), overwritten.getUserId());
        assertThrows(EntityValidationException.class,
                () -> user.posts().createMany(List.of(Map.of("title", "ok"), Map.of("title", ""))));
        assertEquals(4, user.posts().count());
    }

    @Test
    void makeSample() {
        User user = ada;

        // snippet:start has-many-make
        Post draft = user.posts().make(Map.of("title", "Draft"));
        // snippet:hide
        assertFalse(draft.isLoaded());
        assertEquals(0, countRows("posts"));
        // snippet:show
        draft.setBody("...").save();
        // snippet:end

        assertEquals(List.of("Draft"), titles(ada.posts().get()));
        assertNull(entities.get(User.class).setEmail("new@example.com").posts().make(Map.of("title", "t")).getUserId());
    }

    @Test
    void removingIsDoneOnTheBelongsToSide() {
        Post post = post(ada, "first");
        post(ada, "second");

        post.author().dissociate().save();

        assertEquals(List.of("second"), titles(ada.posts().get()));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void hasManyBadInput() {
        Tag tag = entities.get(Tag.class).create(Map.of("name", "news"));
        HasMany raw = ada.posts();

        assertThrows(InvalidRelatedIdException.class, () -> ada.posts().save(null));
        assertThrows(InvalidRelatedIdException.class, () -> raw.save(tag));
        assertThrows(InvalidRelatedIdException.class, () -> ada.posts().saveMany(null));
        assertEquals(0, countRows("posts"));
    }

    @Test
    void theGeneratedHasManySetterOnlyAdds() {
        User user = ada;
        Post kept = post(ada, "kept");
        Post existingPost = post(grace, "moved");

        // snippet:start has-many-setter
        List<Post> saved = user.setPosts(existingPost, entities.get(Post.class).setTitle("New"));
        // snippet:end

        assertEquals(List.of("moved", "New"), titles(saved));
        assertEquals(List.of("kept", "moved", "New"), titles(ada.posts().orderBy("id").get()));
        assertEquals(ada.getId(), kept.refresh().getUserId(), "not in the list, left as it is");
        assertEquals(0, grace.posts().count());
        user.setPosts(List.of());
        assertEquals(3, ada.posts().count(), "an empty list removes nothing");
    }

    // ---- has-one.md ----------------------------------------------------------------------------------

    @Test
    void hasOneConventions() {
        assertEquals(List.of("userId"), names(ada.profile().foreignAttributes()));
        assertEquals(List.of("id"), names(ada.profile().localAttributes()));
        Member member = entities.<Member>get("User@samples").find(ada.getId()).orElseThrow();
        assertEquals(member.profilePositional().toSql(), member.profileOrBlank().toSql());
    }

    @Test
    void aUniqueConstraintEnforcesTheOne() {
        List<String> sql = DocPage.codeBlocks(DocPage.read("has-one.md"), "sql");
        assertEquals(1, sql.size());
        execute("DROP TABLE \"profiles\"");
        execute(sql.get(0));

        ada.profile().create(Map.of("bio", "first"));

        assertThrows(DataIntegrityException.class, () -> ada.profile().create(Map.of("bio", "second")));
        assertEquals(1, countRows("profiles"));
    }

    @Test
    void hasOneOverridesAndLatestArticle() {
        Author lovelace = author("Lovelace", "ada@example.org");
        article("first", lovelace);
        article("second", lovelace);
        author("Hopper", "grace@example.org");
        statements.reset();

        assertNotNull(lovelace.anArticle().getResults());
        assertNotNull(lovelace.anArticleByEmail().getResults());
        assertEquals(lovelace.anArticleByEmail().toSql(), lovelace.anArticleByEmailFluent().toSql());
        assertEquals("second", lovelace.latestArticle().getResults().getTitle());

        List<Author> authors = entities.get(Author.class).query().with("latestArticle").orderBy("id").get();
        assertEquals("second", authors.get(0).latestArticle().getResults().getTitle());
        assertNull(authors.get(1).latestArticle().getResults());
    }

    @Test
    void hasOneReadingSamples() {
        User user = ada;

        // snippet:start has-one-4
        Optional<Profile> row = user.profile().first();
        // snippet:end
        assertTrue(row.isEmpty(), "first() ignores the default");

        user.profile().create(Map.of("bio", "analyst"));
        statements.reset();
        // snippet:start has-one-5
        Profile profile = user.profile().getResults();   // one SELECT
        Profile again = user.getProfile();               // no statement
        // snippet:end

        assertEquals(1, statements.count());
        assertSame(profile, again);
        assertEquals("analyst", profile.getBio());
        assertThrows(UnsavedEntityException.class, () -> entities.get(User.class).setEmail("x@example.com").getProfile());
    }

    @Test
    void hasOneEagerLoadingSamples() {
        grace.profile().create(Map.of("bio", "admiral"));
        post(grace, "g1");
        statements.reset();

        // snippet:start has-one-eager
        List<User> users = entities.get(User.class).query().with("profile").get();             // 2 statements
        // snippet:hide
        assertEquals(2, statements.count());
        statements.reset();
        // snippet:show
        List<Post> posts = entities.get(Post.class).query().with("author.profile").get();      // 3: posts, users, profiles
        // snippet:hide
        assertEquals(3, statements.count());
        statements.reset();
        // snippet:show
        List<Profile> back = entities.get(Profile.class).query().with("user.posts").get();     // 3: profiles, users, posts
        // snippet:end
        assertEquals(3, statements.count());
        statements.reset();

        User first = users.stream().filter(u -> u.getId().equals(ada.getId())).findFirst().orElseThrow();
        User second = users.stream().filter(u -> u.getId().equals(grace.getId())).findFirst().orElseThrow();
        assertEquals("(none yet)", first.getProfile().getBio());
        assertFalse(first.getProfile().isLoaded());
        assertEquals("admiral", second.getProfile().getBio());
        assertEquals("admiral", posts.get(0).getAuthor().getProfile().getBio());
        assertEquals(List.of("g1"), titles(back.get(0).user().getResults().getPosts()));
        assertEquals(0, statements.count());
    }

    @Test
    void hasOneWithDefaultSamples() {
        User user = ada;

        // snippet:start has-one-default-using
        String bio = user.getProfile().getBio();          // "(none yet)" for a user without a profile
        // snippet:end

        assertEquals("(none yet)", bio);
        Member member = entities.<Member>get("User@samples").find(grace.getId()).orElseThrow();
        assertNull(member.profileOrBlank().getResults().getBio());
        assertFalse(member.profileOrBlank().getResults().isLoaded());
        assertEquals("(none yet)", member.profileInCode().getResults().getBio());
        assertThrows(UnknownAttributeException.class, () -> member.profileWithUnknownDefault().getResults());
    }

    @Test
    void savingAHasOneDefaultCreatesTheProfile() {
        User user = ada;

        // snippet:start has-one-default-save
        Profile profile = user.getProfile();             // the default: profile.isLoaded() is false
        // snippet:hide
        assertFalse(profile.isLoaded());
        assertEquals(ada.getId(), profile.getUserId());
        statements.reset();
        // snippet:show
        profile.setBio("Analyst").save();                // INSERT with userId set
        // snippet:end

        assertEquals(1, statements.count());
        assertTrue(statements.sql().get(0).startsWith("INSERT INTO \"profiles\""), statements.sql().get(0));
        assertSame(profile, user.getProfile());
        assertTrue(user.getProfile().isLoaded());
        assertEquals("Analyst", ada.profile().first().orElseThrow().getBio());
    }

    @Test
    void hasOneWritingSamplesLeaveTheEarlierProfile() {
        User user = ada;

        // snippet:start has-one-10
        Profile created = user.profile().create(Map.of("bio", "Analyst"));
        Profile saved = user.profile().save(entities.get(Profile.class).setBio("Admiral"));
        // snippet:end

        assertEquals(ada.getId(), created.getUserId());
        assertEquals(ada.getId(), saved.getUserId());
        assertEquals(2, user.profile().count(), "two profile rows");

        Profile moved = grace.profile().save(saved);
        assertSame(saved, moved);
        assertEquals(grace.getId(), saved.getUserId());
        assertEquals(1, user.profile().count());
        assertThrows(InvalidRelatedIdException.class, () -> user.profile().save(null));
    }

    @Test
    void replacingAProfile() {
        User user = ada;
        user.profile().create(Map.of("bio", "Analyst"));

        // snippet:start has-one-11
        user.profile().first().ifPresent(Profile::delete);
        user.profile().create(Map.of("bio", "Admiral"));
        // snippet:end

        assertEquals(1, countRows("profiles"));
        assertEquals("Admiral", user.getProfile().getBio());
    }

    @Test
    void theGeneratedHasOneSetterSavesAndLeavesTheEarlierProfile() {
        User user = ada;
        user.profile().create(Map.of("bio", "earlier"));

        // snippet:start has-one-13
        Profile profile = user.setProfile(entities.get(Profile.class).setBio("Analyst"));
        // snippet:end

        assertTrue(profile.isLoaded());
        assertEquals(ada.getId(), profile.getUserId());
        assertEquals(2, user.profile().count());
    }

    // ---- relation-setters.md -------------------------------------------------------------------------

    @Test
    void theSettersOfEachRelationshipType() {
        User user = ada;
        Post post = post(grace, "first");
        Role admin = entities.get(Role.class).create(Map.of("name", "admin"));
        admin.permissions().attach(entities.get(Permission.class).create(Map.of("name", "post.edit")));
        user.roles().attach(admin);

        // snippet:start relation-setters-each-type
        post.setAuthor(user).save();                                   // associate, then save the post
        user.setPosts(post, entities.get(Post.class).setTitle("New")); // saved onto the user at once
        user.setProfile(entities.get(Profile.class).setBio("Analyst")); // saved onto the user at once
        User author = post.getAuthor();                                // cached after the first read
        List<Permission> permissions = user.getPermissionsThroughRoles(); // read-only: a getter, no setter
        // snippet:end

        assertSame(user, author);
        assertEquals(List.of("post.edit"), permissions.stream().map(Permission::getName).toList());
        assertEquals(List.of("first", "New"), titles(ada.posts().orderBy("id").get()));
        assertEquals("Analyst", ada.profile().first().orElseThrow().getBio());

        user.setRoleRows(admin.getId());
        assertEquals(List.of("admin"), user.getRoleRows().stream().map(r -> r.get("name")).toList());
    }

    private Post post(User author, String title) {
        return entities.get(Post.class).create(Map.of("title", title, "userId", author.getId()));
    }

    private static List<String> titles(List<Post> posts) {
        return posts.stream().map(Post::getTitle).toList();
    }

    private static List<String> names(List<Attribute> attributes) {
        return attributes.stream().map(Attribute::name).toList();
    }

    private Author author(String name, String email) {
        return entities.get(Author.class).setName(name).setEmail(email).save();
    }

    private Article article(String title, Author writer) {
        return entities.get(Article.class).setTitle(title).setWrittenBy(writer.getId()).setAuthorEmail(writer.getEmail()).save();
    }
}
