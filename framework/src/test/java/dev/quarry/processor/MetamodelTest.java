package dev.quarry.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class MetamodelTest {
    private static final JavaFileObject ROLE = JavaFileObjects.forSourceString("app.Role", """
            package app;
            import dev.quarry.entity.*;
            @Entity public class Role extends BaseEntity<Role> { Long id; String name; }
            """);
    private static final JavaFileObject ROLE_WITH_USERS = JavaFileObjects.forSourceString("app.Role", """
            package app;
            import dev.quarry.entity.*;
            @Entity public class Role extends BaseEntity<Role> {
              Long id; String name;
              public dev.quarry.relation.BelongsToMany<Role, User> users() { return belongsToMany(User.class); }
            }
            """);
    private static final JavaFileObject USER = JavaFileObjects.forSourceString("app.User", """
            package app;
            import dev.quarry.entity.*;
            import dev.quarry.relation.*;
            @Entity public class User extends BaseEntity<User> {
              Long id;
              @jakarta.validation.constraints.NotBlank String email;
              int age;
              transient String scratch;
              static int counter;
              @PivotColumns({"assignedBy", "assigned_at"})
              public BelongsToMany<User, Role> roles() { return belongsToMany(Role.class); }
              public BelongsToManyTable<User> roleRows() { return belongsToManyTable("roles"); }
            }
            """);

    private static Compilation compile(JavaFileObject... sources) {
        return javac().withProcessors(new EntityProcessor()).compile(sources);
    }

    private static String metamodel(Compilation compilation, String name) throws IOException {
        return compilation.generatedSourceFile(name).orElseThrow().getCharContent(true).toString();
    }

    @Test
    void generatesATypedConstantPerAttributeWithoutTypeAnnotationsAndPrimitivesBoxed() throws IOException {
        Compilation compilation = compile(ROLE, USER);

        assertThat(compilation).succeededWithoutWarnings();
        String user = metamodel(compilation, "app.User_");
        assertThat(compilation).generatedSourceFile("app.User_").contentsAsUtf8String().contains("""
                public static final dev.quarry.entity.AttributeName<app.User, java.lang.String> EMAIL =
                            dev.quarry.entity.AttributeName.of("email");""");
        assertThat(compilation).generatedSourceFile("app.User_").contentsAsUtf8String()
                .contains("dev.quarry.entity.AttributeName<app.User, java.lang.Integer> AGE =");
        assertEquals(false, user.contains("SCRATCH") || user.contains("COUNTER"), user);
    }

    @Test
    void generatesATypedConstantPerRelationNamingTheRelatedType() {
        Compilation compilation = compile(ROLE, USER);

        assertThat(compilation).generatedSourceFile("app.User_").contentsAsUtf8String().contains("""
                public static final dev.quarry.relation.RelationPath<app.User, app.Role> ROLES =
                            dev.quarry.relation.RelationPath.of("roles");""");
        assertThat(compilation).generatedSourceFile("app.User_").contentsAsUtf8String().contains(
                "dev.quarry.relation.RelationPath<app.User, java.util.Map<java.lang.String, java.lang.Object>> ROLE_ROWS =");
    }

    @Test
    void generatesAHolderOfTheDeclaredPivotColumnsPerManyToManyRelation() {
        Compilation compilation = compile(ROLE, USER);

        assertThat(compilation).generatedSourceFile("app.User_").contentsAsUtf8String()
                .contains("public static final class Roles {");
        assertThat(compilation).generatedSourceFile("app.User_").contentsAsUtf8String()
                .contains("public static final dev.quarry.relation.PivotColumn<app.User, app.Role> ASSIGNED_BY =");
        assertThat(compilation).generatedSourceFile("app.User_").contentsAsUtf8String()
                .contains("dev.quarry.relation.PivotColumn<app.User, app.Role> ASSIGNED_AT =");
    }

    @Test
    void theOutputIsTheSameOnEveryBuild() throws IOException {
        assertEquals(metamodel(compile(ROLE, USER), "app.User_"), metamodel(compile(USER, ROLE), "app.User_"));
    }

    @Test
    void callersCompileAgainstTheConstantsWithTypedValuesAndNestedPaths() {
        JavaFileObject post = JavaFileObjects.forSourceString("app.Post", """
                package app;
                import dev.quarry.entity.*;
                import dev.quarry.relation.*;
                @Entity public class Post extends BaseEntity<Post> {
                  Long id; Boolean published;
                  public BelongsTo<Post, User> author() { return belongsTo(User.class); }
                }
                """);
        JavaFileObject caller = JavaFileObjects.forSourceString("app.Caller", """
                package app;
                class Caller {
                  void use(User user, Post post) {
                    user.query().with(User_.ROLES).where(User_.EMAIL, "a@b").where(User_.AGE, ">", 3).orderBy(User_.EMAIL).get();
                    user.query().whereHas(User_.ROLES, q -> q.where(Role_.NAME, "admin")).get();
                    post.query().with(Post_.AUTHOR.then(User_.ROLES), q -> q.orderBy(Role_.NAME)).get();
                    user.roles().wherePivot(User_.Roles.ASSIGNED_BY, "admin").orderByPivot(User_.Roles.ASSIGNED_AT).get();
                  }
                }
                """);

        assertThat(compile(ROLE, USER, post, caller)).succeeded();
    }

    @Test
    void aTypoInARelationNameDoesNotCompile() {
        assertThat(compile(ROLE, USER, caller("user.query().with(User_.ROLSE).get();")))
                .hadErrorContaining("cannot find symbol");
    }

    @Test
    void aRelationOfAnotherEntityDoesNotCompile() {
        assertThat(compile(ROLE_WITH_USERS, USER, caller("user.query().with(Role_.USERS).get();")))
                .hadErrorContaining("no suitable method found for with(dev.quarry.relation.RelationPath<app.Role,app.User>)");
    }

    @Test
    void anAttributeOfAnotherEntityDoesNotCompile() {
        assertThat(compile(ROLE, USER, caller("user.query().where(Role_.NAME, \"admin\").get();")))
                .hadErrorContaining("no suitable method found for where(dev.quarry.entity.AttributeName<app.Role,java.lang.String>,java.lang.String)");
    }

    @Test
    void aValueOfTheWrongTypeDoesNotCompile() {
        assertThat(compile(ROLE, USER, caller("user.query().where(User_.AGE, \"thirty\").get();")))
                .hadErrorContaining("no suitable method found for where(dev.quarry.entity.AttributeName<app.User,java.lang.Integer>,java.lang.String)");
    }

    @Test
    void aPivotColumnOfAnotherRelationDoesNotCompile() {
        JavaFileObject other = JavaFileObjects.forSourceString("app.Team", """
                package app;
                import dev.quarry.entity.*;
                import dev.quarry.relation.*;
                @Entity public class Team extends BaseEntity<Team> {
                  Long id;
                  @PivotColumns("joinedAt") public BelongsToMany<Team, Role> roles() { return belongsToMany(Role.class); }
                }
                """);

        assertThat(compile(ROLE, USER, other, caller("user.roles().wherePivot(Team_.Roles.JOINED_AT, 1).get();")))
                .hadErrorContaining("no suitable method found for wherePivot(dev.quarry.relation.PivotColumn<app.Team,app.Role>,int)");
    }

    @Test
    void refusesPivotColumnsOnARelationWithoutAPivot() {
        JavaFileObject post = JavaFileObjects.forSourceString("app.Post", """
                package app;
                import dev.quarry.entity.*;
                import dev.quarry.relation.*;
                @Entity public class Post extends BaseEntity<Post> {
                  Long id;
                  @PivotColumns("x") public BelongsTo<Post, Role> role() { return belongsTo(Role.class); }
                }
                """);

        Compilation compilation = compile(ROLE, post);

        assertThat(compilation).hadErrorContaining("[Quarry/PivotColumnsPlacement]");
        assertThat(compilation).hadErrorContaining("only a method returning BelongsToMany has a pivot");
    }

    @Test
    void refusesAPivotColumnThatIsNotAnIdentifier() {
        JavaFileObject post = JavaFileObjects.forSourceString("app.Post", """
                package app;
                import dev.quarry.entity.*;
                import dev.quarry.relation.*;
                @Entity public class Post extends BaseEntity<Post> {
                  Long id;
                  @PivotColumns("assigned by") public BelongsToMany<Post, Role> roles() { return belongsToMany(Role.class); }
                }
                """);

        assertThat(compile(ROLE, post)).hadErrorContaining("[Quarry/PivotColumnsName]");
    }

    @Test
    void anAttributeWhoseConstantNamesARelationGetsNoneAndAWarning() {
        JavaFileObject post = JavaFileObjects.forSourceString("app.Post", """
                package app;
                import dev.quarry.entity.*;
                import dev.quarry.relation.*;
                @Entity public class Post extends BaseEntity<Post> {
                  Long id; String role;
                  public BelongsTo<Post, Role> role() { return belongsTo(Role.class); }
                }
                """);

        Compilation compilation = compile(ROLE, post);

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("[Quarry/MetamodelClash]");
        assertThat(compilation).generatedSourceFile("app.Post_").contentsAsUtf8String()
                .contains("dev.quarry.relation.RelationPath<app.Post, app.Role> ROLE =");
    }

    @Test
    void namesTheConstantsInUpperSnakeCase() {
        assertEquals("ASSIGNED_BY", Metamodel.constantName("assignedBy"));
        assertEquals("ASSIGNED_BY", Metamodel.constantName("assigned_by"));
        assertEquals("PERMISSIONS_THROUGH_ROLES", Metamodel.constantName("permissionsThroughRoles"));
        assertEquals("HTTP_STATUS", Metamodel.constantName("HTTPStatus"));
        assertEquals("ID", Metamodel.constantName("id"));
    }

    @Test
    void anEntityWithAGeneratedRelationsBaseGetsItsMetamodelToo() {
        JavaFileObject post = JavaFileObjects.forSourceString("app.Post", """
                package app;
                import dev.quarry.entity.*;
                import dev.quarry.relation.*;
                @Entity public class Post extends Post_Relations {
                  Long id;
                  public BelongsToMany<Post, Role> roles() { return belongsToMany(Role.class); }
                }
                """);

        Compilation compilation = compile(ROLE, post);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("app.Post_").contentsAsUtf8String()
                .contains("dev.quarry.relation.RelationPath<app.Post, app.Role> ROLES =");
    }

    private static JavaFileObject caller(String statement) {
        return JavaFileObjects.forSourceString("app.Caller", """
                package app;
                class Caller {
                  void use(User user) {
                    %s
                  }
                }
                """.formatted(statement));
    }
}
