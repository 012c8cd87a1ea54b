package dev.quarry.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class RelationSettersTest {
    private static final JavaFileObject TAG = JavaFileObjects.forSourceString("app.Tag", """
            package app;
            import dev.quarry.entity.*;
            @Entity public class Tag extends BaseEntity<Tag> { Long id; }
            """);

    private static Compilation compile(JavaFileObject... sources) {
        return javac().withProcessors(new EntityProcessor()).compile(sources);
    }

    private static JavaFileObject post(String... body) {
        String[] lines = new String[body.length + 5];
        lines[0] = "package app;";
        lines[1] = "import dev.quarry.entity.*;";
        lines[2] = "import dev.quarry.relation.BelongsToMany;";
        lines[3] = "@Entity public class Post extends Post_Relations {";
        System.arraycopy(body, 0, lines, 4, body.length);
        lines[lines.length - 1] = "}";
        return JavaFileObjects.forSourceLines("app.Post", lines);
    }

    @Test
    void generatesASetterThatSyncsAndAGetterThatLoadsOnce() {
        Compilation compilation = compile(TAG, post(
                "  Long id;",
                "  public BelongsToMany<Post, Tag> tags() { return belongsToMany(Tag.class); }"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("app.Post_Relations").contentsAsUtf8String()
                .contains("public abstract class Post_Relations extends dev.quarry.entity.BaseEntity<app.Post>");
        assertThat(compilation).generatedSourceFile("app.Post_Relations").contentsAsUtf8String()
                .contains("""
                        public dev.quarry.relation.pivot.SyncResult setTags(java.lang.Object... tags) {
                                return ((app.Post) this).tags().sync(tags);""");
        assertThat(compilation).generatedSourceFile("app.Post_Relations").contentsAsUtf8String()
                .contains("public dev.quarry.relation.pivot.SyncResult setTags(java.util.Collection<?> tags) {");
        assertThat(compilation).generatedSourceFile("app.Post_Relations").contentsAsUtf8String()
                .contains("""
                        public java.util.List<app.Tag> getTags() {
                                return ((app.Post) this).tags().getResults();""");
    }

    @Test
    void callersCompileAgainstTheGeneratedSetterWithIdsEntitiesOrACollection() {
        JavaFileObject caller = JavaFileObjects.forSourceString("app.Caller", """
                package app;
                class Caller {
                  void use(Post post, Tag someTag) {
                    post.setTags(4, 12, someTag);
                    post.setTags(java.util.List.of(1L, 2L));
                    java.util.List<Tag> tags = post.getTags();
                  }
                }
                """);

        Compilation compilation = compile(TAG, caller, post(
                "  Long id;",
                "  public BelongsToMany<Post, Tag> tags() { return belongsToMany(Tag.class); }"));

        assertThat(compilation).succeeded();
    }

    @Test
    void doesNotGenerateAMethodTheEntityDeclaresItself() {
        Compilation compilation = compile(TAG, post(
                "  Long id;",
                "  public BelongsToMany<Post, Tag> tags() { return belongsToMany(Tag.class); }",
                "  public java.util.List<Tag> getTags() { return tags().orderBy(\"id\").get(); }"));

        assertThat(compilation).succeeded();
        assertThat(compilation).generatedSourceFile("app.Post_Relations").contentsAsUtf8String()
                .doesNotContain("getTags()");
        assertThat(compilation).generatedSourceFile("app.Post_Relations").contentsAsUtf8String()
                .contains("setTags(java.lang.Object... tags)");
    }

    @Test
    void anEntityWithoutRelationsStillGetsItsBase() {
        Compilation compilation = compile(post("  Long id;"));

        assertThat(compilation).succeeded();
        assertThat(compilation).generatedSourceFile("app.Post_Relations").contentsAsUtf8String()
                .doesNotContain("SyncResult set");
    }

    @Test
    void aRelationMethodWithParametersIsAnErrorThatShowsTheRightSignature() {
        JavaFileObject post = post(
                "  Long id;",
                "  public BelongsToMany<Post, Tag> tags(String filter) { return belongsToMany(Tag.class); }");

        Compilation compilation = compile(TAG, post);

        assertThat(compilation).hadErrorContaining("[Quarry/RelationSignature] Relation tags of Post takes parameters")
                .inFile(post).onLineContaining("tags(String filter)");
        assertThat(compilation).hadErrorContaining("`public BelongsToMany<Post, Tag> tags() { return belongsToMany(Tag.class); }`");
    }

    @Test
    void aPrivateRelationMethodIsAnError() {
        JavaFileObject post = post(
                "  Long id;",
                "  private BelongsToMany<Post, Tag> tags() { return belongsToMany(Tag.class); }");

        assertThat(compile(TAG, post)).hadErrorContaining("[Quarry/RelationSignature] Relation tags of Post is private")
                .inFile(post).onLineContaining("tags()");
    }

    @Test
    void aStaticRelationMethodIsAnError() {
        JavaFileObject post = post(
                "  Long id;",
                "  public static BelongsToMany<Post, Tag> tags() { return null; }");

        assertThat(compile(TAG, post)).hadErrorContaining("[Quarry/RelationSignature] Relation tags of Post is static")
                .inFile(post).onLineContaining("static BelongsToMany");
    }

    @Test
    void aRelationThatDoesNotNameItsOwnEntityFirstIsAnError() {
        JavaFileObject post = post(
                "  Long id;",
                "  public BelongsToMany<Tag, Tag> tags() { return null; }");

        assertThat(compile(TAG, post)).hadErrorContaining("must name its entity and the related one: `BelongsToMany<Post, Tag>`")
                .inFile(post).onLineContaining("tags()");
    }

    @Test
    void theEntityIsIndexedOnceItsGeneratedBaseExists() throws java.io.IOException {
        Compilation compilation = compile(TAG, post(
                "  Long id;",
                "  public BelongsToMany<Post, Tag> tags() { return belongsToMany(Tag.class); }"));

        String index = compilation.generatedFile(javax.tools.StandardLocation.CLASS_OUTPUT, "", EntityProcessor.INDEX)
                .orElseThrow().getCharContent(true).toString();
        org.junit.jupiter.api.Assertions.assertTrue(index.contains("app.Post\n"), index);
        org.junit.jupiter.api.Assertions.assertTrue(index.contains("app.Tag\n"), index);
    }
}
